import { generate } from 'otplib';
import request from 'supertest';
import { TEST_PASSWORD, TestUser } from './factories';

type Http = Parameters<typeof request>[0];

/** The secret in an otpauth:// URI, as an authenticator app reads it from the QR code. */
export const secretOf = (otpauthUri: string) => new URL(otpauthUri).searchParams.get('secret')!;

/** The code an authenticator app shows `stepsAhead` 30-second steps from now. */
export const totpCode = (secret: string, stepsAhead = 0) =>
  generate({ secret, epoch: Math.floor(Date.now() / 1000) + stepsAhead * 30 });

/** Enrols an authenticator app through the API; returns its secret, the recovery codes and the code that confirmed it. */
export async function enrolTotp(
  http: Http,
  token: string,
): Promise<{ secret: string; recoveryCodes: string[]; confirmedWith: string }> {
  const start = await request(http).post('/api/v1/me/mfa/totp').auth(token, { type: 'bearer' }).expect(200);
  const secret = secretOf(start.body.otpauthUri);
  const confirmedWith = await totpCode(secret);
  const confirm = await request(http)
    .post('/api/v1/me/mfa/totp/confirm')
    .auth(token, { type: 'bearer' })
    .send({ code: confirmedWith })
    .expect(200);
  return { secret, recoveryCodes: confirm.body.recoveryCodes, confirmedWith };
}

/** The password step; answers the challenge token (the account must have or need a second factor). */
export async function passwordStep(http: Http, user: TestUser): Promise<string> {
  const res = await request(http)
    .post('/api/v1/auth/login')
    .send({ email: user.email, password: TEST_PASSWORD })
    .expect(200);
  if (!res.body.challengeToken) throw new Error(`expected a second step: ${JSON.stringify(res.body)}`);
  return res.body.challengeToken as string;
}
