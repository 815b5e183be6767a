/**
 * The seed marks missing content with bracketed hints: "[URL/Link description]", "[Duration]",
 * "[Channel/Source]". A learner never sees one: a part that is only a hint is dropped.
 */
export function isPlaceholder(text: string): boolean {
  const trimmed = text.trim();
  return trimmed === '' || (trimmed.startsWith('[') && trimmed.endsWith(']') && !trimmed.slice(1, -1).includes('['));
}
