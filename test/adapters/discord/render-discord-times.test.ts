import { describe, expect, it } from 'vitest';
import { renderDiscordReply } from '../../../adapters/discord/render-discord-reply.js';
import {
  EMBED_DESCRIPTION_MAX,
  EMBED_FIELD_VALUE_MAX,
  EMBED_TOTAL_MAX,
} from '../../../adapters/discord/discord-limits.js';
import { timeToken } from '../../../src/model/time-token.js';
import { TIMED_AT, timedReply } from '../../fixtures/timed-reply.js';
import { addressed } from '../../fixtures/addressed.js';

const AT = TIMED_AT;
const SECONDS = AT / 1000;

const reply = timedReply;

describe("times on Discord: timestamp markup where Discord formats it, the learner's zone elsewhere", () => {
  it('description and field values carry <t:…>; title, field name and footer read the fallback', () => {
    expect(renderDiscordReply(addressed(reply))).toEqual({
      embeds: [
        {
          color: 0x57f287,
          title: 'Paused until Wed 25 Nov',
          description: `Next reminder: **<t:${SECONDS}:f> (<t:${SECONDS}:R>)**.\n✅ Done at <t:${SECONDS}:t>`,
          fields: [{ name: 'Plan from Wed 25 Nov', value: `<t:${SECONDS}:D>`, inline: false }],
          footer: { text: 'Back on Wed 25 Nov' },
        },
      ],
      components: [],
      flags: 64,
      allowed_mentions: { parse: [] },
    });
  });
});

describe('Discord embed limits with timestamps', () => {
  it(`cuts a description to ${EMBED_DESCRIPTION_MAX} without leaving half a timestamp`, () => {
    const text = `${'d'.repeat(EMBED_DESCRIPTION_MAX - 10)} ${timeToken(AT, 'time', '10:00')}`;
    const description = renderDiscordReply(addressed({ visibility: 'private', text })).embeds[0]?.description ?? '';
    expect(description).toBe(`${'d'.repeat(EMBED_DESCRIPTION_MAX - 10)} …`);
  });

  it(`cuts a field value to ${EMBED_FIELD_VALUE_MAX} the same way`, () => {
    const value = `${'v'.repeat(EMBED_FIELD_VALUE_MAX - 5)}${timeToken(AT, 'date', 'Wed 25 Nov')}`;
    const field = renderDiscordReply(addressed({ visibility: 'private', fields: [{ name: 'Plan', value }] })).embeds[0]
      ?.fields?.[0];
    expect(field?.value).toBe(`${'v'.repeat(EMBED_FIELD_VALUE_MAX - 5)}…`);
  });

  it(`counts the markup, not the fallback, against the ${EMBED_TOTAL_MAX}-character total`, () => {
    const line = `${timeToken(AT, 'date-time', 'Wed 10:00 UTC')}\n`;
    const text = line.repeat(200);
    const fields = Array.from({ length: 5 }, (_, index) => ({ name: `F${index}`, value: 'v'.repeat(1000) }));
    const embed = renderDiscordReply(addressed({ visibility: 'private', title: 'T', text, fields })).embeds[0];
    const total =
      (embed?.title?.length ?? 0) +
      (embed?.description?.length ?? 0) +
      (embed?.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
    expect(embed?.description?.length).toBeLessThanOrEqual(EMBED_DESCRIPTION_MAX);
    expect(total).toBeLessThanOrEqual(EMBED_TOTAL_MAX);
    expect(embed?.description?.endsWith('…')).toBe(true);
    expect(embed?.description?.split('\n').at(-1)).not.toMatch(/<t:\d*(:\w?)?$/);
  });
});
