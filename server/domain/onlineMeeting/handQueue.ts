// Raised hands (举手) as an ordered queue: first raised, first called. Raising twice keeps one's place. Pure.

export interface RaisedHand {
  peerId: string;
  raisedAt: Date;
}

export function raiseHand(queue: readonly RaisedHand[], peerId: string, at: Date): RaisedHand[] {
  if (queue.some((h) => h.peerId === peerId)) return [...queue];
  return [...queue, { peerId, raisedAt: at }];
}

export function lowerHand(queue: readonly RaisedHand[], peerId: string): RaisedHand[] {
  return queue.filter((h) => h.peerId !== peerId);
}

export function lowerAllHands(): RaisedHand[] {
  return [];
}
