// Demographic rates of the synthetic population, Sichuan / Mianyang 2010s-2020s. Figures are
// rounded from public statistics and used only to make plausible data:
// - crude birth and death rates: shaped after 四川省国民经济和社会发展统计公报 2013-2024 (births
//   about 10-11‰ in 2016-2017, about 6‰ from 2023; deaths 7-9‰) and 绵阳市统计公报, kept a little
//   lower for Mianyang's registered (hukou) population;
// - sex ratio at birth: 2000 census about 116 in Sichuan, falling to about 107 by the 2020s;
// - parity shares: national and provincial bulletins (second births about half of all births in
//   2016-2017; third and later births about 15% after the 2021 three-child policy);
// - mortality: Gompertz-Makeham fitted by eye to China's 2010 census life table (e0 about 75).

const BIRTH_RATE: Record<number, number> = {
  2013: 9.0, 2014: 9.4, 2015: 9.2, 2016: 10.0, 2017: 10.3, 2018: 9.4, 2019: 8.9, 2020: 7.7, 2021: 6.9,
  2022: 6.5, 2023: 6.2, 2024: 6.4, 2025: 6.0,
};
const DEATH_RATE: Record<number, number> = {
  2013: 6.6, 2014: 6.7, 2015: 6.8, 2016: 6.9, 2017: 7.0, 2018: 7.0, 2019: 7.1, 2020: 7.2, 2021: 7.3,
  2022: 7.6, 2023: 7.9, 2024: 7.7, 2025: 7.8,
};
const SRB: Record<number, number> = {
  2013: 110, 2014: 109, 2015: 109, 2016: 108, 2017: 108, 2018: 107, 2019: 107, 2020: 106, 2021: 106,
  2022: 105, 2023: 105, 2024: 105, 2025: 105,
};
// Shares of births of parity 1, 2 and 3+.
const PARITY: Record<number, [number, number, number]> = {
  2013: [0.66, 0.31, 0.03], 2014: [0.62, 0.34, 0.04], 2015: [0.58, 0.38, 0.04], 2016: [0.47, 0.48, 0.05],
  2017: [0.44, 0.5, 0.06], 2018: [0.46, 0.47, 0.07], 2019: [0.47, 0.45, 0.08], 2020: [0.46, 0.44, 0.1],
  2021: [0.45, 0.42, 0.13], 2022: [0.45, 0.4, 0.15], 2023: [0.46, 0.39, 0.15], 2024: [0.47, 0.38, 0.15],
  2025: [0.47, 0.38, 0.15],
};

/** Value for a year, the first or last year's value outside the table. */
function byYear<T>(table: Record<number, T>, year: number): T {
  return table[Math.min(Math.max(year, 2013), 2025)];
}

/** Births per 1000 registered persons in a year. */
export const birthRate = (year: number): number => byYear(BIRTH_RATE, year) - (year > 2025 ? 0.2 * (year - 2025) : 0);
/** Deaths per 1000 registered persons in a year. */
export const deathRate = (year: number): number => byYear(DEATH_RATE, year);
export const parityShares = (year: number): [number, number, number] => byYear(PARITY, year);

/** Probability that a birth is a boy, by year of birth. */
export function boyShare(year: number, afterGirl = false): number {
  let srb: number;
  if (year >= 2013) srb = byYear(SRB, year);
  else if (year >= 2000) srb = 115;
  else if (year >= 1990) srb = 113;
  else if (year >= 1980) srb = 109;
  else srb = 106;
  if (afterGirl && year >= 1985) srb += 6; // second births after a girl were more often boys
  return srb / (100 + srb);
}

/** Yearly death hazard at an age (Gompertz-Makeham plus an infant term). */
export function mortality(male: boolean, age: number): number {
  const infant = 0.006 * Math.exp(-3 * age);
  return male
    ? 0.0006 + 0.00004 * Math.exp(0.093 * age) + infant
    : 0.0003 + 0.00002 * Math.exp(0.097 * age) + infant;
}

