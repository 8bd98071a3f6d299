// A benchmark's child process (a server or a client worker, a .ts file beside this one run through tsx) with a typed
// request/response channel over IPC, optionally at a nice priority so that other work on a shared machine does not
// drown the measurement; and the timeout the client workers put on their waits. Shared by the collab and ink
// benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const HERE = import.meta.dirname;
const ROOT = path.resolve(HERE, '../..');
const IPC_TIMEOUT_MS = 180_000;
const EXIT_GRACE_MS = 10_000;

/** `--priority=N` (nice -20..19; negative needs root), or null when not given. */
export function priorityOption(args: readonly string[]): number | null {
  const raw = args.find((a) => a.startsWith('--priority='))?.slice('--priority='.length);
  if (raw === undefined) return null;
  const priority = Number(raw);
  if (!Number.isInteger(priority) || priority < -20 || priority > 19) throw new Error('--priority must be -20..19');
  return priority;
}

/**
 * Linux with autogroup scheduling (sched_autogroup_enabled) shares the CPU between sessions first and applies nice
 * values only inside a session: a process at nice -20 still gets no more than other sessions' processes at nice 0.
 * So each child runs in its own session and that session's autogroup gets the priority too.
 */
export function prioritiseAutogroup(name: string, pid: number, priority: number): void {
  try {
    fs.writeFileSync(`/proc/${pid}/autogroup`, String(priority));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // No autogroup file: the kernel schedules without autogroups, where nice alone is enough.
    if (code !== 'ENOENT')
      process.stderr.write(
        `${name}: could not set the autogroup priority (${code ?? String(err)}); nice applies within its session only\n`,
      );
  }
}

export class Child<In extends { type: string }, Out extends { type: string }> {
  readonly proc: ChildProcess;
  private readonly waiters: Array<{
    type: string;
    resolve: (m: Out) => void;
    reject: (e: Error) => void;
    timer: NodeJS.Timeout;
  }> = [];
  readonly exited: Promise<number | null>;

  constructor(
    readonly name: string,
    file: string,
    childArgs: string[],
    execArgv: string[] = [],
    priority: number | null = null,
  ) {
    const argv = [...execArgv, '--import', 'tsx', path.join(HERE, file), ...childArgs];
    // nice(1) execs node in place (same pid), and every thread node starts inherits the priority.
    const [command, commandArgs] =
      priority === null ? [process.execPath, argv] : ['nice', ['-n', String(priority), process.execPath, ...argv]];
    this.proc = spawn(command, commandArgs, {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      serialization: 'advanced',
      detached: priority !== null,
    });
    // 'spawn' comes after exec, so the child has already left this session (setsid) and the write cannot reach ours.
    if (priority !== null) this.proc.once('spawn', () => prioritiseAutogroup(name, this.proc.pid!, priority));
    this.exited = new Promise((resolve) =>
      this.proc.once('exit', (code) => {
        for (const w of this.waiters.splice(0)) {
          clearTimeout(w.timer);
          w.reject(new Error(`${name} exited (${code}) while waiting for ${w.type}`));
        }
        resolve(code);
      }),
    );
    this.proc.on('error', (err) => process.stderr.write(`${name}: ${err.message}\n`));
    this.proc.on('message', (m: Out) => {
      if (m.type === 'error') {
        const message = (m as unknown as { message: string }).message;
        process.stderr.write(`${name}: ${message}\n`);
        for (const w of this.waiters.splice(0)) {
          clearTimeout(w.timer);
          w.reject(new Error(`${name}: ${message.split('\n')[0]}`));
        }
        return;
      }
      const i = this.waiters.findIndex((w) => w.type === m.type);
      if (i === -1) return;
      const [w] = this.waiters.splice(i, 1);
      clearTimeout(w!.timer);
      w!.resolve(m);
    });
  }

  get alive(): boolean {
    return this.proc.exitCode === null && this.proc.signalCode === null && this.proc.connected;
  }

  get pid(): number {
    return this.proc.pid ?? -1;
  }

  next<T extends Out['type']>(type: T, timeoutMs = IPC_TIMEOUT_MS): Promise<Extract<Out, { type: T }>> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        const i = this.waiters.findIndex((w) => w.timer === timer);
        if (i !== -1) this.waiters.splice(i, 1);
        reject(new Error(`${this.name}: no ${type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiters.push({ type, resolve: resolve as (m: Out) => void, reject, timer });
    });
  }

  send(message: In): void {
    if (!this.proc.connected)
      throw new Error(`${this.name} is gone (exit ${this.proc.exitCode ?? this.proc.signalCode})`);
    this.proc.send(message, (err) => {
      if (err) process.stderr.write(`${this.name}: IPC send failed: ${err.message}\n`);
    });
  }

  /** Replies arrive on a later tick, so waiting is registered in time even though it starts after the send. */
  async request<T extends Out['type']>(message: In, reply: T, timeoutMs?: number): Promise<Extract<Out, { type: T }>> {
    this.send(message);
    return this.next(reply, timeoutMs);
  }

  async stop(exitMessage: In): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return;
    if (this.proc.connected) this.send(exitMessage);
    const timer = setTimeout(() => this.proc.kill('SIGKILL'), EXIT_GRACE_MS);
    await this.exited;
    clearTimeout(timer);
  }
}

/** Rejects with what timed out, and after how long, unless the promise settles first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
