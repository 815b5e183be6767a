import { CurriculumError } from './curriculum-error.js';
import { firstLink, inlineText, itemInline, listItems, type Block } from './markdown-blocks.js';
import { parseDuration } from './parse-duration.js';
import { isPlaceholder, unbracket } from './placeholder.js';
import { readLink } from './read-link.js';

/** The "- Key: value" lines a resource may have, by lower-case key, with the name to suggest in messages. */
const FIELD_NAMES = {
  duration: 'Duration',
  focus: 'Focus',
  'next step': 'Next step',
  dependencies: 'Dependencies',
  link: 'Link',
  id: 'Id',
} as const;
type FieldKey = keyof typeof FIELD_NAMES;
const FIELD_LIST = Object.values(FIELD_NAMES).join(', ');

/** A resource's fields as read: text values, the duration in minutes and the link as an http(s) URL. */
export interface ResourceFields {
  id?: string;
  minutes?: number;
  focus?: string;
  nextStep?: string;
  dependencies?: string;
  url?: string;
}

/**
 * Reads the nested "- Key: value" lines of a resource. A value that is only a template hint
 * ("- Link: [URL/Link description]") counts as absent; anything else must be readable, or it is an
 * error on its own line: an unknown key, a line without "Key:", a second line for the same key, a link
 * that cannot be read. An unreadable duration names the resource's line, as start-up always has.
 */
export function readResourceFields(lists: Block[], where: string, file: string, resourceLine: number): ResourceFields {
  const fields: ResourceFields = {};
  const seen = new Map<FieldKey, number>();
  for (const { item, line } of listItems(lists)) {
    const inline = itemInline(item);
    const text = inlineText(inline).trim();
    const colon = text.indexOf(':');
    const key = text.slice(0, Math.max(colon, 0)).trim().toLowerCase();
    if (colon <= 0 || !(key in FIELD_NAMES)) {
      const problem =
        colon <= 0
          ? `"${text}" is not a "- Key: value" line`
          : `"${text.slice(0, colon).trim()}" is not a resource field`;
      throw new CurriculumError(
        file,
        line,
        `${where}: ${problem}; write one of ${FIELD_LIST}, like "- Focus: what it teaches"`,
      );
    }
    const field = key as FieldKey;
    const earlier = seen.get(field);
    if (earlier !== undefined)
      throw new CurriculumError(
        file,
        line,
        `${where}: a second "${FIELD_NAMES[field]}" line (the first is on line ${earlier}); keep one`,
      );
    seen.set(field, line);
    if (item.tokens.some((token) => token.type === 'list')) {
      throw new CurriculumError(
        file,
        line,
        `${where}: the lines nested under "${FIELD_NAMES[field]}" are not read; write the value on the same line`,
      );
    }
    const value = text.slice(colon + 1).trim();
    if (isPlaceholder(value)) continue;
    const reason = setField(fields, field, unbracket(value), firstLink(inline)?.href);
    if (reason) throw new CurriculumError(file, field === 'duration' ? resourceLine : line, `${where}: ${reason}`);
  }
  return fields;
}

/** Stores one field; returns what is wrong with its value, if anything. */
function setField(
  fields: ResourceFields,
  field: FieldKey,
  value: string,
  href: string | undefined,
): string | undefined {
  switch (field) {
    case 'duration': {
      fields.minutes = parseDuration(value);
      return fields.minutes === undefined
        ? `Duration is missing or unreadable: "${value}"; write it like "- Duration: 30 minutes" or "1 hour 15 min"`
        : undefined;
    }
    case 'link': {
      const link = readLink(href ?? value);
      if ('problem' in link) return link.problem;
      fields.url = link.url;
      return undefined;
    }
    case 'next step':
      fields.nextStep = value;
      return undefined;
    default:
      fields[field] = value;
      return undefined;
  }
}
