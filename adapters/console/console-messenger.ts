import type { DirectMessenger } from '../../src/ports/direct-messenger.js';
import { renderConsoleReply } from './render-console-reply.js';

/** Reminders in the console are printed where the learner is typing. */
export function createConsoleMessenger(print: (text: string) => void): DirectMessenger {
  const sent = new Set<string>();
  return {
    platform: 'console',
    open: async () => ({ address: 'terminal' }),
    async send(target, reply, idempotencyKey) {
      if (!sent.has(idempotencyKey)) {
        sent.add(idempotencyKey);
        print(`\n🔔 Reminder for ${target.user.displayName ?? target.user.id}\n${renderConsoleReply(reply)}`);
      }
      return { status: 'sent' };
    },
  };
}
