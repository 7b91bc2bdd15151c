// Code lists of the registry: GB 3304 ethnicities, GB/T 2261.2 marital status, sexes,
// hukou types and event kinds, with their Chinese and English labels.

export const ETHNICITIES: readonly { code: string; name: string }[] = [
  '汉族', '蒙古族', '回族', '藏族', '维吾尔族', '苗族', '彝族', '壮族', '布依族', '朝鲜族',
  '满族', '侗族', '瑶族', '白族', '土家族', '哈尼族', '哈萨克族', '傣族', '黎族', '傈僳族',
  '佤族', '畲族', '高山族', '拉祜族', '水族', '东乡族', '纳西族', '景颇族', '柯尔克孜族', '土族',
  '达斡尔族', '仫佬族', '羌族', '布朗族', '撒拉族', '毛南族', '仡佬族', '锡伯族', '阿昌族', '普米族',
  '塔吉克族', '怒族', '乌孜别克族', '俄罗斯族', '鄂温克族', '德昂族', '保安族', '裕固族', '京族', '塔塔尔族',
  '独龙族', '鄂伦春族', '赫哲族', '门巴族', '珞巴族', '基诺族',
].map((name, i) => ({ code: String(i + 1).padStart(2, '0'), name }))
  .concat([{ code: '97', name: '其他' }, { code: '98', name: '外国血统中国籍人士' }]);

export const MARITAL_STATUSES: readonly { code: string; zh: string; en: string }[] = [
  { code: '10', zh: '未婚', en: 'Never married' },
  { code: '20', zh: '已婚', en: 'Married' },
  { code: '21', zh: '初婚', en: 'First marriage' },
  { code: '22', zh: '再婚', en: 'Remarried' },
  { code: '23', zh: '复婚', en: 'Reunited' },
  { code: '30', zh: '离婚', en: 'Divorced' },
  { code: '40', zh: '丧偶', en: 'Widowed' },
  { code: '90', zh: '未说明的婚姻状况', en: 'Not stated' },
];

export const SEXES = [
  { code: 'M', zh: '男', en: 'Male' },
  { code: 'F', zh: '女', en: 'Female' },
] as const;

export const HUKOU_TYPES = [
  { code: 'rural', zh: '农业（农村）', en: 'Rural' },
  { code: 'urban', zh: '非农业（城镇）', en: 'Urban' },
] as const;

export const PERSON_STATUSES = [
  { code: 'alive', zh: '在册', en: 'Registered' },
  { code: 'dead', zh: '死亡', en: 'Deceased' },
  { code: 'moved_out', zh: '迁出', en: 'Moved out' },
] as const;

export const EVENT_KINDS = [
  { code: 'birth', zh: '出生', en: 'Birth' },
  { code: 'death', zh: '死亡', en: 'Death' },
  { code: 'move_in', zh: '迁入', en: 'Move in' },
  { code: 'move_out', zh: '迁出', en: 'Move out' },
  { code: 'marriage', zh: '结婚', en: 'Marriage' },
  { code: 'divorce', zh: '离婚', en: 'Divorce' },
  { code: 'residence_change', zh: '居住地变更', en: 'Change of residence' },
] as const;

export const AREA_LEVELS = [
  { level: 1, zh: '省', en: 'Province' },
  { level: 2, zh: '市', en: 'City' },
  { level: 3, zh: '区县', en: 'County/district' },
  { level: 4, zh: '乡镇街道', en: 'Township/sub-district' },
  { level: 5, zh: '村社区', en: 'Village/community' },
] as const;

export function areaLevelOf(code: string): number {
  switch (code.length) {
    case 2: return 1;
    case 4: return 2;
    case 6: return 3;
    case 9: return 4;
    case 12: return 5;
    default: return 0;
  }
}

export function parentAreaCode(code: string): string | null {
  switch (code.length) {
    case 4: return code.slice(0, 2);
    case 6: return code.slice(0, 4);
    case 9: return code.slice(0, 6);
    case 12: return code.slice(0, 9);
    default: return null;
  }
}

/** Age in whole years on a date (both YYYY-MM-DD). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}
