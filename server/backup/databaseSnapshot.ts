// A consistent copy of the live database that does not stall the server: SQLite's VACUUM INTO (one read transaction,
// so one instant of the database, while the server goes on writing in WAL mode) on a read-only connection of its own,
// in a worker thread. better-sqlite3 is synchronous: on the main thread, copying a large database would hold up every
// request, socket.io message and collab update for as long as the copy takes.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.source, { readonly: true, timeout: 10000 });
try {
  db.exec("VACUUM INTO '" + workerData.target.replaceAll("'", "''") + "'");
} finally {
  db.close();
}
parentPort.postMessage('done');
`;

export function snapshotDatabase(source: string, target: string): Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(SCRIPT, { eval: true, workerData: { driver, source, target } });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the database snapshot worker stopped with exit code ${code}`));
    });
  });
}
