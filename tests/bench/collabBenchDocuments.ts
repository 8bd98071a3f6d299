// What a collab benchmark server child offers the orchestrator, and the parts every Tongban server kind shares: demo
// editors signed in over HTTP, benchmark documents created and shared through the API with a collab token per
// provider, and the edit markers counted in what the server stored.
import * as Y from 'yjs';
import type { Hocuspocus } from '@hocuspocus/server';
import { HttpSession } from '../support/serverProcess.ts';
import { markerCounts } from './collabPhase.ts';
import type { PreparedDocument } from './collabBenchProtocol.ts';

/** Sign-in accounts of the demo organisation that need no second factor; the first owns the benchmark documents. */
export const EDITORS = ['zhangwei', 'hejun', 'matao', 'xuyan', 'zhengkai', 'sunyue', 'wuli'];
const DOCUMENT_FIELD = 'default';
const DOCUMENT_PREFIX = 'doc:';

export interface BenchServer {
  url: string;
  /** The server's own Hocuspocus when it runs in this process (settle waits for its documents to unload). */
  hocuspocus: Hocuspocus | null;
  prepare(phase: string, documents: number, providersPerDocument: number): Promise<PreparedDocument[]>;
  /** [gid, distinct sequence numbers] of the markers in the stored documents, or null when it stores nothing. */
  stored(documentNames: string[]): Promise<Array<[number, number]> | null>;
  /** CPU µs so far of the processes serving beside this one. */
  parts(): Array<[string, number]>;
  close(): Promise<void>;
}

interface Editor {
  session: HttpSession;
  id: string;
}

/** The editors signed in against `baseUrl` (an instance's own http:// address). */
export async function signInEditors(baseUrl: string): Promise<Editor[]> {
  const editors: Editor[] = [];
  for (const username of EDITORS) {
    const session = new HttpSession(baseUrl);
    const res = await session.signIn(username);
    if (res.status !== 200 || res.json.stage !== 'active')
      throw new Error(`sign-in of ${username} did not complete: ${res.status} ${JSON.stringify(res.json)}`);
    const me = await session.call('GET', '/api/auth/session');
    const id = (me.json.user as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') throw new Error(`no user id for ${username}: ${JSON.stringify(me.json)}`);
    editors.push({ session, id });
  }
  return editors;
}

/** Documents owned by the first editor, shared for editing with the others; one collab token per provider. */
export async function prepareDocuments(
  editors: Editor[],
  /** The collab server's origin as the providers reach it (ws: or wss:). */
  origin: string,
  phase: string,
  documents: number,
  providersPerDocument: number,
): Promise<PreparedDocument[]> {
  const owner = editors[0]!.session;
  const prepared: PreparedDocument[] = [];
  for (let d = 0; d < documents; d++) {
    const created = await owner.call('POST', '/api/documents', { kind: 'draft', title: `基准测试 ${phase} #${d + 1}` });
    if (created.status !== 201)
      throw new Error(`document not created: ${created.status} ${JSON.stringify(created.json)}`);
    const id = String(created.json.id);
    const shares = editors.slice(1).map((e) => ({ granteeType: 'user', granteeId: e.id, access: 'edit' }));
    const shared = await owner.call('PUT', `/api/documents/${id}/shares`, { shares });
    if (shared.status !== 200) throw new Error(`shares not set: ${shared.status} ${JSON.stringify(shared.json)}`);
    const tokens: string[] = [];
    let [documentName, url] = ['', ''];
    for (let p = 0; p < providersPerDocument; p++) {
      const res = await editors[p % editors.length]!.session.call('POST', `/api/documents/${id}/collab-token`);
      if (res.status !== 200) throw new Error(`collab token refused: ${res.status} ${JSON.stringify(res.json)}`);
      if (res.json.access !== 'edit' && res.json.access !== 'manage')
        throw new Error(`expected edit access, got ${String(res.json.access)}`);
      tokens.push(String(res.json.token));
      documentName = String(res.json.documentName);
      url = new URL(String(res.json.url), origin).toString();
    }
    prepared.push({ documentName, url, tokens });
  }
  return prepared;
}

/** The markers in the stored documents, each read whole from the update log by `load` (keyed by document id). */
export async function storedMarkerCounts(
  documentNames: string[],
  load: (documentId: string) => Promise<{ state: Uint8Array | null }>,
): Promise<Array<[number, number]>> {
  let text = '';
  for (const name of documentNames) {
    const { state } = await load(name.startsWith(DOCUMENT_PREFIX) ? name.slice(DOCUMENT_PREFIX.length) : name);
    if (!state) continue;
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    text += doc.getXmlFragment(DOCUMENT_FIELD).toString();
    doc.destroy();
  }
  return markerCounts(text);
}
