import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AppError } from '../errors/app-error.ts';
import { asAppError } from './error-reply.ts';

const fastifyError = (statusCode: number, code: string, message = 'boom') =>
  Object.assign(new Error(message), { statusCode, code });

describe('asAppError: every error leaves the API with a catalogue code', () => {
  it('passes an AppError through', () => {
    const e = new AppError('LOCKED');
    assert.equal(asAppError(e), e);
  });

  it("turns Fastify's own codes into catalogue codes with the catalogue's status", () => {
    assert.equal(asAppError(fastifyError(413, 'FST_ERR_CTP_BODY_TOO_LARGE')).code, 'BODY_TOO_LARGE');
    assert.equal(asAppError(fastifyError(415, 'FST_ERR_CTP_INVALID_MEDIA_TYPE')).code, 'UNSUPPORTED_MEDIA_TYPE');
    assert.equal(asAppError(fastifyError(429, 'FST_ERR_RATE_LIMIT')).code, 'RATE_LIMITED');
    const json = asAppError(fastifyError(400, 'FST_ERR_CTP_INVALID_JSON_BODY', 'Body is not valid JSON'));
    assert.deepEqual(
      [json.status, json.code, json.message, json.details],
      [400, 'BAD_REQUEST', 'Body is not valid JSON', { reason: 'FST_ERR_CTP_INVALID_JSON_BODY' }],
    );
  });

  it('answers a dropped database connection with a retryable 503 DATABASE_UNAVAILABLE', () => {
    const e = asAppError(Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }));
    assert.deepEqual([e.status, e.code], [503, 'DATABASE_UNAVAILABLE']);
  });

  it('hides anything else behind a 500 INTERNAL', () => {
    const e = asAppError(new Error('connection reset'));
    assert.deepEqual([e.status, e.code, e.message], [500, 'INTERNAL', 'internal error']);
  });
});
