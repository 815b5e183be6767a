import type { LearningPath } from '../curriculum/learning-path.js';
import { resourceRef } from '../model/action-id.js';
import { UserError } from '../model/user-error.js';

/**
 * The resource a Done or Skip button was made for: none (the current one) when it names none, the one whose
 * `resourceRef` it carries, or on a button from before refs the one it names by id. A button for a resource
 * the path no longer has is from an older version of the path, and is said to be.
 */
export function buttonResource(path: LearningPath, value: string): string | undefined {
  if (value === '') return undefined;
  const resource = path.resources.find((candidate) => candidate.id === value || resourceRef(candidate.id) === value);
  if (resource) return resource.id;
  throw new UserError(
    'stale-button',
    'That button is from an older version of this path: the resource it was made for is gone.',
    `Run \`/${path.command} next\` for your next resource.`,
  );
}
