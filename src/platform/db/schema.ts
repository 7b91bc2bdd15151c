// Row types of every table, as Kysely sees them. Booleans are stored as 0/1 integers and
// JSON as text on both dialects, so that rows look the same whichever database is used.
import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Sex = 'M' | 'F';
export type HukouType = 'rural' | 'urban';
export type PersonStatus = 'alive' | 'dead' | 'moved_out';
export type EventKind = 'birth' | 'death' | 'move_in' | 'move_out' | 'marriage' | 'divorce' | 'residence_change';
export type Role = 'admin' | 'county_manager' | 'township_reviewer' | 'village_clerk' | 'statistician' | 'auditor';
export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface AreasTable {
  code: string; // 2, 4, 6, 9 or 12 digits; nests by prefix
  name: string;
  level: number; // 1 province, 2 city, 3 county, 4 township, 5 village
  parent_code: string | null;
}

export interface PersonsTable {
  id: string;
  id_number: string | null;
  name: string;
  sex: Sex;
  birth_date: string;
  ethnicity: string | null; // GB 3304 two-digit code
  hukou_type: HukouType | null;
  marital_status: string | null; // GB/T 2261.2 code
  phone: string | null;
  disability_grade: number | null; // 残疾等级 1–4
  hukou_area_code: string; // current, or last known when moved out
  residence_area_code: string;
  death_date: string | null;
  status: PersonStatus; // derived from events
  is_migrant: number; // derived: residence outside the hukou township
  mother_id: string | null;
  father_id: string | null;
  spouse_id: string | null;
  family_id: string | null;
  synthetic: number;
  version: number;
  created_at: string;
  updated_at: string;
}

/** Where a person was registered (hukou) and lived (residence) from start_date until end_date (exclusive). */
export interface PersonSpansTable {
  id: Generated<number>;
  person_id: string;
  start_date: string;
  end_date: string | null;
  hukou_area_code: string | null;
  residence_area_code: string | null;
}

