// How one media transport recovers from a network problem: an ICE restart first (when it stays "disconnected" for a
// moment, or at once when it "failed"), and when that does not bring it back in time, a full rejoin.
export type TransportState = 'new' | 'connecting' | 'connected' | 'disconnected' | 'failed' | 'closed';

/** A transport that stays "disconnected" this long gets an ICE restart (brief blips heal by themselves). */
export const ICE_DISCONNECTED_GRACE_MS = 2_000;
/** An ICE restart that has not brought the transport back by then gives way to a full rejoin. */
export const ICE_RESTART_TIMEOUT_MS = 10_000;

export interface IceRecoveryActions {
  /** The transport's state now. */
  state(): TransportState;
  /** Asks the server for new ICE parameters and restarts ICE with them; rejects when it cannot. */
  restartIce(): Promise<void>;
  /** Recovery failed: the meeting client rejoins from scratch. */
  giveUp(reason: string): void;
}

export class IceRecovery {
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private restarting = false;
  private stopped = false;

  constructor(private readonly actions: IceRecoveryActions) {}

  /** Feeds a state change of the transport. */
  onState(state: TransportState): void {
    if (this.stopped) return;
    if (state === 'disconnected') {
      this.later(ICE_DISCONNECTED_GRACE_MS, () => {
        if (this.actions.state() === 'disconnected') void this.restart();
      });
    } else if (state === 'failed') {
      void this.restart();
    }
  }

  /** The transport is closed for good (the session ended): nothing more happens. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async restart(): Promise<void> {
    // One restart at a time: a "failed" right after a "disconnected" must not restart twice.
    if (this.restarting || this.stopped) return;
    this.restarting = true;
    try {
      await this.actions.restartIce();
    } catch (err) {
      this.restarting = false;
      if (!this.stopped) this.actions.giveUp(`ICE restart failed: ${err instanceof Error ? err.message : String(err)}`);
      return;
    }
    this.later(ICE_RESTART_TIMEOUT_MS, () => {
      this.restarting = false;
      if (this.actions.state() !== 'connected') this.actions.giveUp('ICE restart did not reconnect');
    });
  }

  private later(ms: number, run: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.stopped) run();
    }, ms);
    this.timers.add(timer);
  }
}
