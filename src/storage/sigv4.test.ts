import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sha256Hex, signRequest, uriEncode } from './sigv4.ts';

describe('signRequest (AWS SigV4)', () => {
  // "Example: GET Object" from the Amazon S3 API reference (Authenticating Requests: Using the
  // Authorization Header): the published signature for these exact inputs.
  it('reproduces the S3 documentation example', () => {
    const headers = signRequest({
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { range: 'bytes=0-9' },
      payloadSha256: sha256Hex(''),
      region: 'us-east-1',
      service: 's3',
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      now: new Date('2013-05-24T00:00:00Z'),
    });
    assert.equal(
      headers.authorization,
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
        'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
    assert.equal(headers['x-amz-date'], '20130524T000000Z');
  });
  it('encodes as RFC 3986 wants', () => {
    assert.equal(uriEncode("a b/c!'()*~"), 'a%20b%2Fc%21%27%28%29%2A~');
  });
});
