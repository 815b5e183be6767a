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
  /** Whatever stands between the title and the first "## Section". */
  preamble: Block[];
  sections: Section[];
}

/** Splits a Markdown file into its H1 title and H2 sections (H3 become subsections), using marked's lexer. */
export function readMarkdownDocument(text: string): MarkdownDocument {
  const document: MarkdownDocument = { titleLine: 1, preamble: [], sections: [] };
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
    (target?.blocks ?? document.preamble).push({ token, line: here });
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

/** The tokens inside a list item, each with the line it starts on. */
export function itemBlocks(item: Tokens.ListItem, line: number): Block[] {
  const blocks: Block[] = [];
  let here = line;
  for (const token of item.tokens) {
    blocks.push({ token, line: here });
    here += countNewlines(token.raw);
  }
  return blocks;
}

/** The inline tokens of a list item's own text (not of its nested lists). */
export function itemInline(item: Tokens.ListItem): Token[] {
  return item.tokens
    .filter((token) => token.type === 'paragraph' || token.type === 'text')
    .flatMap((token) => ('tokens' in token && token.tokens ? token.tokens : [token]));
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

/** Blocks that carry no content: blank lines and "---" rules. */
export function isLayout(token: Token): boolean {
  return token.type === 'space' || token.type === 'hr';
}

/** A block as an author would recognise it in an error message. */
export function describeBlock(token: Token): string {
  switch (token.type) {
    case 'paragraph':
    case 'text':
      return `the text "${shorten(inlineText((token as Tokens.Paragraph).tokens) || token.raw)}"`;
    case 'list':
      return `the list item "${shorten(token.raw)}"`;
    case 'heading':
      return `the heading "${shorten(token.raw)}"`;
    case 'code':
      return 'a code block';
    case 'table':
      return 'a table';
    case 'blockquote':
      return 'a quote';
    default:
      return `"${shorten(token.raw)}"`;
  }
}

function shorten(text: string): string {
  const line = text.trim().split('\n')[0] ?? '';
  return line.length > 60 ? `${line.slice(0, 57)}...` : line;
}
