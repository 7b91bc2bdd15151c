// Plausible Chinese names. Surname weights are rough shares in Sichuan (公安部户政管理研究中心
// surname reports 2019-2021: 李 王 张 刘 陈 lead, 罗 何 曾 邓 更 common than nationally).
// Given-name characters follow the fashion of each birth era (older: 秀 英 国 华; 1980s: 伟 丽;
// 2010s: 梓 涵 轩 睿), with single-character names commonest among 1970s-80s births.
import { WeightedTable, type Rng } from './prng.ts';

const SURNAME_TABLE: [string, number][] = [
  ['李', 79], ['王', 62], ['张', 55], ['刘', 50], ['陈', 48], ['杨', 40], ['黄', 30], ['吴', 26], ['赵', 22],
  ['周', 22], ['罗', 22], ['何', 20], ['徐', 16], ['胡', 16], ['曾', 15], ['谢', 14], ['邓', 14], ['冯', 12],
  ['唐', 12], ['蒋', 11], ['袁', 10], ['彭', 10], ['杜', 10], ['郭', 9], ['余', 9], ['苏', 8], ['向', 8],
  ['孙', 8], ['马', 8], ['朱', 8], ['高', 7], ['林', 7], ['郑', 6], ['梁', 6], ['宋', 6], ['许', 6], ['韩', 5],
  ['曹', 5], ['肖', 7], ['田', 6], ['董', 5], ['潘', 4], ['蔡', 4], ['程', 4], ['魏', 4], ['任', 6], ['姚', 4],
  ['卢', 4], ['钟', 5], ['谭', 5], ['廖', 6], ['贾', 3], ['付', 4], ['雷', 5], ['龙', 4], ['侯', 3], ['熊', 4],
  ['秦', 3], ['邹', 4], ['文', 4], ['敬', 2], ['母', 2], ['苟', 2], ['蒲', 2], ['汪', 2], ['严', 2],
];
const SURNAMES = SURNAME_TABLE.map(([s]) => s);
const SURNAME_WEIGHTS = new WeightedTable(SURNAME_TABLE.map(([, w]) => w));

interface Era { until: number; single: number; male: string; female: string }
const ERAS: Era[] = [
  { until: 1949, single: 0.2, male: '德福贵富国明成清忠永文华正金山全树发云顺', female: '秀英兰珍桂玉芳淑素琼凤贞金翠莲花群碧蓉清' },
  { until: 1969, single: 0.3, male: '建国军华明平强红伟志勇光东林庆春学兵卫力', female: '秀琼华英芳兰红群素萍玉丽蓉淑珍梅霞碧春菊' },
  { until: 1989, single: 0.45, male: '伟勇军斌涛磊杰波刚鹏超林辉俊峰健亮飞强明', female: '丽娟敏燕艳霞静玲萍红梅琴芳英莉华蓉洁倩雪' },
  { until: 2004, single: 0.3, male: '浩杰宇鑫磊鹏俊涛超洋帅阳博文豪凯翔林龙晨', female: '婷雪丹倩娜佳琳颖欣瑶莉敏静悦媛月璐琪思雨' },
  { until: 9999, single: 0.1, male: '梓子浩宇轩睿俊泽博辰铭皓一昊沐晨宸锦奕熙', female: '梓涵欣诗雨子语一可若怡萱梦琪思悦汐沐彤妍' },
];

export function surname(rng: Rng): string {
  return SURNAMES[SURNAME_WEIGHTS.sample(rng)];
}

export function givenName(rng: Rng, male: boolean, birthYear: number): string {
  let era = ERAS[ERAS.length - 1];
  for (const e of ERAS) if (birthYear <= e.until) { era = e; break; }
  const chars = male ? era.male : era.female;
  const first = chars[rng.int(chars.length)];
  if (rng.chance(era.single)) return first;
  let second = chars[rng.int(chars.length)];
  if (second === first) second = chars[(chars.indexOf(first) + 1) % chars.length];
  return first + second;
}
