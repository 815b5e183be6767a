import { snowflake } from './fake-discord-objects.js';

interface ModalComponent {
  type: number;
  label?: string;
  description?: string;
  component?: {
    type: number;
    custom_id: string;
    value?: string;
    default?: boolean;
    options?: Array<{ value: string; default?: boolean }>;
  };
}

/** A modal response's data (interaction callback type 9). */
export interface ModalData {
  custom_id: string;
  title: string;
  components: ModalComponent[];
}

/** Component types: https://discord.com/developers/docs/components/reference#component-object-component-types */
const LABEL = 18;
const TEXT_INPUT = 4;
const STRING_SELECT = 3;
const CHECKBOX_GROUP = 22;
const CHECKBOX = 23;
const IN_LABEL = new Set([TEXT_INPUT, STRING_SELECT, CHECKBOX_GROUP, CHECKBOX]);

/**
 * Why Discord would refuse this modal (400, Invalid Form Body), or undefined: 1 to 5 labels, title ≤ 45,
 * custom ids ≤ 100, label text ≤ 45, description ≤ 100, a select ≤ 25 options, a checkbox group ≤ 10.
 * https://discord.com/developers/docs/interactions/receiving-and-responding#interaction-response-object-modal
 */
export function modalProblem(data: ModalData): string | undefined {
  if (!data.custom_id || data.custom_id.length > 100) return 'custom_id';
  if (!data.title || data.title.length > 45) return 'title';
  if (data.components.length < 1 || data.components.length > 5) return 'components: 1 to 5';
  for (const [index, label] of data.components.entries()) {
    if (label.type !== LABEL || !label.component || !IN_LABEL.has(label.component.type)) return `components.${index}`;
    if (!label.label || label.label.length > 45) return `components.${index}.label`;
    if ((label.description?.length ?? 0) > 100) return `components.${index}.description`;
    const options = label.component.options?.length ?? 0;
    if (label.component.type === STRING_SELECT && (options < 1 || options > 25)) return `components.${index}.options`;
    if (label.component.type === CHECKBOX_GROUP && (options < 1 || options > 10)) return `components.${index}.options`;
  }
  return undefined;
}

/** What a person does with a modal's inputs, by custom id; an input left out keeps what it showed. */
export type ModalAnswers = Record<string, string | string[] | boolean>;

/**
 * The `data.components` Discord sends when a modal is submitted: each label with its component's custom id and
 * value (`value` for a text input or a checkbox, `values` for a select or a checkbox group).
 * https://discord.com/developers/docs/components/reference#label-label-interaction-response-structure
 */
export function submittedComponents(modal: ModalData, answers: ModalAnswers): unknown[] {
  return modal.components.map((label) => {
    const component = label.component!;
    const answer = answers[component.custom_id];
    const defaults = (component.options ?? []).filter((option) => option.default).map((option) => option.value);
    const submitted: Record<string, unknown> = {
      type: component.type,
      id: Number(snowflake().slice(-4)),
      custom_id: component.custom_id,
    };
    if (component.type === TEXT_INPUT) submitted.value = answer ?? component.value ?? '';
    if (component.type === CHECKBOX) submitted.value = answer ?? component.default ?? false;
    if (component.type === STRING_SELECT || component.type === CHECKBOX_GROUP) submitted.values = answer ?? defaults;
    return { type: LABEL, id: Number(snowflake().slice(-4)), component: submitted };
  });
}
