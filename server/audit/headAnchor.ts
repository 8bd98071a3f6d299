// Keeps the audit head checkpoint (headCheckpoint.ts) up with the chain: after every committed transaction
// (db/transaction.ts) the newest event is signed into the checkpoint file, before the request is answered. What remains
// undetectable is the removal of events committed in the instant between their commit and that write (milliseconds),
// and, after a power loss, of the few transactions SQLite's WAL at synchronous=NORMAL may roll back. The anchor never
// overwrites a checkpoint the database no longer reaches: that is the evidence of a truncation, kept for audit:verify.
import type { Logger } from 'pino';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/client.ts';
import { readCheckpoint, signHead, writeCheckpoint, type AuditHead } from './headCheckpoint.ts';

export const WATCH_MS = 2_000;

export type AnchorState =
  | { status: 'anchored'; seq: number; at: string }
  | { status: 'empty' }
  /** The checkpoint names an event the database does not hold (or holds with another hash): truncated. */
  | { status: 'truncated'; checkpointSeq: number; databaseSeq: number }
  | { status: 'invalid'; problem: string }
  | { status: 'unwritable'; problem: string };

export class AuditHeadAnchor {
  /** The head this process last wrote or found consistent with the database; null until the first look. */
  private known: AuditHead | null = null;
  private queued: Promise<void> | null = null;
  private tail: Promise<void> = Promise.resolve();
  private current: AnchorState = { status: 'empty' };
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Db,
    private readonly key: Buffer,
    readonly file: string,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /**
   * The server's watch: anchors at once (a first checkpoint if there is none; a truncation found at start is logged),
   * then every WATCH_MS for events written outside db/transaction.ts (refusals audited in a transaction of their
   * own), which are thus anchored within that time of their commit. The CLI does not watch: audit-verify must see a
   * missing checkpoint as missing.
   */
  watch(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.anchor(), WATCH_MS);
    this.timer.unref();
    void this.anchor();
  }

  /** Stops watching and waits for a write in progress, so closing never cuts the file or the database short. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.tail;
  }

  get state(): AnchorState {
    return this.current;
  }

  /**
   * Anchors the chain's newest event. Callers that arrive while a write is waiting share it (it reads the head when it
   * starts, so after their commits); never throws: a failure is logged and kept in `state`.
   */
  anchor(): Promise<void> {
    if (!this.queued) {
      const run = this.tail.then(() => {
        this.queued = null;
        return this.anchorOnce();
      });
      this.queued = run;
      this.tail = run;
    }
    return this.queued;
  }

  private async anchorOnce(): Promise<void> {
    try {
      await this.advance();
    } catch (err) {
      this.set({ status: 'unwritable', problem: err instanceof Error ? err.message : String(err) });
    }
  }

  private async advance(): Promise<void> {
    const head = await this.newest();
    if (!head) {
      this.set({ status: 'empty' });
      return;
    }
    if (this.known) {
      if (head.seq === this.known.seq && head.hash === this.known.hash) return;
      if (!(await this.holds(this.known))) return this.truncated(this.known.seq, head.seq);
    } else {
      const read = readCheckpoint(this.file, this.key);
      if (read.state === 'invalid') return this.set({ status: 'invalid', problem: read.problem });
      if (read.state === 'valid') {
        const { checkpoint } = read;
        if (!(await this.holds(checkpoint))) return this.truncated(checkpoint.seq, head.seq);
        if (checkpoint.seq >= head.seq) {
          this.known = { seq: checkpoint.seq, hash: checkpoint.hash };
          return this.set({ status: 'anchored', seq: checkpoint.seq, at: checkpoint.at });
        }
      } else {
        this.log.warn({ file: this.file, seq: head.seq }, 'audit head checkpoint missing: anchoring the current head');
      }
    }
    const checkpoint = signHead(this.key, head, this.clock.now());
    writeCheckpoint(this.file, checkpoint);
    this.known = head;
    this.set({ status: 'anchored', seq: head.seq, at: checkpoint.at });
  }

  private async newest(): Promise<AuditHead | null> {
    return this.db.auditEvent.findFirst({ orderBy: { seq: 'desc' }, select: { seq: true, hash: true } });
  }

  /** Whether the database still holds this event with this hash. */
  private async holds(head: AuditHead): Promise<boolean> {
    const row = await this.db.auditEvent.findUnique({ where: { seq: head.seq }, select: { hash: true } });
    return row?.hash === head.hash;
  }

  private truncated(checkpointSeq: number, databaseSeq: number): void {
    this.set({ status: 'truncated', checkpointSeq, databaseSeq });
  }

  private set(next: AnchorState): void {
    const was = this.current.status;
    this.current = next;
    if (next.status === was) return;
    if (next.status === 'truncated')
      this.log.error(
        { file: this.file, checkpointSeq: next.checkpointSeq, databaseSeq: next.databaseSeq },
        'AUDIT LOG TRUNCATED: the head checkpoint anchors an event the database no longer holds; the checkpoint is ' +
          'kept as evidence and no longer advanced. Run `npm run audit:verify` and investigate.',
      );
    else if (next.status === 'invalid')
      this.log.error(
        { file: this.file, problem: next.problem },
        'audit head checkpoint is not valid: it is kept as evidence and not overwritten',
      );
    else if (next.status === 'unwritable')
      this.log.error({ file: this.file, problem: next.problem }, 'could not write the audit head checkpoint');
  }
}
