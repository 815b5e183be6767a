import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CurriculumError } from '../../src/curriculum/curriculum-error.js';
import type { CurriculumWarning } from '../../src/curriculum/curriculum-warning.js';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { parseCurriculum } from '../../src/curriculum/parse-curriculum.js';

// One rule per test: every line the parser does not read is an error or a warning naming file:line.
const BASE = [
  '# Demo', //                                  1
  '', //                                        2
  '## Overview', //                             3
  '', //                                        4
  'A path for tests.', //                       5
  '', //                                        6
  '## Learning Path', //                        7
  '', //                                        8
  '### Phase 1: Start', //                      9
  '', //                                        10
  '**Resources to consume in order:**', //      11
  '', //                                        12
  '1. **One** — [Article]', //                  13
  '   - Duration: 10 minutes', //               14
  '   - Focus: Learning one', //                15
  '', //                                        16
  '2. **Two** — [Video]', //                    17
  '   - Duration: 5 min', //                    18
  '   - Focus: Learning two', //                19
].join('\n');

const FILE = 'curriculum/demo.md';
const parse = (text: string) => parseCurriculum(text, 'demo', FILE);
/** The base file with `insert` placed after line `after` (1-based); the inserted text starts on line after + 1. */
const withLines = (after: number, ...insert: string[]) => {
  const lines = BASE.split('\n');
  lines.splice(after, 0, ...insert);
  return lines.join('\n');
};
const withSection = (...lines: string[]) => `${BASE}\n\n${lines.join('\n')}\n`; // the section heading is line 21
const problem = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof CurriculumError) return error.message;
    throw error;
  }
  throw new Error('expected a CurriculumError');
};
const warningsOf = (text: string) => parse(text).warnings.map((warning) => warning.message);

