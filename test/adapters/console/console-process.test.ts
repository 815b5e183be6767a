import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');
const CLEAN_ENV = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

/** Runs the real entry point like `printf ... | npm start`, with its own SQLite file. */
function runBot(input: string, env: Record<string, string>, args: string[] = [], cwd = root) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(tsx, [join(root, 'src/main.ts'), ...args], { cwd, env: { ...CLEAN_ENV, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000); // a stuck process, not a slow one: generous on a busy machine
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(input);
  });
}

describe('the console, as a newcomer runs it', () => {
  it('answers the piped script, exits cleanly, and keeps progress across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pathbot-console-'));
    const env = { STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}` };
    const first = await runBot('/webrtc next\n/webrtc done\n/webrtc next\n', env);
    expect(first.code).toBe(0);
    const [next, done, again] = first.stdout.split(/^> /m).slice(1);
    expect(next).toContain('WebRTC Basics — Article, 30 min');
    expect(next).toContain('[1] Done   [2] Skip');
    expect(done).toContain('✅ WebRTC Basics marked done.');
    expect(done).toContain('WebRTC vs WebSockets — Article, 25 min');
    expect(again).toContain('WebRTC vs WebSockets');
    expect(first.stderr).toBe('');
    const second = await runBot('/webrtc progress\n', env);
    expect(second.stdout).toContain('✅ WebRTC Basics (30 min)');
    expect(second.stdout).toContain('30 of 240 min');
  });

  it('presses buttons by number and acts as --user in --channel', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pathbot-console-'));
    const env = { STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}` };
    const run = await runBot('/webrtc next\n2\n9\nhello\n/webrtc leaderboard\n', env, ['--user', 'Ana Lee', '--channel', 'study']);
    expect(run.stdout).toContain('Local console as "Ana Lee" in #study');
    expect(run.stdout).toContain('⏭️ WebRTC Basics marked skipped.');
    expect(run.stdout).toContain("There's no choice 9 right now.");
    expect(run.stdout).toContain('I only understand slash commands here');
    expect(run.stdout).toContain('🥇 Ana Lee — 0 resources, 0 min ← you');
  });

  it('stops with a message naming the bad setting or the broken curriculum line', async () => {
    const badZone = await runBot('', { STORE_URL: 'memory://', DEFAULT_TIME_ZONE: 'Mars/Olympus' });
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toContain('DEFAULT_TIME_ZONE: must be an IANA time zone');
    const half = await runBot('', { STORE_URL: 'memory://', DISCORD_TOKEN: 'secret-token-value' });
    expect(half.stderr).toContain('Discord is half configured: DISCORD_TOKEN is set but DISCORD_APP_ID is not');
    expect(half.stderr).not.toContain('secret-token-value');
    const dir = await mkdtemp(join(tmpdir(), 'pathbot-curriculum-'));
    await writeFile(join(dir, 'webrtc.md'), '# WebRTC\n\n## Learning Path\n\n### Phase 1: A\n\n1. **One** — [Article]\n   - Duration: later\n   - Focus: x\n');
    const broken = await runBot('', { STORE_URL: 'memory://', CURRICULUM_DIR: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/Cannot start: .*webrtc\.md:7: resource "One": Duration is missing or unreadable/);
  });
});
