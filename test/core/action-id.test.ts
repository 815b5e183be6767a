import { describe, expect, it } from 'vitest';
import { buttonResource } from '../../src/actions/button-resource.js';
import { knownActions } from '../../src/actions/run-action.js';
import { decodeAction, encodeAction, resourceRef } from '../../src/model/action-id.js';
import { makePath } from '../fixtures/make-path.js';

/** custom_id: https://discord.com/developers/docs/components/reference#anatomy-of-a-component-custom-id */
const DISCORD_CUSTOM_ID_MAX = 100;
/** action_id: https://docs.slack.dev/reference/block-kit/block-elements/button-element */
const SLACK_ACTION_ID_MAX = 255;
/** The largest snowflake (2^64 - 1): 20 digits, for a user and for a guild. */
const SNOWFLAKE_MAX = '18446744073709551615';

/** The longest command name and resource id the curriculum rules allow (32 and 48 characters). */
const longest = makePath('a'.repeat(32), [
  { title: 'Start', resources: ['Interactiveconnectivityestablishmentinmuchgreaterdepth', 'Short'] },
]);
const longestId = longest.resources[0]!.id;

describe('button ids', () => {
  it('the fixture really is the longest the curriculum allows', () => {
    expect(longest.command).toHaveLength(32);
    expect(longestId).toHaveLength(48);
  });

  it.each(knownActions())('%s fits Discord and Slack with the longest path, resource, user and guild', (kind) => {
    // A DM button on Discord names the guild beside the user; every kind may carry a resource.
    for (const value of ['', longestId]) {
      const action = { path: longest.command, actionId: kind, value, ownerId: `${SNOWFLAKE_MAX}@${SNOWFLAKE_MAX}` };
      const encoded = encodeAction(action);
      expect(encoded.length).toBeLessThanOrEqual(DISCORD_CUSTOM_ID_MAX);
      expect(encoded.length).toBeLessThanOrEqual(SLACK_ACTION_ID_MAX);
      const decoded = decodeAction(encoded);
      expect(decoded).toEqual({ ...action, value: value && resourceRef(value) });
      expect(buttonResource(longest, decoded!.value)).toBe(value || undefined);
    }
  });

  it('reads the buttons sent before (p1, the resource id in full)', () => {
    expect(decodeAction('p1|webrtc|forget-confirm||695549908383432716')).toEqual({
      path: 'webrtc',
      actionId: 'forget-confirm',
      value: '',
      ownerId: '695549908383432716',
    });
    const old = decodeAction(`p1|${longest.command}|done|short|U111@T1`);
    expect(old).toMatchObject({ actionId: 'done', value: 'short', ownerId: 'U111@T1' });
    expect(buttonResource(longest, old!.value)).toBe('short');
  });

  it('gives undefined for ids it never made', () => {
    for (const foreign of [
      'click_one',
      '',
      'p2|webrtc|d',
      'p3|webrtc|d||U1',
      'p2|webrtc|d|webrtc-basics|U1',
      'p2||d||U1',
    ])
      expect(decodeAction(foreign), foreign).toBeUndefined();
  });

  it('a resource the path no longer has is a clear "older version" error', () => {
    expect(() => buttonResource(longest, resourceRef('gone'))).toThrow(
      'That button is from an older version of this path: the resource it was made for is gone.',
    );
  });
});
