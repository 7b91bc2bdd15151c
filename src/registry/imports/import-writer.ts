// Writes the planned batches of an import in transactions of whole batches, each with its
// audit row. Persons: about COMMIT_ROWS rows per transaction, the batches in between held in
// memory (the planner sees them through `pending`); a large import into a (nearly) empty
// registry also drops the search indexes until the end (bulk-load.ts), and a large import into
// a SQLite file writes on a thread of its own while the next group is planned (write-thread.ts).
// Events: one batch per transaction, since an events batch may depend on the previous one in
// ways the planner cannot see. Dry runs write nothing.
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import type { AuditContent } from '../../platform/audit/audit-hash.ts';
import { writeChunk, type Chunk } from '../bulk.repository.ts';
import { packInto, type PackedChunk, type PackedLists } from '../packed-chunk.ts';
import { restoreDerived, suspendDerived, wantsBulkLoad } from './bulk-load.ts';
import type { PendingWrites, PlannedBatch } from './import-context.ts';
import type { ImportRequest } from './import.service.ts';
import { linkLaterRelatives, linkLaterRelativesOn, type LaterLinks } from './later-relatives.ts';
import type { Table } from './types.ts';
import { WriteThread } from './write-thread.ts';

/**
 * Rows a persons import writes per transaction. A commit rewrites every index page the batch
 * touched, so commits of 2,000 rows cost more than the inserts (1M rows: 120 s in all, 19 s with
 * commits of 50,000); the import stays safe to kill (whole transactions only), and the rows
 * held in memory stay bounded (about 100 MB, twice that while a group is being written).
 */
export const COMMIT_ROWS = 50_000;

export const writerSettings = {
  commitRows: COMMIT_ROWS,
  /** Persons files from this size on write on a thread of its own (starting one costs a few hundred ms). */
  threadMinBytes: 4 * 1024 * 1024,
};

type Lists = Required<Pick<Chunk, 'insertPersons' | 'updatePersons' | 'replaceSpansOf' | 'spans' | 'events' | 'updateEvents'>>;

/**
 * Planned batches waiting for their transaction, with the lines and counts they cover: as row
 * objects, or, for the write thread, packed batch by batch (packed-chunk.ts).
 */
class WriteGroup {
  /** The row objects (plain) or the batches packed for the write thread: one of the two. */
  private readonly lists?: Lists;
  private readonly packed?: PackedLists;
  firstLine = 0;
  lastLine = 0;
  inserted = 0;
  updated = 0;

  constructor(pack: boolean) {
    if (pack) this.packed = {};
    else this.lists = { insertPersons: [], updatePersons: [], replaceSpansOf: [], spans: [], events: [], updateEvents: [] };
  }

  add(planned: PlannedBatch, firstLine: number, lastLine: number): void {
    if (this.packed) packInto(this.packed, planned.chunk);
    else {
      const lists = this.lists!;
      for (const key of Object.keys(lists) as (keyof Lists)[]) {
        const to = lists[key] as unknown[];
        for (const item of (planned.chunk[key] as unknown[] | undefined) ?? []) to.push(item);
      }
    }
    if (!this.firstLine) this.firstLine = firstLine;
    this.lastLine = lastLine;
    this.inserted += planned.inserted;
    this.updated += planned.updated;
  }

  /** The group as one chunk, with its audit row. */
  chunk(audit: AuditContent): Chunk | PackedChunk {
    return this.packed ? { packed: this.packed, audit } : { ...this.lists!, audit };
  }

  get rows(): number {
    return this.inserted + this.updated;
  }
}

/**
 * Keys of rows the database does not show yet: those of the group being filled, and those of
 * the group last handed to the writer. The latter are let go only when the next group is
 * handed over, never while a batch is being planned, so a planner that skipped a look-up
 * because a key was here still finds it here.
 */
class Unwritten<V> {
  private filling = new Map<string, V>();
  private sent = new Map<string, V>();
  has(k: string): boolean { return this.filling.has(k) || this.sent.has(k); }
  get(k: string): V | undefined { return this.filling.get(k) ?? this.sent.get(k); }
  set(k: string, v: V): void { this.filling.set(k, v); }
  add(k: string): void { this.filling.set(k, true as V); }
  /** The group was handed to the writer, and every group before it is committed. */
  handedOver(): void {
    this.sent = this.filling;
    this.filling = new Map();
  }
}

export class ImportWriter {
  /** Present when batches are grouped: what the planner must see of the unwritten ones. */
  readonly pending?: PendingWrites & { ids: Unwritten<string>; unnumbered: Unwritten<boolean> };
  private group: WriteGroup;
  private written = 0;
  private suspended = false;
  /** The write of the last group handed to the thread; never rejects (see `failure`). */
  private inFlight: Promise<void> = Promise.resolve();
  private failure: unknown = null;

