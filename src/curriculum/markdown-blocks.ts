import { Lexer, type Token, type Tokens } from 'marked';

/** A top-level Markdown block with the line it starts on (for error messages). */
export interface Block {
  token: Token;
  line: number;
}

/** A "## Heading" and the blocks under it, with "### Subheading" groups kept apart. */
export interface Section {
  title: string;
  line: number;
  blocks: Block[];
  subsections: Section[];
}

export interface MarkdownDocument {
  title?: string;
  titleLine: number;
  sections: Section[];
}

/** Splits a Markdown file into its H1 title and H2 sections (H3 become subsections), using marked's lexer. */
export function readMarkdownDocument(text: string): MarkdownDocument {
  const document: MarkdownDocument = { titleLine: 1, sections: [] };
  let line = 1;
  let section: Section | undefined;
  let target: Section | undefined;
  for (const token of new Lexer().lex(text)) {
    const here = line;
    line += countNewlines(token.raw);
    if (token.type === 'space') continue;
    if (token.type === 'heading') {
      const heading = token as Tokens.Heading;
      if (heading.depth === 1 && document.title === undefined) {
        document.title = heading.text.trim();
        document.titleLine = here;
        continue;
      }
      if (heading.depth === 2) {
        section = { title: heading.text.trim(), line: here, blocks: [], subsections: [] };
        document.sections.push(section);
        target = section;
        continue;
      }
      if (heading.depth >= 3 && section) {
        target = { title: heading.text.trim(), line: here, blocks: [], subsections: [] };
        section.subsections.push(target);
        continue;
      }
    }
    target?.blocks.push({ token, line: here });
  }
  return document;
}

export function countNewlines(text: string): number {
  let count = 0;
  for (const character of text) if (character === '\n') count += 1;
  return count;
}

/** The readable text of inline tokens: emphasis and links reduced to their words. */
export function inlineText(tokens: readonly Token[] | undefined): string {
  if (!tokens) return '';
  return tokens
    .map((token) => {
      if ('tokens' in token && Array.isArray(token.tokens) && token.type !== 'list') return inlineText(token.tokens);
      if (token.type === 'br') return '\n';
      return 'text' in token && typeof token.text === 'string' ? token.text : '';
    })
    .join('');
}

/** The first link inside inline tokens, searching nested emphasis too. */
export function firstLink(tokens: readonly Token[] | undefined): Tokens.Link | undefined {
  for (const token of tokens ?? []) {
    if (token.type === 'link') return token as Tokens.Link;
    if ('tokens' in token && Array.isArray(token.tokens)) {
      const nested = firstLink(token.tokens);
      if (nested) return nested;
    }
  }
  return undefined;
}

/** Paragraph text of a block list, joined with blank lines. */
export function paragraphsText(blocks: readonly Block[]): string {
  return blocks
    .filter((block) => block.token.type === 'paragraph' || block.token.type === 'text')
    .map((block) => inlineText((block.token as Tokens.Paragraph).tokens).trim())
    .join('\n\n');
}

/** The list items of a section with the line each starts on. */
export function listItems(blocks: readonly Block[]): { item: Tokens.ListItem; line: number; ordered: boolean }[] {
  const items: { item: Tokens.ListItem; line: number; ordered: boolean }[] = [];
  for (const block of blocks) {
    if (block.token.type !== 'list') continue;
    const list = block.token as Tokens.List;
    let line = block.line;
    for (const item of list.items) {
      items.push({ item, line, ordered: list.ordered });
      line += countNewlines(item.raw);
    }
  }
  return items;
}
