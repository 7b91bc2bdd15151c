// The columns of the import files (reference/import-format.md): canonical Chinese header,
// English name, whether the column must be present, and the notes shown in the template.

export type ImportKind = 'persons' | 'events';

export type PersonColumn =
  | 'id_number' | 'name' | 'sex' | 'birth_date' | 'ethnicity' | 'hukou_area' | 'residence_area'
  | 'hukou_type' | 'marital_status' | 'spouse_id_number' | 'mother_id_number' | 'father_id_number'
  | 'death_date' | 'phone';

export type EventColumn =
  | 'kind' | 'id_number' | 'name' | 'sex' | 'date' | 'area' | 'from_area' | 'mother_id_number'
  | 'father_id_number' | 'parity' | 'spouse_id_number';

/** How a column's cells are typed in the template: text ('@') for codes, numbers and dates. */
export type CellKind = 'id' | 'date' | 'code' | 'text';

export interface ColumnSpec<K extends string = string> {
  key: K; // English name, accepted as a header too
  zh: string; // canonical Chinese header
  /** The column must be present in the file (cells may still be empty where the notes allow). */
  requiredColumn: boolean;
  /** 是否必填, as shown in the 填写说明 sheet. */
  requiredText: string;
  notes: string;
  cellKind: CellKind;
  width: number;
  example: string;
  /** Other headers seen in offices' own sheets that mean the same. */
  aliases?: readonly string[];
}

const ID_ALIASES = ['身份证号', '身份证号码', '公民身份证号码', '公民身份证号', '身份号码'];

export const PERSON_COLUMNS: readonly ColumnSpec<PersonColumn>[] = [
  { key: 'id_number', zh: '公民身份号码', requiredColumn: true, requiredText: '是（尚未办理身份证的3岁以下婴幼儿可空）', notes: '18位；15位的旧号码自动升为18位；末位X大小写均可', cellKind: 'id', width: 22, example: '11010519491231002X', aliases: ID_ALIASES },
  { key: 'name', zh: '姓名', requiredColumn: true, requiredText: '是', notes: '', cellKind: 'text', width: 12, example: '李秀英' },
  { key: 'sex', zh: '性别', requiredColumn: true, requiredText: '是', notes: '男/女，或1（男）/2（女）；须与公民身份号码一致', cellKind: 'text', width: 8, example: '女' },
  { key: 'birth_date', zh: '出生日期', requiredColumn: true, requiredText: '是', notes: 'YYYY-MM-DD、YYYY/M/D 或 YYYYMMDD；须与公民身份号码一致', cellKind: 'date', width: 13, example: '1949-12-31', aliases: ['出生年月日'] },
  { key: 'ethnicity', zh: '民族', requiredColumn: false, requiredText: '否', notes: '民族名称（如汉族）或两位代码（如01）', cellKind: 'code', width: 10, example: '汉族' },
  { key: 'hukou_area', zh: '户籍地', requiredColumn: true, requiredText: '是', notes: '户籍所在地的区划代码，6、9或12位数字（如510703001001）', cellKind: 'code', width: 16, example: '510703001001', aliases: ['户籍地代码'] },
  { key: 'residence_area', zh: '现居住地', requiredColumn: false, requiredText: '否', notes: '现居住地的区划代码；不填表示与户籍地相同', cellKind: 'code', width: 16, example: '510703001001', aliases: ['现居住地代码'] },
  { key: 'hukou_type', zh: '户口性质', requiredColumn: false, requiredText: '否', notes: '农业/非农业，或农村/城镇', cellKind: 'text', width: 10, example: '农业' },
  { key: 'marital_status', zh: '婚姻状况', requiredColumn: false, requiredText: '否', notes: '未婚、初婚、再婚、复婚、离婚、丧偶，或代码10、21、22、23、30、40', cellKind: 'code', width: 10, example: '丧偶' },
  { key: 'spouse_id_number', zh: '配偶身份号码', requiredColumn: false, requiredText: '否', notes: '配偶的公民身份号码', cellKind: 'id', width: 22, example: '' },
  { key: 'mother_id_number', zh: '母亲身份号码', requiredColumn: false, requiredText: '否', notes: '母亲的公民身份号码', cellKind: 'id', width: 22, example: '' },
  { key: 'father_id_number', zh: '父亲身份号码', requiredColumn: false, requiredText: '否', notes: '父亲的公民身份号码', cellKind: 'id', width: 22, example: '' },
  { key: 'death_date', zh: '死亡日期', requiredColumn: false, requiredText: '否', notes: '格式同出生日期；不得早于出生日期或晚于今天', cellKind: 'date', width: 13, example: '' },
  { key: 'phone', zh: '联系电话', requiredColumn: false, requiredText: '否', notes: '11位手机号码，或带区号的固定电话（如0816-2345678）', cellKind: 'code', width: 15, example: '13800000000', aliases: ['手机号码', '手机号', '电话'] },
];

