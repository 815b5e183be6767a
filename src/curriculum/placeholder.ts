/**
 * The seed's template marks missing content with bracketed hints: "[URL/Link description]", "[Duration]",
 * "[Channel/Source]". Brackets alone do not make a hint: the same template writes real values in them
 * ("[Article]", "[2 min]", "[Fireship]"). A hint is bracketed text made only of the template's own words.
 */
const HINT_WORDS = new Set([
  'url',
  'link',
  'links',
  'description',
  'duration',
  'length',
  'time',
  'minutes',
  'channel',
  'source',
  'author',
  'creator',
  'title',
  'name',
  'type',
  'resource',
  'topic',
  'tbd',
  'todo',
  'placeholder',
  'or',
]);
const HINT_SEPARATOR = /[\s/|,&-]+/;

/** True for an empty part or a template hint such as "[URL/Link description]": a learner never sees one. */
export function isPlaceholder(text: string): boolean {
  const inner = bracketed(text);
  if (inner === undefined) return text.trim() === '';
  const words = inner
    .toLowerCase()
    .split(HINT_SEPARATOR)
    .filter((word) => word !== '');
  return words.every((word) => HINT_WORDS.has(word));
}

/** "[2 min]" -> "2 min": a real value the template wrote in brackets; other text is returned trimmed. */
export function unbracket(text: string): string {
  return (bracketed(text) ?? text).trim();
}

function bracketed(text: string): string | undefined {
  const trimmed = text.trim();
  const inner = trimmed.slice(1, -1);
  return trimmed.startsWith('[') && trimmed.endsWith(']') && !/[[\]]/.test(inner) ? inner : undefined;
}
