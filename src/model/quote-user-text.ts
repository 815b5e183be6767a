const MARKDOWN_AND_CONTROL = /[*_`~|[\]()<>\\\p{Cc}]/gu;
/**
 * Invisible format characters (Unicode category Cf): bidi embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), the marks U+200E, U+200F and U+061C, zero-width spaces and joiners (U+200B–U+200D, U+2060,
 * U+FEFF) and the rest. A name with U+202E would print what follows it backwards on a public leaderboard.
 */
const INVISIBLE_FORMAT = /\p{Cf}/gu;

/** Text without invisible format characters: they mean nothing in a command, an option or a name. */
export function withoutInvisible(text: string): string {
  return text.replace(INVISIBLE_FORMAT, '');
}

/**
 * Makes text a person typed (or a display name) safe to echo inside a reply: no Markdown, no control or
 * invisible format characters, "@" defused with a word joiner so it can never read as a mention.
 */
export function quoteUserText(text: string, maxLength = 40): string {
  const clean = withoutInvisible(text)
    .replace(MARKDOWN_AND_CONTROL, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/@/g, '@\u2060');
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}
