import type { LearningPath, Resource } from '../curriculum/learning-path.js';
import { phaseOf } from '../progress/path-progress.js';

/** "Article · 30 min · Phase 1, 1 of 2", the focus and the path's "next step", each said once. */
export function resourceLines(path: LearningPath, resource: Resource): string[] {
  const phase = phaseOf(path, resource);
  const lines = [
    `${resource.type} · ${resource.minutes} min · Phase ${phase.number}, ${resource.position} of ${phase.resources.length}`,
    `_${resource.focus}_`,
  ];
  if (resource.nextStep) lines.push(`Afterwards: ${resource.nextStep}`);
  return lines;
}

/** The resource's title, linked when it has a page. */
export function linkedTitle(resource: { title: string; url?: string }): string {
  return resource.url ? `[${resource.title}](${resource.url})` : resource.title;
}
