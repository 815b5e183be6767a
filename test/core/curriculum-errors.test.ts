import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CurriculumError } from '../../src/curriculum/curriculum-error.js';
import { loadCurricula } from '../../src/curriculum/load-curricula.js';
import { parseCurriculum } from '../../src/curriculum/parse-curriculum.js';
import { pathMarkdown } from '../fixtures/make-path.js';

const parse = (text: string) => parseCurriculum(text, 'demo', 'curriculum/demo.md').path;
const broken = (text: string) => {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof CurriculumError) return error;
    throw error;
  }
  throw new Error('expected a CurriculumError');
};
const good = pathMarkdown([
  { title: 'Start', resources: ['One', 'Two'] },
  { title: 'More', resources: ['Three'], dependsOn: 1 },
]);

describe('a broken curriculum file stops start-up naming file, place and problem', () => {
  it('reports an unreadable duration with its line', () => {
    const error = broken(good.replace('Duration: 11 minutes', 'Duration: a while'));
    expect(error.file).toBe('curriculum/demo.md');
    expect(error.line).toBe(good.split('\n').findIndex((line) => line.startsWith('2. **Two**')) + 1);
    expect(error.message).toMatch(/curriculum\/demo\.md:\d+: resource "Two": Duration is missing or unreadable/);
  });

  it('reports a missing focus, a missing type and a missing title', () => {
    expect(broken(good.replace('   - Focus: Learning One\n', '')).message).toMatch(/resource "One": Focus is missing/);
    expect(broken(good.replace('**One** — [Article]', '**One**')).message).toMatch(/type is missing/);
    expect(broken(good.replace('**One** — [Article]', 'One — [Article]')).message).toMatch(/needs a bold title/);
  });

  it('reports phases out of order, a dependency on a later phase, a bad link and a missing section', () => {
    expect(broken(good.replace('### Phase 2: More', '### Phase 3: More')).message).toMatch(
      /expected Phase 2, found Phase 3/,
    );
    expect(broken(good.replace('Complete Phase 1', 'Complete Phase 2')).message).toMatch(/cannot depend on Phase 2/);
    expect(
      broken(good.replace('Focus: Learning One', 'Focus: Learning One\n   - Link: ftp://example.org/x')).message,
    ).toMatch(/Link must be an http\(s\) URL/);
    expect(broken('# Demo\n\n## Overview\n\nText.\n').message).toMatch(/"## Learning Path" section is missing/);
  });

  it('refuses duplicate ids, and lets "- Id:" pin one', () => {
    const duplicate = pathMarkdown([{ title: 'Start', resources: ['Same', 'Same'] }]);
    expect(broken(duplicate).message).toMatch(/share the id "same"/);
    const pinned = duplicate.replace('2. **Same** — [Article]', '2. **Same** — [Article]\n   - Id: same-again');
    expect(parse(pinned).resources.map((resource) => resource.id)).toEqual(['same', 'same-again']);
  });

  it('loads every file of a folder as its own command, and names a broken one', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'curricula-'));
    await writeFile(join(folder, 'webrtc.md'), good);
    await writeFile(join(folder, 'rust.md'), good.replace('# Test Path', '# Rust'));
    const paths = await loadCurricula(folder);
    expect(paths.map((path) => `${path.command}:${path.title}`)).toEqual(['rust:Rust', 'webrtc:Test Path']);
    await writeFile(join(folder, 'broken.md'), good.replace('Duration: 10 minutes', 'Duration: soon'));
    await expect(loadCurricula(folder)).rejects.toThrow(/broken\.md:\d+: resource "One": Duration/);
  });

  it('drops placeholder parts of extras and videos but keeps real details', () => {
    const text = `${good}\n## Additional Resources\n\n- Guide — [URL/Link description]\n- Spec — [W3C](https://www.w3.org/TR/webrtc/)\n\n## Supplementary Videos\n\n- Talk — [Duration] — [Channel/Source]\n- Demo — 12 min — Conference\n`;
    const path = parse(text);
    expect(path.extras).toEqual([{ title: 'Guide' }, { title: 'Spec', url: 'https://www.w3.org/TR/webrtc/' }]);
    expect(path.videos).toEqual([
      { title: 'Talk' },
      { title: 'Demo', minutes: 12, channel: 'Conference', detail: '12 min — Conference' },
    ]);
  });
});
