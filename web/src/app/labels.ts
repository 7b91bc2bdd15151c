// Display labels of code values in the current language. Registry code lists come from
// the shared domain module so that server and web agree on them.
import {
  AREA_LEVELS,
  ETHNICITIES,
  EVENT_KINDS,
  HUKOU_TYPES,
  MARITAL_STATUSES,
  PERSON_STATUSES,
  SEXES,
} from '@domain/registry/codes';
import { useMemo } from 'react';
import { EMPTY } from './format';
import { useI18n } from './i18n';
import { ROLES, type Role } from './session';

type Coded = { readonly code: string; readonly zh: string; readonly en: string };

export type SexCode = (typeof SEXES)[number]['code'];
export type HukouTypeCode = (typeof HUKOU_TYPES)[number]['code'];
export type PersonStatusCode = (typeof PERSON_STATUSES)[number]['code'];
export type EventKindCode = (typeof EVENT_KINDS)[number]['code'];

export interface Option<V extends string | number = string> {
  value: V;
  label: string;
}

export function useLabels() {
  const { locale, t } = useI18n();
  return useMemo(() => {
    const zh = locale === 'zh-CN';
    const pick = (list: readonly Coded[], code: string | null | undefined) => {
      if (!code) return EMPTY;
      const item = list.find((x) => x.code === code);
      return item ? (zh ? item.zh : item.en) : code;
    };
    const options = <V extends string>(list: readonly { code: V; zh: string; en: string }[]): Option<V>[] =>
      list.map((x) => ({ value: x.code, label: zh ? x.zh : x.en }));
    return {
      sex: (c: string | null | undefined) => pick(SEXES, c),
      hukouType: (c: string | null | undefined) => pick(HUKOU_TYPES, c),
      status: (c: string | null | undefined) => pick(PERSON_STATUSES, c),
      eventKind: (c: string | null | undefined) => pick(EVENT_KINDS, c),
      maritalStatus: (c: string | null | undefined) => pick(MARITAL_STATUSES, c),
      ethnicity: (c: string | null | undefined) => (c ? (ETHNICITIES.find((x) => x.code === c)?.name ?? c) : EMPTY),
      areaLevel: (level: number) => {
        const l = AREA_LEVELS.find((x) => x.level === level);
        return l ? (zh ? l.zh : l.en) : '';
      },
      role: (r: string) => (ROLES.includes(r as Role) ? t(`role.${r as Role}`) : r),
      sexOptions: options(SEXES),
      hukouTypeOptions: options(HUKOU_TYPES),
      statusOptions: options(PERSON_STATUSES),
      eventKindOptions: options(EVENT_KINDS),
      maritalOptions: options(MARITAL_STATUSES),
      disabilityGrade: (g: number) => t('person.disabilityGradeN', { grade: ['一', '二', '三', '四'][g - 1] ?? String(g), n: g }),
      ethnicityOptions: ETHNICITIES.map((x) => ({ value: x.code, label: x.name })),
      roleOptions: ROLES.map((r) => ({ value: r, label: t(`role.${r}`) })),
    };
  }, [locale, t]);
}
