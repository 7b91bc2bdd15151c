// Validation and normalisation of one row of a persons (人员) import file.

import { ageOn } from '../codes.ts';
import type { HukouType, Sex } from '../../platform/db/schema.ts';
import type { PersonColumns } from './columns.ts';
import { checkIdCell } from './id-field.ts';
import {
  checkExtraCells, checkParent, dateCell, isNumericCell, knownAreaCell, sexName, type RowContext, type RowResult,
} from './row-checks.ts';
import { cellAt, parseEthnicity, parseHukouType, parseMaritalStatus, parsePhone, parseSex } from './values.ts';

export interface PersonImport {
  idNumber: string | null; // 18 characters, upper-case X; null only for a child under 3
  name: string;
  sex: Sex;
  birthDate: string;
  ethnicity: string | null; // GB 3304 code
  hukouAreaCode: string;
  residenceAreaCode: string; // = hukouAreaCode when the cell is empty
  hukouType: HukouType | null;
  maritalStatus: string | null; // GB/T 2261.2 code
  spouseIdNumber: string | null; // checked in form only; resolving to persons is the caller's job
  motherIdNumber: string | null;
  fatherIdNumber: string | null;
  deathDate: string | null;
  phone: string | null; // 11-digit mobile or '0816-2345678'
}

export const MAX_NAME_LENGTH = 50;
/** A person without an ID number must be younger than this (newborns not yet registered). */
export const NO_ID_MAX_AGE = 3;
const MIN_BIRTH_DATE = '1850-01-01';

/**
 * Checks one persons row. `numeric` is TableRow.numeric (xlsx): which cells were numbers.
 * Returns the normalised person, or every reason the row cannot be imported.
 */
