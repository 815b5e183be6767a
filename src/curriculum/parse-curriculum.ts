import type { Tokens } from 'marked';
import { CurriculumError } from './curriculum-error.js';
import type { ChecklistItem, ExtraItem, LearningPath, Phase, Resource } from './learning-path.js';
import { listItems, paragraphsText, readMarkdownDocument, type Section } from './markdown-blocks.js';
import { parseExtraItem } from './parse-extra-item.js';
import { parseResourceItem, type ResourceDraft } from './parse-resource-item.js';
import { slugify } from './slug.js';

/** Discord's rule for command names, which every platform can live with. */
const COMMAND_NAME = /^[a-z0-9_-]{1,32}$/;
const PHASE_HEADING = /^Phase\s+(\d+)\s*[:.—–-]\s*(.+)$/i;
const PHASE_REFERENCE = /Phase\s+(\d+)/gi;

/** Parses and validates one learning-path file; throws CurriculumError naming the file and line. */
export function parseCurriculum(text: string, command: string, file: string): LearningPath {
  if (!COMMAND_NAME.test(command)) {
    throw new CurriculumError(file, 1, `the file name must give a command name of lowercase letters, digits, "-" or "_" (got "${command}")`);
  }
  const document = readMarkdownDocument(text);
  if (!document.title) throw new CurriculumError(file, 1, 'the file must start with a "# Title" heading');
  const section = (name: string) => document.sections.find((candidate) => candidate.title.toLowerCase() === name);
  const pathSection = section('learning path');
  if (!pathSection) throw new CurriculumError(file, document.titleLine, 'a "## Learning Path" section is missing');
  const phases = readPhases(pathSection, file);
  const resources = phases.flatMap((phase) => phase.resources);
  return {
    command,
    title: document.title,
    overview: paragraphsText(section('overview')?.blocks ?? []),
    prerequisites: paragraphsText(section('prerequisites')?.blocks ?? []),
    phases,
    resources,
    extras: readExtras(section('additional resources')),
    videos: readExtras(section('supplementary videos')),
    checklist: readChecklist(section('completion checklist'), phases, file),
    notes: paragraphsText(section('notes')?.blocks ?? []),
    totalMinutes: resources.reduce((sum, resource) => sum + resource.minutes, 0),
    source: file,
  };
}

function readPhases(pathSection: Section, file: string): Phase[] {
  if (pathSection.subsections.length === 0) {
    throw new CurriculumError(file, pathSection.line, 'the Learning Path has no "### Phase 1: Title" headings');
  }
  const drafts = pathSection.subsections.map((subsection, index) => readPhase(subsection, index, file));
  const phases = drafts.map(({ phase }) => phase);
  const seen = new Map<string, number>();
  for (const { phase, dependencyLines } of drafts) {
    phase.requires = resolveDependencies(dependencyLines, phases, phase, file);
    for (const resource of phase.resources) {
      const earlier = seen.get(resource.id);
      if (earlier !== undefined) {
        throw new CurriculumError(file, earlier, `two resources share the id "${resource.id}": give one an "- Id: other-id" line`);
      }
      seen.set(resource.id, pathSection.line);
    }
  }
  return phases;
}

function readPhase(subsection: Section, index: number, file: string) {
  const heading = PHASE_HEADING.exec(subsection.title);
  if (!heading) throw new CurriculumError(file, subsection.line, `"${subsection.title}" should read "Phase ${index + 1}: Title"`);
  const number = Number(heading[1]);
  if (number !== index + 1) {
    throw new CurriculumError(file, subsection.line, `phases must be numbered in order: expected Phase ${index + 1}, found Phase ${number}`);
  }
  const title = (heading[2] ?? '').trim();
  const id = slugify(title);
  const items = listItems(subsection.blocks).filter((entry) => entry.ordered);
  if (items.length === 0) throw new CurriculumError(file, subsection.line, `Phase ${number} has no numbered resources`);
  const drafts = items.map(({ item, line }) => parseResourceItem(item, line, file));
  const resources = drafts.map((draft, position) => toResource(draft, id, position + 1));
  const dependencyLines = drafts.filter((draft) => draft.dependencies).map((draft) => ({ text: draft.dependencies!, line: draft.line }));
  return { phase: { id, number, title, requires: [] as string[], resources }, dependencyLines };
}

function toResource(draft: ResourceDraft, phaseId: string, position: number): Resource {
  const { line: _line, dependencies: _dependencies, ...fields } = draft;
  return { ...fields, phaseId, position };
}

function resolveDependencies(lines: { text: string; line: number }[], phases: Phase[], phase: Phase, file: string): string[] {
  const required = new Set<string>();
  for (const { text, line } of lines) {
    const references = [...text.matchAll(PHASE_REFERENCE)].map((match) => Number(match[1]));
    if (references.length === 0) throw new CurriculumError(file, line, `Dependencies should name a phase, like "Complete Phase 1" (got "${text}")`);
    for (const number of references) {
      if (number >= phase.number) throw new CurriculumError(file, line, `Phase ${phase.number} cannot depend on Phase ${number}: only on earlier phases`);
      const target = phases[number - 1];
      if (!target) throw new CurriculumError(file, line, `Dependencies name Phase ${number}, which does not exist`);
      required.add(target.id);
    }
  }
  return [...required];
}

function readExtras(section: Section | undefined): ExtraItem[] {
  return listItems(section?.blocks ?? [])
    .map(({ item }) => parseExtraItem(item))
    .filter((extra): extra is ExtraItem => extra !== undefined);
}

function readChecklist(section: Section | undefined, phases: Phase[], file: string): ChecklistItem[] {
  return listItems(section?.blocks ?? []).map(({ item, line }) => {
    const text = (item as Tokens.ListItem).text.trim();
    const reference = /^Phase\s+(\d+)\s+complete/i.exec(text);
    if (!reference) return { id: slugify(text), text };
    const phase = phases[Number(reference[1]) - 1];
    if (!phase) throw new CurriculumError(file, line, `the checklist names Phase ${reference[1]}, which does not exist`);
    return { id: slugify(text), text, phaseId: phase.id };
  });
}
