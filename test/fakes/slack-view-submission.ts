import type { SignedRequest } from '../adapters/slack/signed-slack-requests.js';

/** What a learner does with a modal's inputs, by block id; an input left out keeps what it showed. */
export type ViewAnswers = Record<string, string | string[] | null>;

interface InputBlock {
  type: string;
  block_id?: string;
  element?: {
    type: string;
    action_id: string;
    initial_time?: string;
    initial_date?: string;
    initial_option?: { value: string };
    initial_options?: Array<{ value: string }>;
    options?: Array<{ text: unknown; value: string }>;
  };
}

/**
 * The `view.state.values` Slack sends on submit, as its docs shape them: per input block, per action id, the
 * element's type and its selection (`selected_time`, `selected_date`, `selected_option`, `selected_options`).
 * https://docs.slack.dev/reference/interaction-payloads/view-interactions-payload#view_submission
 */
export function submittedState(blocks: InputBlock[], answers: ViewAnswers): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const block of blocks) {
    if (block.type !== 'input' || !block.block_id || !block.element) continue;
    const { element } = block;
    const answer = block.block_id in answers ? answers[block.block_id] : undefined;
    const optionsOf = (wanted: string[]) =>
      (element.options ?? [])
        .filter((option) => wanted.includes(option.value))
        .map(({ text, value }) => ({ text, value }));
    const state: Record<string, unknown> = { type: element.type };
    if (element.type === 'timepicker')
      state.selected_time = answer === undefined ? (element.initial_time ?? null) : answer;
    if (element.type === 'datepicker')
      state.selected_date = answer === undefined ? (element.initial_date ?? null) : answer;
    if (element.type === 'static_select') {
      const value = answer === undefined ? element.initial_option?.value : (answer as string | null);
      state.selected_option = value ? (optionsOf([value])[0] ?? null) : null;
    }
    if (element.type === 'checkboxes') {
      const wanted =
        answer === undefined ? (element.initial_options ?? []).map((option) => option.value) : (answer as string[]);
      state.selected_options = optionsOf(wanted);
    }
    values[block.block_id] = { [element.action_id]: state };
  }
  return values;
}

export interface ViewSubmissionFields {
  /** The view as the bot opened it (the views.open call's `view`). */
  view: Record<string, unknown>;
  answers: ViewAnswers;
  teamId?: string;
  userId?: string;
}

/** A view_submission interaction (form field `payload` holding JSON), shaped like Slack's documented payload. */
export function viewSubmissionRequest(fields: ViewSubmissionFields): SignedRequest {
  const teamId = fields.teamId ?? 'T111';
  const blocks = (fields.view.blocks ?? []) as InputBlock[];
  const payload = {
    type: 'view_submission',
    team: { id: teamId, domain: 'test-domain' },
    user: { id: fields.userId ?? 'U111', username: 'ada', name: 'ada', team_id: teamId },
    api_app_id: 'A111',
    token: 'verification_token',
    trigger_id: '111.333.valid',
    view: {
      id: 'VMODAL',
      team_id: teamId,
      type: 'modal',
      app_id: 'A111',
      bot_id: 'BBOTFAKE',
      hash: '1.abc',
      root_view_id: 'VMODAL',
      previous_view_id: null,
      clear_on_close: false,
      notify_on_close: false,
      ...fields.view,
      state: { values: submittedState(blocks, fields.answers) },
    },
    response_urls: [],
  };
  return {
    rawBody: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: 'application/x-www-form-urlencoded',
  };
}
