// The cluster of bench:cluster as one server of the collab benchmark: N Tongban instances behind nginx on PostgreSQL
// and Redis, started as `npm run cluster` starts them (deploy/cluster/cluster.ts). Providers connect through nginx's
// /collab over TLS at the address each document's collab token names, so nginx sends the editors of one document to
// one instance, as it does browsers (Redis still carries awareness and keeps copies in step after a failover); the
// documents are prepared through instance 1 directly and read back from the PostgreSQL update log.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { openDocumentStore } from '../../collab/storage/openDocumentStore.ts';
import { systemClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { loadKeys } from '../../server/security/keys.ts';
import { startQuietCluster } from '../support/clusterStart.ts';
import { prioritiseAutogroup } from './benchProcess.ts';
import { prepareDocuments, signInEditors, storedMarkerCounts, type BenchServer } from './collabBenchDocuments.ts';
import { childrenOf, processCpuUs } from './procCpu.ts';

export interface ClusterServerOptions {
  instances: number;
  databaseUrl: string;
  redisUrl: string;
  redisPrefix: string;
}

export async function startClusterServer(options: ClusterServerOptions): Promise<BenchServer & { ca: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tongban-bench-cluster-'));
  const cluster = await startQuietCluster({
    instances: options.instances,
    dataDir,
    databaseUrl: options.databaseUrl,
    redisUrl: options.redisUrl,
    redisPrefix: options.redisPrefix,
    // The providers note which instance nginx sent them to (the report's spread).
    revealUpstream: true,
  });
  try {
    const editors = await signInEditors(cluster.instances[0]!.url);
    const config = loadConfig({ dataDir, databaseUrl: options.databaseUrl });
    const store = openDocumentStore(config, loadKeys(config).atRest, systemClock, pino({ level: 'silent' }));
    const nginxPid = () => Number(fs.readFileSync(path.join(cluster.nginx.prefix, 'nginx.pid'), 'utf8').trim());
    // The instances and nginx run in sessions of their own (the cluster starts them detached), so under --priority
    // (this process runs at that nice) their autogroups get it too, as the single instance's does (benchProcess.ts);
    // else they would compete at the default against clients and baselines at the benchmark's priority.
    const priority = os.getPriority();
    if (priority !== 0)
      for (const [name, pid] of [
        ...cluster.instances.map((i): [string, number] => [`instance ${i.index}`, i.pid]),
        ['nginx', nginxPid()] as [string, number],
      ])
        prioritiseAutogroup(name, pid, priority);
    const origin = cluster.url.replace(/^https/, 'wss');
    return {
      url: `${origin}/collab`,
      ca: fs.readFileSync(cluster.certificate, 'utf8'),
      hocuspocus: null,
      prepare: (phase, documents, providersPerDocument) =>
        prepareDocuments(editors, origin, phase, documents, providersPerDocument),
      stored: (names) => storedMarkerCounts(names, (id) => store.load(id)),
      parts() {
        const master = nginxPid();
        return [
          ...cluster.instances.map((i): [string, number] => [`instance ${i.index}`, processCpuUs(i.pid)]),
          ['nginx', [master, ...childrenOf(master)].reduce((n, pid) => n + processCpuUs(pid), 0)],
        ];
      },
      async close() {
        await store.close();
        await cluster.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (err) {
    await cluster.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
}
