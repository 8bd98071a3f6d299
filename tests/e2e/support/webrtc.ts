// What a meeting page receives over WebRTC, read from its own statistics (inbound-rtp): for the meeting specs.
import { expect, type Page } from './test.ts';

/** An init script: remembers every RTCPeerConnection the page makes (window.__peerConnections). */
export const RECORD_PEER_CONNECTIONS = () => {
  const NativePc = window.RTCPeerConnection;
  const pcs: RTCPeerConnection[] = [];
  Object.assign(window, { __peerConnections: pcs });
  window.RTCPeerConnection = class extends NativePc {
    constructor(config?: RTCConfiguration) {
      super(config);
      pcs.push(this);
    }
  };
};

/** The video element of a person's tile in the meeting room. */
export const tileVideo = (name: string) => `[data-testid="video-tile"][data-peer-name="${name}"] video`;

/** Frames decoded so far from the track now shown in `selector`, or null while it shows none. */
export async function framesDecoded(page: Page, selector: string): Promise<number | null> {
  return page.evaluate(async (sel) => {
    const element = document.querySelector(sel) as HTMLMediaElement | null;
    const trackId = (element?.srcObject as MediaStream | null | undefined)?.getTracks()[0]?.id;
    if (!trackId) return null;
    const pcs = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections;
    for (const pc of pcs) {
      if (pc.connectionState === 'closed') continue;
      for (const s of (await pc.getStats()).values())
        if (s.type === 'inbound-rtp' && s.trackIdentifier === trackId) return (s.framesDecoded as number) ?? 0;
    }
    return null;
  }, selector);
}

/** Waits until `page` has decoded `by` more frames of the video in `selector` (a new track starts at 0). */
export async function expectDecoding(page: Page, selector: string, by: number, timeoutMs = 60_000): Promise<void> {
  let first: number | null = null;
  await expect
    .poll(
      async () => {
        const now = await framesDecoded(page, selector);
        if (now === null) return 0;
        if (first === null || now < first) first = now;
        return now - first;
      },
      { timeout: timeoutMs, message: `frames decoded via ${selector}` },
    )
    .toBeGreaterThanOrEqual(by);
}
