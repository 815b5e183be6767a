import type { Choice } from '../model/invocation.js';
import { describeDays, parseDays, typedDays } from '../reminders/parse-days.js';

const SETS = ['daily', 'weekdays', 'weekends', 'mon,wed,fri', 'tue,thu'];
const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/**
 * Days as they are typed: the common sets, or the list typed so far ("mon,we") with each day that can come
 * next ("mon,wed"). Named as the reminder will say them ("Mon, Wed").
 */
export function suggestDays(typed: string): Choice[] {
  const text = typed.replace(/\s+/g, '');
  const choice = (value: string): Choice => ({ name: `${value} — ${describe(value)}`, value });
  const sets = SETS.filter((set) => set.startsWith(text)).map(choice);
  const cut = text.lastIndexOf(',');
  const head = cut < 0 ? '' : text.slice(0, cut);
  const fragment = text.slice(cut + 1);
  let chosen: number[] = [];
  try {
    chosen = head ? parseDays(head) : [];
  } catch {
    return sets;
  }
  const listed = head ? `${typedDays(chosen)},` : '';
  const next = DAYS.filter((day) => day.startsWith(fragment) && !chosen.includes(parseDays(day)[0]!)).map((day) =>
    choice(`${listed}${day}`),
  );
  return [...new Map([...sets, ...next].map((entry) => [entry.value, entry])).values()];
}

function describe(value: string): string {
  const described = describeDays(parseDays(value));
  return described.charAt(0).toUpperCase() + described.slice(1);
}
