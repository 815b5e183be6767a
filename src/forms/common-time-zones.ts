import type { FormChoice } from '../model/settings-form.js';

/**
 * The zones most learners live in, west to east: a select shows them first. Kept under Discord's 25 options per
 * select with room for the learner's own zone and the platform's.
 */
export const COMMON_TIME_ZONES: readonly string[] = [
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Sao_Paulo',
  'UTC',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Kyiv',
  'Europe/Istanbul',
  'Africa/Lagos',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Australia/Sydney',
  'Pacific/Auckland',
];

/** The common zones, then the given ones (the learner's, the platform's) not among them; each listed once. */
export function zoneChoices(own: readonly (string | undefined)[]): FormChoice[] {
  const zones = [...new Set([...COMMON_TIME_ZONES, ...own.filter((zone): zone is string => Boolean(zone))])];
  return zones.map((zone) => ({ label: zone.replace(/_/g, ' '), value: zone }));
}
