// A version's content as ProseMirror JSON, to show it read-only.
import { contentOf } from '../../domain/documents/documentContent.ts';
import type { CoreServices } from '../../services.ts';
import { versionState } from './versionState.ts';

export async function versionContent(
  svc: Pick<CoreServices, 'db' | 'keys'>,
  documentId: string,
  versionId: string,
): Promise<{ id: string; content: Record<string, unknown> }> {
  const content = contentOf(await versionState(svc, documentId, versionId)) as unknown as Record<string, unknown>;
  return { id: versionId, content };
}
