import type { Invocation } from '../model/invocation.js';

/** Subcommands whose bare form (no arguments) opens the settings form where the platform has forms. */
const FORM_COMMANDS = new Set(['remind', 'plan']);

/** `remind` or `plan` with nothing typed after it: a platform with forms opens the settings form instead. */
export function opensSettingsForm(invocation: Pick<Invocation, 'command' | 'args'>): boolean {
  return (
    FORM_COMMANDS.has(invocation.command.trim().toLowerCase()) &&
    Object.values(invocation.args).every((value) => value.trim() === '')
  );
}
