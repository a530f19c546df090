import { checkSeal, headSignatureValid, linkSeals, signHead, StoredSeal } from './audit-chain';

const KEY = 'k'.repeat(32);
const START = { position: 0, hash: '', seq: null };
const entries = [
  { seq: '7', content: '["7","a"]' },
  { seq: '9', content: '["9","b"]' },
];

describe('audit chain', () => {
  const [first, second] = linkSeals(KEY, START, entries);
  const stored = (s: typeof first, content: string | null): StoredSeal => ({ ...s, content });
  const afterFirst = { position: 1, hash: first.hash, seq: '7' };

  it('links seals in order and verifies them under the same key', () => {
    expect(first).toMatchObject({ position: '1', seq: '7', prevHash: '' });
    expect(second).toMatchObject({ position: '2', seq: '9', prevHash: first.hash });
    expect(checkSeal(KEY, START, stored(first, entries[0].content))).toBeNull();
    expect(checkSeal(KEY, afterFirst, stored(second, entries[1].content))).toBeNull();
  });

  it('names altered content, a wrong key, a gap and a missing entry', () => {
    expect(checkSeal(KEY, START, stored(first, '["7","x"]'))).toBe('altered');
    expect(checkSeal('w'.repeat(32), START, stored(first, entries[0].content))).toBe('altered');
    expect(checkSeal(KEY, START, stored(second, entries[1].content))).toBe('broken-link');
    expect(checkSeal(KEY, START, stored(first, null))).toBe('missing-entry');
  });

  it('signs a head that only the key can produce', () => {
    const head = signHead(KEY, afterFirst, new Date('2026-01-02T03:04:05Z'));
    expect(head).toMatchObject({
      count: 1,
      lastSeq: '7',
      lastHash: first.hash,
      at: '2026-01-02T03:04:05.000Z',
    });
    expect(headSignatureValid(KEY, head)).toBe(true);
    expect(headSignatureValid('w'.repeat(32), head)).toBe(false);
    expect(headSignatureValid(KEY, { ...head, count: 0 })).toBe(false);
  });
});
