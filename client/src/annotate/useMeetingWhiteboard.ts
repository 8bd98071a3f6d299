// The meeting's (first) whiteboard: it is both the whiteboard and the meeting's stage channel, whose awareness
// carries the presenter's view to everyone in the workspace. Organisers, the host and presenters create it on first
// use; anyone else waits for one of them to open the workspace.
import { useEffect, useRef, useState } from 'react';
import { annotationsApi } from '../api/annotations.ts';

/** Until someone who may create the whiteboard has opened it, look again this often. */
const WAIT_MS = 15_000;

export function useMeetingWhiteboard(meetingId: string, title: string): { documentId: string | null; error: unknown } {
  const [documentId, setDocumentId] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The title only names a new whiteboard: a language switch must not look again.
  const titleRef = useRef(title);
  titleRef.current = title;
  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | null = null;
    setDocumentId(null);
    setError(null);
    const look = async () => {
      const list = await annotationsApi.whiteboards(meetingId);
      const found =
        list.items[0]?.documentId ??
        (list.canCreate ? (await annotationsApi.createWhiteboard(meetingId, titleRef.current)).documentId : null);
      if (cancelled) return;
      if (found) setDocumentId(found);
      else timer = setTimeout(() => void look().catch(fail), WAIT_MS);
    };
    const fail = (err: unknown) => {
      if (!cancelled) setError(err);
    };
    void look().catch(fail);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [meetingId]);
  return { documentId, error };
}
