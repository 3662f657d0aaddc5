import { createCustomerHasher } from './pii';
import { MAX_DEAD_LETTER_RAW_BYTES, redactCustomerIds, toDeadLetterRow } from './dead-letter';

const hash = createCustomerHasher('a-test-key-of-enough-length');
const NUMBER = '+8613800000001';
const HASHED = `hmac-sha256:${hash(NUMBER)}`;

describe('redactCustomerIds: a rejected event keeps no raw caller number', () => {
  it.each([
    ['a string value', `{"eventId":"e1","customerId":"${NUMBER}","score":9}`],
    ['a nested value', `{"eventId":"e1","extra":{"caller":{"customerId":"${NUMBER}"}}}`],
    ['an escaped key spelling', `{"eventId":"e1","customer\\u0049d":"${NUMBER}"}`],
    ['an escaped value', `{"eventId":"e1","customerId":"\\u002b8613800000001"}`],
    ['text that is not JSON', `{"eventId":"e1","customerId":"${NUMBER}", oops`],
  ])('%s', (_kind, text) => {
    const redacted = redactCustomerIds(text, hash);
    expect(redacted).not.toContain('13800000001');
    expect(redacted).toContain(HASHED);
  });

  it('hashes a bare number (a sender that forgot the quotes) as its digits', () => {
    const redacted = redactCustomerIds('{"customerId": 8613800000001, "x": 1', hash);
    expect(redacted).not.toContain('8613800000001');
    expect(redacted).toContain(`"hmac-sha256:${hash('8613800000001')}"`);
  });

  it('hashes a value cut off where the stored text is truncated', () => {
    const text = `{"eventId":"e1","pad":"${'x'.repeat(MAX_DEAD_LETTER_RAW_BYTES - 50)}","customerId":"${NUMBER}"}`;
    const row = toDeadLetterRow(text, { code: 'too_large', reason: 'too large' }, { source: 'http' }, Date.now(), hash);
    expect(row.raw).not.toContain('13800000001');
    expect(row.raw_size).toBe(Buffer.byteLength(text));
  });

  it('leaves everything else as it came', () => {
    const text = '{"eventId":"e1","type":"call.offered","queue":"billing"}';
    expect(redactCustomerIds(text, hash)).toBe(text);
  });
});
