// Validation and normalisation of one row of a population events (人口变动) import file.

import type { Sex } from '../../platform/db/schema.ts';
import type { EventColumns } from './columns.ts';
import { checkIdCell } from './id-field.ts';
import { MAX_NAME_LENGTH } from './person-row.ts';
import {
  checkExtraCells, checkParent, dateCell, foreignAreaCell, isNumericCell, knownAreaCell, sexName,
  type RowContext, type RowResult,
} from './row-checks.ts';
import { cellAt, parseEventKind, parseParity, parseSex, type ImportedEventKind } from './values.ts';

export interface EventImport {
  kind: ImportedEventKind;
  /** The person the event is about; null only for a birth of a child without an ID number yet. */
  idNumber: string | null;
  name: string | null; // always set for a birth
  sex: Sex | null; // always set for a birth
  /** Date of the event; for a birth, the child's birth date. */
  date: string;
  /** Area where the event is registered (for move_in, the new area). */
  areaCode: string;
  /** Origin of a move_in (may be outside our areas); checked and kept for other kinds if given. */
  fromAreaCode: string | null;
  motherIdNumber: string | null; // always set for a birth
  fatherIdNumber: string | null;
  parity: number | null;
  spouseIdNumber: string | null; // always set for a marriage or divorce
}

const KIND_NAMES = '出生、死亡、迁入、迁出、结婚、离婚';

/**
 * Checks one events row. `numeric` is TableRow.numeric (xlsx): which cells were numbers.
 * Returns the normalised event, or every reason the row cannot be imported.
 */
export function validateEventRow(
  cells: readonly string[], columns: EventColumns, ctx: RowContext, numeric?: readonly number[],
): RowResult<EventImport> {
  const ix = columns.index;
  const reasons: string[] = [];

  const kindRaw = cellAt(cells, ix.kind);
  let kind: ImportedEventKind | null = null;
  if (!kindRaw) reasons.push('变动类型不能为空');
  else if ((kind = parseEventKind(kindRaw)) === null) reasons.push(`变动类型无法识别：${kindRaw}（应为${KIND_NAMES}）`);
  const isBirth = kind === 'birth';

  const idRaw = cellAt(cells, ix.id_number);
  const own = idRaw ? checkIdCell(idRaw, '公民身份号码', ctx.today, reasons, isNumericCell(numeric, ix.id_number)) : null;
  if (!idRaw && kind !== null && !isBirth) reasons.push('公民身份号码不能为空（出生以外的变动必填）');

  const nameRaw = cellAt(cells, ix.name);
  if (!nameRaw && isBirth) reasons.push('姓名不能为空（出生登记必填）');
  else if (nameRaw.length > MAX_NAME_LENGTH) reasons.push(`姓名过长（超过${MAX_NAME_LENGTH}个字）：${nameRaw.slice(0, 20)}…`);

  const sexRaw = cellAt(cells, ix.sex);
  let sex: Sex | null = null;
  if (!sexRaw) {
    if (isBirth) reasons.push('性别不能为空（出生登记必填）');
  } else if ((sex = parseSex(sexRaw)) === null) {
    reasons.push(`性别无法识别：${sexRaw}（应为男/女或1/2）`);
  } else if (own && own.sex !== sex) {
    reasons.push(`性别与公民身份号码不一致（身份证为${sexName(own.sex)}）`);
  }

  const dateRaw = cellAt(cells, ix.date);
  let date: string | null = null;
  if (!dateRaw) {
    reasons.push('变动日期不能为空');
  } else if ((date = dateCell(dateRaw, '变动日期', isNumericCell(numeric, ix.date), reasons)) !== null) {
    if (date > ctx.today) reasons.push(`变动日期晚于今天：${date}`);
    else if (own && isBirth && own.birthDate !== date) {
      reasons.push(`变动日期（出生日期）与公民身份号码不一致（身份证为${own.birthDate}）`);
    } else if (own && !isBirth && date < own.birthDate) {
      reasons.push(`变动日期（${date}）早于本人出生日期（身份证为${own.birthDate}）`);
    }
  }

  const areaRaw = cellAt(cells, ix.area);
  let areaCode: string | null = null;
  if (!areaRaw) reasons.push('地区不能为空');
  else areaCode = knownAreaCell(areaRaw, '地区', ctx, reasons);

  const fromRaw = cellAt(cells, ix.from_area);
  let fromAreaCode: string | null = null;
  if (fromRaw) fromAreaCode = foreignAreaCell(fromRaw, '迁出地', reasons);
  else if (kind === 'move_in') reasons.push('迁出地不能为空（迁入必填）');

  const motherRaw = cellAt(cells, ix.mother_id_number);
  if (!motherRaw && isBirth) reasons.push('母亲身份号码不能为空（出生登记必填）');
  const childBirth = isBirth ? date : null;
  const motherIdNumber = checkParent(
    motherRaw, '母亲身份号码', 'F', own, childBirth, ctx, reasons, isNumericCell(numeric, ix.mother_id_number),
  );
  const fatherIdNumber = checkParent(
    cellAt(cells, ix.father_id_number), '父亲身份号码', 'M', own, childBirth, ctx, reasons,
    isNumericCell(numeric, ix.father_id_number),
  );

  const parityRaw = cellAt(cells, ix.parity);
  let parity: number | null = null;
  if (parityRaw && (parity = parseParity(parityRaw)) === null) reasons.push(`孩次应为1到20之间的整数：${parityRaw}`);

  const spouseRaw = cellAt(cells, ix.spouse_id_number);
  let spouseIdNumber: string | null = null;
  if (spouseRaw) {
    const spouse = checkIdCell(spouseRaw, '配偶身份号码', ctx.today, reasons, isNumericCell(numeric, ix.spouse_id_number));
    if (spouse && own && spouse.id === own.id) reasons.push(`配偶身份号码与本人公民身份号码相同：${spouse.id}`);
    else if (spouse) spouseIdNumber = spouse.id;
  } else if (kind === 'marriage' || kind === 'divorce') {
    reasons.push(`配偶身份号码不能为空（${kind === 'marriage' ? '结婚' : '离婚'}必填）`);
  }

  checkExtraCells(cells, columns.headerCount, reasons);
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    value: {
      kind: kind!,
      idNumber: own ? own.id : null,
      name: nameRaw || null,
      sex,
      date: date!,
      areaCode: areaCode!,
      fromAreaCode,
      motherIdNumber,
      fatherIdNumber,
      parity,
      spouseIdNumber,
    },
  };
}
