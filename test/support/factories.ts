import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PasswordHasher, Role } from '@app/users';

export const TEST_PASSWORD = 'correct-horse-battery-staple';

let passwordHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  municipalityCode: number | null;
}

/** Inserts an active user with TEST_PASSWORD (hashed once per run: argon2 is slow on purpose). */
export async function createUser(
  db: DataSource,
  role: Role,
  municipalityCode: number | null = null,
  overrides: Partial<{ email: string; active: boolean }> = {},
): Promise<TestUser> {
  passwordHash ??= new PasswordHasher().hash(TEST_PASSWORD);
  const email =
    overrides.email ?? `${role}-${municipalityCode ?? 'x'}-${randomUUID().slice(0, 8)}@test.local`;
  const [row] = await db.query(
    `INSERT INTO users (email, display_name, password_hash, role, municipality_code, active)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [email, `Test ${role}`, await passwordHash, role, municipalityCode, overrides.active ?? true],
  );
  return { id: row.id, email, role, municipalityCode };
}

export async function tokenFor(http: Parameters<typeof request>[0], user: TestUser): Promise<string> {
  const res = await request(http)
    .post('/api/v1/auth/login')
    .send({ email: user.email, password: TEST_PASSWORD });
  if (res.status !== 200)
    throw new Error(`sign-in for ${user.email} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.accessToken as string;
}
