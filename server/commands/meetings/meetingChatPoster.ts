// Posts a chat message (文字互动) in an online meeting: sealed at rest, audited without its text.
import { randomUUID } from 'node:crypto';
import { recordAudit, type RequestContext } from '../../audit/auditLog.ts';
import { chatAad, presentChatMessage } from '../../presenters/meetingChat.ts';
import { seal } from '../../security/cipher.ts';
import type { Services } from '../../services.ts';
import type { ChatMessageView } from '../../../media/signaling.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface ChatPost {
  meetingId: string;
  from: { userId: string; displayName: string };
  /** 'host': privately to toUserId, the host at the time. */
  audience: 'all' | 'host';
  toUserId: string | null;
  text: string;
}

export async function postMeetingChat(svc: Services, ctx: RequestContext, post: ChatPost): Promise<ChatMessageView> {
  const id = randomUUID();
  const row = await inTransaction(svc, async (tx) => {
    const created = await tx.meetingChatMessage.create({
      data: {
        id,
        meetingId: post.meetingId,
        fromUserId: post.from.userId,
        fromName: post.from.displayName,
        audience: post.audience,
        toUserId: post.audience === 'host' ? post.toUserId : null,
        textSealed: seal(svc.keys.atRest, post.text, chatAad(id, post.meetingId)),
        createdAt: ctx.at,
      },
    });
    await recordAudit(tx, ctx, {
      action: 'meeting.chat.post',
      resourceType: 'meeting',
      resourceId: post.meetingId,
      detail: {
        messageId: id,
        audience: post.audience,
        ...(post.audience === 'host' ? { toUserId: post.toUserId } : {}),
      },
    });
    return created;
  });
  return presentChatMessage(svc.keys.atRest, row);
}
