// Transactions on PostgreSQL run one at a time, as they do on the embedded SQLite (one writer; Prisma's SQLite adapter
// queues its transactions behind one mutex). Commands were written and tested against that: a check and the write it
// guards (a limit, a number allocated in sequence, a booking's clash) happen in one transaction that nothing else
// interleaves with. Under PostgreSQL's READ COMMITTED two instances could interleave them, so every transaction takes
// one advisory lock per schema (TRANSACTION_LOCK_SQL) as its first statement; it is released at COMMIT or ROLLBACK. Reads outside a
// transaction are not held back. (Finer locking, or SERIALIZABLE with retries, is what would let writes run in
// parallel; the audit chain takes its own lock as well, audit/auditLog.ts, so it never depends on this one.)
import type {
  IsolationLevel,
  SqlDriverAdapter,
  SqlDriverAdapterFactory,
  Transaction,
} from '@prisma/driver-adapter-utils';

/**
 * pg_advisory_xact_lock(class, key) for "a Tongban transaction": a fixed class (0x54425754, "TBWT") and the schema, so
 * that deployments sharing one database in schemas of their own (and parallel test files) do not wait for each other.
 */
export const TRANSACTION_LOCK_SQL = 'SELECT pg_advisory_xact_lock(1413633876, hashtext(current_schema()))';

export function serialiseTransactions(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  const serialised = (adapter: SqlDriverAdapter): SqlDriverAdapter => {
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel?: IsolationLevel): Promise<Transaction> => {
      const tx = await start(isolationLevel);
      try {
        await tx.executeRaw({ sql: TRANSACTION_LOCK_SQL, args: [], argTypes: [] });
      } catch (err) {
        // The adapter's rollback() only hands the connection back; the statement ends the transaction.
        try {
          await tx.executeRaw({ sql: 'ROLLBACK', args: [], argTypes: [] });
        } finally {
          await tx.rollback();
        }
        throw err;
      }
      return tx;
    };
    return adapter;
  };
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => serialised(await factory.connect()),
  };
}
