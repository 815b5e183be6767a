import type { LearningPath } from '../curriculum/learning-path.js';
import type { AutocompleteQuery, Choice } from '../model/invocation.js';
import { suggestTimeZones } from '../reminders/suggest-time-zones.js';

/** Discord shows at most 25 choices. https://discord.com/developers/docs/interactions/application-commands#autocomplete */
export const MAX_CHOICES = 25;

/** Suggestions for resource names and time zones; what is finally submitted is still validated. */
export function autocomplete(path: LearningPath | undefined, query: AutocompleteQuery): Choice[] {
  const needle = query.partial.trim().toLowerCase().slice(0, 100);
  if (!path) return [];
  if (query.option === 'resource') {
    return path.resources
      .filter((resource) => resource.title.toLowerCase().includes(needle) || resource.id.includes(needle))
      .slice(0, MAX_CHOICES)
      .map((resource) => {
        const phase = path.phases.find((candidate) => candidate.id === resource.phaseId)!;
        return {
          name: `${phase.number}.${resource.position} ${resource.title} (${resource.minutes} min)`,
          value: resource.id,
        };
      });
  }
  if (query.option === 'zone') {
    return suggestTimeZones(query.partial.slice(0, 100), MAX_CHOICES).map((zone) => ({ name: zone, value: zone }));
  }
  return [];
}
