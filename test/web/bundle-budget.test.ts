import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { PROJECT_ROOT } from '../../src/config/project-root.ts';

/**
 * The first-load budget of the web app (issue 19: "aim under 300 kB gzipped"): every script and style
 * the built index.html asks for before any route runs, gzipped. Charts and maps (ECharts, ~240 kB
 * gzipped on their own) must stay in lazy chunks fetched by the pages that draw them.
 */
const FIRST_LOAD_BUDGET_GZIP_BYTES = 300 * 1024;

const web = path.join(PROJECT_ROOT, 'dist/web');

function firstLoadAssets(): string[] {
  const html = readFileSync(path.join(web, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  assert.ok(
    refs.some((r) => r.endsWith('.js')),
    'index.html names its entry script',
  );
  return refs.map((r) => path.join(web, r));
}

describe('web bundle budget', () => {
  it('measures a built app (npm test builds it first)', () => {
    assert.ok(existsSync(path.join(web, 'index.html')), 'dist/web is missing: run npm run build');
  });

  it(`first load stays under ${FIRST_LOAD_BUDGET_GZIP_BYTES / 1024} kB gzipped`, () => {
    const sizes = firstLoadAssets().map((file) => ({ file: path.basename(file), gzip: gzipSync(readFileSync(file)).length }));
    const total = sizes.reduce((s, x) => s + x.gzip, 0);
    assert.ok(
      total <= FIRST_LOAD_BUDGET_GZIP_BYTES,
      `first load ${(total / 1024).toFixed(0)} kB gzipped: ${JSON.stringify(sizes)}`,
    );
  });

  it('keeps ECharts out of the first load', () => {
    for (const file of firstLoadAssets().filter((f) => f.endsWith('.js'))) {
      // zrender is ECharts' renderer; its name survives minification in its own error messages.
      assert.doesNotMatch(readFileSync(file, 'utf8'), /zrender|registerMap/, path.basename(file));
    }
  });
});
