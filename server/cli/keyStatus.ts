// What `npm run cli -- key-status` prints: the key versions for encryption at rest and where the re-seal job stands.
import type { Keyring } from '../security/keyring.ts';
import { SEALED_KINDS, type ResealProgress } from '../security/resealProgress.ts';

export function describeKeyStatus(keyring: Keyring, progress: ResealProgress | null): string {
  const current = keyring.current();
  const lines = [`Cipher for new values: ${keyring.cipher}; current key version: ${current.id}`, 'Key versions:'];
  for (const v of keyring.versions()) {
    const name = v.id === 0 ? '0 (master key)' : String(v.id);
    const when = [v.createdAt && `created ${v.createdAt}`, v.retiredAt && `retired ${v.retiredAt}`].filter(Boolean);
    lines.push(`  ${name.padEnd(16)} ${v.state.padEnd(9)} ${when.join(', ')}`.trimEnd());
  }
  if (!progress) {
    lines.push('Re-seal: no pass has run (everything is sealed as at installation).');
    return `${lines.join('\n')}\n`;
  }
  const state = progress.finishedAt ? `finished ${progress.finishedAt}` : 'in progress';
  lines.push(
    `Re-seal towards ${progress.target.cipher} key ${progress.target.keyId}: started ${progress.startedAt}, ${state}`,
  );
  for (const kind of SEALED_KINDS) {
    const k = progress.kinds[kind];
    lines.push(
      `  ${kind.padEnd(10)} ${k.done ? 'done   ' : 'pending'} looked at ${k.scanned}, re-sealed ${k.resealed}`,
    );
  }
  return `${lines.join('\n')}\n`;
}
