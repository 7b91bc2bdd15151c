// Writes the planned batches of an import in transactions of whole batches, each with its
// audit row. Persons: about COMMIT_ROWS rows per transaction, the batches in between held in
// memory (the planner sees them through `pending`); a large import into a (nearly) empty
// registry also drops the search indexes until the end (bulk-load.ts). Events: one batch per
// transaction, since an events batch may depend on the previous one in ways the planner
// cannot see. Dry runs write nothing.
import type { AppContext } from '../../platform/context.ts';
import type { Actor } from '../../platform/auth/roles.ts';
import { writeChunk, type Chunk } from '../bulk.repository.ts';
import { restoreDerived, suspendDerived, wantsBulkLoad } from './bulk-load.ts';
import type { PendingWrites, PlannedBatch } from './import-context.ts';
import type { ImportRequest } from './import.service.ts';
import type { Table } from './types.ts';

/**
 * Rows a persons import writes per transaction. A commit rewrites every index page the batch
 * touched, so commits of 2,000 rows cost more than the inserts (1M rows: 120 s in all, 19 s with
 * commits of 50,000); the import stays safe to kill (whole transactions only), and the rows
 * held in memory stay bounded (about 100 MB).
 */
export const COMMIT_ROWS = 50_000;

type Lists = Required<Pick<Chunk, 'insertPersons' | 'updatePersons' | 'replaceSpansOf' | 'spans' | 'events' | 'updateEvents'>>;

/** Planned batches waiting for their transaction, with the lines and counts they cover. */
class WriteGroup {
  readonly lists: Lists = { insertPersons: [], updatePersons: [], replaceSpansOf: [], spans: [], events: [], updateEvents: [] };
  firstLine = 0;
  lastLine = 0;
  inserted = 0;
  updated = 0;

  add(planned: PlannedBatch, firstLine: number, lastLine: number): void {
    for (const key of Object.keys(this.lists) as (keyof Lists)[]) {
      const to = this.lists[key] as unknown[];
      for (const item of (planned.chunk[key] as unknown[] | undefined) ?? []) to.push(item);
    }
    if (!this.firstLine) this.firstLine = firstLine;
    this.lastLine = lastLine;
    this.inserted += planned.inserted;
    this.updated += planned.updated;
  }

  get rows(): number {
    return this.inserted + this.updated;
  }
}

export class ImportWriter {
  /** Present when batches are grouped: what the planner must see of the unwritten ones. */
  readonly pending?: PendingWrites;
  private group = new WriteGroup();
  private written = 0;
  private suspended = false;

  private constructor(
    private readonly ctx: AppContext, private readonly actor: Actor, private readonly req: ImportRequest, private readonly now: string,
    private readonly table: Table, private readonly existingPersons: number | null,
  ) {
    if (existingPersons !== null) this.pending = { ids: new Map(), unnumbered: new Set(), flush: () => this.flush() };
  }

  /** Brings back indexes a killed import left dropped, before anything else is written. */
  static async open(ctx: AppContext, actor: Actor, req: ImportRequest, now: string, table: Table): Promise<ImportWriter> {
    if (req.dryRun) return new ImportWriter(ctx, actor, req, now, table, null);
    await restoreDerived(ctx.db);
    const grouped = req.kind === 'persons';
    const existing = grouped ? Number((await ctx.db.kysely.selectFrom('persons').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) : null;
    return new ImportWriter(ctx, actor, req, now, table, existing);
  }

  /** Takes a planned batch; writes it, or the group it completes. */
  async add(planned: PlannedBatch, firstLine: number, lastLine: number): Promise<void> {
    if (this.req.dryRun || (planned.inserted === 0 && planned.updated === 0)) return;
    this.group.add(planned, firstLine, lastLine);
    if (!this.pending || this.group.rows >= COMMIT_ROWS) await this.flush();
  }

  /** Writes the pending batches in one transaction. */
  async flush(): Promise<void> {
    const g = this.group;
    if (g.rows === 0) return;
    this.group = new WriteGroup();
    this.pending?.ids.clear();
    this.pending?.unnumbered.clear();
    this.written += g.rows;
    if (!this.suspended && this.existingPersons !== null) {
      const { bytesRead, bytesTotal } = this.table.progress();
      const expected = Math.max(this.written, bytesRead > 0 ? Math.round((this.written * bytesTotal) / bytesRead) : 0);
      if (wantsBulkLoad(this.ctx.db, expected, this.existingPersons)) {
        await suspendDerived(this.ctx.db);
        this.suspended = true;
      }
    }
    const { req, actor } = this;
    await writeChunk(this.ctx.db, {
      ...g.lists,
      audit: {
        at: this.now, actor_id: actor.userId, actor_name: actor.username, action: `import.${req.kind}`, entity_type: 'import', entity_id: req.jobId,
        area_code: req.scope, ip: actor.ip,
        detail: JSON.stringify({ file: req.filename, lines: [g.firstLine, g.lastLine], inserted: g.inserted, updated: g.updated }),
      },
    });
  }

  /** Builds the dropped indexes again; call it whatever happened (after the last flush). */
  async close(): Promise<void> {
    if (!this.suspended) return;
    this.suspended = false;
    await restoreDerived(this.ctx.db);
  }
}
