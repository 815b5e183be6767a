import type { Tokens } from 'marked';
import { z } from 'zod';
import { CurriculumError } from './curriculum-error.js';
import type { Resource } from './learning-path.js';
import { describeBlock, firstLink, inlineText, isLayout, itemBlocks, type Block } from './markdown-blocks.js';
import { isPlaceholder, unbracket } from './placeholder.js';
import { readLink } from './read-link.js';
import { readResourceFields } from './resource-fields.js';
import { slugify } from './slug.js';

/** A resource as written, before its phase is known: its dependency line and where it stands in the file. */
export type ResourceDraft = Omit<Resource, 'phaseId' | 'position'> & { dependencies?: string; line: number };

const HEADING_SHAPE = 'write it as "1. **Title** — [Article]"';
const TYPE_AFTER_TITLE = /^\s*[—–-]\s*(.*)$/;

const draftSchema = z.object({
  title: z.string().min(1, `a resource needs a bold title: ${HEADING_SHAPE}`),
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,47}$/, 'Id must be a lowercase slug (letters, digits, dashes)'),
  type: z.string().min(1, 'the type is missing: write " — [Article]" after the title'),
  minutes: z
    .number({ error: 'Duration is missing or unreadable (write "- Duration: 30 minutes")' })
    .int()
    .positive('Duration must be at least a minute')
    .max(24 * 60, 'Duration is over a day'),
  focus: z.string().min(1, 'Focus is missing (write "- Focus: what this resource teaches")'),
  nextStep: z.string().optional(),
  url: z.url({ protocol: /^https?$/, error: 'Link must be an http(s) URL' }).optional(),
  dependencies: z.string().optional(),
});

/** Reads "1. **Title** — [Type]" with its "- Key: value" lines into a validated draft; anything else in the item is an error. */
export function parseResourceItem(item: Tokens.ListItem, line: number, file: string): ResourceDraft {
  const [head, ...rest] = itemBlocks(item, line);
  const { title, type, titleUrl } = readHeading(head, line, file);
  const where = title ? `resource "${title}"` : 'a resource';
  const stray = rest.find((block) => block.token.type !== 'list' && !isLayout(block.token));
  if (stray) {
    throw new CurriculumError(
      file,
      stray.line,
      `${where}: ${describeBlock(stray.token)} is not read; write details as "- Key: value" lines (Duration, Focus, Next step, Dependencies, Link, Id)`,
    );
  }
  const fields = readResourceFields(
    rest.filter((block) => block.token.type === 'list'),
    where,
    file,
    line,
  );
  const draft = {
    title,
    id: fields.id ?? slugify(title),
    type,
    minutes: fields.minutes,
    focus: fields.focus ?? '',
    nextStep: fields.nextStep,
    url: fields.url ?? titleUrl,
    dependencies: fields.dependencies,
  };
  const parsed = draftSchema.safeParse(draft);
  if (!parsed.success)
    throw new CurriculumError(file, line, `${where}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return { ...parsed.data, line };
}

/** "**Title** — [Article]": the bold title first, then one type, bracketed or not; a hint such as "[Type]" is not a type. */
function readHeading(
  head: Block | undefined,
  line: number,
  file: string,
): { title: string; type: string; titleUrl?: string } {
  const inline =
    head && (head.token.type === 'paragraph' || head.token.type === 'text')
      ? ((head.token as Tokens.Text).tokens ?? [])
      : [];
  const [first, ...after] = inline;
  if (first?.type !== 'strong') return { title: '', type: '' };
  const strong = first as Tokens.Strong;
  const title = inlineText(strong.tokens).trim();
  const afterTitle = inlineText(after);
  const typeText = TYPE_AFTER_TITLE.exec(afterTitle)?.[1]?.trim();
  if (typeText === undefined) {
    if (afterTitle.trim() === '') return { title, type: '' };
    throw new CurriculumError(
      file,
      line,
      `resource "${title}": "${afterTitle.trim()}" after the title is not read; ${HEADING_SHAPE}`,
    );
  }
  if (/\s[—–]\s|[[\]]/.test(unbracket(typeText)) || after.some((token) => token.type !== 'text')) {
    throw new CurriculumError(
      file,
      line,
      `resource "${title}": the type "${typeText}" should be one word or phrase; ${HEADING_SHAPE}`,
    );
  }
  if (isPlaceholder(typeText) && typeText !== '') {
    throw new CurriculumError(
      file,
      line,
      `resource "${title}": the type "${typeText}" is a template hint; write the kind, like [Article] or [Video]`,
    );
  }
  const link = firstLink(strong.tokens)?.href;
  if (link === undefined) return { title, type: unbracket(typeText) };
  const reading = readLink(link);
  if ('problem' in reading) throw new CurriculumError(file, line, `resource "${title}": ${reading.problem}`);
  return { title, type: unbracket(typeText), titleUrl: reading.url };
}
