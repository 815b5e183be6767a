import { randomBytes } from 'node:crypto';
import { signInUrl } from '../dashboard/dashboard-settings.js';
import { SIGN_IN_TOKEN_MS, signSignInToken } from '../dashboard/sign-in-token.js';
import { encodeWorkspaceId } from '../model/learner-id.js';
import { UserError } from '../model/user-error.js';
import type { Command } from './command.js';

export const dashboardCommand: Command = {
  name: 'dashboard',
  description: 'A private one-time link to the web dashboard of this community',
  usage: 'dashboard',
  adminOnly: true,
  options: [],
  async run({ settings, clock, learner }) {
    const dashboard = settings.dashboard;
    if (!dashboard)
      throw new UserError(
        'dashboard-off',
        "The web dashboard isn't set up for this bot.",
        'Whoever runs the bot can turn it on with DASHBOARD_URL and DASHBOARD_SECRET (see docs/DASHBOARD.md).',
      );
    const { platform, workspace } = learner.user;
    const token = signSignInToken(dashboard.secret, {
      community: encodeWorkspaceId(platform, workspace),
      admin: learner.key,
      expiresAt: clock.now() + SIGN_IN_TOKEN_MS,
      nonce: randomBytes(18).toString('base64url'),
      ...(!learner.channel.isDirect && { channel: learner.channel.id }),
    });
    return {
      visibility: 'private',
      tone: 'info',
      title: 'Your dashboard link',
      text: [
        `[Open the dashboard](${signInUrl(dashboard, token)})`,
        'It works once, for 10 minutes, and signs in whoever opens it: keep it to yourself.',
        'Run this command again for a new one.',
      ].join('\n'),
    };
  },
};
