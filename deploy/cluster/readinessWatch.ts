// The active half of the load balancer's health checks, which open-source nginx lacks: asks each instance's /readyz
// every interval; `fall` failures in a row take an instance out, `rise` answers in a row bring it back, and each
// change is handed to the caller (which re-renders nginx's upstream with `down` and reloads it).
export interface WatchedInstance {
  index: number;
  url: string;
}

export interface ReadinessWatchOptions {
  intervalMs: number;
  /** A probe that takes longer fails. */
  timeoutMs: number;
  fall: number;
  rise: number;
}

export const DEFAULT_WATCH: ReadinessWatchOptions = { intervalMs: 2_000, timeoutMs: 1_500, fall: 2, rise: 2 };

interface State {
  up: boolean;
  streak: number;
}

export class ReadinessWatch {
  private readonly states = new Map<number, State>();
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(
    private readonly instances: readonly WatchedInstance[],
    private readonly options: ReadinessWatchOptions,
    /** Called with the instances now out, after each change; the watch waits for it before probing again. */
    private readonly onChange: (down: ReadonlySet<number>) => Promise<void>,
    private readonly onError: (err: unknown) => void,
  ) {
    for (const i of instances) this.states.set(i.index, { up: true, streak: 0 });
  }

  /** The instances taken out now. */
  get down(): ReadonlySet<number> {
    return new Set([...this.states].filter(([, s]) => !s.up).map(([index]) => index));
  }

  start(): void {
    this.schedule();
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.round().then(
        () => this.schedule(),
        (err: unknown) => {
          this.onError(err);
          this.schedule();
        },
      );
    }, this.options.intervalMs);
  }

  private async probe(url: string): Promise<boolean> {
    try {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(this.options.timeoutMs) });
      await res.body?.cancel();
      return res.status === 200;
    } catch {
      return false;
    }
  }

  private async round(): Promise<void> {
    const answers = await Promise.all(this.instances.map(async (i) => [i.index, await this.probe(i.url)] as const));
    let changed = false;
    for (const [index, ready] of answers) {
      const state = this.states.get(index)!;
      if (ready === state.up) {
        state.streak = 0;
        continue;
      }
      state.streak++;
      if (state.streak >= (state.up ? this.options.fall : this.options.rise)) {
        state.up = ready;
        state.streak = 0;
        changed = true;
      }
    }
    if (changed && !this.stopped) await this.onChange(this.down);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }
}