export const EVENT_COLUMNS: readonly ColumnSpec<EventColumn>[] = [
  { key: 'kind', zh: '变动类型', requiredColumn: true, requiredText: '是', notes: '出生、死亡、迁入、迁出、结婚、离婚', cellKind: 'text', width: 10, example: '出生' },
  { key: 'id_number', zh: '公民身份号码', requiredColumn: false, requiredText: '出生以外的变动必填', notes: '变动所涉人员的公民身份号码；出生时如已办理可填', cellKind: 'id', width: 22, example: '', aliases: ID_ALIASES },
  { key: 'name', zh: '姓名', requiredColumn: false, requiredText: '出生时必填', notes: '', cellKind: 'text', width: 12, example: '王小明' },
  { key: 'sex', zh: '性别', requiredColumn: false, requiredText: '出生时必填', notes: '男/女，或1（男）/2（女）', cellKind: 'text', width: 8, example: '男' },
  { key: 'date', zh: '变动日期', requiredColumn: true, requiredText: '是', notes: 'YYYY-MM-DD、YYYY/M/D 或 YYYYMMDD；出生时即出生日期；不得晚于今天', cellKind: 'date', width: 13, example: '2024-05-06' },
  { key: 'area', zh: '地区', requiredColumn: true, requiredText: '是', notes: '登记变动的地区代码（迁入时为迁入地），6、9或12位数字', cellKind: 'code', width: 16, example: '510703001001', aliases: ['地区代码'] },
  { key: 'from_area', zh: '迁出地', requiredColumn: false, requiredText: '迁入时必填', notes: '迁出地的区划代码（可为外省市），6、9或12位数字', cellKind: 'code', width: 16, example: '', aliases: ['迁出地代码'] },
  { key: 'mother_id_number', zh: '母亲身份号码', requiredColumn: false, requiredText: '出生时必填', notes: '母亲的公民身份号码', cellKind: 'id', width: 22, example: '510703199506180124' },
  { key: 'father_id_number', zh: '父亲身份号码', requiredColumn: false, requiredText: '否', notes: '父亲的公民身份号码', cellKind: 'id', width: 22, example: '' },
  { key: 'parity', zh: '孩次', requiredColumn: false, requiredText: '否', notes: '该孩子是母亲的第几个孩子（1、2、3……）；不填时按母亲已登记的子女推算', cellKind: 'code', width: 8, example: '1' },
  { key: 'spouse_id_number', zh: '配偶身份号码', requiredColumn: false, requiredText: '结婚、离婚时必填', notes: '配偶的公民身份号码', cellKind: 'id', width: 22, example: '' },
];

export function columnSpecs(kind: 'persons'): readonly ColumnSpec<PersonColumn>[];
export function columnSpecs(kind: 'events'): readonly ColumnSpec<EventColumn>[];
export function columnSpecs(kind: ImportKind): readonly ColumnSpec[];
export function columnSpecs(kind: ImportKind): readonly ColumnSpec[] {
  return kind === 'persons' ? PERSON_COLUMNS : EVENT_COLUMNS;
}
