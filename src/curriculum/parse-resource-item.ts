import type { Tokens } from 'marked';
import { z } from 'zod';
import { CurriculumError } from './curriculum-error.js';
import type { Resource } from './learning-path.js';
import { firstLink, inlineText } from './markdown-blocks.js';
import { parseDuration } from './parse-duration.js';
import { isPlaceholder } from './placeholder.js';
import { slugify } from './slug.js';

/** A resource as written, before its phase is known: its dependency line and where it stands in the file. */
export type ResourceDraft = Omit<Resource, 'phaseId' | 'position'> & { dependencies?: string; line: number };

const draftSchema = z.object({
  title: z.string().min(1, 'a resource needs a bold title, like "1. **Title** — [Article]"'),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'Id must be a lowercase slug (letters, digits, dashes)'),
  type: z.string().min(1, 'the type is missing: write " — [Article]" after the title'),
  minutes: z.number({ error: 'Duration is missing or unreadable (write "Duration: 30 minutes")' }).int().positive().max(24 * 60, 'Duration is over a day'),
  focus: z.string().min(1, 'Focus is missing (write "Focus: what this resource teaches")'),
  nextStep: z.string().optional(),
  url: z.url({ protocol: /^https?$/, error: 'Link must be an http(s) URL' }).optional(),
  dependencies: z.string().optional(),
});

/** Reads "1. **Title** — [Type]" with its "- Key: value" lines into a validated draft. */
export function parseResourceItem(item: Tokens.ListItem, line: number, file: string): ResourceDraft {
  const head = item.tokens.find((token) => token.type === 'paragraph' || token.type === 'text') as Tokens.Text | undefined;
  const strong = head?.tokens?.find((token) => token.type === 'strong') as Tokens.Strong | undefined;
  const afterTitle = inlineText(head?.tokens?.filter((token) => token !== strong));
  const fields = readFields(item);
  const title = inlineText(strong?.tokens).trim();
  const typeText = afterTitle.replace(/^[\s—–-]+/, '').trim();
  const draft = {
    title,
    id: fields.get('id')?.text ?? slugify(title),
    type: isPlaceholder(typeText) ? typeText.slice(1, -1).trim() : typeText,
    minutes: fields.has('duration') ? parseDuration(fields.get('duration')!.text) : undefined,
    focus: fields.get('focus')?.text ?? '',
    nextStep: fields.get('next step')?.text,
    url: fields.get('link')?.url ?? firstLink(strong?.tokens)?.href,
    dependencies: fields.get('dependencies')?.text,
  };
  const parsed = draftSchema.safeParse(draft);
  if (!parsed.success) {
    const where = title ? `resource "${title}"` : 'a resource';
    throw new CurriculumError(file, line, `${where}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  }
  return { ...parsed.data, line };
}

interface FieldValue {
  text: string;
  url?: string;
}

/** The nested "- Key: value" list of an item, keyed by lower-case key. */
function readFields(item: Tokens.ListItem): Map<string, FieldValue> {
  const fields = new Map<string, FieldValue>();
  const nested = item.tokens.find((token) => token.type === 'list') as Tokens.List | undefined;
  for (const field of nested?.items ?? []) {
    const inline = field.tokens.flatMap((token) => ('tokens' in token && token.tokens ? token.tokens : [token]));
    const text = inlineText(inline);
    const colon = text.indexOf(':');
    if (colon <= 0) continue;
    const key = text.slice(0, colon).trim().toLowerCase();
    const value = text.slice(colon + 1).trim();
    if (isPlaceholder(value)) continue;
    fields.set(key, { text: value, url: firstLink(inline)?.href });
  }
  return fields;
}
