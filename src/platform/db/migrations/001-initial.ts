import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../database.ts';

// Codes and names compare byte-wise on PostgreSQL too, so prefix ranges use plain indexes.
export async function up(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const code = (n = 12) => (c: any) => (dialect === 'postgres' ? c.modifyEnd(sql`collate "C"`) : c);
  const serial = (t: any, name: string) =>
    dialect === 'postgres'
      ? t.addColumn(name, 'bigserial', (c: any) => c.primaryKey())
      : t.addColumn(name, 'integer', (c: any) => c.primaryKey().autoIncrement());

  await db.schema.createTable('areas')
    .addColumn('code', 'varchar(12)', (c) => code()(c.primaryKey()))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('level', 'integer', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(12)', code())
    .execute();
  await db.schema.createIndex('areas_parent').on('areas').columns(['parent_code', 'code']).execute();

  await db.schema.createTable('families')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('household_number', 'varchar(32)', (c) => c.notNull().unique())
    .addColumn('area_code', 'varchar(12)', (c) => code()(c.notNull()))
    .addColumn('head_id', 'varchar(36)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('families_area').on('families').column('area_code').execute();

  await db.schema.createTable('persons')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('id_number', 'varchar(18)', (c) => c.unique())
    .addColumn('name', 'varchar(100)', (c) => code()(c.notNull()))
    .addColumn('sex', 'varchar(1)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('ethnicity', 'varchar(2)')
    .addColumn('hukou_type', 'varchar(8)')
    .addColumn('marital_status', 'varchar(2)')
    .addColumn('phone', 'varchar(20)')
    .addColumn('hukou_area_code', 'varchar(12)', (c) => code()(c.notNull()))
    .addColumn('residence_area_code', 'varchar(12)', (c) => code()(c.notNull()))
    .addColumn('death_date', 'varchar(10)')
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('is_migrant', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mother_id', 'varchar(36)')
    .addColumn('father_id', 'varchar(36)')
    .addColumn('spouse_id', 'varchar(36)')
    .addColumn('family_id', 'varchar(36)')
    .addColumn('synthetic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  // The list filters (sex, status, migrant) are in the indexes so that paging and capped
  // counts read the index alone, without touching the table.
  const filters = ['birth_date', 'sex', 'status', 'is_migrant'];
  await db.schema.createIndex('persons_hukou').on('persons').columns(['hukou_area_code', ...filters]).execute();
  await db.schema.createIndex('persons_residence').on('persons').columns(['residence_area_code', ...filters]).execute();
  await db.schema.createIndex('persons_name').on('persons').columns(['name', 'hukou_area_code', 'residence_area_code', ...filters]).execute();
  await db.schema.createIndex('persons_mother').on('persons').column('mother_id').execute();
  await db.schema.createIndex('persons_father').on('persons').column('father_id').execute();
  await db.schema.createIndex('persons_family').on('persons').column('family_id').execute();

  await serial(db.schema.createTable('person_spans'), 'id')
    .addColumn('person_id', 'varchar(36)', (c: any) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c: any) => c.notNull())
    .addColumn('end_date', 'varchar(10)')
    .addColumn('hukou_area_code', 'varchar(12)', code())
    .addColumn('residence_area_code', 'varchar(12)', code())
    .execute();
  await db.schema.createIndex('spans_person').on('person_spans').column('person_id').execute();
  await db.schema.createIndex('spans_hukou').on('person_spans').columns(['hukou_area_code', 'start_date']).execute();
  await db.schema.createIndex('spans_residence').on('person_spans').columns(['residence_area_code', 'start_date']).execute();

  await db.schema.createTable('population_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('area_code', 'varchar(12)', (c) => code()(c.notNull()))
    .addColumn('from_area_code', 'varchar(12)', code())
    .addColumn('spouse_id', 'varchar(36)')
    .addColumn('mother_id', 'varchar(36)')
    .addColumn('father_id', 'varchar(36)')
    .addColumn('parity', 'integer')
    .addColumn('note', 'text')
    .addColumn('import_job_id', 'varchar(36)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .addUniqueConstraint('events_natural_key', ['kind', 'person_id', 'date'])
    .execute();
  await db.schema.createIndex('events_person').on('population_events').columns(['person_id', 'date']).execute();
  await db.schema.createIndex('events_area_date').on('population_events').columns(['area_code', 'date']).execute();

  await db.schema.createTable('users')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('username', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('display_name', 'varchar(100)', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'varchar(32)', (c) => c.notNull())
    .addColumn('area_code', 'varchar(12)', (c) => code()(c.notNull()))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();

  await db.schema.createTable('sessions')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await serial(db.schema.createTable('audit_log'), 'seq')
    .addColumn('at', 'varchar(32)', (c: any) => c.notNull())
    .addColumn('actor_id', 'varchar(36)')
    .addColumn('actor_name', 'varchar(64)', (c: any) => c.notNull())
    .addColumn('action', 'varchar(64)', (c: any) => c.notNull())
    .addColumn('entity_type', 'varchar(32)', (c: any) => c.notNull())
    .addColumn('entity_id', 'varchar(64)')
    .addColumn('area_code', 'varchar(12)', code())
    .addColumn('detail', 'text', (c: any) => c.notNull())
    .addColumn('ip', 'varchar(64)')
    .addColumn('prev_hash', 'varchar(64)', (c: any) => c.notNull())
    .addColumn('hash', 'varchar(64)', (c: any) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_entity').on('audit_log').column('entity_id').execute();
  await db.schema.createIndex('audit_at').on('audit_log').column('at').execute();

  await db.schema.createTable('jobs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('total', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('error', 'text')
    .addColumn('area_code', 'varchar(12)', (c) => code()(c.notNull()))
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_kind').on('jobs').columns(['kind', 'created_at']).execute();
}
