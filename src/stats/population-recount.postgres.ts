// PostgreSQL: the population aggregates counted afresh in one pass here, as on SQLite
// (population-recount.ts), instead of by the migration's SQL, which sorts every (basis, day,
// area, sex) contribution (1M persons: 18 s at the end of a bulk load). The spans come out by
// COPY … TO STDOUT and the rows go back by COPY, on the client of the caller's transaction.
import { StringDecoder } from 'node:string_decoder';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { copyText } from '../platform/db/pg-copy.ts';
import { eachCountRow, PopulationCounter, SPANS_WITH_SEX, type PopulationCounts } from './population-recount.ts';

const LINES_PER_PIECE = 10_000;

/**
 * Empties stats_population_deltas and stats_population_totals and fills them from the spans,
 * inside the transaction `client` holds. Returns false, having written nothing, when a value is
 * not one this count reads (a sex other than M or F, an escaped character): the caller then
 * counts by SQL.
 */
export async function recountPopulationPostgres(client: pg.PoolClient): Promise<boolean> {
  const counts = await countSpans(client);
  if (!counts) return false;
  await client.query('delete from stats_population_deltas');
  await client.query('delete from stats_population_totals');
  // Lines gathered into pieces as they are made: a million persons give 2.3 million delta rows.
  const deltas = new Pieces();
  const totals = new Pieces();
  eachCountRow(counts, (basis, date, area, sex, n) => deltas.add(`${basis}\t${date}\t${area}\t${sex}\t${n}\n`),
    (basis, area, sex, n) => totals.add(`${basis}\t${area}\t${sex}\t${n}\n`));
  await copyText(client, 'stats_population_deltas', ['basis', 'date', 'area_code', 'sex', 'delta'], deltas.done());
  await copyText(client, 'stats_population_totals', ['basis', 'area_code', 'sex', 'total'], totals.done());
  return true;
}

/** COPY text in pieces of LINES_PER_PIECE lines. */
class Pieces {
  private readonly pieces: string[] = [];
  private text = '';
  private lines = 0;
  add(line: string): void {
    this.text += line;
    if (++this.lines === LINES_PER_PIECE) { this.pieces.push(this.text); this.text = ''; this.lines = 0; }
  }
  done(): string[] {
    if (this.lines > 0) this.pieces.push(this.text);
    this.text = '';
    this.lines = 0;
    return this.pieces;
  }
}

/** Reads every span with its person's sex; null when one cannot be counted here. */
async function countSpans(client: pg.PoolClient): Promise<PopulationCounts | null> {
  const counter = new PopulationCounter();
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let ok = true;
  const count = (line: string) => {
    // Dates, area codes and sex hold no character COPY escapes; a backslash other than NULL's \N is not ours to read.
    const f = line.split('\t');
    if (f.length !== 5 || f.some((v) => v !== '\\N' && v.includes('\\')) || f[0] === '\\N') return false;
    const orNull = (v: string) => (v === '\\N' ? null : v);
    return counter.add(f[0], orNull(f[1]), orNull(f[2]), orNull(f[3]), f[4]);
  };
  // The whole stream is read even after a value that cannot be counted: the COPY must end.
  for await (const chunk of client.query(copyTo(`copy (${SPANS_WITH_SEX}) to stdout`)) as AsyncIterable<Buffer>) {
    const text = rest + decoder.write(chunk);
    let from = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', from)) {
      if (ok) ok = count(text.slice(from, nl));
      from = nl + 1;
    }
    rest = text.slice(from);
  }
  return ok && rest === '' ? counter.result() : null;
}
