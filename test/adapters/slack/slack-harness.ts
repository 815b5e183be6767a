import { expect } from 'vitest';
import { startSlack, type RunningSlack, type SlackOptions } from '../../../adapters/slack/start-slack.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { createTestBot, type TestBot, type TestBotOptions } from '../../fakes/test-bot.js';
import { recordingLogger } from './recording-logger.js';
import {
  buttonPressRequest,
  eventRequest,
  postSigned,
  slashCommandRequest,
  type ButtonPressFields,
  type SlashCommandFields,
} from './signed-slack-requests.js';
import { viewSubmissionRequest, type ViewAnswers } from '../../fakes/slack-view-submission.js';

export const SIGNING_SECRET = 'test-signing-secret-8f14e45fceea167a';
export const BOT_TOKEN = 'xoxb-test-bot-token-c9f0f895fb98ab91';

/** The real bot and the real Bolt app in HTTP mode on 127.0.0.1, its Web API pointed at a loopback fake Slack. */
export interface SlackHarness extends TestBot {
  slack: FakeSlack;
  running: RunningSlack;
  url: string;
  log: ReturnType<typeof recordingLogger>;
  /** Sends `/webrtc <text>` and returns what the bot posted to the response_url. */
  command(text: string, fields?: Partial<SlashCommandFields>): Promise<Record<string, unknown>>;
  /** Presses a button whose answer takes the pressed message's place, and returns that edit. */
  pressInPlace(actionId: string, value: string, fields?: Partial<ButtonPressFields>): Promise<Record<string, unknown>>;
  /** What the bot made of the pressed message through press `n`'s response_url (replace_original), if anything. */
  edit(n: number): Record<string, unknown> | undefined;
  /** Presses a button and returns the answer the bot posted to the response_url (not the edit of the message). */
  press(actionId: string, value: string, fields?: Partial<ButtonPressFields>): Promise<Record<string, unknown>>;
  /** Sends `/webrtc <text>` (or presses a button) and returns the view the bot opened with views.open. */
  openForm(
    text: string,
    fields?: Partial<SlashCommandFields> & { pressActionId?: string; fromHome?: boolean },
  ): Promise<Record<string, unknown>>;
  /** Submits an opened view with these answers; returns the acknowledgement's JSON (`{}` for an empty one). */
  submitForm(
    view: Record<string, unknown>,
    answers: ViewAnswers,
    fields?: { userId?: string; teamId?: string },
  ): Promise<Record<string, unknown>>;
  /**
   * Presses a button on a message Slack kept (a reminder in the DM, `channel` and `ts` as conversations.history
   * names them), the press's response_url bound to it; returns the answer, as `press` does.
   */
  pressOn(
    message: { channel: string; ts: string },
    actionId: string,
    value: string,
    fields?: Partial<ButtonPressFields>,
  ): Promise<Record<string, unknown>>;
  /** Delivers an Events API event; resolves when Slack's HTTP request is acknowledged. */
  event(
    event: Record<string, unknown>,
    options: { eventId: string; teamId?: string; retryNum?: number },
  ): Promise<number>;
  close(): Promise<void>;
}

/** Slack options for a test: HTTP mode on 127.0.0.1, any free port, the Web API at `apiUrl`. */
export function testSlackOptions(apiUrl: string, extra: Partial<SlackOptions> = {}): SlackOptions {
  return {
    botToken: BOT_TOKEN,
    signingSecret: SIGNING_SECRET,
    apiUrl,
    port: 0,
    host: '127.0.0.1',
    adminUserIds: [],
    workspaceMessagesPerMinute: 600,
    ...extra,
  };
}

