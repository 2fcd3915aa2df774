import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { builtinUpgrade, type StoredBuiltinState } from './builtin-upgrade.ts';

const NEW = 'n'.repeat(64);
const OLD = 'o'.repeat(64);
const MINE = 'm'.repeat(64);
const seededOld: StoredBuiltinState = { status: 'draft', builtin: true, builtinHash: OLD, definitionHash: OLD, saved: false };

describe('builtinUpgrade', () => {
  it('adds a scheme the database lacks, and leaves one already current alone', () => {
    assert.equal(builtinUpgrade(undefined, NEW).action, 'insert');
    assert.equal(builtinUpgrade({ ...seededOld, builtinHash: NEW, definitionHash: NEW }, NEW).action, 'current');
  });

  it('records the hash of a version seeded before hashes were kept when it already equals the dataset', () => {
    assert.equal(builtinUpgrade({ ...seededOld, builtinHash: null, definitionHash: NEW }, NEW).action, 'adopt');
  });

  it('upgrades an unedited built-in: a draft in place, a frozen version by a new version', () => {
    assert.equal(builtinUpgrade(seededOld, NEW).action, 'replace-draft');
    assert.equal(builtinUpgrade({ ...seededOld, status: 'frozen' }, NEW).action, 'new-version');
    // Seeded before hashes were recorded and never saved by anyone: the system's own.
    assert.equal(builtinUpgrade({ ...seededOld, builtinHash: null }, NEW).action, 'replace-draft');
  });

  it("never overwrites the plan office's edits", () => {
    // Edited in place after seeding: the definition no longer hashes to what was seeded.
    assert.equal(builtinUpgrade({ ...seededOld, definitionHash: MINE }, NEW).action, 'kept-edited');
    // A version the office saved (no dataset hash, a save in the audit log), draft or frozen.
    assert.equal(
      builtinUpgrade({ ...seededOld, builtinHash: null, definitionHash: MINE, saved: true }, NEW).action,
      'kept-edited',
    );
    assert.equal(
      builtinUpgrade({ ...seededOld, status: 'frozen', builtinHash: null, definitionHash: MINE, saved: true }, NEW).action,
      'kept-edited',
    );
    // A scheme of the office's own under the code a built-in later took.
    assert.equal(builtinUpgrade({ ...seededOld, builtin: false, builtinHash: null }, NEW).action, 'kept-edited');
  });
});
