// Local reading of an ID number as it is typed (the same parser as the server's).
import { parseIdNumber, type IdNumberResult } from '@domain/registry/id-number';
import type { Translate } from '../../app/i18n';
import { todayInShanghai } from '../../app/format';

export function readIdNumber(raw: string | undefined | null): IdNumberResult | null {
  const s = raw?.trim() ?? '';
  if (s.length !== 15 && s.length !== 18) return null; // still typing
  return parseIdNumber(s, todayInShanghai());
}

export function idNumberProblemText(t: Translate, problem: string): string {
  switch (problem) {
    case 'birth_date':
      return t('idNumber.badBirthDate');
    case 'check_char':
      return t('idNumber.badCheckChar');
    default:
      return t('idNumber.badFormat');
  }
}

/** antd validator: empty is fine (newborns have none yet); otherwise it must parse. */
export function idNumberValidator(t: Translate) {
  return (_: unknown, v: string | undefined) => {
    const s = v?.trim();
    if (!s) return Promise.resolve();
    if (!/^(\d{15}|\d{17}[\dXx])$/.test(s)) return Promise.reject(new Error(t('idNumber.badFormat')));
    const r = readIdNumber(s);
    return r && !r.ok ? Promise.reject(new Error(idNumberProblemText(t, r.problem))) : Promise.resolve();
  };
}
