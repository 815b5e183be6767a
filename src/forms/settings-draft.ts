import { z } from 'zod';
import type { CommandContext } from '../commands/command-context.js';
import type { SettingsValues } from '../model/settings-form.js';

/**
 * A refused submission is kept this long, so the form opened again (Discord shows errors outside the modal)
 * starts from what the learner typed rather than from the saved settings.
 */
const DRAFT_TTL_MS = 15 * 60_000;

const draftSchema = z.object({
  time: z.string().max(200),
  zone: z.string().max(200),
  days: z.array(z.string().max(2)).max(7),
  plan: z.string().max(200),
  nudge: z.boolean(),
});

const keyOf = ({ learner, path }: CommandContext) => `settings-draft:${learner.key}:${path.command}`;

export async function saveDraft(context: CommandContext, values: SettingsValues): Promise<void> {
  await context.store.records.set(keyOf(context), values, DRAFT_TTL_MS);
}

/** The last refused submission, if one is kept (anything else stored there is ignored). */
export async function loadDraft(context: CommandContext): Promise<SettingsValues | undefined> {
  const parsed = draftSchema.safeParse(await context.store.records.get(keyOf(context)));
  return parsed.success ? parsed.data : undefined;
}

export async function clearDraft(context: CommandContext): Promise<void> {
  await context.store.records.delete(keyOf(context));
}
