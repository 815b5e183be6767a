import type { App, BlockAction, ButtonAction, ViewSubmitAction, webApi } from '@slack/bolt';
import type { Bot } from '../../src/bot.js';
import { decodeAction, SETTINGS_ACTION_ID } from '../../src/model/action-id.js';
import type { ChannelRef, UserRef } from '../../src/model/invocation.js';
import type { AddressedReply } from '../../src/model/reply.js';
import type { SettingsForm } from '../../src/model/settings-form.js';
import { withFallbackTimes } from '../../src/model/time-token.js';
import type { Logger } from '../../src/ports/logger.js';
import { isHomePress, pressUser } from './press-refs.js';
import { answerSafely } from './answer-safely.js';
import type { AppHome } from './app-home.js';
import { readSettingsMetadata, readSettingsView } from './read-settings-view.js';
import { fitBlocks, renderSlackReply } from './render-slack-reply.js';
import { SETTINGS_CALLBACK_ID, settingsModal } from './settings-modal.js';
import type { ProfileLookup } from './slack-profiles.js';
import { MAX_VIEW_BLOCKS } from './slack-view-limits.js';

export interface SettingsFormDeps {
  bot: Bot;
  home: AppHome;
  profiles: ProfileLookup;
  client: webApi.WebClient;
  logger: Logger;
}

/** Opens a settings form in a modal: `views.open` with the trigger of an interaction under 3 seconds old. */
export type OpenSettingsModal = (triggerId: string, form: SettingsForm, channel: ChannelRef) => Promise<void>;

export function createModalOpener(client: webApi.WebClient): OpenSettingsModal {
  return async (triggerId, form, channel) => {
    await client.views.open({ trigger_id: triggerId, view: settingsModal(form, { path: form.path, channel }) });
  };
}

/**
 * The settings form's two listeners: a "Change reminder" button (a reminder, `progress`, the Home tab) opens
 * it; a submission is checked by the core and answered in the view: errors on their fields, or the saved
 * settings in place of the form.
 */
export function registerSettingsForms(app: App, deps: SettingsFormDeps): void {
  const open = createModalOpener(deps.client);
  app.action<BlockAction<ButtonAction>>(SETTINGS_ACTION_ID, async ({ body, action, ack, respond }) => {
    await ack();
    const decoded = decodeAction(action.action_id);
    if (!decoded) return;
    // The form is always the presser's own: a button in someone else's answer opens theirs, never the owner's.
    const user = await withProfile(deps.profiles, pressUser(body));
    const channel: ChannelRef = isHomePress(body)
      ? { id: 'app-home', isDirect: true }
      : { id: body.channel?.id ?? 'unknown', isDirect: Boolean(body.channel?.id.startsWith('D')) };
    await answerSafely(
      deps.logger,
      {
        message: 'Slack settings form failed to open',
        context: { kind: 'form', workspace: user.workspace, user: user.id },
      },
      async () => {
        await open(body.trigger_id, await deps.bot.settingsForm({ path: decoded.path, user, channel }), channel);
        return undefined;
      },
      async (reply) => {
        if (isHomePress(body)) await deps.client.chat.postMessage({ channel: user.id, ...renderSlackReply(reply) });
        else
          await respond({
            response_type: 'ephemeral',
            replace_original: false,
            ...renderSlackReply(reply),
          });
      },
    );
  });

  app.view<ViewSubmitAction>(SETTINGS_CALLBACK_ID, async ({ body, view, ack }) => {
    const metadata = readSettingsMetadata(view);
    const user: UserRef = { platform: 'slack', workspace: body.team?.id ?? body.user.team_id ?? '', id: body.user.id };
    if (!metadata) {
      await ack({ response_action: 'update', view: answerView(expiredForm) });
      return;
    }
    let errors: Record<string, string> | undefined;
    await answerSafely(
      deps.logger,
      {
        message: 'Slack settings form failed',
        context: { kind: 'form', path: metadata.path, workspace: user.workspace, user: user.id },
      },
      async () => {
        const outcome = await deps.bot.submitSettings({
          path: metadata.path,
          user: await withProfile(deps.profiles, user),
          channel: metadata.channel,
          values: readSettingsView(view),
        });
        if (outcome.kind === 'answered') return outcome.reply;
        // A field's error is plain text on Slack: a time in it reads in the learner's zone.
        errors = Object.fromEntries(
          Object.entries(outcome.errors).map(([field, message]) => [field, withFallbackTimes(message)]),
        );
        return undefined;
      },
      (reply) => ack({ response_action: 'update', view: answerView(reply) }),
    );
    if (errors) {
      await ack({ response_action: 'errors', errors });
      return;
    }
    await deps.home.refresh(user);
  });
}

const expiredForm: AddressedReply = {
  visibility: 'private',
  tone: 'warning',
  text: 'This form is from an older version of this bot. Open it again from the command.',
};

/** The answer shown where the form was, within a view's block limit; Done closes it. */
function answerView(reply: AddressedReply) {
  return {
    type: 'modal' as const,
    title: { type: 'plain_text' as const, text: reply.tone === 'success' ? 'Saved' : 'Settings' },
    close: { type: 'plain_text' as const, text: 'Done' },
    blocks: fitBlocks(renderSlackReply(reply).blocks, [], MAX_VIEW_BLOCKS),
  };
}

/** The user with their Slack profile's zone and name: a first reminder defaults to the zone Slack knows. */
async function withProfile(profiles: ProfileLookup, user: UserRef): Promise<UserRef> {
  const profile = await profiles(user);
  return {
    ...user,
    ...(profile.timeZone && { timeZone: profile.timeZone }),
    ...(profile.displayName && { displayName: profile.displayName }),
  };
}
