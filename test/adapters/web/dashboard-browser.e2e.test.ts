import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeBoardId } from '../../../src/model/board-id.js';
import { CHANNEL_ID, GUILD_ID, hope, mason, slashCommand, type Person } from '../discord/interaction-payloads.js';
import { CHROMIUM, startCrossSitePage, startDashboardHarness, type DashboardHarness } from './dashboard-harness.js';

/** `npm run docs:screenshots` sets this: the same flow writes docs/dashboard/*.png. */
const SCREENSHOTS =
  process.env.DOCS_SCREENSHOTS === '1' ? join(import.meta.dirname, '../../../docs/dashboard') : undefined;
// The core already drops <, >, Markdown and control characters from names; what is left must still reach the page as text.
const EVE = 'Eve &lt;b&gt; "Q" & co';
const eve: Person = { id: '80351110224678912', username: 'eve', nick: EVE };
const OTHER_GUILD = '613425648685547541';
const board = encodeBoardId({ platform: 'discord', workspace: GUILD_ID, channel: CHANNEL_ID, path: 'webrtc' });

/** CI always runs them (.ci/run installs Chromium); elsewhere they are skipped without it, and the run says so. */
const noBrowser = !existsSync(CHROMIUM) && !process.env.CI;

describe.skipIf(noBrowser)(
  `the dashboard in a real browser, signed in from a real /webrtc-admin dashboard (needs Chromium: ${CHROMIUM})`,
  () => {
    let h: DashboardHarness;
    let page: Page;
    const run = (user: Person, subcommand: string, options?: Record<string, string>) =>
      h.discord.send(slashCommand(h.discord.fake.appId, { subcommand, user, ...(options && { options }) }));
    const shoot = async (name: string) => {
      if (SCREENSHOTS) await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
    };
    const figure = async (id: string) => (await page.locator(`#${id} .figure`).textContent())?.trim();
    const funnelRow = async (index: number) =>
      (await page.locator('#funnel tbody tr').nth(index).locator('td.n').allTextContents()).map((cell) => cell.trim());

    beforeAll(async () => {
      h = await startDashboardHarness();
      page = await h.browser.newPage();
      // Seeded through the real commands: mason finishes phase 1 and one more, hope one, eve skips one and does one.
      for (let step = 0; step < 3; step += 1) await run(mason, 'done');
      await run(hope, 'done');
      await run(eve, 'skip');
      await run(eve, 'done');
      await run(hope, 'remind', { time: '9am' });
      await h.discord.send(
        slashCommand(h.discord.fake.appId, {
          command: 'webrtc-admin',
          subcommand: 'digest',
          options: { day: 'mon', time: '09:00' },
          user: { ...mason, permissions: '2147486752' },
        }),
      );
    });
    afterAll(async () => {
      await h?.close();
    });

    it('a GET of a fresh link (what a chat preview does) leaves it usable; Continue signs in to the overview', async () => {
      const link = await h.signInLink();
      expect((await fetch(link)).status).toBe(200);
      await page.goto(link);
      await shoot('sign-in');
      expect(await page.locator('h1').textContent()).toBe('Sign in to the dashboard');
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/overview$/);
      const cookie = (await h.browser.cookies()).find((candidate) => candidate.name === 'pathbot_dashboard');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false, path: '/dashboard' });
    });

    it('the overview shows the seeded figures', async () => {
      await shoot('overview');
      expect(await figure('learners')).toBe('3');
      expect(await figure('active')).toBe('3');
      expect(await figure('finished')).toBe('0');
      expect(await figure('reminders')).toBe('33%');
      const phases = await page.locator('#phases tbody tr').allTextContents();
      expect(phases[0]).toMatch(/Foundations\s+1\s+33%/);
      expect(phases[1]).toMatch(/Core Concepts\s+0\s+0%/);
    });

    it('the funnel counts each resource in path order, highlights the biggest drop-off and draws the chart', async () => {
      await page.getByRole('link', { name: 'Funnel' }).click();
      await page.waitForURL(/\/funnel$/);
      await shoot('funnel');
      // #, reached, done, skipped, median days from the previous.
      expect(await funnelRow(0)).toEqual(['1', '3', '2', '1', '–']);
      expect(await funnelRow(1)).toEqual(['2', '3', '2', '0', '0']);
      // Eve's next one is in phase 3 (phase 2 stays locked while her skipped resource is open), so she did not reach 3.
      expect(await funnelRow(2)).toEqual(['3', '1', '1', '0', '0']);
      expect(await funnelRow(3)).toEqual(['4', '1', '0', '0', '–']);
      expect(await funnelRow(5)).toEqual(['6', '1', '0', '0', '–']);
      expect(await page.locator('#funnel tr.drop').getAttribute('data-resource')).toBe(
        h.discord.paths[0]!.resources[2]!.id,
      );
      expect(await page.locator('#biggest-drop').textContent()).toMatch(
        /Biggest drop-off:\s+2\s+of the 3 learners who reached\s+“WebRTC vs WebSockets”/,
      );
      expect(await page.locator('svg.chart rect').count()).toBeGreaterThanOrEqual(8);
    });

    it('the learners table shows names as typed (never as HTML), sorts and shows no platform ids', async () => {
      await page.getByRole('link', { name: 'Learners' }).first().click();
      await page.waitForURL(/\/learners/);
      await shoot('learners');
      const rows = await page.locator('#learners tbody tr').allTextContents();
      expect(rows).toHaveLength(3);
      const names = await page.locator('#learners tbody tr td:first-child').allTextContents();
      expect(names.map((name) => name.trim()).sort()).toEqual([EVE, 'Hope', 'mason'].sort());
      expect(await page.locator('#learners b').count()).toBe(0);
      expect(await page.content()).not.toContain(mason.id);
      await page.getByRole('link', { name: /^Name/ }).click();
      await page.waitForURL(/sort=name&order=asc/);
      const sorted = await page.locator('#learners tbody tr td:first-child').allTextContents();
      expect(sorted.map((name) => name.trim().toLowerCase())).toEqual(['eve &lt;b&gt; "q" & co', 'hope', 'mason']);
    });

    it('settings: a bad time is refused on the form with what was typed kept, and the store is unchanged', async () => {
      await page.getByRole('link', { name: 'Settings' }).click();
      await page.waitForURL(/\/settings/);
      expect(await page.locator('#channel').inputValue()).toBe(CHANNEL_ID);
      expect(await page.locator('#day').inputValue()).toBe('monday');
      expect(await page.locator('#time').inputValue()).toBe('09:00');
      await page.locator('#time').fill('25:99');
      await page.getByRole('button', { name: 'Save' }).click();
      await shoot('settings-error');
      expect(await page.locator('#time-error').textContent()).toContain(`"25:99" isn't a time of day I can read.`);
      expect(await page.locator('#time').inputValue()).toBe('25:99');
      expect(await h.discord.store.digests.get(board)).toMatchObject({ weekday: 1, time: '09:00' });
    });

    it('settings: a new digest time is saved to the store at once', async () => {
      await page.locator('#time').fill('5:30pm');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.waitForURL(/saved=1/);
      await shoot('settings');
      expect(await page.locator('#digest-status').textContent()).toContain('Mon 17:30 UTC');
      expect(await h.discord.store.digests.get(board)).toMatchObject({ weekday: 1, time: '17:30', zone: 'UTC' });
    });

    it("another community's id in a URL is a 404, even with this session", async () => {
      const url = page
        .url()
        .replace(encodeURIComponent(`discord:${GUILD_ID}`), encodeURIComponent(`discord:${OTHER_GUILD}`));
      expect(url).not.toBe(page.url());
      const response = await page.goto(url);
      expect(response?.status()).toBe(404);
      await page.goBack();
    });

    it('a cross-site form post is refused and changes nothing', async () => {
      const action = page.url().split('?')[0]!;
      const evil = await startCrossSitePage(action, { channel: CHANNEL_ID, day: 'fri', time: '03:00', zone: 'UTC' });
      try {
        const response = await page.goto(evil.url);
        await page.waitForURL(action);
        expect(response?.ok()).toBe(true);
        expect(await page.locator('h1').textContent()).toContain('Refused');
        expect(await h.discord.store.digests.get(board)).toMatchObject({ weekday: 1, time: '17:30' });
      } finally {
        evil.close();
      }
    });

    it('sign-out ends the session: the pages then ask to sign in', async () => {
      const overview = page.url().replace(/\/settings.*$/, '/overview');
      await page.goto(overview);
      await page.getByRole('button', { name: 'Sign out' }).click();
      expect(await page.locator('h1').textContent()).toBe('Signed out');
      const response = await page.goto(overview);
      expect(response?.status()).toBe(401);
      expect(await page.locator('h1').textContent()).toBe('Please sign in');
    });

    it('a used link is refused with what to do', async () => {
      const link = await h.signInLink();
      await page.goto(link);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(/\/overview$/);
      await page.goto(link);
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await page.locator('h1').textContent()).toBe('This link was already used');
      expect(await page.locator('main').textContent()).toContain('Run the dashboard command again');
      await shoot('link-used');
    });

    it('an expired link is refused, on opening it and on pressing Continue', async () => {
      const link = await h.signInLink();
      await page.goto(link);
      h.discord.clock.advance(10 * 60_000);
      await page.getByRole('button', { name: 'Continue' }).click();
      expect(await page.locator('h1').textContent()).toBe('This link has expired');
      expect((await page.goto(link))?.status()).toBe(403);
      expect(await page.locator('h1').textContent()).toBe('This link has expired');
    });

    it("a link from another community signs in to that one only: the first community's pages are a 404", async () => {
      const first = page.url();
      const link = await h.signInLink({ guildId: OTHER_GUILD });
      await page.goto(link);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.waitForURL(new RegExp(encodeURIComponent(`discord:${OTHER_GUILD}`)));
      expect(await figure('learners')).toBe('0');
      const mine = `${h.baseUrl}/dashboard/c/${encodeURIComponent(`discord:${GUILD_ID}`)}/webrtc/overview`;
      expect((await page.goto(mine))?.status()).toBe(404);
      expect(first).toBeDefined();
    });

    it('a forged link is refused', async () => {
      const link = await h.signInLink({ admin: hope });
      // A changed character of the signature (its first: the last one carries padding bits).
      const at = link.lastIndexOf('.') + 1;
      const forged = `${link.slice(0, at)}${link[at] === 'A' ? 'B' : 'A'}${link.slice(at + 1)}`;
      expect((await page.goto(forged))?.status()).toBe(403);
      expect(await page.locator('h1').textContent()).toBe('This link is not valid');
    });

    // Last: it moves the clock a week on, past every session.
    it('the next digest goes out at the time saved on the dashboard, not at the old one', async () => {
      h.discord.fake.channels.textChannels.add(CHANNEL_ID);
      h.discord.clock.set(Date.UTC(2026, 10, 30, 9, 0)); // Monday 09:00: the old time
      expect((await h.discord.bot.digests.tick()).posted).toBe(0);
      h.discord.clock.set(Date.UTC(2026, 10, 30, 17, 30));
      expect((await h.discord.bot.digests.tick()).posted).toBe(1);
      expect(h.discord.fake.channelMessages.get(CHANNEL_ID)?.[0]?.embeds[0]?.description).toContain('mason');
    });
  },
);
