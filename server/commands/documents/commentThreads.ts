// Comment threads (批注): open a thread on a quoted range, reply, resolve and reopen. Mentioned users and the people
// already in the thread are notified live; a comment mentioning someone who cannot read the document is refused whole
// (the notice would carry the document's title and the comment to them).
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import type { Tx } from '../../db/client.ts';
import { BadRequest, NotFound, Unprocessable } from '../../errors.ts';
import type { NotificationView } from '../../presenters/notification.ts';
import { notice } from '../../notifications/notificationHub.ts';
import { readersAmong } from '../../queries/notifications/noticeReaders.ts';
import type { Services } from '../../services.ts';
import { inTransaction } from '../../db/transaction.ts';

async function checkMentions(tx: Tx, documentId: string, mentions: string[]): Promise<void> {
  if (mentions.length === 0) return;
  const people = await tx.user.findMany({
    where: { id: { in: mentions } },
    select: { id: true, displayName: true },
  });
  if (people.length !== new Set(mentions).size)
    throw new BadRequest('unknown_mention', 'A mentioned user does not exist');
  // The same gate the notice passes (server/policies mayReceive): asked here so the author learns who cannot be told.
  const readers = await readersAmong(tx, { kind: 'document', id: documentId }, mentions);
  const refused = people.filter((p) => !readers.has(p.id));
  if (refused.length > 0) {
    const names = refused.map((p) => p.displayName);
    throw new Unprocessable(
      'mention_not_readable',
      `Cannot mention ${names.join(', ')}: they cannot read this document (${names.join('、')} 无权查看该文件，不能提及)`,
      { users: refused.map((p) => ({ id: p.id, displayName: p.displayName })) },
    );
  }
}

async function notifyThread(
  svc: Services,
  tx: Tx,
  ctx: RequestContext,
  threadId: string,
  documentId: string,
  mentions: string[],
  excerpt: string,
): Promise<NotificationView[]> {
  const doc = await tx.document.findUniqueOrThrow({ where: { id: documentId }, select: { title: true } });
  const earlier = await tx.comment.findMany({ where: { threadId }, select: { authorId: true } });
  const actorId = ctx.actor!.id;
  const participants = new Set(earlier.map((c) => c.authorId));
  const link = `/documents/${documentId}?thread=${threadId}`;
  const about = { kind: 'document', id: documentId } as const;
  // People earlier in the thread who can no longer read the document (a withdrawn share) are left out by create().
  const items = [
    ...mentions
      .filter((id) => id !== actorId)
      .map((userId) =>
        notice(userId, 'comment.mention', { author: actorId, document: doc.title, excerpt }, link, about),
      ),
    ...[...participants]
      .filter((id) => id !== actorId && !mentions.includes(id))
      .map((userId) => notice(userId, 'comment.reply', { document: doc.title, excerpt }, link, about)),
  ];
  return svc.notifications.create(tx, items, ctx.at);
}

export async function openThread(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  input: { quote: string; body: string; mentions: string[] },
): Promise<{ threadId: string; commentId: string }> {
  const { result, notices } = await inTransaction(svc, async (tx) => {
    await checkMentions(tx, documentId, input.mentions);
    const thread = await tx.commentThread.create({
      data: { documentId, createdById: ctx.actor!.id, quote: input.quote, createdAt: ctx.at },
    });
    const notices = await notifyThread(svc, tx, ctx, thread.id, documentId, input.mentions, input.body.slice(0, 80));
    const comment = await tx.comment.create({
      data: {
        threadId: thread.id,
        authorId: ctx.actor!.id,
        body: input.body,
        mentions: JSON.stringify(input.mentions),
        createdAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'comment.thread_open',
      resourceType: 'document',
      resourceId: documentId,
      detail: { threadId: thread.id, mentions: input.mentions.length },
    });
    return { result: { threadId: thread.id, commentId: comment.id }, notices };
  });
  await svc.notifications.publish(notices);
  return result;
}

export async function replyToThread(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  threadId: string,
  input: { body: string; mentions: string[] },
): Promise<{ commentId: string }> {
  const { result, notices } = await inTransaction(svc, async (tx) => {
    const thread = await tx.commentThread.findFirst({ where: { id: threadId, documentId } });
    if (!thread) throw new NotFound('comment thread');
    await checkMentions(tx, documentId, input.mentions);
    const notices = await notifyThread(svc, tx, ctx, threadId, documentId, input.mentions, input.body.slice(0, 80));
    const comment = await tx.comment.create({
      data: {
        threadId,
        authorId: ctx.actor!.id,
        body: input.body,
        mentions: JSON.stringify(input.mentions),
        createdAt: ctx.at,
      },
    });
    if (thread.resolvedAt)
      await tx.commentThread.update({ where: { id: threadId }, data: { resolvedAt: null, resolvedById: null } });
    await recordAudit(tx, ctx, {
      action: 'comment.reply',
      resourceType: 'document',
      resourceId: documentId,
      detail: { threadId, commentId: comment.id },
    });
    return { result: { commentId: comment.id }, notices };
  });
  await svc.notifications.publish(notices);
  return result;
}

export async function setThreadResolved(
  svc: Services,
  ctx: RequestContext,
  documentId: string,
  threadId: string,
  resolved: boolean,
): Promise<void> {
  await inTransaction(svc, async (tx) => {
    const thread = await tx.commentThread.findFirst({ where: { id: threadId, documentId } });
    if (!thread) throw new NotFound('comment thread');
    await tx.commentThread.update({
      where: { id: threadId },
      data: resolved ? { resolvedAt: ctx.at, resolvedById: ctx.actor!.id } : { resolvedAt: null, resolvedById: null },
    });
    await recordAudit(tx, ctx, {
      action: resolved ? 'comment.resolve' : 'comment.reopen',
      resourceType: 'document',
      resourceId: documentId,
      detail: { threadId },
    });
  });
}
