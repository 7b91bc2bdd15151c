// A calendar date in requests: 'YYYY-MM-DD' and a real day (2020-02-30 is refused).
import { z } from 'zod';
import { formatYmd } from './dates.ts';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((s) => formatYmd(Number(s.slice(0, 4)), Number(s.slice(5, 7)), Number(s.slice(8, 10))) === s, 'not a real date');
