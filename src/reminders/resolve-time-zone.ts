import { quoteUserText } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';
import { suggestTimeZones, zoneBySquashedName } from './suggest-time-zones.js';
import { ianaSpelling } from './time-zone-names.js';

/**
 * Abbreviations people type, and the IANA zones they most likely mean (abbreviations are ambiguous and ignore DST).
 * A Map, so what a learner typed is only ever compared with these keys, never with an object's inherited names.
 */
const ABBREVIATIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['PST', ['America/Los_Angeles']],
  ['PDT', ['America/Los_Angeles']],
  ['PT', ['America/Los_Angeles']],
  ['MST', ['America/Denver', 'America/Phoenix']],
  ['MDT', ['America/Denver']],
  ['MT', ['America/Denver']],
  ['CST', ['America/Chicago', 'Asia/Shanghai']],
  ['CDT', ['America/Chicago']],
  ['CT', ['America/Chicago']],
  ['EST', ['America/New_York']],
  ['EDT', ['America/New_York']],
  ['ET', ['America/New_York']],
  ['AKST', ['America/Anchorage']],
  ['HST', ['Pacific/Honolulu']],
  ['BST', ['Europe/London']],
  ['IST', ['Asia/Kolkata', 'Europe/Dublin']],
  ['WET', ['Europe/Lisbon']],
  ['CET', ['Europe/Berlin', 'Europe/Paris']],
  ['CEST', ['Europe/Berlin', 'Europe/Paris']],
  ['EET', ['Europe/Athens', 'Europe/Helsinki']],
  ['MSK', ['Europe/Moscow']],
  ['JST', ['Asia/Tokyo']],
  ['KST', ['Asia/Seoul']],
  ['SGT', ['Asia/Singapore']],
  ['HKT', ['Asia/Hong_Kong']],
  ['AEST', ['Australia/Sydney']],
  ['AEDT', ['Australia/Sydney']],
  ['ACST', ['Australia/Adelaide']],
  ['AWST', ['Australia/Perth']],
  ['NZST', ['Pacific/Auckland']],
  ['NZDT', ['Pacific/Auckland']],
  ['BRT', ['America/Sao_Paulo']],
  ['ART', ['America/Argentina/Buenos_Aires']],
]);

/** Checks an IANA zone with Intl, ignoring case, spaces and "_"; a lone city ("berlin") is accepted when it names one zone. */
export function resolveTimeZone(input: string): string {
  const text = input.trim();
  const upper = text.toUpperCase();
  if (upper === 'UTC' || upper === 'GMT' || upper === 'Z') return 'UTC';
  const suggestions = ABBREVIATIONS.get(upper);
  if (suggestions) {
    throw new UserError(
      'ambiguous-zone',
      `"${quoteUserText(text)}" is an abbreviation, and abbreviations don't follow daylight saving time or name one place.`,
      `Use a zone name instead, for example ${suggestions.map((zone) => `\`${zone}\``).join(' or ')}.`,
    );
  }
  if (/^(utc|gmt)?\s*[+-]\s*\d/i.test(text)) {
    throw new UserError(
      'offset-zone',
      `"${quoteUserText(text)}" is a fixed offset, which would be wrong after the next daylight-saving change.`,
      'Use the zone name of a city near you, like `Europe/Berlin` or `America/New_York`.',
    );
  }
  const known = ianaSpelling(text) ?? validZone(text) ?? zoneBySquashedName(text);
  if (known) return known;
  const city = titleCase(text.replace(/\s+/g, '_'));
  const byCity = [
    ...new Set(
      REGIONS.map((region) => validZone(`${region}/${city}`)).filter((zone): zone is string => zone !== undefined),
    ),
  ];
  if (byCity.length === 1) return byCity[0]!;
  const similar = suggestTimeZones(text, 3);
  throw new UserError(
    'unknown-zone',
    `I don't know the time zone "${quoteUserText(text)}".`,
    similar.length > 0
      ? `Did you mean ${similar.map((zone) => `\`${zone}\``).join(', ')}?`
      : 'Use an IANA zone name such as `Europe/Berlin` or `America/New_York`.',
  );
}

const REGIONS = ['Europe', 'America', 'Asia', 'Africa', 'Australia', 'Pacific', 'Atlantic', 'Indian', 'Antarctica'];

/** "asia/kathmandu" -> "Asia/Kathmandu": the casing IANA uses for most names. */
function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(/(^|[/_-])([a-z])/g, (_, separator: string, letter: string) => separator + letter.toUpperCase());
}

/**
 * Intl knows more names than it lists (links such as "US/Pacific", and spellings like "Asia/Kathmandu"
 * that it lists under an older name). Keep the learner's spelling when Intl accepts it, in IANA's casing.
 */
function validZone(text: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,40}$/.test(text)) return undefined;
  for (const candidate of [ianaSpelling(text), titleCase(text), text]) {
    if (candidate === undefined) continue;
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: candidate });
      return candidate;
    } catch {
      // not a zone; try the next spelling
    }
  }
  return undefined;
}
