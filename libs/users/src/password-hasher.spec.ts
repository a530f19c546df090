import { PasswordHasher } from './password-hasher';

describe(PasswordHasher.name, () => {
  const hasher = new PasswordHasher();

  it('produces argon2id hashes that verify only the right password', async () => {
    const h = await hasher.hash('correct horse');
    expect(h.startsWith('$argon2id$')).toBe(true);
    await expect(hasher.verify(h, 'correct horse')).resolves.toBe(true);
    await expect(hasher.verify(h, 'wrong horse')).resolves.toBe(false);
  });

  it('rejects when there is no account', async () => {
    await expect(hasher.verify(null, 'anything')).resolves.toBe(false);
  });
});
