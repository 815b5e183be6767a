import { editDistance } from '../progress/closest.js';
import { formerNames, knownTimeZones } from './time-zone-names.js';

interface ZoneKey {
  zone: string;
  /** The whole name, lower case, without spaces, "_" or "-": "america/newyork". */
  whole: string;
  /** Its last part (the city) the same way: "newyork". */
  city: string;
  /** Everything before the city: "america". */
  region: string;
}

/** "New York", "new_york" and "New-York" compare alike. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

function keyOf(zone: string, name = zone): ZoneKey {
  const whole = squash(name);
  const cut = whole.lastIndexOf('/');
  return { zone, whole, city: whole.slice(cut + 1), region: cut < 0 ? '' : whole.slice(0, cut) };
}

let keys: ZoneKey[] | undefined;
/** Every zone by its current name, and again by any former one. */
const zoneKeys = () =>
  (keys ??= [
    ...knownTimeZones().map((zone) => keyOf(zone)),
    ...formerNames().map(([former, zone]) => keyOf(zone, former)),
  ]);

/** The one zone a name means once case, spaces, "_" and "-" are ignored ("America/NewYork", "newyork"), if only one. */
export function zoneBySquashedName(text: string): string | undefined {
  const wanted = squash(text);
  const matches = new Set(
    zoneKeys()
      .filter((key) => key.whole === wanted || (!wanted.includes('/') && key.city === wanted))
      .map((key) => key.zone),
  );
  return matches.size === 1 ? [...matches][0] : undefined;
}

/**
 * Zones a learner may mean, best first: names that start with what they typed (the whole name or the city),
 * then names that contain it, then cities a typo or two away ("Berln" -> Berlin), in the region they named first.
 */
export function suggestTimeZones(text: string, limit: number): string[] {
  const typed = keyOf(text.trim());
  if (typed.whole === '') return knownTimeZones().slice(0, limit);
  if (typed.whole.length > 60) return [];
  const all = zoneKeys();
  const starts = all.filter((key) => key.whole.startsWith(typed.whole) || key.city.startsWith(typed.whole));
  const contains = all.filter((key) => key.whole.includes(typed.whole));
  const tolerance = Math.max(1, Math.floor(typed.city.length / 3));
  // Typos are guessed only from a city long enough to have one ("Berln"), not from every keystroke.
  const near =
    typed.city.length < 3
      ? []
      : all
          .map((key) => ({
            key,
            distance:
              editDistance(typed.city, key.city) + (typed.region && !key.region.startsWith(typed.region) ? 0.5 : 0),
          }))
          .filter(({ distance }) => distance <= tolerance + 0.5)
          .sort((a, b) => a.distance - b.distance || a.key.zone.localeCompare(b.key.zone))
          .map(({ key }) => key);
  return [...new Set([...starts, ...contains, ...near].map((key) => key.zone))].slice(0, limit);
}
