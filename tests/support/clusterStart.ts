// How the cluster tests and bench:cluster start a cluster (deploy/cluster): on free loopback ports, with the
// environment that keeps the instances quiet (the demo organisation to sign in with; no backups, OCR or search ticks
// competing for the CPU).
import net from 'node:net';
import { startCluster, type Cluster, type ClusterOptions } from '../../deploy/cluster/cluster.ts';

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
async function freePorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort();
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/** The readiness watch of the cluster tests: an instance that stops answering is taken out within about a second. */
export const TEST_READINESS_WATCH: ClusterOptions['watch'] = { intervalMs: 250, timeoutMs: 1_000, fall: 2, rise: 2 };

/**
 * `instances` instances behind nginx on free loopback ports, started as `npm run server` does (the client is served
 * prebuilt), with QUIET_CLUSTER_ENV under the given `env`; the other options are startCluster's.
 */
export async function startQuietCluster(
  options: Omit<ClusterOptions, 'httpsPort' | 'instancePorts' | 'mediaPorts' | 'entry'> & { instances: number },
): Promise<Cluster> {
  const { instances, env, ...rest } = options;
  const ports = await freePorts(1 + 2 * instances);
  return startCluster({
    ...rest,
    httpsPort: ports[0]!,
    instancePorts: ports.slice(1, 1 + instances),
    mediaPorts: ports.slice(1 + instances),
    entry: 'server',
    env: { ...QUIET_CLUSTER_ENV, ...env },
  });
}
