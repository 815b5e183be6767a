const UNIT_MINUTES: Record<string, number> = {
  m: 1,
  min: 1,
  mins: 1,
  minute: 1,
  minutes: 1,
  h: 60,
  hr: 60,
  hrs: 60,
  hour: 60,
  hours: 60,
};

/** "30 minutes", "1 hour 15 min", "1.5 hours", "90m" -> minutes; undefined when it is not a duration. */
export function parseDuration(text: string): number | undefined {
  const parts = [...text.toLowerCase().matchAll(/(\d+(?:\.\d+)?)\s*([a-z]+)/g)];
  if (parts.length === 0) return undefined;
  const leftover = text
    .toLowerCase()
    .replace(/(\d+(?:\.\d+)?)\s*([a-z]+)/g, '')
    .replace(/[\s,]|and/g, '');
  if (leftover !== '') return undefined;
  let minutes = 0;
  for (const [, amount, unit] of parts) {
    const factor = UNIT_MINUTES[unit ?? ''];
    if (factor === undefined) return undefined;
    minutes += Number(amount) * factor;
  }
  return Math.round(minutes);
}
