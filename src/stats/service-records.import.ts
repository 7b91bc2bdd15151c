// .xlsx (or CSV) import of service records: valid rows are written through the same use cases as
// the forms, the others reported with their line and field.
import type { AppContext } from '../platform/context.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { AppError } from '../platform/http/errors.ts';
import { readTable } from '../registry/imports/read-table.ts';
import { isRealDate } from './periods.ts';
import { addAssisted, addCouple, addMigrantRegistration, personIdByIdNumber, type RecordKind } from './service-records.service.ts';

const COLUMNS: Record<RecordKind, Record<string, string>> = {
  couples: { areaCode: '地区代码', year: '年度', wife: '女方身份证号', husband: '男方身份证号', checkedOn: '检查日期', checkPlace: '检查机构' },
  migrants: { person: '身份证号', areaCode: '登记地区代码', registeredOn: '登记日期' },
  assisted: { areaCode: '地区代码', year: '年度', head: '户主身份证号', assistance: '帮扶内容', amount: '帮扶金额（元）', assistedOn: '帮扶日期' },
};
const OPTIONAL = new Set(['husband', 'checkedOn', 'checkPlace']);

export const importColumns = (kind: RecordKind) => Object.values(COLUMNS[kind]);

export async function importServiceRecords(ctx: AppContext, actor: Actor, kind: RecordKind, file: { buffer: Buffer; filename: string }) {
  const table = await readTable({ buffer: file.buffer, filename: file.filename });
  const idx = Object.fromEntries(Object.entries(COLUMNS[kind]).map(([k, h]) => [k, table.headers.findIndex((x) => x.trim() === h)]));
  const missing = Object.entries(idx).filter(([k, i]) => i < 0 && !OPTIONAL.has(k)).map(([k]) => COLUMNS[kind][k]);
  if (missing.length) { await table.close(); throw new AppError(400, 'import.missing_columns', { message: `缺少列：${missing.join('、')}`, columns: missing.join(', ') }); }
  const rejected: { line: number; field: string; code: string }[] = [];
  let added = 0;
  for await (const row of table.rows()) {
    const cell = (k: string) => (idx[k] >= 0 ? (row.cells[idx[k]] ?? '').trim() : '');
    const errors: { field: string; code: string }[] = [];
    const person = async (k: string, field: string, required: boolean) => {
      const v = cell(k);
      if (!v) { if (required) errors.push({ field, code: 'field.required' }); return null; }
      const id = await personIdByIdNumber(ctx, actor, v);
      if (!id) errors.push({ field, code: 'field.person.not_found' });
      return id;
    };
    const date = (k: string, field: string, required: boolean) => {
      const v = cell(k);
      if (!v) { if (required) errors.push({ field, code: 'field.required' }); return null; }
      if (!isRealDate(v)) errors.push({ field, code: 'field.invalid' });
      return v;
    };
    const year = Number(cell('year'));
    if (kind !== 'migrants' && (!Number.isInteger(year) || year < 1949 || year > 2100)) errors.push({ field: 'year', code: 'field.invalid' });
    try {
      if (kind === 'couples') {
        const wifeId = await person('wife', 'wifeId', true); const husbandId = await person('husband', 'husbandId', false);
        const checkedOn = date('checkedOn', 'checkedOn', false);
        if (!errors.length) await addCouple(ctx, actor, { areaCode: cell('areaCode'), year, wifeId: wifeId!, husbandId, checkedOn, checkPlace: cell('checkPlace') || null });
      } else if (kind === 'migrants') {
        const personId = await person('person', 'personId', true); const registeredOn = date('registeredOn', 'registeredOn', true);
        if (!errors.length) await addMigrantRegistration(ctx, actor, { personId: personId!, areaCode: cell('areaCode'), registeredOn: registeredOn! });
      } else {
        const headId = await person('head', 'headId', true); const assistedOn = date('assistedOn', 'assistedOn', true);
        const yuan = cell('amount');
        if (!/^\d+(\.\d{1,2})?$/.test(yuan)) errors.push({ field: 'amountFen', code: 'field.invalid' });
        if (!cell('assistance')) errors.push({ field: 'assistance', code: 'field.required' });
        const [whole, frac = ''] = yuan.split('.');
        if (!errors.length) await addAssisted(ctx, actor, { areaCode: cell('areaCode'), year, headId: headId!, assistance: cell('assistance'), amountFen: Number(whole) * 100 + Number(frac.padEnd(2, '0')), assistedOn: assistedOn! });
      }
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 400) throw e;
      errors.push(...e.fieldErrors.map((f) => ({ field: f.field, code: f.code })));
    }
    if (errors.length) rejected.push(...errors.map((x) => ({ line: row.line, ...x })));
    else added++;
  }
  await table.close();
  return { added, rejected };
}