export async function startSlackHarness(
  options: Partial<SlackOptions> = {},
  botOptions: TestBotOptions = {},
): Promise<SlackHarness> {
  const slack = await startFakeSlack();
  const testBot = await createTestBot(botOptions);
  const log = recordingLogger();
  const running = await startSlack({
    bot: testBot.bot,
    store: testBot.store,
    logger: log,
    options: testSlackOptions(slack.apiUrl, options),
  });
  const url = `http://127.0.0.1:${running.port}/slack/events`;
  let sequence = 0;

  // A press may first edit the pressed message (replace_original: true); the answer is the post that follows.
  const awaitResponse = async (id: string) =>
    (await slack.waitFor(() => slack.responses.find((post) => post.id === id && post.body.replace_original !== true)))
      .body;

  return {
    ...testBot,
    slack,
    running,
    url,
    log,
    async command(text, fields = {}) {
      const id = `command-${(sequence += 1)}`;
      const answer = await postSigned(
        url,
        slashCommandRequest({ text, responseUrl: slack.responseUrl(id), ...fields }),
        { secret: SIGNING_SECRET },
      );
      // An empty acknowledgement: the answer itself goes to the response_url afterwards.
      expect(answer).toEqual({ status: 200, body: '' });
      return awaitResponse(id);
    },
    async press(actionId, value, fields = {}) {
      const id = `press-${(sequence += 1)}`;
      const answer = await postSigned(
        url,
        buttonPressRequest({ actionId, value, responseUrl: slack.responseUrl(id), ...fields }),
        { secret: SIGNING_SECRET },
      );
      expect(answer.status).toBe(200);
      return awaitResponse(id);
    },
    async openForm(text, fields = {}) {
      const opened = slack.callsTo('views.open').length;
      const id = `form-${(sequence += 1)}`;
      const { pressActionId, fromHome, ...command } = fields;
      const request = pressActionId
        ? buttonPressRequest({
            actionId: pressActionId,
            value: '',
            responseUrl: slack.responseUrl(id),
            ...command,
            ...(fromHome && { fromHome }),
          })
        : slashCommandRequest({ text, responseUrl: slack.responseUrl(id), ...command });
      expect((await postSigned(url, request, { secret: SIGNING_SECRET })).status).toBe(200);
      const call = await slack.waitFor(() => slack.callsTo('views.open')[opened]);
      return call.args.view as Record<string, unknown>;
    },
    async submitForm(view, answers, fields = {}) {
      const answer = await postSigned(url, viewSubmissionRequest({ view, answers, ...fields }), {
        secret: SIGNING_SECRET,
      });
      expect(answer.status).toBe(200);
      return answer.body ? (JSON.parse(answer.body) as Record<string, unknown>) : {};
    },
    async pressOn(message, actionId, value, fields = {}) {
      const id = `press-${(sequence += 1)}`;
      const request = buttonPressRequest({
        actionId,
        value,
        responseUrl: slack.responseUrl(id, message),
        channelId: message.channel,
        messageTs: message.ts,
        ephemeral: false,
        ...fields,
      });
      expect((await postSigned(url, request, { secret: SIGNING_SECRET })).status).toBe(200);
      return awaitResponse(id);
    },
    async pressInPlace(actionId, value, fields = {}) {
      const id = `press-${(sequence += 1)}`;
      const answer = await postSigned(
        url,
        buttonPressRequest({ actionId, value, responseUrl: slack.responseUrl(id), ...fields }),
        { secret: SIGNING_SECRET },
      );
      expect(answer.status).toBe(200);
      return (
        await slack.waitFor(() => slack.responses.find((post) => post.id === id && post.body.replace_original === true))
      ).body;
    },
    edit(n) {
      return slack.responses.find((post) => post.id === `press-${n}` && post.body.replace_original === true)?.body;
    },
    async event(event, eventOptions) {
      return (await postSigned(url, eventRequest(event, eventOptions), { secret: SIGNING_SECRET })).status;
    },
    async close() {
      await running.stop();
      await slack.close();
      await testBot.store.close();
    },
  };
}

/** All the text a Slack message shows (fallback and blocks), for assertions that read like a user would. */
export function visibleText(message: Record<string, unknown>): string {
  return JSON.stringify([message.text, message.blocks]);
}

/** The action ids of every button in a message. */
export function buttonIds(message: Record<string, unknown>): string[] {
  const blocks = (message.blocks ?? []) as Array<{
    type: string;
    elements?: Array<{ type: string; action_id?: string }>;
  }>;
  return blocks.flatMap((block) =>
    block.type === 'actions' ? (block.elements ?? []).map((element) => element.action_id ?? '') : [],
  );
}
