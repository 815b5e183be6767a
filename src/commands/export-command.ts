import type { Command } from './command.js';

export const exportCommand: Command = {
  name: 'export',
  description: 'Your own data, as JSON',
  usage: 'export',
  options: [],
  async run({ learner, store }) {
    const record = await store.learners.get(learner.key);
    if (!record) return { visibility: 'private', tone: 'info', text: "I don't store anything about you." };
    const data = { learner: { platform: learner.user.platform, workspace: learner.user.workspace, id: learner.user.id }, ...record };
    return {
      visibility: 'private',
      tone: 'info',
      title: 'Your data',
      text: `Everything this bot stores about you:\n\`\`\`json\n${JSON.stringify(data, null, 1)}\n\`\`\``,
    };
  },
};
