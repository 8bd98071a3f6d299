// One Tongban instance of `npm run cluster` as a child process on a loopback port: started with its environment, its
// output in a log file of its own, ready once its /readyz answers, stopped like `npm start` is (SIGTERM) or killed.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const STOP_GRACE_MS = 15_000;
/** What server/main.ts prints last once it has started. */
const RUNNING = 'is running at';

export interface InstanceOptions {
  /** 1-based, as the cluster command numbers them. */
  index: number;
  port: number;
  /** The whole environment of the process. */
  env: NodeJS.ProcessEnv;
  /** `start`: scripts/start.mjs (builds the web client when it is missing or stale); `server`: server/main.ts. */
  entry: 'start' | 'server';
  logFile: string;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export class InstanceProcess {
  private stopped: Promise<void> | null = null;
  private exit: Exit | null = null;

  private constructor(
    readonly index: number,
    readonly port: number,
    readonly logFile: string,
    private readonly child: ChildProcess,
    readonly exited: Promise<Exit>,
    /** Where this run's output starts in the log file (it is appended to across runs). */
    private readonly logOffset: number,
  ) {
    void exited.then((exit) => {
      this.exit = exit;
    });
  }

  /** host:port, as nginx's upstream names it. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get url(): string {
    return `http://${this.address}`;
  }

  get pid(): number {
    return this.child.pid!;
  }

  /** How it ended, or null while it runs. */
  get exitStatus(): Exit | null {
    return this.exit;
  }

  /**
   * The instance this log's pid file names, left running by a cluster command that was killed (the instances run in
   * process groups of their own): stopped first, since it holds the port. Only a process whose environment names the
   * same data directory and port is touched.
   */
  static async stopLeftover(options: InstanceOptions): Promise<void> {
    const pidFile = `${options.logFile}.pid`;
    if (!fs.existsSync(pidFile)) return;
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    let environ: string[] = [];
    try {
      environ = fs.readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
    } catch {
      return;
    }
    const ours =
      environ.includes(`TONGBAN_DATA_DIR=${options.env.TONGBAN_DATA_DIR}`) &&
      environ.includes(`TONGBAN_PORT=${options.port}`);
    if (!Number.isInteger(pid) || !ours) return;
    process.kill(pid, 'SIGTERM');
    for (let waited = 0; fs.existsSync(`/proc/${pid}`); waited += 100) {
      if (waited === STOP_GRACE_MS) process.kill(pid, 'SIGKILL');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  static start(options: InstanceOptions): InstanceProcess {
    fs.mkdirSync(path.dirname(options.logFile), { recursive: true });
    const logOffset = fs.existsSync(options.logFile) ? fs.statSync(options.logFile).size : 0;
    const log = fs.openSync(options.logFile, 'a');
    const args =
      options.entry === 'start'
        ? [path.join(root, 'scripts/start.mjs')]
        : ['--import', 'tsx', path.join(root, 'server/main.ts')];
    // Its own process group, so that a Ctrl-C in the terminal reaches the cluster command alone, which then stops
    // nginx and each instance in turn; output goes to the file, which outlives this process.
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...options.env, TONGBAN_PORT: String(options.port), TONGBAN_HOST: '127.0.0.1' },
      stdio: ['ignore', log, log],
      detached: true,
    });
    fs.closeSync(log);
    const pidFile = `${options.logFile}.pid`;
    fs.writeFileSync(pidFile, String(child.pid));
    const exited = new Promise<Exit>((resolve) =>
      child.once('exit', (code, signal) => {
        fs.rmSync(pidFile, { force: true });
        resolve({ code, signal });
      }),
    );
    return new InstanceProcess(options.index, options.port, options.logFile, child, exited, logOffset);
  }

  /**
   * Resolves once /readyz answers 200 and the server has said it is running (server/main.ts says so after the demo
   * data and the first-start link, which the next instance must find done); rejects when the process exits first
   * (with its log's end) or at the timeout.
   */
  async waitReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.exit)
        throw new Error(
          `instance ${this.index} exited (${this.exit.signal ?? this.exit.code}) before it was ready; the end of ${this.logFile}:\n${this.logTail()}`,
        );
      try {
        const res = await fetch(`${this.url}/readyz`, { signal: AbortSignal.timeout(2_000) });
        await res.body?.cancel();
        if (res.status === 200 && this.output().includes(RUNNING)) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline)
        throw new Error(`instance ${this.index} was not ready within ${timeoutMs / 1000} s; see ${this.logFile}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** This run's output so far. */
  private output(): string {
    try {
      const all = fs.readFileSync(this.logFile);
      return all.subarray(this.logOffset).toString('utf8');
    } catch {
      return '';
    }
  }

  logTail(chars = 3_000): string {
    return this.output().slice(-chars) || '(no output)';
  }

  kill(signal: NodeJS.Signals): void {
    if (!this.exit) this.child.kill(signal);
  }

  /** SIGTERM (the server closes its connections and stops its jobs and media workers), SIGKILL if it lingers; idempotent. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      if (this.exit) return;
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.kill('SIGKILL'), STOP_GRACE_MS);
      await this.exited;
      clearTimeout(timer);
    })();
    return this.stopped;
  }
}
