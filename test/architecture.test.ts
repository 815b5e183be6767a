import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const PLATFORM_SDK = /from ['"](discord\.js|@discordjs\/[^'"]+|@slack\/[^'"]+)['"]/;
const ADAPTER_IMPORT = /from ['"](\.\.\/)+adapters\//;
const WEB_FRAMEWORK = /from ['"](hono|hono\/[^'"]+|@hono\/[^'"]+|playwright-core)['"]/;
const ADAPTERS = ['console', 'discord', 'slack', 'web'];

function files(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('architecture', () => {
  const core = files(join(root, 'src')).map((path) => ({
    path: relative(root, path),
    text: readFileSync(path, 'utf8'),
  }));

  it('finds the core files it checks', () => {
    expect(core.map((file) => file.path)).toContain('src/bot.ts');
    expect(core.length).toBeGreaterThan(30);
  });

  it('the core never imports a platform SDK', () => {
    expect(core.filter((file) => PLATFORM_SDK.test(file.text)).map((file) => file.path)).toEqual([]);
  });

  it('the core never imports the web framework: pages and HTTP live in adapters/web', () => {
    expect(core.filter((file) => WEB_FRAMEWORK.test(file.text)).map((file) => file.path)).toEqual([]);
  });

  it('only adapters/web uses the web framework, and it imports no platform SDK', () => {
    const web = files(join(root, 'adapters', 'web'));
    expect(web.map((path) => relative(root, path))).toContain('adapters/web/create-dashboard-app.ts');
    for (const platform of ADAPTERS.filter((name) => name !== 'web'))
      for (const path of files(join(root, 'adapters', platform)))
        expect(readFileSync(path, 'utf8'), relative(root, path)).not.toMatch(WEB_FRAMEWORK);
    for (const path of web) expect(readFileSync(path, 'utf8'), relative(root, path)).not.toMatch(PLATFORM_SDK);
  });

  it('only src/main.ts wires adapters', () => {
    expect(core.filter((file) => ADAPTER_IMPORT.test(file.text)).map((file) => file.path)).toEqual(['src/main.ts']);
  });

  it('only the entry points hand process.env to src/config.ts', () => {
    expect(
      core
        .filter((file) => /process\.env/.test(file.text))
        .map((file) => file.path)
        .sort(),
    ).toEqual(['src/check-store-command.ts', 'src/main.ts', 'src/migrate-store.ts']);
  });

  it('the core does not read the wall clock', () => {
    const offenders = core.filter(
      (file) =>
        /Date\.now\(\)|new Date\(\)/.test(file.text) &&
        !['src/ports/clock.ts', 'src/infra/json-logger.ts'].includes(file.path),
    );
    expect(offenders.map((file) => file.path)).toEqual([]);
  });

  it('adapters do not import each other', () => {
    for (const platform of ADAPTERS) {
      for (const path of files(join(root, 'adapters', platform))) {
        const others = ADAPTERS.filter((other) => other !== platform);
        const text = readFileSync(path, 'utf8');
        for (const other of others)
          expect(text, relative(root, path)).not.toMatch(new RegExp(`from ['"]\\.\\./${other}/`));
      }
    }
  });
});
