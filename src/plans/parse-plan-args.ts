import { quoteUserText } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';
import { parseLocalDate } from '../reminders/parse-local-date.js';

/** What `plan` was asked: show it, drop it, finish by a date, or study so many minutes a study day. */
export type PlanRequest =
  { kind: 'show' } | { kind: 'off' } | { kind: 'by'; date: string } | { kind: 'pace'; minutes: number };

const OFF = /^(off|stop|none|clear|cancel)$/;
const PER_DAY = /\s+(a|per|each|every)(\s+study)?\s+day$/;
const MINUTES = /^(\d{1,4})\s*(m|min|mins|minutes?)?$/;
const HOURS = /^(\d{1,2}(?:\.\d+)?)\s*(h|hr|hrs|hours?)(?:\s*(\d{1,2})\s*(m|min|mins|minutes?)?)?$/;

/**
 * "by 2027-01-15", "by friday", "2027-01-15", "20 min", "20", "1h30", "45 minutes a day", "off", "" -> the
 * request (dates read as `parseLocalDate` reads them, against the learner's `today`). Minutes are not
 * bounded here: the command says which it accepts.
 */
export function parsePlanArgs(input: string | undefined, today: string, slash: string): PlanRequest {
  const text = (input ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
  if (text === '') return { kind: 'show' };
  if (OFF.test(text)) return { kind: 'off' };
  const dated = /^(by|until|till|on) (.+)$/.exec(text);
  if (dated) return { kind: 'by', date: parseLocalDate(dated[2]!, today) };
  const pace = text.replace(PER_DAY, '');
  const minutes = MINUTES.exec(pace);
  if (minutes) return { kind: 'pace', minutes: Number(minutes[1]) };
  const hours = HOURS.exec(pace);
  if (hours) return { kind: 'pace', minutes: Math.round(Number(hours[1]) * 60) + Number(hours[3] ?? 0) };
  try {
    return { kind: 'by', date: parseLocalDate(text, today) };
  } catch {
    throw new UserError(
      'invalid-plan',
      `"${quoteUserText(input ?? '', 30)}" isn't a plan I can read.`,
      `Say when you want to finish, like \`/${slash} plan by 2027-01-15\`, or how long a study day, like \`/${slash} plan 20 min\`; \`/${slash} plan off\` drops the plan.`,
    );
  }
}
