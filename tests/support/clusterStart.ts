// What the cluster test and bench:cluster both give startCluster: free loopback ports, and the environment that keeps
// the instances quiet (the demo organisation to sign in with; no backups, OCR or search ticks competing for the CPU).
import net from 'node:net';

/** Instance environment over the cluster's own: demo users, sign-ins from one address unlimited, nothing scheduled. */
export const QUIET_CLUSTER_ENV: Record<string, string> = {
  TONGBAN_DEMO: '1',
  TONGBAN_AUTH_RATE_LIMIT: '1000',
  TONGBAN_LOG_LEVEL: 'warn',
  TONGBAN_BACKUP_AT: 'off',
  TONGBAN_OCR_TICK_SECONDS: '0',
  TONGBAN_SEARCH_TICK_SECONDS: '0',
};

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** `count` distinct ports free on 127.0.0.1 right now. */
export async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}
