// The region's villages and communities as the generator sees them: population weights,
// urban/rural hukou shares, ethnic mix per county, and places outside the region.
// Township kind comes from the NBS 统计用区划代码 convention for digits 7-9: 001-099 街道,
// 100-199 镇, 200-399 乡, 400+ farms and similar units.
import { WeightedTable, type Rng } from './prng.ts';

export interface VillageInput { code: string; name: string }

type Kind = 'streetCommunity' | 'streetVillage' | 'townCommunity' | 'village' | 'other';

// Relative population of one unit (urban communities are several times larger than villages).
const WEIGHT: Record<Kind, number> = { streetCommunity: 5, streetVillage: 1.5, townCommunity: 2, village: 1, other: 0.05 };
// Share of urban (non-agricultural) hukou among its people.
const URBAN: Record<Kind, number> = { streetCommunity: 0.92, streetVillage: 0.45, townCommunity: 0.55, village: 0.12, other: 0.5 };

// Approximate population of Mianyang's counties (万, about 2017, development zones counted with
// their districts; secondary sources), so that mountain counties with many small villages
// (北川, 平武) do not get too many people. Counties not listed keep village-based weights.
const COUNTY_POPULATION: Record<string, number> = {
  '510703': 100, '510704': 70, '510705': 51, '510722': 147, '510723': 61, '510725': 38, '510726': 20,
  '510727': 18, '510781': 88,
};

type EthnicMix = [code: string, share: number][];
// GB 3304 codes: 01 汉 03 回 04 藏 07 彝 33 羌. 北川: about 57% 羌族 (county yearbook); 平武: 白马藏族
// and 羌族 (roughly 8% and 12%, approximate); elsewhere in Mianyang nearly all 汉族.
const ETHNIC_BY_COUNTY: Record<string, EthnicMix> = {
  '510726': [['33', 0.55], ['04', 0.01], ['03', 0.005]],
  '510727': [['04', 0.08], ['33', 0.12], ['03', 0.005]],
  '513401': [['07', 0.4]],
  '513223': [['33', 0.9]],
  '513224': [['04', 0.4], ['33', 0.2], ['03', 0.1]],
};
const ETHNIC_DEFAULT: EthnicMix = [['33', 0.002], ['07', 0.0015], ['04', 0.001], ['03', 0.0008]];

// Origins of people moving in from outside the region (real GB/T 2260 county codes), weighted:
// mostly other Sichuan cities, then Chongqing and neighbouring or coastal provinces.
const OUTSIDE: [string, number][] = [
  ['510104', 3], ['510105', 3], ['510106', 3], ['510107', 4], ['510108', 3], ['510112', 2], ['510114', 2],
  ['510116', 2], ['510603', 4], ['510681', 2], ['510683', 2], ['510802', 3], ['510824', 2], ['510903', 3],
  ['510921', 2], ['511302', 3], ['511321', 3], ['511902', 2], ['511702', 2], ['511102', 1], ['511602', 1],
  ['510502', 1], ['513401', 1], ['513223', 1], ['513224', 0.5], ['500101', 1.5], ['500103', 1], ['500235', 1],
  ['520102', 1], ['530102', 0.5], ['610702', 1], ['620102', 0.5], ['410102', 0.5], ['440106', 0.5],
  ['330106', 0.3], ['440304', 0.5],
  ['510703', 3], ['510704', 2], ['510781', 2], ['510722', 2],
];

export class Region {
  readonly codes: string[];
  readonly townshipOf: Int32Array; // index into townships
  readonly countyCode: string[];
  readonly urbanShare: Float64Array;
  readonly isCommunity: Uint8Array;
  private readonly all: WeightedTable;
  private readonly urbanAll: { items: number[]; table: WeightedTable };
  private readonly byCounty = new Map<string, { items: number[]; table: WeightedTable; urban: { items: number[]; table: WeightedTable } | null }>();
  private readonly byTownship: number[][] = [];
  private readonly outside: { codes: string[]; table: WeightedTable };

