// While an ID number is typed into a person form: read it locally, ask the server for the
// place of issue (GET /id-numbers/:idNumber), fill birth date, sex and hukou area where the
// user has not typed something else, and re-check the fields that may now disagree.
import type { IdNumberInfo } from '@domain/registry/id-number';
import { Form, type FormInstance } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useUser } from '../../app/auth';
import { fromDateString, toDateString } from '../../app/format';
import { readIdNumber } from './id-number-check';
import { lookupIdNumber } from './persons.api';
import type { IdNumberLookup } from './types';

type Filled = { birthDate?: string; sex?: string; hukouAreaCode?: string };

export function useIdNumberAssist(form: FormInstance, withHukouArea: boolean) {
  const user = useUser();
  const idNumber = Form.useWatch<string | undefined>('idNumber', form);
  const [lookup, setLookup] = useState<IdNumberLookup | null>(null);
  const filled = useRef<Filled>({});
  const parsed = readIdNumber(idNumber);
  const info: IdNumberInfo | null = parsed?.ok ? parsed.info : null;
  const key = info?.idNumber ?? '';

  useEffect(() => {
    setLookup(null);
    if (!info) return;
    const f = filled.current;
    const patch: Record<string, unknown> = {};
    const birth = toDateString(form.getFieldValue('birthDate'));
    if (!birth || birth === f.birthDate) {
      patch.birthDate = fromDateString(info.birthDate);
      f.birthDate = info.birthDate;
    }
    const sex = form.getFieldValue('sex') as string | undefined;
    if (!sex || sex === f.sex) {
      patch.sex = info.sex;
      f.sex = info.sex;
    }
    form.setFieldsValue(patch);
    const check = ['birthDate', 'sex'].filter((n) => form.getFieldValue(n));
    form.validateFields(check).catch(() => undefined);

    let live = true;
    const timer = setTimeout(() => {
      lookupIdNumber(info.idNumber)
        .then((r) => {
          if (!live) return;
          setLookup(r);
          // The address code is where the number was issued; use it as hukou area only when
          // it lies inside the user's own area and nothing else was chosen.
          const code = r.addressCode;
          const area = form.getFieldValue('hukouAreaCode') as string | undefined;
          if (withHukouArea && r.addressKnown && code.startsWith(user.areaCode) && (!area || area === f.hukouAreaCode)) {
            form.setFieldsValue({ hukouAreaCode: code });
            f.hukouAreaCode = code;
          }
        })
        .catch(() => live && setLookup(null));
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Keyed on the normalised number only, so that typing elsewhere does not refill.
  }, [key]);

  return { info, lookup, problem: parsed && !parsed.ok ? parsed.problem : null };
}
