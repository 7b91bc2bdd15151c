// Derives where a person was registered (hukou) and lived (residence) over time from their
// population events. Spans are half-open [startDate, endDate): a person who dies or moves
// out on day D is counted at 00:00 of D but not at 24:00 of D.
import type { EventKind, PersonStatus } from '../platform/db/schema.ts';

export interface SpanEvent {
  kind: EventKind;
  date: string;
  areaCode: string;
  fromAreaCode: string | null;
}

export interface SpanInput {
  birthDate: string;
  /** Current hukou area as recorded on the person; used when no event says otherwise. */
  hukouAreaCode: string;
  /** Current residence as recorded; describes the latest period when no residence event exists. */
  residenceAreaCode: string;
  events: SpanEvent[];
  /** Is this area one of ours? A move in from one of our areas means the person was registered there before. */
  isLocalArea(code: string): boolean;
}

export interface Span {
  startDate: string;
  endDate: string | null;
  hukouAreaCode: string | null;
  residenceAreaCode: string | null;
}

export interface DerivedState {
  spans: Span[];
  hukouAreaCode: string;
  residenceAreaCode: string;
  status: PersonStatus;
  deathDate: string | null;
  isMigrant: boolean;
}

// Same-day order: a child is born before anything else happens; death ends the day.
const ORDER: Record<EventKind, number> = { birth: 0, move_in: 1, residence_change: 2, marriage: 3, divorce: 3, move_out: 4, death: 5 };

export function sortEvents<T extends { kind: EventKind; date: string }>(events: T[]): T[] {
  return [...events].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : ORDER[a.kind] - ORDER[b.kind]));
}

/** Migrant: living outside the township of hukou (county level when a code is coarser). */
export function isMigrantPair(hukou: string | null, residence: string | null): boolean {
  if (!hukou || !residence) return false;
  const len = hukou.length >= 9 && residence.length >= 9 ? 9 : 6;
  return hukou.slice(0, len) !== residence.slice(0, len);
}

function initialHukou(input: SpanInput, events: SpanEvent[]): string | null {
  const first = events.find((e) => e.kind === 'birth' || e.kind === 'move_in' || e.kind === 'move_out');
  if (!first) return input.hukouAreaCode;
  if (first.kind === 'birth') return null;
  if (first.kind === 'move_in') return first.fromAreaCode && input.isLocalArea(first.fromAreaCode) ? first.fromAreaCode : null;
  return first.areaCode;
}

export function deriveState(input: SpanInput): DerivedState {
  const events = sortEvents(input.events);
  const hasResidenceEvents = events.some((e) => e.kind === 'residence_change');
  let h = initialHukou(input, events);
  let r: string | null = h;
  let lastKnownHukou = h ?? input.hukouAreaCode;
  let lastKnownResidence = input.residenceAreaCode;
  let deathDate: string | null = null;
  let movedOut = false;

  const spans: Span[] = [];
  let open: Span | null = null;
  const setState = (date: string) => {
    if (open && open.hukouAreaCode === h && open.residenceAreaCode === r) return;
    if (open) {
      open.endDate = date;
      if (open.startDate < date) spans.push(open);
    }
    open = h || r ? { startDate: date, endDate: null, hukouAreaCode: h, residenceAreaCode: r } : null;
  };
  setState(input.birthDate);

  for (const e of events) {
    if (deathDate) break;
    switch (e.kind) {
      case 'birth':
      case 'move_in':
        if (r === h) r = e.areaCode; // residence follows the hukou unless the person lives elsewhere
        h = e.areaCode;
        r ??= h;
        movedOut = false;
        break;
      case 'move_out':
        h = null;
        r = null;
        movedOut = true;
        break;
      case 'residence_change':
        r = e.areaCode;
        break;
      case 'death':
        h = null;
        r = null;
        deathDate = e.date;
        break;
      default:
        continue;
    }
    if (h) lastKnownHukou = h;
    if (r) lastKnownResidence = r;
    setState(e.date);
  }
  // Without residence events, the recorded residence describes the current period.
  const last = open as Span | null;
  if (last && !hasResidenceEvents && last.hukouAreaCode) {
    last.residenceAreaCode = input.residenceAreaCode;
    if (spans.length && spans[spans.length - 1].hukouAreaCode === last.hukouAreaCode && spans[spans.length - 1].residenceAreaCode === last.residenceAreaCode) {
      spans[spans.length - 1].endDate = null;
    } else spans.push(last);
  } else if (last) spans.push(last);

  const status: PersonStatus = deathDate ? 'dead' : movedOut ? 'moved_out' : 'alive';
  const residence = last?.residenceAreaCode ?? (hasResidenceEvents ? lastKnownResidence : input.residenceAreaCode);
  return {
    spans,
    hukouAreaCode: lastKnownHukou,
    residenceAreaCode: residence,
    status,
    deathDate,
    isMigrant: status === 'alive' && isMigrantPair(lastKnownHukou, residence),
  };
}
