// Counters for the collab server (connections, updates, refusals, persistence latency), read by /api/system/metrics.
import type { connectedPayload, Extension, onDisconnectPayload } from '@hocuspocus/server';

export interface CollabMetrics {
  connections: number;
  connectionsTotal: number;
  updatesPersisted: number;
  bytesPersisted: number;
  refused: number;
  persistMsTotal: number;
}

export function newMetrics(): CollabMetrics {
  return { connections: 0, connectionsTotal: 0, updatesPersisted: 0, bytesPersisted: 0, refused: 0, persistMsTotal: 0 };
}

export class MetricsExtension implements Extension {
  extensionName = 'Metrics';
  priority = 10;

  constructor(readonly metrics: CollabMetrics) {}

  async connected(_data: connectedPayload): Promise<void> {
    this.metrics.connections++;
    this.metrics.connectionsTotal++;
  }

  async onDisconnect(_data: onDisconnectPayload): Promise<void> {
    this.metrics.connections = Math.max(0, this.metrics.connections - 1);
  }
}
