import { CurriculumError } from './curriculum-error.js';
import type { Phase, Resource } from './learning-path.js';
import { describeBlock, inlineText, isLayout, listItems, type Section } from './markdown-blocks.js';
import { parseResourceItem, type ResourceDraft } from './parse-resource-item.js';
import { slugify } from './slug.js';

const PHASE_HEADING = /^Phase\s+(\d+)\s*[:.—–-]\s*(.+)$/i;
const PHASE_REFERENCE = /Phase\s+(\d+)/gi;
/** The seed's line above each phase's list; the only text a phase may hold besides its resources. */
const RESOURCES_INTRO = /^resources to consume in order:?$/i;
const RESOURCE_SHAPE = '"1. **Title** — [Article]"';

/** The "### Phase N: Title" groups of "## Learning Path", their numbered resources and dependencies. */
export function readPhases(pathSection: Section, file: string): Phase[] {
  const stray = pathSection.blocks.find((block) => !isLayout(block.token));
  if (stray) {
    throw new CurriculumError(
      file,
      stray.line,
      `${describeBlock(stray.token)} stands before the first phase and is not read; start with "### Phase 1: Title", and put an introduction under "## Overview"`,
    );
  }
  if (pathSection.subsections.length === 0) {
    throw new CurriculumError(file, pathSection.line, 'the Learning Path has no "### Phase 1: Title" headings');
  }
  const drafts = pathSection.subsections.map((subsection, index) => readPhase(subsection, index, file));
  const phases = drafts.map(({ phase }) => phase);
  const seen = new Map<string, number>();
  for (const { phase, resourceDrafts } of drafts) {
    const dependencies = resourceDrafts
      .filter((draft) => draft.dependencies)
      .map((draft) => ({ text: draft.dependencies!, line: draft.line }));
    phase.requires = resolveDependencies(dependencies, phases, phase, file);
    for (const draft of resourceDrafts) {
      const earlier = seen.get(draft.id);
      if (earlier !== undefined) {
        throw new CurriculumError(
          file,
          draft.line,
          `two resources share the id "${draft.id}" (the first is on line ${earlier}): give this one an "- Id: other-id" line`,
        );
      }
      seen.set(draft.id, draft.line);
    }
  }
  return phases;
}

function readPhase(subsection: Section, index: number, file: string) {
  const heading = PHASE_HEADING.exec(subsection.title);
  if (!heading)
    throw new CurriculumError(file, subsection.line, `"${subsection.title}" should read "Phase ${index + 1}: Title"`);
  const number = Number(heading[1]);
  if (number !== index + 1) {
    throw new CurriculumError(
      file,
      subsection.line,
      `phases must be numbered in order: expected Phase ${index + 1}, found Phase ${number}`,
    );
  }
  const title = (heading[2] ?? '').trim();
  const id = slugify(title);
  for (const block of subsection.blocks) {
    if (isLayout(block.token) || block.token.type === 'list' || isResourcesIntro(block.token)) continue;
    throw new CurriculumError(
      file,
      block.line,
      `Phase ${number}: ${describeBlock(block.token)} is not read; a phase holds numbered resources, ${RESOURCE_SHAPE}, with "- Key: value" lines`,
    );
  }
  const items = listItems(subsection.blocks);
  const bullet = items.find((entry) => !entry.ordered);
  if (bullet)
    throw new CurriculumError(
      file,
      bullet.line,
      `Phase ${number}: "- ${bullet.item.text.split('\n')[0]}" is a bullet; number each resource, as ${RESOURCE_SHAPE}`,
    );
  if (items.length === 0) throw new CurriculumError(file, subsection.line, `Phase ${number} has no numbered resources`);
  const resourceDrafts = items.map(({ item, line }) => parseResourceItem(item, line, file));
  const resources = resourceDrafts.map((draft, position) => toResource(draft, id, position + 1));
  return { phase: { id, number, title, requires: [] as string[], resources } satisfies Phase, resourceDrafts };
}

function isResourcesIntro(token: Section['blocks'][number]['token']): boolean {
  return (
    token.type === 'paragraph' && RESOURCES_INTRO.test(inlineText('tokens' in token ? token.tokens : undefined).trim())
  );
}

function toResource(draft: ResourceDraft, phaseId: string, position: number): Resource {
  const { line: _line, dependencies: _dependencies, ...fields } = draft;
  return { ...fields, phaseId, position };
}

function resolveDependencies(
  lines: { text: string; line: number }[],
  phases: Phase[],
  phase: Phase,
  file: string,
): string[] {
  const required = new Set<string>();
  for (const { text, line } of lines) {
    const references = [...text.matchAll(PHASE_REFERENCE)].map((match) => Number(match[1]));
    if (references.length === 0)
      throw new CurriculumError(
        file,
        line,
        `Dependencies should name a phase, like "Complete Phase 1" (got "${text}")`,
      );
    for (const number of references) {
      if (number >= phase.number)
        throw new CurriculumError(
          file,
          line,
          `Phase ${phase.number} cannot depend on Phase ${number}: only on earlier phases`,
        );
      const target = phases[number - 1];
      if (!target) throw new CurriculumError(file, line, `Dependencies name Phase ${number}, which does not exist`);
      required.add(target.id);
    }
  }
  return [...required];
}
