const MARKDOWN_AND_CONTROL = /[*_`~|[\]()<>\\\p{Cc}]/gu;

/**
 * Makes text a person typed (or a display name) safe to echo inside a reply: no Markdown,
 * no control characters, "@" defused with a zero-width joiner so it can never read as a mention.
 */
export function quoteUserText(text: string, maxLength = 40): string {
  const clean = text.replace(MARKDOWN_AND_CONTROL, '').replace(/\s+/g, ' ').trim().replace(/@/g, '@\u2060');
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}
