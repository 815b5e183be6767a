import type { Platform } from '../../src/model/invocation.js';
import type { Reply } from '../../src/model/reply.js';
import type { DirectMessenger, DirectTarget, SendResult } from '../../src/ports/direct-messenger.js';

export interface Delivery {
  to: string;
  reply: Reply;
  key: string;
  at: number;
}

/**
 * A messenger that records what it delivers. Like Discord with enforce_nonce, a second send with the
 * same idempotency key is accepted but not delivered again (pass one `keys` set to messengers of
 * two processes that share a platform). `behaviour` can fail or hang a send.
 */
export function createRecordingMessenger(now: () => number, platform: Platform = 'console', keys = new Set<string>()) {
  const deliveries: Delivery[] = [];
  const posts: Delivery[] = [];
  let behaviour: (
    target: DirectTarget,
    key: string,
  ) => 'deliver' | 'fail' | 'hang' | 'deliver-then-hang' | SendResult = () => 'deliver';
  const messenger: DirectMessenger = {
    platform,
    open: async () => ({ address: 'dm' }),
    async send(target, reply, key) {
      const action = behaviour(target, key);
      if (typeof action === 'object') return action;
      if (action === 'fail') throw new Error('platform unavailable');
      if (action === 'hang') return new Promise<never>(() => {});
      if (!keys.has(key)) {
        keys.add(key);
        deliveries.push({ to: target.user.id, reply, key, at: now() });
      }
      if (action === 'deliver-then-hang') return new Promise<never>(() => {});
      return { status: 'sent' };
    },
    async postToChannel(channel, reply, key) {
      if (!keys.has(key)) {
        keys.add(key);
        posts.push({ to: channel.channelId, reply, key, at: now() });
      }
      return { status: 'sent' };
    },
  };
  return {
    messenger,
    deliveries,
    posts,
    setBehaviour(next: typeof behaviour) {
      behaviour = next;
    },
  };
}
