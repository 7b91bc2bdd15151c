// A reader of the SQLite file on its own thread (plain JS: it runs without a TS loader).
// Takes batches of [id, key, sql|null, params] and answers each batch with one message of
// [id, rows, error]. A statement's text is sent once; later requests name it by its key.
// WAL lets it read beside the writer.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 10000');
db.pragma(`cache_size = -${workerData.cacheKiB}`);
db.pragma('temp_store = MEMORY');

// The main thread numbers statements; a text sent again under a key replaces what it meant.
const statements = new Map();
function statement(key, sql) {
  if (sql === null) return statements.get(key);
  const st = db.prepare(sql);
  statements.set(key, st);
  return st;
}

parentPort.on('message', (batch) => {
  const out = [];
  for (const [id, key, sql, params] of batch) {
    try {
      out.push([id, statement(key, sql).all(...params), null]);
    } catch (e) {
      out.push([id, null, { message: e.message, code: e.code }]);
    }
  }
  parentPort.postMessage(out);
});
