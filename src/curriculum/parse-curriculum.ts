import type { Tokens } from 'marked';
import { CurriculumError } from './curriculum-error.js';
import { curriculumWarning, type CurriculumWarning } from './curriculum-warning.js';
import type { ChecklistItem, ExtraItem, LearningPath, Phase, VideoItem } from './learning-path.js';
import { readMarkdownDocument, type Section } from './markdown-blocks.js';
import { parseExtraItem } from './parse-extra-item.js';
import { parseVideoItem } from './parse-video-item.js';
import { isPlaceholder } from './placeholder.js';
import { readPhases } from './read-phases.js';
import { indexSections, readListSection, readText } from './read-sections.js';
import { slugify } from './slug.js';

/** Discord's rule for command names, which every platform can live with. */
const COMMAND_NAME = /^[a-z0-9_-]{1,32}$/;

/** A parsed path and what the parser read past without showing (start-up logs these). */
export interface ParsedCurriculum {
  path: LearningPath;
  warnings: CurriculumWarning[];
}

/**
 * Parses and validates one learning-path file. What the bot would show wrongly or not at all is a
 * CurriculumError naming the file and line; what it never shows anyway (an unknown section, text
 * before the first section, a line of template hints) is a warning with file and line.
 */
export function parseCurriculum(text: string, command: string, file: string): ParsedCurriculum {
  if (!COMMAND_NAME.test(command)) {
    throw new CurriculumError(
      file,
      1,
      `the file name must give a command name of lowercase letters, digits, "-" or "_" (got "${command}")`,
    );
  }
  const document = readMarkdownDocument(text);
  if (!document.title) throw new CurriculumError(file, 1, 'the file must start with a "# Title" heading');
  const warnings: CurriculumWarning[] = [];
  const sections = indexSections(document, file, warnings);
  const pathSection = sections.get('learning path');
  if (!pathSection) throw new CurriculumError(file, document.titleLine, 'a "## Learning Path" section is missing');
  const phases = readPhases(pathSection, file);
  const resources = phases.flatMap((phase) => phase.resources);
  const path: LearningPath = {
    command,
    title: document.title,
    overview: readText(sections.get('overview'), file),
    prerequisites: readText(sections.get('prerequisites'), file),
    phases,
    resources,
    extras: readEntries(
      sections.get('additional resources'),
      file,
      warnings,
      '- Title — https://example.org/page',
      parseExtraItem,
    ),
    videos: readEntries<VideoItem>(
      sections.get('supplementary videos'),
      file,
      warnings,
      '- Title — [12 min] — [Channel]',
      parseVideoItem,
    ),
    checklist: readChecklist(sections.get('completion checklist'), phases, file, warnings),
    notes: readText(sections.get('notes'), file),
    totalMinutes: resources.reduce((sum, resource) => sum + resource.minutes, 0),
    source: file,
  };
  return { path, warnings };
}

type EntryParser<T> = (item: Tokens.ListItem, line: number, file: string) => T | undefined;

function readEntries<T extends ExtraItem>(
  section: Section | undefined,
  file: string,
  warnings: CurriculumWarning[],
  shape: string,
  parse: EntryParser<T>,
): T[] {
  const entries: T[] = [];
  for (const { item, line } of readListSection(section, file, shape)) {
    const entry = parse(item, line, file);
    if (entry) entries.push(entry);
    else warnings.push(templateLine(file, line, item.text, shape));
  }
  return entries;
}

function readChecklist(
  section: Section | undefined,
  phases: Phase[],
  file: string,
  warnings: CurriculumWarning[],
): ChecklistItem[] {
  const checklist: ChecklistItem[] = [];
  for (const { item, line } of readListSection(section, file, '- [ ] Phase 1 completed')) {
    const text = item.text.trim();
    if (isPlaceholder(text)) {
      warnings.push(templateLine(file, line, item.raw, '- [ ] Phase 1 completed'));
      continue;
    }
    const reference = /^Phase\s+(\d+)\s+complete/i.exec(text);
    const phase = reference ? phases[Number(reference[1]) - 1] : undefined;
    if (reference && !phase)
      throw new CurriculumError(file, line, `the checklist names Phase ${reference[1]}, which does not exist`);
    checklist.push(phase ? { id: slugify(text), text, phaseId: phase.id } : { id: slugify(text), text });
  }
  return checklist;
}

function templateLine(file: string, line: number, text: string, shape: string): CurriculumWarning {
  return curriculumWarning(
    file,
    line,
    `"${text.trim()}" holds only template hints and is not shown; fill it in as "${shape}" or remove it`,
  );
}
