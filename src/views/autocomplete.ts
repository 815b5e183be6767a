import type { CommandSpec, OptionKind } from '../commands/command.js';
import type { LearningPath } from '../curriculum/learning-path.js';
import type { AutocompleteQuery, Choice } from '../model/invocation.js';
import type { PathState } from '../model/learner.js';
import { suggestTimeZones } from '../reminders/suggest-time-zones.js';
import { suggestDays } from './suggest-days.js';
import { suggestPauses, suggestPlans } from './suggest-dates.js';
import { suggestSnoozes } from './suggest-snoozes.js';

/** Discord shows at most 25 choices. https://discord.com/developers/docs/interactions/application-commands#autocomplete */
export const MAX_CHOICES = 25;

/** What suggestions that depend on the learner are worked out from: their zone, their path state, now. */
export interface SuggestionContext {
  now: number;
  zone: string;
  state: PathState | undefined;
}

/** The kinds whose suggestions read the learner's record. */
export const PERSONAL_KINDS: ReadonlySet<OptionKind> = new Set(['date', 'plan', 'snooze']);

/** The kind of the option asked about: from the command's metadata, else (an unknown command) by its name. */
export function optionKind(commands: readonly CommandSpec[], query: AutocompleteQuery): OptionKind | undefined {
  const option = commands
    .find((command) => command.name === query.command)
    ?.options.find((candidate) => candidate.name === query.option);
  return option?.kind ?? (query.option === 'resource' || query.option === 'zone' ? query.option : undefined);
}

/**
 * Suggestions for resource names, time zones, days, pause dates, plan goals and snoozes; what is finally
 * submitted is still validated.
 */
export function autocomplete(
  path: LearningPath | undefined,
  query: AutocompleteQuery,
  kind: OptionKind | undefined,
  context: SuggestionContext,
): Choice[] {
  const needle = query.partial.trim().toLowerCase().slice(0, 100);
  if (!path) return [];
  if (kind === 'resource') {
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
  if (kind === 'zone') {
    return suggestTimeZones(query.partial.slice(0, 100), MAX_CHOICES).map((zone) => ({ name: zone, value: zone }));
  }
  if (kind === 'days') return suggestDays(needle).slice(0, MAX_CHOICES);
  if (kind === 'date') return suggestPauses(needle, context).slice(0, MAX_CHOICES);
  if (kind === 'plan') return suggestPlans(path, needle, context).slice(0, MAX_CHOICES);
  if (kind === 'snooze') return suggestSnoozes(needle, context).slice(0, MAX_CHOICES);
  return [];
}
