// What the media layer needs from the configuration, with the address browsers are told to send media to.
import os from 'node:os';
import type { types } from 'mediasoup';
import type { IceServer } from './signaling.ts';

export interface MediaSettings {
  /** Worker processes (each uses one core). */
  workers: number;
  /** Address the WebRtcServers bind to. */
  listenIp: string;
  /** Address put in ICE candidates; required in practice when listening on 0.0.0.0. */
  announcedIp: string;
  /**
   * UDP and TCP port of worker 0's WebRtcServer; worker i listens on port + i (mediasoup 3.12 cannot share one
   * port between worker processes). 0 picks a free port per worker (tests).
   */
  port: number;
  /** Consumers one router takes before the room spreads onto another router (and worker) with pipeToRouter. */
  consumersPerRouter: number;
  /** STUN/TURN servers handed to browsers (deployments behind NAT). */
  iceServers: IceServer[];
  logLevel: types.WorkerLogLevel;
}

/** Number of workers for a configured value: 0 means one per core. */
export function workerCount(configured: number): number {
  if (configured > 0) return configured;
  return Math.max(1, os.availableParallelism());
}

/**
 * The IP browsers should reach: the configured one, else the listen address when it is a concrete one, else the
 * machine's first external IPv4 address, else loopback (a single machine, as in tests).
 */
export function announcedAddress(listenIp: string, configured: string | null): string {
  if (configured) return configured;
  if (listenIp !== '0.0.0.0' && listenIp !== '::') return listenIp;
  for (const entries of Object.values(os.networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal) return entry.address;
    }
  }
  return '127.0.0.1';
}
