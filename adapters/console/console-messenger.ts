import type { AddressedReply } from '../../src/model/reply.js';
import type { DirectMessenger } from '../../src/ports/direct-messenger.js';

/** Reminders and digests in the console appear where the learner is typing, with pressable buttons. */
export function createConsoleMessenger(show: (heading: string, reply: AddressedReply) => void): DirectMessenger {
  const sent = new Set<string>();
  const once = (key: string, deliver: () => void) => {
    if (!sent.has(key)) {
      sent.add(key);
      deliver();
    }
    return Promise.resolve({ status: 'sent' as const });
  };
  return {
    platform: 'console',
    open: async () => ({ address: 'terminal' }),
    send: (target, reply, key) =>
      once(key, () => show(`🔔 Reminder for ${target.user.displayName ?? target.user.id}`, reply)),
    postToChannel: (channel, reply, key) => once(key, () => show(`📣 Posted in #${channel.channelId}`, reply)),
  };
}
