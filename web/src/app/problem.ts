// Turning API errors into what the user sees: per-field errors onto antd Form fields,
// and the problem's detail as a message.
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { ApiError } from './api';
import { useI18n, type Translate } from './i18n';

type NamePath = (string | number)[];

/** "body.hukouAreaCode", "/spans/0/startDate" → ['hukouAreaCode'], ['spans', 0, 'startDate'] */
export function fieldPath(field: string): NamePath {
  return field
    .replace(/^\/?body(?:[./]|$)/, '')
    .split(/[./[\]]+/)
    .filter(Boolean)
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

export function problemText(err: unknown, t: Translate): string {
  if (err instanceof ApiError) {
    if (err.code === 'network') return t('error.network');
    if (err.problem.detail) return err.problem.detail;
    if (err.problem.title) return err.problem.title;
    return err.status >= 500 ? t('error.server') : t('error.unknown', { code: err.code });
  }
  return t('error.unexpected');
}

function hasField(form: FormInstance, path: NamePath): boolean {
  let node: unknown = form.getFieldsValue();
  for (const key of path) {
    if (node === null || typeof node !== 'object' || !(key in (node as object))) return false;
    node = (node as Record<string | number, unknown>)[key];
  }
  return true;
}

/**
 * Puts field errors on the form's fields (when the form has them) and shows the problem's
 * detail, followed by any field errors that have no field on the form. Returns true when
 * at least one field was marked.
 */
export function applyProblem(err: unknown, t: Translate, show: (text: string) => void, form?: FormInstance): boolean {
  if (err instanceof ApiError && err.status === 401 && err.code !== 'auth.invalid_credentials') return false;
  const loose: string[] = [];
  let marked = false;
  if (err instanceof ApiError && form) {
    const fields = err.fieldErrors.map((fe) => ({ path: fieldPath(fe.field), fe }));
    const known = fields.filter((f) => f.path.length > 0 && hasField(form, f.path));
    form.setFields(known.map((f) => ({ name: f.path, errors: [f.fe.message] })));
    marked = known.length > 0;
    for (const f of fields) if (!known.includes(f)) loose.push(f.fe.message);
  } else if (err instanceof ApiError) {
    loose.push(...err.fieldErrors.map((fe) => fe.message));
  }
  const text = [problemText(err, t), ...loose].join(t('punct.separator'));
  show(text);
  return marked;
}

/** Hook form of applyProblem bound to the app's message API. */
export function useProblem(): (err: unknown, form?: FormInstance) => boolean {
  const { message } = App.useApp();
  const { t } = useI18n();
  return useCallback((err, form) => applyProblem(err, t, (text) => void message.error(text), form), [message, t]);
}