export interface PopulationEventsTable {
  id: string;
  kind: EventKind;
  person_id: string;
  date: string;
  area_code: string;
  from_area_code: string | null;
  spouse_id: string | null;
  mother_id: string | null;
  father_id: string | null;
  parity: number | null;
  note: string | null;
  import_job_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface FamiliesTable {
  id: string;
  household_number: string;
  area_code: string;
  head_id: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  area_code: string;
  disabled: number;
  must_change_password: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string; // sha256 of the cookie token
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface AuditLogTable {
  seq: Generated<number>;
  at: string;
  actor_id: string | null;
  actor_name: string;
  action: string; // e.g. person.create, person.read, import.run
  entity_type: string;
  entity_id: string | null;
  area_code: string | null;
  detail: string; // JSON
  ip: string | null;
  prev_hash: string;
  hash: string;
}

/** Search indexes a PostgreSQL bulk load dropped, with their definitions (migration 010). */
export interface BulkDroppedIndexesTable {
  name: string;
  table_name: string;
  definition: string;
}

export interface JobsTable {
  id: string;
  kind: string;
  status: JobStatus;
  done: number;
  total: number;
  params: string; // JSON
  result: string | null; // JSON
  error: string | null;
  area_code: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface Database {
  areas: AreasTable;
  persons: PersonsTable;
  person_spans: PersonSpansTable;
  population_events: PopulationEventsTable;
  families: FamiliesTable;
  users: UsersTable;
  sessions: SessionsTable;
  audit_log: AuditLogTable;
  jobs: JobsTable;
  bulk_dropped_indexes: BulkDroppedIndexesTable;
  benefit_cycles: BenefitCyclesTable;
  benefit_param_sets: BenefitParamSetsTable;
  benefit_lines: BenefitLinesTable;
  benefit_review_actions: BenefitReviewActionsTable;
  benefit_objections: BenefitObjectionsTable;
  benefit_batches: BenefitBatchesTable;
  benefit_payments: BenefitPaymentsTable;
  benefit_evidence: BenefitEvidenceTable;
  benefit_rule_overrides: BenefitRuleOverridesTable;
  stats_population_deltas: StatsPopulationDeltasTable;
  stats_population_totals: StatsPopulationTotalsTable;
  stats_targets: StatsTargetsTable;
  stats_summary_templates: StatsSummaryTemplatesTable;
  stats_preconception_couples: StatsPreconceptionCouplesTable;
  stats_migrant_registrations: StatsMigrantRegistrationsTable;
  stats_assisted_households: StatsAssistedHouseholdsTable;
}

export type PersonRow = Selectable<PersonsTable>;
export type NewPerson = Insertable<PersonsTable>;
export type PersonUpdate = Updateable<PersonsTable>;
export type EventRow = Selectable<PopulationEventsTable>;
export type NewEvent = Insertable<PopulationEventsTable>;
export type SpanRow = Selectable<PersonSpansTable>;
export type NewSpan = Insertable<PersonSpansTable>;
export type UserRow = Selectable<UsersTable>;
export type AreaRow = Selectable<AreasTable>;
export type JobRow = Selectable<JobsTable>;
export type AuditRow = Selectable<AuditLogTable>;
export type FamilyRow = Selectable<FamiliesTable>;

// Benefit programmes (migration 005).
export type CycleStatus = 'review' | 'notice' | 'frozen' | 'paying' | 'closed';
export type LineKind = 'new' | 'continuing' | 'leaving';
export type LineStage = 'pending' | 'declared' | 'reviewed' | 'confirmed' | 'withdrawn';
export type PaymentStatus = 'pending' | 'paid' | 'failed';

export interface BenefitCyclesTable {
  id: string;
  programme: string;
  area_code: string; // the county
  year: number;
  status: CycleStatus;
  notice_from: string | null;
  notice_to: string | null; // last day of the notice
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface BenefitParamSetsTable {
  id: string; // sha256 of content
  content: string; // JSON: parameter values with from, reference, jurisdiction
}

export interface BenefitLinesTable {
  id: string;
  cycle_id: string;
  person_id: string;
  area_code: string; // the person's hukou area (village) when the line was made
  kind: LineKind;
  eligible: number;
  reasons: string; // JSON string[]
  scheme: string | null;
  stage: LineStage;
  returned_reason: string | null;
  returned_level: string | null;
  amount_fen: number;
  split: string; // JSON by funding source, fen
  param_set_id: string | null;
  rule_version: string | null;
  frozen: number;
  snapshot: string | null; // JSON: the person's facts when frozen
  bank_account: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface BenefitReviewActionsTable {
  id: string;
  line_id: string;
  level: string;
  action: string;
  reason: string | null;
  actor_id: string | null;
  actor_name: string;
  at: string;
}

export interface BenefitObjectionsTable {
  id: string;
  cycle_id: string;
  line_id: string | null;
  area_code: string;
  text: string;
  status: 'open' | 'resolved';
  upheld: number | null;
  resolution: string | null;
  created_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface BenefitBatchesTable {
  id: string;
  cycle_id: string;
  seq: number;
  line_count: number;
  total_fen: number;
  created_by: string | null;
  created_at: string;
}

export interface BenefitPaymentsTable {
  batch_id: string;
  line_id: string;
  cycle_id: string;
  programme: string;
  period: number;
  person_id: string;
  area_code: string;
  amount_fen: number;
  bank_account: string | null;
  status: PaymentStatus;
  failure_reason: string | null;
  updated_at: string;
}

export interface BenefitEvidenceTable {
  id: string;
  person_id: string;
  area_code: string;
  item: string;
  facts: string; // JSON
  document_no: string | null;
  paper_filed: number;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface BenefitRuleOverridesTable {
  id: string;
  programme: string;
  parameter: string;
  jurisdiction: string; // 'CN' or an area code
  series: string; // JSON [{from, value, reference}]
  updated_by: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export type CycleRow = Selectable<BenefitCyclesTable>;
export type LineRow = Selectable<BenefitLinesTable>;
export type NewLine = Insertable<BenefitLinesTable>;
export type ObjectionRow = Selectable<BenefitObjectionsTable>;
export type BatchRow = Selectable<BenefitBatchesTable>;
export type PaymentRow = Selectable<BenefitPaymentsTable>;
export type EvidenceRow = Selectable<BenefitEvidenceTable>;

// Statistics (migration 004): population deltas kept in step with person_spans by triggers,
// yearly targets, editable sections of the work summary.
export interface StatsPopulationDeltasTable {
  basis: string; // hukou | resident
  date: string;
  area_code: string;
  sex: Sex;
  delta: number;
}

export interface StatsPopulationTotalsTable {
  basis: string;
  area_code: string;
  sex: Sex;
  total: number;
}

export interface StatsTargetsTable {
  id: string;
  area_code: string;
  year: number;
  indicator: string;
  direction: 'higher' | 'lower' | 'count';
  value: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StatsSummaryTemplatesTable {
  id: string;
  area_code: string;
  section: string;
  body: string;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StatsPreconceptionCouplesTable {
  id: string;
  area_code: string;
  year: number;
  wife_id: string;
  husband_id: string | null;
  checked_on: string | null;
  check_place: string | null;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StatsMigrantRegistrationsTable {
  id: string;
  person_id: string;
  area_code: string;
  registered_on: string;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface StatsAssistedHouseholdsTable {
  id: string;
  area_code: string;
  year: number;
  head_id: string;
  assistance: string;
  amount_fen: number;
  assisted_on: string;
  note: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}
