import type { Rule } from 'antd/es/form';
import type { Translate } from './i18n';

// Mirrors the server's rule (field.password.weak): at least 10 characters, letters and digits.
export function passwordRules(t: Translate): Rule[] {
  return [
    { required: true, message: t('password.newRequired') },
    {
      validator: (_, v: string | undefined) =>
        !v || (v.length >= 10 && /[A-Za-z]/.test(v) && /\d/.test(v)) ? Promise.resolve() : Promise.reject(new Error(t('password.weak'))),
    },
  ];
}
