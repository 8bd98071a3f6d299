// CPU time of other processes on this machine, read from /proc, for benchmarks that measure servers they did not start
// themselves (PostgreSQL backends, redis-server, nginx) or that run as grandchildren (cluster instances).
import fs from 'node:fs';

/** Linux's USER_HZ: /proc/<pid>/stat counts utime and stime in these ticks (100 on every Linux this runs on). */
const TICKS_PER_SECOND = 100;

/** utime + stime of one process in µs, or 0 when it is gone or unreadable. */
export function processCpuUs(pid: number): number {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // The command name (field 2) is in parentheses and may hold spaces: fields are counted after its closing one.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  return Number.isFinite(ticks) ? (ticks * 1e6) / TICKS_PER_SECOND : 0;
}

/** The pids whose command line (arguments joined by spaces) passes the test. */
export function pidsWhere(test: (cmdline: string) => boolean): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ').trim();
    } catch {
      continue;
    }
    if (test(cmdline)) pids.push(Number(entry));
  }
  return pids;
}

/** The summed CPU (µs) of the processes `test` picks, as they are now. */
export function cpuUsWhere(test: (cmdline: string) => boolean): number {
  return pidsWhere(test).reduce((n, pid) => n + processCpuUs(pid), 0);
}

/**
 * The summed CPU (µs) of every process `test` has picked since this was made, those gone included at what they had
 * used when last read: processes that come and go (PostgreSQL backends, as the instances' pools replace connections)
 * no longer make the difference between two readings negative. Call it often (on a timer) so that one that
 * exits loses little; one that starts and ends between two readings is missed.
 */
export function cumulativeCpuUsWhere(test: (cmdline: string) => boolean): () => number {
  const lastRead = new Map<number, number>();
  return () => {
    for (const pid of pidsWhere(test)) {
      const us = processCpuUs(pid);
      if (us > 0) lastRead.set(pid, Math.max(us, lastRead.get(pid) ?? 0));
    }
    let total = 0;
    for (const us of lastRead.values()) total += us;
    return total;
  };
}

/** The processes whose parent is `ppid` (an nginx master's workers). */
export function childrenOf(ppid: number): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === ppid) pids.push(Number(entry));
    } catch {
      // Gone since the listing.
    }
  }
  return pids;
}