  private constructor(
    private readonly ctx: AppContext, private readonly actor: Actor, private readonly req: ImportRequest, private readonly now: string,
    private readonly table: Table, private readonly existingPersons: number | null, private readonly thread: WriteThread | null,
  ) {
    if (existingPersons !== null) this.pending = { ids: new Unwritten(), unnumbered: new Unwritten(), flush: () => this.flush() };
    this.group = this.newGroup();
  }

  /** Brings back indexes a killed import left dropped, before anything else is written. */
  static async open(ctx: AppContext, actor: Actor, req: ImportRequest, now: string, table: Table): Promise<ImportWriter> {
    if (req.dryRun) return new ImportWriter(ctx, actor, req, now, table, null, null);
    await restoreDerived(ctx.db);
    const grouped = req.kind === 'persons';
    const existing = grouped ? Number((await ctx.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) : null;
    const sqlite = ctx.db.sqlite;
    const threaded = grouped && sqlite && !sqlite.memory && table.progress().bytesTotal >= writerSettings.threadMinBytes;
    return new ImportWriter(ctx, actor, req, now, table, existing, threaded ? new WriteThread(sqlite.name) : null);
  }

  /** Takes a planned batch; writes it, or the group it completes. */
  async add(planned: PlannedBatch, firstLine: number, lastLine: number): Promise<void> {
    if (this.req.dryRun || (planned.inserted === 0 && planned.updated === 0)) return;
    this.group.add(planned, firstLine, lastLine);
    if (!this.pending) await this.flush();
    else if (this.group.rows >= writerSettings.commitRows) await this.handOver();
  }

  /** Writes the pending batches and waits until every one is committed. */
  async flush(): Promise<void> {
    await this.handOver();
    await this.settled();
  }

  /** Waits for the group being written; throws what its write threw. */
  private async settled(): Promise<void> {
    await this.inFlight;
    if (this.failure) throw this.failure;
  }

  /**
   * Hands the pending batches to the writer, as one transaction, once the group before is
   * committed: on the write thread (the import goes on planning meanwhile), or here.
   */
  private async handOver(): Promise<void> {
    const g = this.group;
    if (g.rows === 0) return;
    await this.settled();
    this.group = this.newGroup();
    this.pending?.ids.handedOver();
    this.pending?.unnumbered.handedOver();
    this.written += g.rows;
    if (!this.suspended && this.existingPersons !== null) {
      const { bytesRead, bytesTotal } = this.table.progress();
      const expected = Math.max(this.written, bytesRead > 0 ? Math.round((this.written * bytesTotal) / bytesRead) : 0);
      if (wantsBulkLoad(expected, this.existingPersons)) {
        await suspendDerived(this.ctx.db);
        this.suspended = true;
      }
    }
    const { req, actor } = this;
    const audit: AuditContent = {
      at: this.now, actor_id: actor.userId, actor_name: actor.username, action: `import.${req.kind}`, entity_type: 'import', entity_id: req.jobId,
      area_code: req.scope, ip: actor.ip,
      detail: JSON.stringify({ file: req.filename, lines: [g.firstLine, g.lastLine], inserted: g.inserted, updated: g.updated }),
    };
    if (!this.thread) return writeChunk(this.ctx.db, g.chunk(audit) as Chunk);
    this.inFlight = this.thread.write(g.chunk(audit)).catch((e: unknown) => { this.failure = e; });
  }

  /** Batches for the write thread are packed as they come (packed-chunk.ts). */
  private newGroup(): WriteGroup {
    return new WriteGroup(this.thread !== null);
  }

  /**
   * Ends the write thread and builds the dropped indexes again; call it whatever happened (after
   * the last flush). `links`, given once every row is written, are the relatives met later in the
   * file: made before the indexes are built (they need not maintain them), on SQLite in the
   * transaction that builds them, so that the thread counting the population starts meanwhile.
   */
  async close(links?: LaterLinks): Promise<void> {
    await this.inFlight;
    await this.thread?.close();
    const db = this.ctx.db;
    const inRestore = links !== undefined && this.suspended && db.sqlite !== undefined;
    try {
      if (links && !inRestore) await linkLaterRelatives(db, links);
    } finally {
      if (this.suspended) {
        this.suspended = false;
        if (!inRestore) await restoreDerived(db);
        else {
          try {
            await restoreDerived(db, (s) => { linkLaterRelativesOn(s, links!); });
          } catch (e) {
            await restoreDerived(db); // the indexes come back even when the links failed
            throw e;
          }
        }
      }
    }
  }
}