describe('the base file used by these rules', () => {
  it('parses without errors or warnings', () => {
    const { path, warnings } = parse(BASE);
    expect(path.resources.map((resource) => `${resource.id}:${resource.type}:${resource.minutes}`)).toEqual([
      'one:Article:10',
      'two:Video:5',
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('links', () => {
  it('gives a host without a scheme "https://", read through the loader from a real file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'curriculum-link-'));
    await writeFile(join(folder, 'rust.md'), withLines(15, '   - Link: doc.rust-lang.org/book'));
    const [path] = await loadCurricula(folder);
    expect(path?.resources[0]?.url).toBe('https://doc.rust-lang.org/book');
  });

  it('refuses a Link that is not a web address, on its own line', () => {
    expect(problem(withLines(15, '   - Link: see the book'))).toBe(
      'curriculum/demo.md:16: resource "One": Link "see the book" is not a web address: write a URL, like "https://example.org/page"',
    );
  });

  it('refuses a Link with a scheme other than http(s)', () => {
    expect(problem(withLines(15, '   - Link: ftp://example.org/x'))).toBe(
      'curriculum/demo.md:16: resource "One": Link must be an http(s) URL (got "ftp://example.org/x")',
    );
  });

  it('treats "- Link: [URL/Link description]" as no link yet, and never shows the hint', () => {
    const { path, warnings } = parse(withLines(15, '   - Link: [URL/Link description]'));
    expect(path.resources[0]?.url).toBeUndefined();
    expect(JSON.stringify(path)).not.toContain('URL/Link');
    expect(warnings).toEqual([]);
  });
});

describe('resource fields', () => {
  it('refuses an unknown "- Key:" field', () => {
    expect(problem(withLines(15, '   - Author: Ada'))).toBe(
      'curriculum/demo.md:16: resource "One": "Author" is not a resource field; write one of Duration, Focus, Next step, Dependencies, Link, Id, like "- Focus: what it teaches"',
    );
  });

  it('refuses a nested line that is not "- Key: value"', () => {
    expect(problem(withLines(15, '   - Read chapter two first'))).toBe(
      'curriculum/demo.md:16: resource "One": "Read chapter two first" is not a "- Key: value" line; write one of Duration, Focus, Next step, Dependencies, Link, Id, like "- Focus: what it teaches"',
    );
  });

  it('refuses a field written twice, naming the first', () => {
    expect(problem(withLines(15, '   - Focus: Something else'))).toBe(
      'curriculum/demo.md:16: resource "One": a second "Focus" line (the first is on line 15); keep one',
    );
  });

  it('refuses a malformed, a missing and a zero duration, naming the resource', () => {
    expect(problem(BASE.replace('Duration: 10 minutes', 'Duration: 10 minutez'))).toBe(
      'curriculum/demo.md:13: resource "One": Duration is missing or unreadable: "10 minutez"; write it like "- Duration: 30 minutes" or "1 hour 15 min"',
    );
    expect(problem(BASE.replace('   - Duration: 10 minutes\n', ''))).toBe(
      'curriculum/demo.md:13: resource "One": Duration is missing or unreadable (write "- Duration: 30 minutes")',
    );
    expect(problem(BASE.replace('Duration: 10 minutes', 'Duration: 0 minutes'))).toBe(
      'curriculum/demo.md:13: resource "One": Duration must be at least a minute',
    );
  });

  it('reads a real value written in brackets, like the seed writes the type', () => {
    const { path } = parse(
      BASE.replace('Duration: 10 minutes', 'Duration: [20 min]').replace('Focus: Learning one', 'Focus: [Ownership]'),
    );
    expect(path.resources[0]).toMatchObject({ minutes: 20, focus: 'Ownership' });
  });

  it('refuses text inside a resource that is not a "- Key: value" line', () => {
    expect(problem(withLines(15, '', '   Read it twice.'))).toBe(
      'curriculum/demo.md:17: resource "One": the text "Read it twice." is not read; write details as "- Key: value" lines (Duration, Focus, Next step, Dependencies, Link, Id)',
    );
  });
});

describe('resource headings', () => {
  it('refuses more than a type after the title', () => {
    expect(problem(BASE.replace('**One** — [Article]', '**One** — [Article] — [Fireship]'))).toBe(
      'curriculum/demo.md:13: resource "One": the type "[Article] — [Fireship]" should be one word or phrase; write it as "1. **Title** — [Article]"',
    );
  });

  it('refuses a type without the dash', () => {
    expect(problem(BASE.replace('**One** — [Article]', '**One** [Article]'))).toBe(
      'curriculum/demo.md:13: resource "One": "[Article]" after the title is not read; write it as "1. **Title** — [Article]"',
    );
  });

  it('refuses text before the bold title', () => {
    expect(problem(BASE.replace('**One** — [Article]', 'Read **One** — [Article]'))).toBe(
      'curriculum/demo.md:13: a resource: a resource needs a bold title: write it as "1. **Title** — [Article]"',
    );
  });

  it('refuses a template hint as the type', () => {
    expect(problem(BASE.replace('**One** — [Article]', '**One** — [Type]'))).toBe(
      'curriculum/demo.md:13: resource "One": the type "[Type]" is a template hint; write the kind, like [Article] or [Video]',
    );
  });
});

describe('the Learning Path section', () => {
  it('refuses stray text in a phase', () => {
    expect(problem(withLines(12, 'Take your time.', ''))).toBe(
      'curriculum/demo.md:13: Phase 1: the text "Take your time." is not read; a phase holds numbered resources, "1. **Title** — [Article]", with "- Key: value" lines',
    );
  });

  it('refuses a bulleted resource in a phase', () => {
    expect(problem(`${BASE}\n\n- **Three** — [Article]\n  - Duration: 5 min\n  - Focus: Three\n`)).toBe(
      'curriculum/demo.md:21: Phase 1: "- **Three** — [Article]" is a bullet; number each resource, as "1. **Title** — [Article]"',
    );
  });

  it('refuses text before the first phase', () => {
    expect(problem(withLines(8, 'Work through the phases in order.', ''))).toBe(
      'curriculum/demo.md:9: the text "Work through the phases in order." stands before the first phase and is not read; start with "### Phase 1: Title", and put an introduction under "## Overview"',
    );
  });

  it('names both lines when two resources share an id', () => {
    expect(problem(BASE.replace('**Two** — [Video]', '**One** — [Video]'))).toBe(
      'curriculum/demo.md:17: two resources share the id "one" (the first is on line 13): give this one an "- Id: other-id" line',
    );
  });
});

describe('supplementary videos', () => {
  it('reads "Title — [2 min] — [Fireship]" as duration and channel, through the loader from a real file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'curriculum-video-'));
    await writeFile(
      join(folder, 'rust.md'),
      withSection('## Supplementary Videos', '', '- Rust in 100 Seconds — [2 min] — [Fireship]'),
    );
    const [path] = await loadCurricula(folder);
    expect(path?.videos).toEqual([
      { title: 'Rust in 100 Seconds', minutes: 2, channel: 'Fireship', detail: '2 min — Fireship' },
    ]);
  });

  it('still drops the template hints "[Duration] — [Channel/Source]"', () => {
    const { path, warnings } = parse(
      withSection('## Supplementary Videos', '', '- WebRTC Explained — [Duration] — [Channel/Source]'),
    );
    expect(path.videos).toEqual([{ title: 'WebRTC Explained' }]);
    expect(warnings).toEqual([]);
  });

  it('refuses a malformed duration', () => {
    expect(problem(withSection('## Supplementary Videos', '', '- Talk — [2 minz] — [Fireship]'))).toBe(
      'curriculum/demo.md:23: video "Talk": "2 minz" is not a duration; write it as "Title — [12 min] — [Channel]"',
    );
  });

  it('refuses two parts that could each be the channel', () => {
    expect(problem(withSection('## Supplementary Videos', '', '- Talk — [Fireship] — [Conference]'))).toBe(
      'curriculum/demo.md:23: video "Talk": "Fireship" and "Conference" cannot both be the channel; write it as "Title — [12 min] — [Channel]"',
    );
  });

  it('refuses lines nested under a video', () => {
    expect(problem(withSection('## Supplementary Videos', '', '- Talk — 12 min', '  - Speaker: Ada'))).toBe(
      'curriculum/demo.md:23: the lines nested under "Talk — 12 min" are not read; write each entry on one line, as "- Title — [12 min] — [Channel]"',
    );
  });
});

describe('additional resources', () => {
  it('links a bare address with a path', () => {
    expect(
      parse(withSection('## Additional Resources', '', '- The Book — doc.rust-lang.org/book')).path.extras,
    ).toEqual([{ title: 'The Book', url: 'https://doc.rust-lang.org/book' }]);
  });

  it('refuses a link that is not http(s)', () => {
    expect(problem(withSection('## Additional Resources', '', '- Archive — [FTP](ftp://example.org/x)'))).toBe(
      'curriculum/demo.md:23: "Archive": Link must be an http(s) URL (got "ftp://example.org/x")',
    );
  });

  it('refuses two links on one line', () => {
    expect(
      problem(
        withSection(
          '## Additional Resources',
          '',
          '- Spec — [W3C](https://www.w3.org/TR/webrtc/) — [IETF](https://www.ietf.org/)',
        ),
      ),
    ).toBe('curriculum/demo.md:23: "Spec" has 2 links; keep one per line');
  });

  it('refuses stray text between the entries', () => {
    expect(problem(withSection('## Additional Resources', '', 'Read these later.'))).toBe(
      'curriculum/demo.md:23: the text "Read these later." under "## Additional Resources" is not read; list each entry as "- Title — https://example.org/page"',
    );
  });

  it('warns about a line that holds only template hints, and does not show it', () => {
    const text = withSection('## Additional Resources', '', '- [Title] — [URL/Link description]');
    expect(parse(text).path.extras).toEqual([]);
    expect(warningsOf(text)).toEqual([
      'curriculum/demo.md:23: "[Title] — [URL/Link description]" holds only template hints and is not shown; fill it in as "- Title — https://example.org/page" or remove it',
    ]);
  });
});

describe('text sections', () => {
  it('keeps a list in Prerequisites as Markdown lines', () => {
    expect(
      parse(withSection('## Prerequisites', '', 'You need:', '', '- HTTP', '- JavaScript')).path.prerequisites,
    ).toBe('You need:\n\n- HTTP\n- JavaScript');
  });

  it('refuses a code block in Notes', () => {
    expect(problem(withSection('## Notes', '', '```', 'npm start', '```'))).toBe(
      'curriculum/demo.md:23: a code block under "## Notes" is not shown; write it as paragraphs or a list',
    );
  });

  it('refuses a subheading outside the Learning Path', () => {
    expect(problem(withSection('## Notes', '', '### Later', '', 'Text.'))).toBe(
      'curriculum/demo.md:23: "Later" is a subheading under "## Notes", and only "## Learning Path" has them; remove the heading or make it a "## Section"',
    );
  });

  it('refuses a section written twice', () => {
    expect(problem(withSection('## Overview', '', 'More.'))).toBe(
      'curriculum/demo.md:21: a second "## Overview" section (the first is on line 3); merge the two',
    );
  });
});

describe('warnings: what the bot never shows anyway', () => {
  it('warns about an unknown section through the loader, and still loads the path', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'curriculum-warn-'));
    await writeFile(join(folder, 'demo.md'), withSection('## Contributors', '', 'Ada, Grace.'));
    const warnings: CurriculumWarning[] = [];
    const [path] = await loadCurricula(folder, (warning) => warnings.push(warning));
    expect(path?.resources).toHaveLength(2);
    const shownAs = relative(process.cwd(), join(folder, 'demo.md')); // as start-up names files
    expect(warnings.map(({ file, line }) => `${file}:${line}`)).toEqual([`${shownAs}:21`]);
    expect(warnings.map((warning) => warning.message)).toEqual([
      `${shownAs}:21: "## Contributors" is not a section the bot reads, so it is not shown; the sections are Overview, Prerequisites, Learning Path, Additional Resources, Supplementary Videos, Completion Checklist, Notes`,
    ]);
  });

  it('warns about text before the first section', () => {
    expect(warningsOf(BASE.replace('# Demo\n', '# Demo\n\nAn introduction.\n'))).toEqual([
      'curriculum/demo.md:3: the text "An introduction." stands before the first "## Section" and is not shown; move it under "## Overview"',
    ]);
  });

  it("hands warnings to Node's process warnings when the caller gives no sink", async () => {
    const folder = await mkdtemp(join(tmpdir(), 'curriculum-emit-'));
    await writeFile(join(folder, 'demo.md'), withSection('## Contributors', '', 'Ada.'));
    const emitted = new Promise<Error>((resolve) => process.once('warning', resolve));
    await loadCurricula(folder);
    const warning = await emitted;
    expect(warning.name).toBe('CurriculumWarning');
    expect(warning.message).toMatch(/demo\.md:21: "## Contributors" is not a section the bot reads/);
  });
});
