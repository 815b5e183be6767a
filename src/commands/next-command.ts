import { nextReply } from '../views/next-reply.js';
import type { Command } from './command.js';

export const nextCommand: Command = {
  name: 'next',
  description: 'Show your next resource',
  usage: 'next',
  options: [],
  async run({ path, learner }) {
    return nextReply(path, learner.state(path));
  },
};
