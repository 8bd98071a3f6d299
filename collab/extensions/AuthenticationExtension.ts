// Authenticates /collab connections with a short-lived token from the API, asks the document policies for the access
// level (refuse, read-only, or writable with restrictions), and re-checks open connections so that expired sessions
// and revoked or changed access take effect without waiting for a reconnect.
import type { Extension, Hocuspocus, onAuthenticatePayload } from '@hocuspocus/server';
import { verifyCollabToken } from '../../server/auth/collabToken.ts';
import { isSessionLive } from '../../server/auth/sessions.ts';
import { subjectFromUser } from '../../server/auth/subject.ts';
import { documentAccess, type Access } from '../../server/policies/documents.ts';
import type { Services } from '../../server/services.ts';
import { CLOSE, documentIdOf, type CollabContext } from '../context.ts';

export const ACCESS_RECHECK_MS = 15_000;

export class AuthenticationExtension implements Extension {
  extensionName = 'Authentication';
  priority = 1000;
  private timer: NodeJS.Timeout | null = null;
  private instance: Hocuspocus | null = null;

  constructor(private readonly svc: Services) {}

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
  async accessFor(sessionId: string, userId: string, documentId: string): Promise<{ access: Access; context: Omit<CollabContext, 'access'> } | null> {
    const { db, clock, config } = this.svc;
    const session = await db.session.findUnique({ where: { id: sessionId }, include: { user: { include: { roles: true } } } });
    if (!session || session.userId !== userId || session.mfaPending || session.user.disabled || !isSessionLive(session, clock.now(), config)) return null;
    const doc = await db.document.findUnique({ where: { id: documentId }, include: { shares: true } });
    if (!doc) return { access: 'none', context: { userId, username: session.user.username, displayName: session.user.displayName, sessionId, documentId, documentKind: 'unknown' } };
    const access = documentAccess(subjectFromUser(session.user), doc, doc.shares);
    return { access, context: { userId, username: session.user.username, displayName: session.user.displayName, sessionId, documentId, documentKind: doc.kind } };
  }

  async onAuthenticate(data: onAuthenticatePayload): Promise<CollabContext> {
    const documentId = documentIdOf(data.documentName);
    const claims = verifyCollabToken(this.svc.keys.master, data.token, this.svc.clock.now());
    if (!documentId || !claims || claims.doc !== documentId) throw new Error('invalid or expired collab token');
    const found = await this.accessFor(claims.sid, claims.uid, documentId);
    if (!found || found.access === 'none') throw new Error('no access to this document');
    data.connectionConfig.readOnly = found.access === 'view';
    this.svc.log.debug({ userId: claims.uid, documentId, access: found.access }, 'collab connection authenticated');
    return { ...found.context, access: found.access };
  }

  /** Closes connections whose session ended or whose access changed (the client reconnects with its new access). */
  async recheck(documentName: string): Promise<void> {
    const document = this.instance?.documents.get(documentName);
    if (!document) return;
    for (const connection of document.connections.keys()) {
      const ctx = connection.context as CollabContext | undefined;
      if (!ctx?.sessionId) continue;
      const now = await this.accessFor(ctx.sessionId, ctx.userId, ctx.documentId);
      if (!now || now.access === 'none') connection.close(CLOSE.unauthorized);
      else if (now.access !== ctx.access) connection.close(CLOSE.accessChanged);
    }
  }

  async recheckAll(): Promise<void> {
    for (const name of this.instance?.documents.keys() ?? []) await this.recheck(name);
  }
}
