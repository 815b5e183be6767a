import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pathMarkdown } from '../../fixtures/make-path.js';

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

// Each case starts the real bot once or more; on a busy machine a start alone can take seconds.
describe('the console, as a newcomer runs it', { timeout: 60_000 }, () => {
  it('answers the piped script, exits cleanly, and keeps progress across a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pathbot-console-'));
    const env = { STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}` };
    const first = await runBot('/webrtc next\n/webrtc done\n/webrtc next\n', env);
    expect(first.code).toBe(0);
    const [next, done, again] = first.stdout.split(/^> /m).slice(1);
    expect(next).toContain(
      'ℹ WebRTC Basics <https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API>\nArticle · 30 min · Phase 1, 1 of 2\n',
    );
    expect(next).toContain('[1] Done   [2] Skip');
    expect(done).toContain(
      '✔ Marked done: WebRTC Basics\nUp next: WebRTC vs WebSockets\nArticle · 25 min · Phase 1, 2 of 2\n',
    );
    expect(again).toContain('WebRTC vs WebSockets');
    expect(first.stderr).toBe('');
    const second = await runBot('/webrtc progress\n', env);
    expect(second.stdout).toContain('✅ WebRTC Basics (30 min)');
    expect(second.stdout).toContain('30 of 240 min');
  });

  it('presses buttons by number and acts as --user in --channel', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'pathbot-console-'));
    const env = { STORE_URL: `sqlite://${join(dir, 'bot.sqlite')}` };
    const run = await runBot('/webrtc next\n2\n9\nhello\n/webrtc leaderboard\n', env, [
      '--user',
      'Ana Lee',
      '--channel',
      'study',
    ]);
    expect(run.stdout).toContain('Local console as "Ana Lee" in #study');
    expect(run.stdout).toContain('✔ Skipped: WebRTC Basics\n');
    expect(run.stdout).toContain("There's no choice 9 right now.");
    expect(run.stdout).toContain('I only understand slash commands here');
    // Skipping earns no place on the board: the first finished resource does.
    expect(run.stdout).toContain('Nobody is on this board yet.\n\nFinish a resource here to join this board.');
  });

  it('stops with a message naming the bad setting or the broken curriculum line', async () => {
    const badZone = await runBot('', { STORE_URL: 'memory://', DEFAULT_TIME_ZONE: 'Mars/Olympus' });
    expect(badZone.code).toBe(1);
    expect(badZone.stderr).toBe(
      'Cannot start: DEFAULT_TIME_ZONE must be an IANA time zone like Europe/Berlin or UTC, got "Mars/Olympus". See .env.example for every setting.\n',
    );
    const half = await runBot('', { STORE_URL: 'memory://', DISCORD_TOKEN: 'secret-token-value' });
    expect(half.stderr).toContain('Discord is half configured: DISCORD_TOKEN is set but DISCORD_APP_ID is not');
    expect(half.stderr).not.toContain('secret-token-value');
    const dir = await mkdtemp(join(tmpdir(), 'pathbot-curriculum-'));
    await writeFile(
      join(dir, 'webrtc.md'),
      '# WebRTC\n\n## Learning Path\n\n### Phase 1: A\n\n1. **One** — [Article]\n   - Duration: later\n   - Focus: x\n',
    );
    const broken = await runBot('', { STORE_URL: 'memory://', CURRICULUM_DIR: dir });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/Cannot start: .*webrtc\.md:7: resource "One": Duration is missing or unreadable/);
  });

  it('`cp .env.example .env && npm start` on a clean clone opens the console and answers /webrtc next', async () => {
    const clone = await mkdtemp(join(tmpdir(), 'pathbot-clone-'));
    await copyFile(join(root, '.env.example'), join(clone, '.env'));
    await mkdir(join(clone, 'curriculum'));
    await copyFile(join(root, 'curriculum/webrtc.md'), join(clone, 'curriculum/webrtc.md'));
    const run = await runBot('/webrtc next\n', {}, [], clone);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Article · 30 min · Phase 1, 1 of 2');
  });

  /** webrtc.md beside rust.md, which sorts first. */
  async function twoPaths(): Promise<Record<string, string>> {
    const dir = await mkdtemp(join(tmpdir(), 'pathbot-paths-'));
    await copyFile(join(root, 'curriculum/webrtc.md'), join(dir, 'webrtc.md'));
    await writeFile(join(dir, 'rust.md'), pathMarkdown([{ title: 'Ownership', resources: ['The Book, chapter 4'] }]));
    return { STORE_URL: 'memory://', CURRICULUM_DIR: dir };
  }

  it('keeps /webrtc the default path when another path sorts before it', async () => {
    const env = await twoPaths();
    const byDefault = await runBot('hello\n', env);
    expect(byDefault.stdout).toContain('Type /webrtc next to begin');
    expect(byDefault.stdout).toContain('I only understand slash commands here, like /webrtc next');
  });

  it('--path picks another default path, and refuses one that does not exist in one line', async () => {
    const env = await twoPaths();
    const rust = await runBot('/rust next\nhello\n', env, ['--path', 'rust']);
    expect(rust.stdout).toContain('Type /rust next to begin');
    expect(rust.stdout).toContain('The Book, chapter 4');
    expect(rust.stdout).toContain('I only understand slash commands here, like /rust next');
    const unknown = await runBot('', env, ['--path', 'go']);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe('Cannot start: --path go is not a learning path here; choose one of rust, webrtc.\n');
  });
});