  constructor(villages: readonly VillageInput[]) {
    if (villages.length === 0) throw new Error('generatePopulation needs at least one village');
    const sorted = [...villages].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    this.codes = sorted.map((v) => v.code);
    const n = sorted.length;
    this.townshipOf = new Int32Array(n);
    this.countyCode = this.codes.map((c) => c.slice(0, 6));
    this.urbanShare = new Float64Array(n);
    this.isCommunity = new Uint8Array(n);
    const weights = new Float64Array(n);
    const townships = new Map<string, number>();
    const kinds: Kind[] = [];
    sorted.forEach((v, i) => {
      if (!/^\d{12}$/.test(v.code)) throw new Error(`village code must have 12 digits: ${v.code}`);
      const kind = kindOf(v);
      kinds.push(kind);
      weights[i] = WEIGHT[kind];
      this.urbanShare[i] = URBAN[kind];
      this.isCommunity[i] = kind === 'streetCommunity' || kind === 'townCommunity' ? 1 : 0;
      const t = v.code.slice(0, 9);
      let ti = townships.get(t);
      if (ti === undefined) { ti = townships.size; townships.set(t, ti); this.byTownship.push([]); }
      this.townshipOf[i] = ti;
      this.byTownship[ti].push(i);
    });
    scaleCounties(weights, this.countyCode);
    this.all = new WeightedTable(weights);
    const subset = (pred: (i: number) => boolean) => {
      const items = [...Array(n).keys()].filter(pred);
      return items.length ? { items, table: new WeightedTable(items.map((i) => weights[i])) } : null;
    };
    this.urbanAll = subset((i) => kinds[i] === 'streetCommunity') ?? subset((i) => this.isCommunity[i] === 1) ?? subset(() => true)!;
    for (const county of new Set(this.countyCode)) {
      const inCounty = subset((i) => this.countyCode[i] === county)!;
      const urban = subset((i) => this.countyCode[i] === county && this.isCommunity[i] === 1);
      this.byCounty.set(county, { ...inCounty, urban });
    }
    const prefix = this.codes[0].slice(0, 4);
    const outside = OUTSIDE.filter(([c]) => !c.startsWith(prefix));
    this.outside = { codes: outside.map(([c]) => c), table: new WeightedTable(outside.map(([, w]) => w)) };
  }

  get size(): number { return this.codes.length; }

  /** A village chosen by population. */
  anyVillage(rng: Rng): number {
    return this.all.sample(rng);
  }

  /** Where a spouse or relative comes from: same township, same county, or anywhere. */
  nearby(i: number, rng: Rng): number {
    const u = rng.float();
    if (u < 0.35) return rng.pick(this.byTownship[this.townshipOf[i]]);
    if (u < 0.7) return this.inCounty(this.countyCode[i], rng);
    return this.anyVillage(rng);
  }

  inCounty(county: string, rng: Rng): number {
    const c = this.byCounty.get(county)!;
    return c.items[c.table.sample(rng)];
  }

  /** An urban community: the county's own town (half the time) or the region's city districts. */
  urbanDestination(i: number, rng: Rng): number {
    const own = this.byCounty.get(this.countyCode[i])!.urban;
    const pool = own && rng.chance(0.5) ? own : this.urbanAll;
    return pool.items[pool.table.sample(rng)];
  }

  sameTownship(a: number, b: number): boolean {
    return this.townshipOf[a] === this.townshipOf[b];
  }

  outsideCode(rng: Rng): string {
    return this.outside.codes[this.outside.table.sample(rng)];
  }

  /** GB 3304 ethnicity of someone born in the county (6-digit code). */
  ethnicity(county: string, rng: Rng): string {
    const mix = ETHNIC_BY_COUNTY[county] ?? ETHNIC_DEFAULT;
    let u = rng.float();
    for (const [code, share] of mix) {
      if (u < share) return code;
      u -= share;
    }
    return '01';
  }
}

/** Rescale village weights so that listed counties get their share of population. */
function scaleCounties(weights: Float64Array, county: string[]): void {
  const sums = new Map<string, number>();
  county.forEach((c, i) => sums.set(c, (sums.get(c) ?? 0) + weights[i]));
  let known = 0;
  let knownPop = 0;
  for (const [c, w] of sums) if (COUNTY_POPULATION[c]) { known += w; knownPop += COUNTY_POPULATION[c]; }
  if (knownPop === 0) return;
  county.forEach((c, i) => {
    const pop = COUNTY_POPULATION[c];
    if (pop) weights[i] *= (pop / knownPop) * known / sums.get(c)!;
  });
}

function kindOf(v: VillageInput): Kind {
  const t = Number(v.code.slice(6, 9));
  const community = /社区|居委会|居民委员会/.test(v.name);
  if (t >= 400 || /虚拟/.test(v.name)) return 'other';
  if (t < 100) return community ? 'streetCommunity' : 'streetVillage';
  return community ? 'townCommunity' : 'village';
}
