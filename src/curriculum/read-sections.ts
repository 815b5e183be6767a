import type { Tokens } from 'marked';
import { CurriculumError } from './curriculum-error.js';
import { curriculumWarning, type CurriculumWarning } from './curriculum-warning.js';
import {
  describeBlock,
  inlineText,
  isLayout,
  listItems,
  type MarkdownDocument,
  type Section,
} from './markdown-blocks.js';

/** The "## Sections" the bot reads, by lower-case title, as an author writes them. */
export const SECTION_NAMES = {
  overview: 'Overview',
  prerequisites: 'Prerequisites',
  'learning path': 'Learning Path',
  'additional resources': 'Additional Resources',
  'supplementary videos': 'Supplementary Videos',
  'completion checklist': 'Completion Checklist',
  notes: 'Notes',
} as const;
export type SectionKey = keyof typeof SECTION_NAMES;

/**
 * The known sections by key. A second section of the same name is an error (one would be lost);
 * text before the first section and unknown sections are warnings: the bot never shows them.
 */
export function indexSections(
  document: MarkdownDocument,
  file: string,
  warnings: CurriculumWarning[],
): Map<SectionKey, Section> {
  const sections = new Map<SectionKey, Section>();
  const stray = document.preamble.find((block) => !isLayout(block.token));
  if (stray)
    warnings.push(
      curriculumWarning(
        file,
        stray.line,
        `${describeBlock(stray.token)} stands before the first "## Section" and is not shown; move it under "## Overview"`,
      ),
    );
  for (const section of document.sections) {
    const key = section.title.toLowerCase();
    if (!(key in SECTION_NAMES)) {
      warnings.push(
        curriculumWarning(
          file,
          section.line,
          `"## ${section.title}" is not a section the bot reads, so it is not shown; the sections are ${Object.values(SECTION_NAMES).join(', ')}`,
        ),
      );
      continue;
    }
    const earlier = sections.get(key as SectionKey);
    if (earlier)
      throw new CurriculumError(
        file,
        section.line,
        `a second "## ${section.title}" section (the first is on line ${earlier.line}); merge the two`,
      );
    sections.set(key as SectionKey, section);
  }
  return sections;
}

/** Overview, Prerequisites, Notes: paragraphs and lists, kept as Markdown lines; a quote, code block, table or subheading is an error. */
export function readText(section: Section | undefined, file: string): string {
  if (!section) return '';
  refuseSubsections(section, file);
  const parts: string[] = [];
  for (const block of section.blocks) {
    if (isLayout(block.token)) continue;
    if (block.token.type === 'paragraph' || block.token.type === 'text') {
      parts.push(inlineText((block.token as Tokens.Paragraph).tokens).trim());
    } else if (block.token.type === 'list') {
      parts.push(listLines(block.token as Tokens.List).join('\n'));
    } else {
      throw new CurriculumError(
        file,
        block.line,
        `${describeBlock(block.token)} under "## ${section.title}" is not shown; write it as paragraphs or a list`,
      );
    }
  }
  return parts.join('\n\n');
}

/** The list items of a list-only section (extras, videos, checklist); any other block is an error naming the shape to write. */
export function readListSection(
  section: Section | undefined,
  file: string,
  shape: string,
): { item: Tokens.ListItem; line: number }[] {
  if (!section) return [];
  refuseSubsections(section, file);
  const stray = section.blocks.find((block) => block.token.type !== 'list' && !isLayout(block.token));
  if (stray)
    throw new CurriculumError(
      file,
      stray.line,
      `${describeBlock(stray.token)} under "## ${section.title}" is not read; list each entry as "${shape}"`,
    );
  const items = listItems(section.blocks);
  const nested = items.find(({ item }) => item.tokens.some((token) => token.type === 'list'));
  if (nested)
    throw new CurriculumError(
      file,
      nested.line,
      `the lines nested under "${nested.item.text.split('\n')[0]}" are not read; write each entry on one line, as "${shape}"`,
    );
  return items;
}

function refuseSubsections(section: Section, file: string): void {
  const [sub] = section.subsections;
  if (sub)
    throw new CurriculumError(
      file,
      sub.line,
      `"${sub.title}" is a subheading under "## ${section.title}", and only "## Learning Path" has them; remove the heading or make it a "## Section"`,
    );
}

function listLines(list: Tokens.List): string[] {
  const start = typeof list.start === 'number' ? list.start : 1;
  return list.items.map((item, index) => `${list.ordered ? `${start + index}.` : '-'} ${item.text.trim()}`);
}
