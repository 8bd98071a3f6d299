// Performance marks for the join-time measurement (tests/bench/sfu.ts reads them): from the join request to the first
// decoded frame of someone else's video.
export const JOIN_REQUEST_MARK = 'tongban:join-request';
export const FIRST_REMOTE_FRAME_MARK = 'tongban:first-remote-frame';

let waitingForFirstFrame = false;

export function markJoinRequested(): void {
  performance.clearMarks(JOIN_REQUEST_MARK);
  performance.clearMarks(FIRST_REMOTE_FRAME_MARK);
  performance.mark(JOIN_REQUEST_MARK);
  waitingForFirstFrame = true;
}

/** Called by a remote video tile when it presents a frame; only the first one after a join is marked. */
export function markRemoteFrame(): void {
  if (!waitingForFirstFrame) return;
  waitingForFirstFrame = false;
  performance.mark(FIRST_REMOTE_FRAME_MARK);
}
