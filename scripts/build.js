#!/usr/bin/env node
// Builds what `npm start` runs — the web app (dist/web, hashed assets with .br/.gz beside them) and the
// server compiled to JavaScript (dist/server) — but only the parts whose sources changed since the last
// build. `npm install` runs it once (prepare); `npm start` runs it again, which costs a hash of the
// sources (~0.1 s) when nothing changed, so an edited checkout never serves stale code.
//
//   node scripts/build.js            build what changed
//   node scripts/build.js --force    build everything
//   node scripts/build.js web|server|template build one part (what changed, or with --force always)
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const STAMP = '.build-stamp';
// Compressing tiny files buys nothing; @fastify/static serves the plain file when no sibling exists.
const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/** The parts, each with the sources whose content decides whether it is rebuilt. */
const TARGETS = {
  web: {
    out: 'dist/web',
    // The web app bundles domain code and presenter types from src/ too, and the vendored Yunnan geometry.
    inputs: ['web', 'src', 'dataset/geo', 'package-lock.json'],
    build: buildWeb,
  },
  server: {
    out: 'dist/server',
    inputs: ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'],
    build: buildServer,
  },
  // A new PGlite data directory starts from this copy of a migrated, seeded database (src/db/database.ts);
  // made by the compiled server just built, so it follows the migrations and the dataset, and again each
  // month (UTC), whose date the demo projects carry.
  template: {
    out: 'dist/pglite-template',
    inputs: ['src', 'dataset', 'tsconfig.build.json', 'package-lock.json'],
    also: () => new Date().toISOString().slice(0, 7),
    build: buildTemplate,
  },
};

function listFiles(rel) {
  const abs = path.join(ROOT, rel);
  if (!existsSync(abs)) return [];
  if (statSync(abs).isFile()) return [rel];
  const out = [];
  for (const entry of readdirSync(abs, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const child = path.join(rel, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(child));
    else if (entry.isFile() && !/\.test\.tsx?$/.test(entry.name)) out.push(child);
  }
  return out;
}

/** A hash of the sources' names and contents (not their times: a checkout touches every file). */
function fingerprint(inputs) {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(listFiles).sort()) {
    hash.update(file.split(path.sep).join('/'));
    hash.update('\0');
    hash.update(readFileSync(path.join(ROOT, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
}

function readStamp(out) {
  const file = path.join(ROOT, out, STAMP);
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : null;
}

async function buildWeb(out) {
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT, 'web/vite.config.ts'), logLevel: 'warn' });
  compressTree(path.join(ROOT, out));
}

function compressTree(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      compressTree(file);
      continue;
    }
    if (!COMPRESSIBLE.test(entry.name)) continue;
    const body = readFileSync(file);
    if (body.length < COMPRESS_MIN_BYTES) continue;
    writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(body, {
        params: {
          [zlib.BROTLI_PARAM_QUALITY]: zlib.BROTLI_MAX_QUALITY,
          [zlib.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
  }
}

function buildServer() {
  // Type errors are `npm run typecheck`'s job (and npm test's); the build only emits, so a start is
  // never refused over a type error and takes seconds instead of a full check.
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--noCheck'], {
    stdio: 'inherit',
  });
  if (run.status !== 0) throw new Error(`tsc failed (exit ${run.status ?? run.signal})`);
}

function buildTemplate() {
  const run = spawnSync(process.execPath, [path.join(ROOT, 'dist/server/cli/main.js'), 'pglite-template'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`pglite-template failed (exit ${run.status ?? run.signal})`);
}

const args = process.argv.slice(2);
const force = args.includes('--force');
const only = args.filter((a) => !a.startsWith('--'));
for (const name of only) if (!(name in TARGETS)) throw new Error(`unknown build target ${name}; use web, server or template`);

for (const [name, target] of Object.entries(TARGETS)) {
  if (only.length && !only.includes(name)) continue;
  const print = fingerprint(target.inputs) + (target.also ? `:${target.also()}` : '');
  if (!force && readStamp(target.out) === print && existsSync(path.join(ROOT, target.out))) continue;
  const started = Date.now();
  await target.build(target.out);
  writeFileSync(path.join(ROOT, target.out, STAMP), `${print}\n`);
  process.stderr.write(`built ${target.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
