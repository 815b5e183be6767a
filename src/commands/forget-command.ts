import type { Command } from './command.js';

export const forgetCommand: Command = {
  name: 'forget',
  description: 'Delete everything this bot stores about you (asks first)',
  usage: 'forget',
  options: [],
  async run({ path }) {
    return {
      visibility: 'private',
      tone: 'warning',
      title: 'Delete all your data?',
      text: `This deletes your progress on every path, your streak, your reminder and your leaderboard rows. It can't be undone.\nWant a copy first? \`/${path.command} export\``,
      buttons: [
        {
          label: 'Delete everything',
          style: 'danger',
          action: { id: 'forget-confirm', value: '' },
          confirm: {
            title: 'Delete everything?',
            text: 'Your progress, streak, reminder and leaderboard rows are deleted for good.',
            confirm: 'Delete everything',
            deny: 'Keep my data',
          },
        },
        { label: 'Keep my data', style: 'secondary', action: { id: 'forget-cancel', value: '' } },
      ],
    };
  },
};
