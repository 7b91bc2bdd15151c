// Evidence (证明材料): the facts the registry cannot know, each with its document, and the paper
// archive checklist of a beneficiary (一次性告知). Items may carry facts used by eligibility.

export const EVIDENCE_ITEMS = {
  disability_certificate: { zh: '残疾证（等级）', en: 'Disability certificate (grade)', facts: ['disability_grade'] },
  child_death_confirmation: { zh: '子女死亡证明', en: 'Confirmation of the child\'s death', facts: [] },
  no_further_birth_declaration: { zh: '无再生育（收养）声明', en: 'Declaration of no further birth or adoption', facts: ['adopted_after', 'policy_violation'] },
  bank_account: { zh: '银行账号（一卡通）', en: 'Bank account (payment card)', facts: ['bank_account'] },
  honour_certificate: { zh: '独生子女父母光荣证', en: 'Only-child honour certificate', facts: ['honour_certificate'] },
  surgery_complication_certificate: { zh: '手术并发症等级鉴定', en: 'Surgery-complication appraisal', facts: ['surgery_complication_grade', 'surgery_recipient'] },
  birth_certificate: { zh: '出生医学证明', en: 'Birth certificate', facts: [] },
  insurance_policy: { zh: '保险单', en: 'Insurance policy', facts: [] },
  poverty_designation: { zh: '困难家庭认定', en: 'Designation as a poor household', facts: ['poor'] },
  help_record: { zh: '帮扶记录', en: 'Record of help given', facts: [] },
  pension_status: { zh: '养老保障情况', en: 'Pension status', facts: ['has_pension', 'city_extension'] },
} as const;
export type EvidenceItem = keyof typeof EVIDENCE_ITEMS;
export const EVIDENCE_ITEM_CODES = Object.keys(EVIDENCE_ITEMS) as EvidenceItem[];

/** Only the facts an item may carry are kept (a disability certificate cannot declare poverty). */
export function factsFor(item: EvidenceItem, facts: Record<string, unknown>): Record<string, unknown> {
  const allowed = new Set<string>(EVIDENCE_ITEMS[item].facts);
  return Object.fromEntries(Object.entries(facts).filter(([k]) => allowed.has(k)));
}

export interface ChecklistEntry {
  item: string;
  received: boolean;
  paperFiled: boolean;
  documentNo: string | null;
}

/** The checklist of a line: the programme's items (those whose `when` matches the line's reasons). */
export function checklistOf(
  items: { item: string; when?: string }[], reasons: string[],
  evidence: Map<string, { document_no: string | null; paper_filed: number }>,
): ChecklistEntry[] {
  return items.filter((i) => !i.when || reasons.includes(i.when)).map((i) => {
    const e = evidence.get(i.item);
    return { item: i.item, received: !!e, paperFiled: !!e && e.paper_filed === 1, documentNo: e?.document_no ?? null };
  });
}

/** A file is complete when every item was received and its paper is in the archive. */
export const fileComplete = (c: ChecklistEntry[]) => c.every((e) => e.received && e.paperFiled);