export function validatePersonRow(
  cells: readonly string[], columns: PersonColumns, ctx: RowContext, numeric?: readonly number[],
): RowResult<PersonImport> {
  const ix = columns.index;
  const reasons: string[] = [];

  const idRaw = cellAt(cells, ix.id_number);
  const own = idRaw ? checkIdCell(idRaw, '公民身份号码', ctx.today, reasons, isNumericCell(numeric, ix.id_number)) : null;

  const name = cellAt(cells, ix.name);
  if (!name) reasons.push('姓名不能为空');
  else if (name.length > MAX_NAME_LENGTH) reasons.push(`姓名过长（超过${MAX_NAME_LENGTH}个字）：${name.slice(0, 20)}…`);

  const sexRaw = cellAt(cells, ix.sex);
  let sex: Sex | null = null;
  if (!sexRaw) reasons.push('性别不能为空');
  else if ((sex = parseSex(sexRaw)) === null) reasons.push(`性别无法识别：${sexRaw}（应为男/女或1/2）`);
  else if (own && own.sex !== sex) reasons.push(`性别与公民身份号码不一致（身份证为${sexName(own.sex)}）`);

  const birthRaw = cellAt(cells, ix.birth_date);
  let birthDate: string | null = null;
  if (!birthRaw) {
    reasons.push('出生日期不能为空');
  } else if ((birthDate = dateCell(birthRaw, '出生日期', isNumericCell(numeric, ix.birth_date), reasons)) !== null) {
    if (own && own.birthDate !== birthDate) {
      reasons.push(`出生日期与公民身份号码不一致（身份证为${own.birthDate}）`);
    } else if (birthDate > ctx.today) {
      reasons.push(`出生日期晚于今天：${birthDate}`);
    } else if (birthDate < MIN_BIRTH_DATE) {
      reasons.push(`出生日期早于${MIN_BIRTH_DATE}：${birthDate}`);
    }
  }
  if (!idRaw && birthDate && ageOn(birthDate, ctx.today) >= NO_ID_MAX_AGE) {
    reasons.push(`公民身份号码不能为空（只有未满${NO_ID_MAX_AGE}周岁、尚未办理身份证的婴幼儿可以不填）`);
  }

  const ethnicityRaw = cellAt(cells, ix.ethnicity);
  let ethnicity: string | null = null;
  if (ethnicityRaw && (ethnicity = parseEthnicity(ethnicityRaw)) === null) {
    reasons.push(`民族无法识别：${ethnicityRaw}`);
  }

  const hukouRaw = cellAt(cells, ix.hukou_area);
  let hukouAreaCode: string | null = null;
  if (!hukouRaw) reasons.push('户籍地不能为空');
  else hukouAreaCode = knownAreaCell(hukouRaw, '户籍地', ctx, reasons);

  const residenceRaw = cellAt(cells, ix.residence_area);
  const residenceAreaCode = residenceRaw ? knownAreaCell(residenceRaw, '现居住地', ctx, reasons) : hukouAreaCode;

  const hukouTypeRaw = cellAt(cells, ix.hukou_type);
  let hukouType: HukouType | null = null;
  if (hukouTypeRaw && (hukouType = parseHukouType(hukouTypeRaw)) === null) {
    reasons.push(`户口性质无法识别：${hukouTypeRaw}（应为农业/非农业或农村/城镇）`);
  }

  const maritalRaw = cellAt(cells, ix.marital_status);
  let maritalStatus: string | null = null;
  if (maritalRaw && (maritalStatus = parseMaritalStatus(maritalRaw)) === null) {
    reasons.push(`婚姻状况无法识别：${maritalRaw}（应为未婚、初婚、再婚、复婚、离婚、丧偶或代码10、21、22、23、30、40）`);
  }

  const spouseRaw = cellAt(cells, ix.spouse_id_number);
  let spouseIdNumber: string | null = null;
  if (spouseRaw) {
    const spouse = checkIdCell(spouseRaw, '配偶身份号码', ctx.today, reasons, isNumericCell(numeric, ix.spouse_id_number));
    if (spouse && own && spouse.id === own.id) reasons.push(`配偶身份号码与本人公民身份号码相同：${spouse.id}`);
    else if (spouse) spouseIdNumber = spouse.id;
  }
  const motherIdNumber = checkParent(
    cellAt(cells, ix.mother_id_number), '母亲身份号码', 'F', own, birthDate, ctx, reasons,
    isNumericCell(numeric, ix.mother_id_number),
  );
  const fatherIdNumber = checkParent(
    cellAt(cells, ix.father_id_number), '父亲身份号码', 'M', own, birthDate, ctx, reasons,
    isNumericCell(numeric, ix.father_id_number),
  );

  const deathRaw = cellAt(cells, ix.death_date);
  let deathDate: string | null = null;
  if (deathRaw && (deathDate = dateCell(deathRaw, '死亡日期', isNumericCell(numeric, ix.death_date), reasons)) !== null) {
    if (deathDate > ctx.today) reasons.push(`死亡日期晚于今天：${deathDate}`);
    else if (birthDate && deathDate < birthDate) reasons.push(`死亡日期（${deathDate}）早于出生日期（${birthDate}）`);
  }

  const phoneRaw = cellAt(cells, ix.phone);
  let phone: string | null = null;
  if (phoneRaw && (phone = parsePhone(phoneRaw)) === null) {
    reasons.push(`联系电话格式错误：${phoneRaw}（应为11位手机号码或带区号的固定电话）`);
  }

  checkExtraCells(cells, columns.headerCount, reasons);
  if (reasons.length > 0) return { ok: false, reasons };
  return {
    ok: true,
    value: {
      idNumber: own ? own.id : null,
      name,
      sex: sex!,
      birthDate: birthDate!,
      ethnicity,
      hukouAreaCode: hukouAreaCode!,
      residenceAreaCode: residenceAreaCode!,
      hukouType,
      maritalStatus,
      spouseIdNumber,
      motherIdNumber,
      fatherIdNumber,
      deathDate,
      phone,
    },
  };
}
