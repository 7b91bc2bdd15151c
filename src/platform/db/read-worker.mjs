// A reader of the SQLite file on its own thread (plain JS: it runs without a TS loader).
// Answers {id, sql, params} with {id, rows} or {id, error}. WAL lets it read beside the writer.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 10000');
db.pragma(`cache_size = -${workerData.cacheKiB}`);
db.pragma('temp_store = MEMORY');

const kept = new Map();
function statement(sql) {
  let st = kept.get(sql);
  if (!st) {
    if (kept.size >= 500) kept.clear();
    st = db.prepare(sql);
    kept.set(sql, st);
  }
  return st;
}

parentPort.on('message', ({ id, sql, params }) => {
  try {
    parentPort.postMessage({ id, rows: statement(sql).all(...params) });
  } catch (e) {
    parentPort.postMessage({ id, error: { message: e.message, code: e.code } });
  }
});
