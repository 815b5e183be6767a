import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProfileLookup } from '../../../adapters/slack/slack-profiles.js';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.js';
import { recordingLogger } from './recording-logger.js';

const user = (id: string) => ({ platform: 'slack' as const, workspace: 'T111', id });

describe('Slack admin and time-zone lookup (users.info)', () => {
  let slack: FakeSlack;
  beforeEach(async () => {
    slack = await startFakeSlack();
  });
  afterEach(async () => {
    await slack.close();
  });

  const lookup = (adminUserIds: string[] = []) =>
    createProfileLookup({
      client: new webApi.WebClient('xoxb-test', { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 } }),
      adminUserIds,
      logger: recordingLogger(),
      now: Date.now,
    });

  it('treats workspace admins, owners and primary owners as admins, and passes the time zone', async () => {
    slack.users.set('UADMIN', { id: 'UADMIN', is_admin: true, tz: 'Europe/Berlin' });
    slack.users.set('UOWNER', { id: 'UOWNER', is_owner: true });
    slack.users.set('UPRIMARY', { id: 'UPRIMARY', is_primary_owner: true });
    slack.users.set('UMEMBER', { id: 'UMEMBER', is_admin: false, tz: 'Asia/Kathmandu' });
    const profiles = lookup();
    expect(await profiles(user('UADMIN'))).toEqual({ isAdmin: true, timeZone: 'Europe/Berlin' });
    expect(await profiles(user('UOWNER'))).toEqual({ isAdmin: true });
    expect(await profiles(user('UPRIMARY'))).toEqual({ isAdmin: true });
    expect(await profiles(user('UMEMBER'))).toEqual({ isAdmin: false, timeZone: 'Asia/Kathmandu' });
  });

  it('admits users on the allow-list whatever their role', async () => {
    slack.users.set('UALLOWED', { id: 'UALLOWED', is_admin: false });
    expect(await lookup(['UALLOWED'])(user('UALLOWED'))).toEqual({ isAdmin: true });
  });

  it('denies when users.info fails, and asks again next time instead of caching the failure', async () => {
    slack.users.set('UADMIN', { id: 'UADMIN', is_admin: true });
    slack.queue('users.info', { body: { ok: false, error: 'missing_scope' } });
    const profiles = lookup();
    expect(await profiles(user('UADMIN'))).toEqual({ isAdmin: false });
    expect(await profiles(user('UADMIN'))).toEqual({ isAdmin: true });
    expect(await profiles(user('UADMIN'))).toEqual({ isAdmin: true });
    expect(slack.callsTo('users.info')).toHaveLength(2);
  });
});
