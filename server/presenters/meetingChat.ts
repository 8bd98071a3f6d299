// Chat rows → the messages browsers see. The text is unsealed here and nowhere else.
import { open, type SealingKeys } from '../security/cipher.ts';
import type { ChatMessageView } from '../../media/signaling.ts';

interface ChatRow {
  id: string;
  meetingId: string;
  fromUserId: string;
  fromName: string;
  audience: string;
  textSealed: string;
  createdAt: Date;
}

/** Binds a sealed text to its message and meeting, so it cannot be moved to another row. */
export function chatAad(messageId: string, meetingId: string): string {
  return `meeting-chat:${meetingId}:${messageId}`;
}

export function presentChatMessage(key: Buffer | SealingKeys, row: ChatRow): ChatMessageView {
  return {
    id: row.id,
    fromUserId: row.fromUserId,
    fromName: row.fromName,
    to: row.audience === 'host' ? 'host' : 'all',
    text: open(key, row.textSealed, chatAad(row.id, row.meetingId)).toString('utf8'),
    at: row.createdAt.toISOString(),
  };
}
