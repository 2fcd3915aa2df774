import assert from 'node:assert/strict';
import { it } from 'node:test';
import { loginNameKey } from './login-name.ts';

it('counts failures for spellings of one name under one key', () => {
  assert.equal(loginNameKey(' Admin '), 'admin');
  assert.equal(loginNameKey('ＡＤＭＩＮ'), 'admin', 'full-width letters');
  assert.equal(loginNameKey('no-such-user'), 'no-such-user');
  assert.notEqual(loginNameKey('admin2'), loginNameKey('admin'));
});
