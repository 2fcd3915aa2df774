import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseStructuredText } from './parse-plan-file.ts';

/** The "billion laughs": nine levels of nine aliases of the level above. */
function aliasBomb(): string {
  let y = 'a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
  for (let i = 1; i < 10; i++)
    y += `a${i}: &a${i} [${Array(9)
      .fill(`*a${i - 1}`)
      .join(', ')}]\n`;
  return y;
}

describe('YAML and JSON plan files are parsed within limits', () => {
  it('an alias bomb is an error naming line and column of the alias that passes the limit, not an exception', () => {
    const r = parseStructuredText(aliasBomb(), 'bomb.yaml');
    assert.equal(r.ok, false);
    if (r.ok) return;
    assert.equal(r.errors.length, 1);
    assert.match(r.errors[0]!.message, /more than 100 aliases.*PLANTRACK_MAX_YAML_ALIASES/);
    assert.equal(r.errors[0]!.row, 4); // a1: 9 aliases, a2: 9 × (1 + 9) = 99 in all; a3's first passes 100
    assert.match(r.errors[0]!.field, /line 4, column 10/);
  });
  it('a few aliases are fine and expand as written', () => {
    const r = parseStructuredText('base: &b {unit: 亿元}\nx: *b\ny: *b\n');
    assert.deepEqual(r, { ok: true, data: { base: { unit: '亿元' }, x: { unit: '亿元' }, y: { unit: '亿元' } } });
  });
  it('a configured alias limit applies', () => {
    const r = parseStructuredText('base: &b [1]\nx: *b\ny: *b\n', undefined, { maxAliases: 1, maxDepth: 64 });
    assert.equal(r.ok, false);
  });
  it('deep flow nesting is refused before the parser (which runs out of memory on it)', () => {
    const deep = '['.repeat(200_000) + ']'.repeat(200_000);
    const r = parseStructuredText(deep, 'deep.json');
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.errors[0]!.message, /deeper than 64.*PLANTRACK_MAX_YAML_DEPTH/);
    assert.equal(parseStructuredText('"[[[[": 1\n# [[[[[[\n', undefined, { maxAliases: 100, maxDepth: 2 }).ok, true);
  });
  it('deep block nesting is refused after parsing, naming the line', () => {
    const lines = Array.from({ length: 70 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n') + ' x\n';
    const r = parseStructuredText(lines);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.errors[0]!.field, /line \d+/);
  });
});
