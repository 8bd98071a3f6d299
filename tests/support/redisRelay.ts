// A TCP relay in front of the test Redis that a test can cut and restore: one app sees Redis go away and come back,
// while the machine's Redis, which other tests share, stays as it is.
import net from 'node:net';

export class RedisRelay {
  private server: net.Server | null = null;
  private readonly connections = new Set<net.Socket>();

  private constructor(
    private readonly target: URL,
    private port: number,
  ) {}

  /** A relay to the Redis at `targetUrl`, listening on a free loopback port. */
  static async start(targetUrl: string): Promise<RedisRelay> {
    const relay = new RedisRelay(new URL(targetUrl), 0);
    await relay.restore();
    return relay;
  }

  /** The target's URL (user, password, database) through the relay. */
  get url(): string {
    const url = new URL(this.target);
    url.hostname = '127.0.0.1';
    url.port = String(this.port);
    return url.toString();
  }

  /** Redis is away: connections are dropped and new ones refused. */
  async cut(): Promise<void> {
    const server = this.server;
    this.server = null;
    for (const c of this.connections) c.destroy();
    this.connections.clear();
    if (server) await new Promise<void>((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
  }

  /** Redis is back, on the same port. */
  async restore(): Promise<void> {
    if (this.server) return;
    const server = net.createServer((client) => {
      const upstream = net.connect(Number(this.target.port || 6379), this.target.hostname);
      for (const [from, to] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        this.connections.add(from);
        from.pipe(to);
        // A connection that fails ends both sides, as Redis going away would.
        from.on('error', () => to.destroy());
        from.on('close', () => {
          this.connections.delete(from);
          to.destroy();
        });
      }
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    if (!address || typeof address !== 'object') throw new Error('relay not listening');
    this.port = address.port;
    this.server = server;
  }

  async close(): Promise<void> {
    await this.cut();
  }
}
