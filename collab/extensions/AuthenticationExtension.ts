// Authenticates /collab connections with a short-lived token from the API, asks the document policies for the access
// level (refuse, read-only, or writable with restrictions), and re-checks open connections so that expired sessions
// and revoked or changed access take effect without waiting for a reconnect.
import type { Extension, Hocuspocus, onAuthenticatePayload } from '@hocuspocus/server';
import type { Prisma } from '../../prisma/generated/client.ts';
import { recordAccessDenied } from '../../server/audit/accessDenied.ts';
import type { RequestContext } from '../../server/audit/auditLog.ts';
import { verifyCollabToken } from '../../server/auth/collabToken.ts';
import { isSessionLive } from '../../server/auth/sessions.ts';
import { subjectFromUser } from '../../server/auth/subject.ts';
import { followsMeeting } from '../../server/domain/documents/annotationContexts.ts';
import { hiddenReason } from '../../server/policies/concealment.ts';
import { resolveDocumentAccess, type Access } from '../../server/policies/documents.ts';
import {
  loadAnnotationMeeting,
  meetingAsSeenBy,
  type AnnotationMeeting,
} from '../../server/queries/annotations/annotationMeeting.ts';
import type { CoreServices } from '../../server/coreServices.ts';
import { CLOSE, documentIdOf, type CollabContext } from '../context.ts';

export const ACCESS_RECHECK_MS = 15_000;

type SessionRow = Prisma.SessionGetPayload<{ include: { user: { include: { roles: true } } } }>;
type DocumentRow = Prisma.DocumentGetPayload<{ include: { shares: true } }> & { meeting: AnnotationMeeting | null };

/** One connection's access, and why there is none (a missing document, or why the policies hide it). */
interface Evaluation {
  access: Access;
  context: Omit<CollabContext, 'access'>;
  refused: string | null;
}

export class AuthenticationExtension implements Extension {
  extensionName = 'Authentication';
  priority = 1000;
  private timer: NodeJS.Timeout | null = null;
  private instance: Hocuspocus | null = null;

  constructor(private readonly svc: CoreServices) {}

  async onConfigure({ instance }: { instance: Hocuspocus }): Promise<void> {
    this.instance = instance;
    this.timer = setInterval(() => {
      this.recheckAll().catch((err: unknown) => this.svc.log.error({ err }, 'collab access re-check failed'));
    }, ACCESS_RECHECK_MS);
    this.timer.unref();
  }

  async onDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
  }

  /** The access a session has to a document now, or null when the session is gone. */
  async accessFor(sessionId: string, userId: string, documentId: string): Promise<Evaluation | null> {
    const [sessions, doc] = await Promise.all([this.loadSessions([sessionId]), this.loadDocument(documentId)]);
    return this.evaluate(sessions.get(sessionId), userId, documentId, doc);
  }

  private async loadSessions(ids: string[]): Promise<Map<string, SessionRow>> {
    const rows = await this.svc.db.session.findMany({
      where: { id: { in: ids } },
      include: { user: { include: { roles: true } } },
    });
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** The document with what its access depends on: shares, and for annotation documents and minutes their meeting. */
  private async loadDocument(documentId: string): Promise<DocumentRow | null> {
    const doc = await this.svc.db.document.findUnique({ where: { id: documentId }, include: { shares: true } });
    if (!doc) return null;
    return {
      ...doc,
      meeting: followsMeeting(doc.contextType) ? await loadAnnotationMeeting(this.svc.db, doc) : null,
    };
  }

  /** A refused connection of a signed-in person is audited as HTTP refusals are: the document's id, never its title. */
  private async auditRefusal(
    data: onAuthenticatePayload,
    context: Omit<CollabContext, 'access'>,
    reason: string,
  ): Promise<void> {
    const ip = (data.context as { ip?: unknown } | undefined)?.ip;
    const ctx: RequestContext = {
      actor: { id: context.userId, name: context.username },
      ip: typeof ip === 'string' ? ip : '',
      userAgent: data.requestHeaders.get('user-agent') ?? '',
      at: this.svc.clock.now(),
      auditKey: this.svc.keys.audit,
    };
    const refusal = { resourceType: 'document', resourceId: context.documentId, action: 'document.collab', reason };
    await recordAccessDenied(this.svc, ctx, refusal);
  }

  /** The policy decision for one connection, from rows already loaded (no I/O); null when the session is gone. */
  private evaluate(
    session: SessionRow | undefined,
    userId: string,
    documentId: string,
    doc: DocumentRow | null,
  ): Evaluation | null {
    const { clock, config } = this.svc;
    if (
      !session ||
      session.userId !== userId ||
      session.mfaPending ||
      session.user.disabled ||
      !isSessionLive(session, clock.now(), config)
    )
      return null;
    const context = {
      userId,
      username: session.user.username,
      displayName: session.user.displayName,
      sessionId: session.id,
      documentId,
      documentKind: doc?.kind ?? 'unknown',
    };
    if (!doc) return { access: 'none', context, refused: 'not_found' };
    const meeting = doc.meeting && meetingAsSeenBy(doc.meeting, userId);
    const subject = subjectFromUser(session.user);
    const access = resolveDocumentAccess(subject, doc, doc.shares, meeting);
    return { access, context, refused: access === 'none' ? hiddenReason(subject, doc.classification) : null };
  }

  async onAuthenticate(data: onAuthenticatePayload): Promise<CollabContext> {
    const documentId = documentIdOf(data.documentName);
    const claims = verifyCollabToken(this.svc.keys.master, data.token, this.svc.clock.now());
    // Without a valid token nobody is known to have asked: that is a failed sign-in, not a refused access.
    if (!documentId || !claims) throw new Error('invalid or expired collab token');
    const found = await this.accessFor(claims.sid, claims.uid, documentId);
    if (!found) throw new Error('invalid or expired collab token');
    const reason = claims.doc !== documentId ? 'token_for_other_document' : found.refused;
    if (reason) {
      await this.auditRefusal(data, found.context, reason);
      throw new Error('no access to this document');
    }
    data.connectionConfig.readOnly = found.access === 'view';
    this.svc.log.debug({ userId: claims.uid, documentId, access: found.access }, 'collab connection authenticated');
    return { ...found.context, access: found.access };
  }

  /**
   * Closes connections whose session ended or whose access changed (the client reconnects with its new access).
   * One document query and one session query per document, however many connections it has: a meeting with hundreds
   * of participants must not turn each periodic re-check into hundreds of queries competing with the edits.
   */
  async recheck(documentName: string): Promise<void> {
    const document = this.instance?.documents.get(documentName);
    const documentId = documentIdOf(documentName);
    if (!document || !documentId) return;
    const connections = [...document.connections.keys()].filter(
      (c) => (c.context as CollabContext | undefined)?.sessionId,
    );
    if (connections.length === 0) return;
    const sessionIds = [...new Set(connections.map((c) => (c.context as CollabContext).sessionId))];
    const [sessions, doc] = await Promise.all([this.loadSessions(sessionIds), this.loadDocument(documentId)]);
    for (const connection of connections) {
      const ctx = connection.context as CollabContext;
      const now = this.evaluate(sessions.get(ctx.sessionId), ctx.userId, ctx.documentId, doc);
      if (!now || now.access === 'none') connection.close(CLOSE.unauthorized);
      else if (now.access !== ctx.access) connection.close(CLOSE.accessChanged);
    }
  }

  async recheckAll(): Promise<void> {
    for (const name of this.instance?.documents.keys() ?? []) await this.recheck(name);
  }
}
