import {
  ComponentType,
  InteractionResponseType,
  type APIApplicationCommandOptionChoice,
  type APIInteractionResponseCallbackData,
  type APIMessageTopLevelComponent,
} from 'discord-api-types/v10';
import type { InteractionCallback } from './fake-discord-requests.js';

/** The message an interaction callback answers with (type 4, a new message; type 7, an update); throws for any other answer. */
export function callbackData(callback: InteractionCallback): APIInteractionResponseCallbackData {
  const { body } = callback;
  const carriesMessage =
    body.type === InteractionResponseType.ChannelMessageWithSource ||
    body.type === InteractionResponseType.UpdateMessage;
  if (carriesMessage && body.data) return body.data;
  throw new Error(`the interaction callback carries no message: ${JSON.stringify(body)}`);
}

/** The choices an autocomplete callback (type 8) offers; throws for any other answer. */
export function autocompleteChoices(callback: InteractionCallback): APIApplicationCommandOptionChoice[] | undefined {
  const { body } = callback;
  if (body.type === InteractionResponseType.ApplicationCommandAutocompleteResult) return body.data.choices;
  throw new Error(`the interaction callback is no autocomplete result: ${JSON.stringify(body)}`);
}

/** One component of an action row, as a test reads it: what it says and what pressing it sends. */
export interface RowComponent {
  type: ComponentType;
  label: string | undefined;
  custom_id: string | undefined;
}

/** A message's components row by row (a top-level component that is not an action row is an empty row). */
export function componentRows(components: readonly APIMessageTopLevelComponent[] | null | undefined): RowComponent[][] {
  return (components ?? []).map((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.map((component) => ({
          type: component.type,
          label: 'label' in component ? component.label : undefined,
          custom_id: 'custom_id' in component ? component.custom_id : undefined,
        }))
      : [],
  );
}
