import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// Benefit programmes: yearly cycles per programme and county, their roster lines (with review
// stage, frozen snapshot, amounts and the parameter values used), review history, objections
// raised during the public notice, payment batches and payments, evidence and rule overrides.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const code = (c: any) => (dialect === 'postgres' ? c.modifyEnd(sql`collate "C"`) : c);
  const id = (c: any) => c.primaryKey();
  const stamps = (t: any) => t
    .addColumn('version', 'integer', (c: any) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c: any) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c: any) => c.notNull());

  await stamps(db.schema.createTable('benefit_cycles')
    .addColumn('id', 'varchar(36)', id)
    .addColumn('programme', 'varchar(32)', (c) => c.notNull())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('notice_from', 'varchar(10)')
    .addColumn('notice_to', 'varchar(10)')
    .addColumn('created_by', 'varchar(36)'))
    .addUniqueConstraint('benefit_cycles_once', ['programme', 'area_code', 'year'])
    .execute();
  await db.schema.createIndex('benefit_cycles_area').on('benefit_cycles').columns(['area_code', 'year']).execute();

  // The values a computation used, stored once per distinct set (id = hash of the content).
  await db.schema.createTable('benefit_param_sets')
    .addColumn('id', 'varchar(64)', id)
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();

  await stamps(db.schema.createTable('benefit_lines')
    .addColumn('id', 'varchar(36)', id)
    .addColumn('cycle_id', 'varchar(36)', (c) => c.notNull().references('benefit_cycles.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('kind', 'varchar(12)', (c) => c.notNull()) // new | continuing | leaving
    .addColumn('eligible', 'integer', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('scheme', 'varchar(32)')
    .addColumn('stage', 'varchar(12)', (c) => c.notNull()) // pending | declared | reviewed | confirmed | withdrawn
    .addColumn('returned_reason', 'text')
    .addColumn('returned_level', 'varchar(10)')
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('split', 'text', (c) => c.notNull())
    .addColumn('param_set_id', 'varchar(64)')
    .addColumn('rule_version', 'varchar(10)')
    .addColumn('frozen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('snapshot', 'text')
    .addColumn('bank_account', 'varchar(40)'))
    .addUniqueConstraint('benefit_lines_once', ['cycle_id', 'person_id'])
    .execute();
  await db.schema.createIndex('benefit_lines_cycle_area').on('benefit_lines').columns(['cycle_id', 'area_code', 'stage']).execute();

  await db.schema.createTable('benefit_review_actions')
    .addColumn('id', 'varchar(36)', id)
    .addColumn('line_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('level', 'varchar(10)', (c) => c.notNull())
    .addColumn('action', 'varchar(10)', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('benefit_review_actions_line').on('benefit_review_actions').columns(['line_id', 'at']).execute();

  await stamps(db.schema.createTable('benefit_objections')
    .addColumn('id', 'varchar(36)', id)
    .addColumn('cycle_id', 'varchar(36)', (c) => c.notNull().references('benefit_cycles.id'))
    .addColumn('line_id', 'varchar(36)')
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(10)', (c) => c.notNull()) // open | resolved
    .addColumn('upheld', 'integer')
    .addColumn('resolution', 'text')
    .addColumn('created_by', 'varchar(36)'))
    .execute();
  await db.schema.createIndex('benefit_objections_cycle').on('benefit_objections').columns(['cycle_id', 'status']).execute();

  await db.schema.createTable('benefit_batches')
    .addColumn('id', 'varchar(36)', id)
    .addColumn('cycle_id', 'varchar(36)', (c) => c.notNull().references('benefit_cycles.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('line_count', 'integer', (c) => c.notNull())
    .addColumn('total_fen', 'bigint', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('benefit_batches_seq', ['cycle_id', 'seq'])
    .execute();

  await db.schema.createTable('benefit_payments')
    .addColumn('batch_id', 'varchar(36)', (c) => c.notNull().references('benefit_batches.id'))
    .addColumn('line_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('cycle_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('programme', 'varchar(32)', (c) => c.notNull())
    .addColumn('period', 'integer', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('bank_account', 'varchar(40)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull()) // pending | paid | failed
    .addColumn('failure_reason', 'text')
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addPrimaryKeyConstraint('benefit_payments_pk', ['batch_id', 'line_id'])
    .execute();
  // Paid at most once per programme, cycle and period: a payment that is pending or paid
  // blocks any other; only a failed one may be followed by a new attempt.
  await db.schema.createIndex('benefit_payments_once').on('benefit_payments')
    .columns(['programme', 'cycle_id', 'period', 'person_id']).unique().where(sql.ref('status'), '<>', 'failed').execute();
  await db.schema.createIndex('benefit_payments_line').on('benefit_payments').columns(['line_id', 'status']).execute();

  // Facts and documents the registry cannot know (disability certificate, death confirmation,
  // declaration of no further birth, bank account…), one row per person and checklist item.
  await stamps(db.schema.createTable('benefit_evidence')
    .addColumn('id', 'varchar(36)', id)
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('area_code', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('item', 'varchar(40)', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('document_no', 'varchar(60)')
    .addColumn('paper_filed', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('note', 'text'))
    .addUniqueConstraint('benefit_evidence_once', ['person_id', 'item'])
    .execute();
  await db.schema.createIndex('benefit_evidence_area').on('benefit_evidence').columns(['area_code', 'person_id']).execute();

  // Values an office sets for its own jurisdiction over the rule files (`renkou` keeps the files
  // as the national and provincial base).
  await stamps(db.schema.createTable('benefit_rule_overrides')
    .addColumn('id', 'varchar(36)', id)
    .addColumn('programme', 'varchar(32)', (c) => c.notNull())
    .addColumn('parameter', 'varchar(60)', (c) => c.notNull())
    .addColumn('jurisdiction', 'varchar(12)', (c) => code(c.notNull()))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)'))
    .addUniqueConstraint('benefit_rule_overrides_once', ['programme', 'parameter', 'jurisdiction'])
    .execute();
}