const SURVIVAL = [false, true].map((male) => {
  const s = new Float64Array(121);
  s[0] = 1;
  for (let a = 1; a <= 120; a++) s[a] = s[a - 1] * Math.exp(-mortality(male, a - 0.5));
  return s;
});

/** Probability of surviving from birth to an age, with harsher conditions for older cohorts. */
export function survival(male: boolean, age: number, birthYear: number): number {
  const s = SURVIVAL[male ? 1 : 0][Math.min(120, Math.max(0, Math.floor(age)))];
  const harsh = birthYear < 1950 ? 1.15 : birthYear < 1965 ? 1.05 : 1;
  return Math.pow(s, harsh);
}

/** Relative fertility of a married woman by age for a birth of parity 1, 2 or 3+. */
export function fertilityWeight(age: number, parity: number, year: number): number {
  if (age < 18 || age > 46) return 0;
  const peak = parity === 1 ? 26 + 0.15 * (year - 2013) : parity === 2 ? 31 : 33;
  const sd = parity === 1 ? 4.5 : 5;
  const z = (age - peak) / sd;
  return Math.exp(-0.5 * z * z);
}

/** Mean age of women at first marriage by birth cohort (census-based, rounded). */
export function womenMarriageAge(birthYear: number): number {
  if (birthYear < 1950) return 20.5;
  if (birthYear < 1960) return 22;
  if (birthYear < 1970) return 22.5;
  if (birthYear < 1980) return 23;
  if (birthYear < 1990) return 24.5;
  return 25.5;
}

/** Yearly first-marriage hazard of a never-married person in a simulated year. */
export function firstMarriageHazard(male: boolean, age: number, year: number): number {
  const peak = 24.5 + 0.12 * (year - 2013) + (male ? 2.5 : 0);
  const z = (age - peak) / 3.5;
  if (age < (male ? 22 : 20) || age > 50) return 0;
  return (male ? 0.2 : 0.25) * Math.exp(-0.5 * z * z) + 0.01;
}

/**
 * Children a woman of a birth cohort has had (completed or by the start of the simulation).
 * One child was the rule for cohorts born 1960-1985 (urban strictly; rural couples could often
 * have a second child, especially after a girl); minority families were allowed more.
 */
export function intendedChildren(u: number, birthYear: number, rural: boolean): number {
  const dist = (shares: number[]): number => {
    for (let k = 0; k < shares.length; k++) { if (u < shares[k]) return k; u -= shares[k]; }
    return shares.length - 1;
  };
  if (birthYear < 1940) return dist([0.02, 0.03, 0.1, 0.2, 0.3, 0.2, 0.15]);
  if (birthYear < 1950) return dist([0.02, 0.05, 0.2, 0.35, 0.25, 0.13]);
  if (birthYear < 1955) return rural ? dist([0.02, 0.1, 0.4, 0.33, 0.15]) : dist([0.02, 0.4, 0.43, 0.15]);
  if (birthYear < 1960) return rural ? dist([0.03, 0.25, 0.5, 0.22]) : dist([0.03, 0.72, 0.25]);
  return u < 0.03 ? 0 : 1; // later births decided child by child (see secondChildChance)
}

/** Chance of a further child before the simulation starts, for cohorts born 1960 and later. */
export function furtherChildChance(parity: number, firstIsGirl: boolean, rural: boolean, minority: boolean, motherYear: number): number {
  if (parity === 1) {
    if (minority) return 0.5;
    if (!rural) return motherYear < 1970 ? 0.1 : 0.05;
    if (motherYear < 1970) return firstIsGirl ? 0.65 : 0.35; // 1980s: rural second births still common
    return firstIsGirl ? 0.45 : 0.12;
  }
  return minority ? 0.15 : rural ? 0.03 : 0.005;
}
