// nginx as a child process of `npm run cluster`: the current user's own nginx under its own prefix directory (its
// configuration, pid, logs and temporary files there), never the system service. Start, reload with a new set of
// instances, stop.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { writeNginxConfig, type NginxConfigOptions } from '../nginx/nginxConfig.ts';

/** Debian installs nginx in /usr/sbin, which an ordinary user's PATH may lack. */
export function nginxBinary(): string | null {
  const dirs = ['/usr/sbin', ...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean)];
  for (const dir of dirs) {
    const file = path.join(dir, 'nginx');
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      continue;
    }
  }
  return null;
}

const NOT_INSTALLED =
  'nginx is not installed (npm install installs it: scripts/nginxPackages.mjs) / 未安装 nginx：sudo apt-get install nginx';
const STOP_GRACE_MS = 5_000;

function tail(file: string, chars = 2_000): string {
  try {
    return fs.readFileSync(file, 'utf8').slice(-chars);
  } catch {
    return '(no log)';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface NginxStartOptions extends NginxConfigOptions {
  /** The port `listen` opens on 127.0.0.1, to know when nginx is up. */
  port: number;
}

export class NginxProcess {
  private stopped: Promise<void> | null = null;

  private constructor(
    private readonly bin: string,
    private readonly child: ChildProcess,
    private options: NginxStartOptions,
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>,
  ) {}

  get prefix(): string {
    return this.options.prefix;
  }

  get errorLog(): string {
    return path.join(this.options.prefix, 'logs/error.log');
  }

  get accessLog(): string {
    return path.join(this.options.prefix, 'logs/access.log');
  }

  private static args(prefix: string): string[] {
    return ['-p', `${prefix}/`, '-c', path.join(prefix, 'nginx.conf'), '-e', path.join(prefix, 'logs/error.log')];
  }

  /** Checks the configuration with `nginx -t`; throws with nginx's own words when it is refused. */
  private static test(bin: string, prefix: string): void {
    const checked = spawnSync(bin, [...NginxProcess.args(prefix), '-t', '-q'], { encoding: 'utf8' });
    if (checked.status !== 0) throw new Error(`nginx refused its configuration:\n${checked.stderr}${checked.stdout}`);
  }

  /**
   * An nginx this prefix's pid file names, left running by a cluster command that was killed: stopped first, since it
   * would hold the port. Only a process whose command line names this prefix is touched.
   */
  private static async stopLeftover(prefix: string): Promise<void> {
    const pidFile = path.join(prefix, 'nginx.pid');
    if (!fs.existsSync(pidFile)) return;
    const pid = Number(fs.readFileSync(pidFile, 'utf8').trim());
    let cmdline = '';
    try {
      cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    } catch {
      return;
    }
    if (!Number.isInteger(pid) || !cmdline.includes('nginx') || !cmdline.includes(prefix)) return;
    process.kill(pid, 'SIGTERM');
    await until(() => !alive(pid), STOP_GRACE_MS, `the earlier nginx (pid ${pid}) to stop`);
  }

  static async start(options: NginxStartOptions): Promise<NginxProcess> {
    const bin = nginxBinary();
    if (!bin) throw new Error(NOT_INSTALLED);
    await NginxProcess.stopLeftover(options.prefix);
    writeNginxConfig(options);
    NginxProcess.test(bin, options.prefix);
    // Its own process group: a Ctrl-C in the terminal reaches the cluster command, which stops nginx last but one.
    const child = spawn(bin, [...NginxProcess.args(options.prefix), '-g', 'daemon off;'], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    let gone = false;
    void exited.then(() => {
      gone = true;
    });
    const nginx = new NginxProcess(bin, child, options, exited);
    try {
      await until(
        async () => {
          if (gone) throw new Error(`nginx exited at start:\n${stderr}${tail(nginx.errorLog)}`);
          return accepts(options.port);
        },
        10_000,
        `nginx to listen on port ${options.port}`,
      );
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    }
    return nginx;
  }

  /**
   * Writes the configuration with these instances and reloads nginx gracefully (SIGHUP: new workers take new
   * connections, old ones finish theirs, at most worker_shutdown_timeout for open WebSockets). Resolves once the new
   * workers run; a refused configuration leaves the running one in place and throws.
   */
  async reload(instances: NginxConfigOptions['instances']): Promise<void> {
    const next = { ...this.options, instances };
    const before = fs.existsSync(this.errorLog) ? fs.statSync(this.errorLog).size : 0;
    const current = path.join(this.prefix, 'nginx.conf');
    const previous = fs.readFileSync(current, 'utf8');
    writeNginxConfig(next);
    try {
      NginxProcess.test(this.bin, this.prefix);
    } catch (err) {
      fs.writeFileSync(current, previous);
      throw err;
    }
    this.options = next;
    process.kill(this.child.pid!, 'SIGHUP');
    // At notice level the master logs each worker it starts with the new configuration, and each old worker that it
    // has told to stop accepting connections logs that it is shutting down: from then on only new workers accept.
    await until(
      () => {
        const log = fs.readFileSync(this.errorLog).subarray(before).toString('utf8');
        const started = log.match(/start worker process \d+/g)?.length ?? 0;
        return started > 0 && (log.match(/gracefully shutting down/g)?.length ?? 0) >= started;
      },
      10_000,
      'nginx to reload',
    );
  }

  /** Fast shutdown (SIGTERM), then SIGKILL if it lingers; safe to call twice. */
  stop(): Promise<void> {
    this.stopped ??= (async () => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) return;
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
      await this.exited;
      clearTimeout(timer);
    })();
    return this.stopped;
  }
}
