// The measures indicator expressions are written in, and where each comes from. Measures whose
// source records do not exist in the product yet are "unavailable": an indicator using one
// reports no value (reason no_data) rather than a made-up number.
export type MeasureSource = 'registry' | 'serviceRecords' | 'casework' | 'benefits' | 'quality';

export interface MeasureInfo { source: MeasureSource; zh: string; en: string }

const m = (source: MeasureSource, zh: string, en: string): MeasureInfo => ({ source, zh, en });

export const MEASURES = new Map<string, MeasureInfo>([
  ['population_start', m('registry', '期初人口数', 'population at the start (00:00 of the first day)')],
  ['population_end', m('registry', '期末人口数', 'population at the end (24:00 of the last day)')],
  ['mean_population', m('registry', '平均人口数', 'mean population ((start + end) / 2)')],
  ['births', m('registry', '出生人数', 'live births')],
  ['births_male', m('registry', '男性出生人数', 'male births')],
  ['births_female', m('registry', '女性出生人数', 'female births')],
  ['births_parity_1', m('registry', '一孩出生人数', 'first births')],
  ['births_parity_2', m('registry', '二孩出生人数', 'second births')],
  ['births_parity_3plus', m('registry', '多孩出生人数', 'births of parity 3 or more')],
  ['births_parity_unknown', m('registry', '孩次不详出生人数', 'births of unknown parity')],
  ['births_compliant', m('registry', '政策内出生人数', 'policy-compliant births')],
  ['births_noncompliant', m('registry', '政策外出生人数', 'births outside the policy')],
  ['births_classified', m('registry', '可判定政策属性的出生人数', 'births a rule set classifies')],
  ['deaths', m('registry', '死亡人数', 'deaths')],
  ['deaths_male', m('registry', '男性死亡人数', 'male deaths')],
  ['deaths_female', m('registry', '女性死亡人数', 'female deaths')],
  ['preconception_couples_checked', m('serviceRecords', '已检查目标夫妇数', 'target couples checked')],
  ['preconception_target_couples', m('serviceRecords', '孕前优生检查目标夫妇数', 'preconception-check target couples')],
  ['migrants_registered', m('serviceRecords', '已登记流动人口数', 'registered migrants')],
  ['migrants', m('serviceRecords', '流动人口数', 'migrants')],
  ['births_registered', m('casework', '已办理生育登记的出生人数', 'births with a birth registration')],
  ['amount_paid', m('benefits', '已发放金额', 'amount paid')],
  ['amount_due', m('benefits', '应发放金额', 'amount due')],
  ['records_passing_rules', m('quality', '通过全部校验规则的记录数', 'records passing every quality rule')],
  ['records_checked', m('quality', '校验记录数', 'records checked')],
  ['cases_completed', m('casework', '办结件数', 'cases completed')],
  ['cases_due', m('casework', '应办结件数', 'cases due')],
  ['cases_satisfied', m('casework', '满意件数', 'satisfied ratings')],
  ['cases_rated', m('casework', '评价件数', 'ratings')],
]);
