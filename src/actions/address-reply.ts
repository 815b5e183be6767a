import { encodeAction } from '../model/action-id.js';
import type { AddressedReply, Reply } from '../model/reply.js';

/** Whom a reply's buttons are for: the path they come back to and the owner token (see button-owner.ts). */
export interface ReplyAddress {
  path: string;
  owner: string;
}

/** Gives each button its whole action, encoded once: the only place button ids are made. */
export function addressReply(reply: Reply, address: ReplyAddress): AddressedReply {
  const { buttons, ...rest } = reply;
  if (!buttons) return rest;
  return {
    ...rest,
    buttons: buttons.map((button) => ({
      ...button,
      actionId: encodeAction({
        path: address.path,
        actionId: button.action.id,
        value: button.action.value,
        ownerId: address.owner,
      }),
    })),
  };
}

/** A reply nobody in particular can press (a channel post): it loses its buttons. */
export function withoutButtons(reply: Reply): AddressedReply {
  const { buttons: _none, ...rest } = reply;
  return rest;
}
