import type { ChecklistItem, LearningPath, Resource } from '../curriculum/learning-path.js';
import { quoteUserText } from '../model/quote-user-text.js';
import { UserError } from '../model/user-error.js';
import { closest } from './closest.js';

export type Item = { kind: 'resource'; resource: Resource } | { kind: 'checklist'; item: ChecklistItem };

/**
 * Finds what a learner named: a resource by id, title, "2.1" (phase.position) or an unambiguous part of
 * its name, or a completion-checklist line the learner ticks themselves. A phase's own line is refused
 * with why: it ticks itself.
 */
export function resolveItem(path: LearningPath, input: string): Item {
  const text = input.trim().toLowerCase();
  const resources = path.resources;
  const byPosition = /^(\d+)\.(\d+)$/.exec(text);
  const exact =
    resources.find((resource) => resource.id === text || resource.title.toLowerCase() === text) ??
    (byPosition ? path.phases[Number(byPosition[1]) - 1]?.resources[Number(byPosition[2]) - 1] : undefined);
  if (exact) return { kind: 'resource', resource: exact };
  const item = path.checklist.find((candidate) => candidate.id === text || candidate.text.toLowerCase() === text);
  if (item?.phaseId) {
    const phase = path.phases.find((candidate) => candidate.id === item.phaseId)!;
    throw new UserError(
      'ticks-itself',
      `**${item.text}** ticks itself once every resource of Phase ${phase.number} (${phase.title}) is done.`,
      `\`/${path.command} progress\` shows what is left there.`,
    );
  }
  if (item) return { kind: 'checklist', item };
  const manual = path.checklist.filter((candidate) => !candidate.phaseId);
  const partial = resources.filter(
    (resource) => resource.id.includes(text) || resource.title.toLowerCase().includes(text),
  );
  const partialItems = manual.filter((candidate) => candidate.id.includes(text));
  if (partial.length === 1 && partialItems.length === 0) return { kind: 'resource', resource: partial[0]! };
  if (partialItems.length === 1 && partial.length === 0) return { kind: 'checklist', item: partialItems[0]! };
  if (partial.length + partialItems.length > 1) {
    const names = [...partial.map((resource) => resource.title), ...partialItems.map((candidate) => candidate.id)];
    throw new UserError(
      'ambiguous-resource',
      `"${quoteUserText(input)}" matches ${names.length} things: ${names.map((name) => `**${name}**`).join(', ')}.`,
      'Be a little more specific.',
    );
  }
  const suggestion = closest(text, [
    ...resources.map((resource) => resource.title),
    ...manual.map((candidate) => candidate.id),
  ]);
  throw new UserError(
    'unknown-resource',
    `There's no resource called "${quoteUserText(input)}" in the ${path.title} path.`,
    suggestion
      ? `Did you mean **${suggestion}**? \`/${path.command} path\` lists them all.`
      : `\`/${path.command} path\` lists them all.`,
  );
}
