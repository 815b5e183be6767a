import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { dashboardRoute } from '../../../adapters/web/dashboard-route.js';
import type { HttpRoute } from '../../../src/ops/http-route.js';
import { startHealthServer, type HealthServer } from '../../../src/ops/start-health-server.js';
import { callbackData } from '../../fakes/discord-payloads.js';
import { startDiscordHarness, type DiscordHarness } from '../discord/discord-harness.js';
import { MANAGER_PERMISSIONS, mason, slashCommand, type Person } from '../discord/interaction-payloads.js';

/** Debian's Chromium (package `chromium`; .ci/run installs it). */
export const CHROMIUM = '/usr/bin/chromium';
const SECRET = 'browser-test-secret-0123456789-abcdefghij';

/** The bot on the loopback Discord, its dashboard on the bot's HTTP server, and a fresh headless Chromium. */
export interface DashboardHarness {
  discord: DiscordHarness;
  baseUrl: string;
  browser: BrowserContext;
  /** A sign-in link, from a real `/webrtc-admin dashboard` interaction by an admin of `guildId`. */
  signInLink(options?: { guildId?: string; admin?: Person }): Promise<string>;
  close(): Promise<void>;
}

export async function startDashboardHarness(): Promise<DashboardHarness> {
  // The bot's own HTTP server, as src/main.ts starts it; the dashboard route joins once the bot exists.
  const routes: HttpRoute[] = [];
  const server: HealthServer = await startHealthServer({ port: 0, host: '127.0.0.1', routes });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const discord = await startDiscordHarness({ dashboard: { baseUrl, secret: SECRET } });
  routes.push(
    dashboardRoute({
      store: discord.store,
      stats: discord.bot.communityStats,
      paths: discord.paths,
      clock: discord.clock,
      logger: discord.logger,
      settings: { baseUrl, secret: SECRET },
      defaultTimeZone: 'UTC',
    }),
  );
  const userDataDir = mkdtempSync(join(tmpdir(), 'pathbot-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
    viewport: { width: 1000, height: 900 },
  });
  return {
    discord,
    baseUrl,
    browser,
    async signInLink(options = {}) {
      const admin = options.admin ?? mason;
      const callback = await discord.send(
        slashCommand(discord.fake.appId, {
          command: 'webrtc-admin',
          subcommand: 'dashboard',
          user: { ...admin, permissions: MANAGER_PERMISSIONS },
          ...(options.guildId && { guildId: options.guildId }),
        }),
      );
      const description = callbackData(callback).embeds?.[0]?.description ?? '';
      const link = /\((http:\/\/127\.0\.0\.1:\d+\/dashboard\/sign-in\?token=[^)\s]+)\)/.exec(description)?.[1];
      if (!link) throw new Error(`no dashboard link in the reply: ${description}`);
      return link;
    },
    async close() {
      await browser.close();
      rmSync(userDataDir, { recursive: true, force: true });
      await server.close();
      await discord.close();
    },
  };
}

/** Another site on loopback (another port is another origin) with a form that posts to `action` on load. */
export async function startCrossSitePage(
  action: string,
  fields: Record<string, string>,
): Promise<Server & { url: string }> {
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
    .join('');
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end(
      `<!doctype html><form method="post" action="${action}">${inputs}</form><script>document.forms[0].submit()</script>`,
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(server, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` });
}
