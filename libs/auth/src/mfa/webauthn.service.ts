import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from '@simplewebauthn/server';
import { DataSource } from 'typeorm';
import { Actor, AuditService } from '@app/audit';
import { AppConfigService, Clock } from '@app/config';
import type { User } from '@app/users';
import { newSecretToken } from '../secret-tokens';
import { MfaChallenge } from './mfa-challenge.entity';
import { MfaStateConflictException, PasskeyRejectedException } from './mfa.exceptions';
import { MfaService, Reauth } from './mfa.service';
import { WebauthnCredential } from './webauthn-credential.entity';

/** How long the browser may take to talk to the authenticator. */
const CEREMONY_SECONDS = 300;

/** Passkeys and security keys (WebAuthn): registration by a signed-in user, and the sign-in check. */
@Injectable()
export class WebauthnService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mfa: MfaService,
    private readonly audit: AuditService,
    private readonly config: AppConfigService,
    private readonly clock: Clock,
  ) {}

  /** Options for navigator.credentials.create(); the challenge is kept server-side for 5 minutes. */
  async registrationOptions(
    user: Pick<User, 'id' | 'email' | 'displayName'>,
  ): Promise<PublicKeyCredentialCreationOptionsJSON> {
    const existing = await this.credentials(user.id);
    const options = await generateRegistrationOptions({
      rpName: 'Baseline',
      rpID: this.config.webauthn.rpId,
      userName: user.email,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: existing.map((c) => ({ id: c.credentialId, transports: c.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
    });
    const now = this.clock.now();
    await this.dataSource.query(
      `DELETE FROM mfa_challenges WHERE user_id = $1 AND purpose = 'webauthn-register'`,
      [user.id],
    );
    await this.dataSource.getRepository(MfaChallenge).insert({
      userId: user.id,
      purpose: 'webauthn-register',
      // Never handed out: the challenge is found by its user, and the row is single-use.
      tokenHash: `unused:${newSecretToken()}`,
      address: '',
      webauthnChallenge: options.challenge,
      expiresAt: new Date(now.getTime() + CEREMONY_SECONDS * 1000),
    });
    return options;
  }

  /**
   * Verifies and stores a new passkey. When it is the user's first factor, ten recovery codes
   * come with it (returned this once).
   */
  async register(
    user: Pick<User, 'id'>,
    response: RegistrationResponseJSON,
    name: string | undefined,
    actor: Actor,
  ): Promise<{ id: string; recoveryCodes: string[] | null }> {
    // Taken (deleted) at once, so each challenge is verified at most once.
    const [rows]: [Array<{ webauthn_challenge: string }>, number] = await this.dataSource.query(
      `DELETE FROM mfa_challenges WHERE user_id = $1 AND purpose = 'webauthn-register' AND expires_at > $2
       RETURNING webauthn_challenge`,
      [user.id, this.clock.now()],
    );
    const challenge = rows[0];
    if (!challenge)
      throw new MfaStateConflictException('No passkey registration is pending; ask for options first');
    const { origin, rpId } = this.config.webauthn;
    const verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.webauthn_challenge,
      expectedOrigin: origin,
      expectedRPID: rpId,
      requireUserVerification: false,
    }).catch((e: Error) => {
      throw new PasskeyRejectedException(e.message);
    });
    if (!verification.verified) throw new PasskeyRejectedException('The registration did not verify');
    const { credential } = verification.registrationInfo;
    return this.dataSource.transaction(async (m) => {
      const { identifiers } = await m.insert(WebauthnCredential, {
        userId: user.id,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey),
        counter: String(credential.counter),
        transports: credential.transports ?? [],
        name: name?.trim().slice(0, 100) || 'Adgangsnøgle',
      });
      const recoveryCodes = await this.mfa.ensureRecoveryCodes(m, user.id);
      await this.audit.record(
        actor,
        {
          action: 'mfa.passkey-registered',
          targetType: 'user',
          targetId: user.id,
          details: { credentialId: credential.id },
        },
        m,
      );
      return { id: identifiers[0].id as string, recoveryCodes };
    });
  }

  /** Options for navigator.credentials.get() in a sign-in; the challenge goes on the sign-in ticket. */
  async authenticationOptions(challenge: MfaChallenge): Promise<PublicKeyCredentialRequestOptionsJSON> {
    const creds = await this.credentials(challenge.userId);
    const options = await generateAuthenticationOptions({
      rpID: this.config.webauthn.rpId,
      allowCredentials: creds.map((c) => ({ id: c.credentialId, transports: c.transports })),
      userVerification: 'preferred',
    });
    await this.dataSource.query('UPDATE mfa_challenges SET webauthn_challenge = $2 WHERE id = $1', [
      challenge.id,
      options.challenge,
    ]);
    return options;
  }

  /** Checks an assertion against the ticket's challenge and the user's key; updates the signature counter. */
  async verifyAssertion(challenge: MfaChallenge, response: AuthenticationResponseJSON): Promise<boolean> {
    // The challenge is used once, right or wrong: a new try asks for new options.
    const [rows]: [Array<{ webauthn_challenge: string | null }>] = await this.dataSource.query(
      `UPDATE mfa_challenges c SET webauthn_challenge = NULL
         FROM (SELECT id, webauthn_challenge FROM mfa_challenges WHERE id = $1 FOR UPDATE) old
        WHERE c.id = old.id RETURNING old.webauthn_challenge`,
      [challenge.id],
    );
    const expected = rows[0]?.webauthn_challenge;
    const cred = await this.dataSource
      .getRepository(WebauthnCredential)
      .findOne({ where: { userId: challenge.userId, credentialId: String(response?.id ?? '') } });
    if (!expected || !cred) return false;
    const { origin, rpId } = this.config.webauthn;
    const result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: expected,
      expectedOrigin: origin,
      expectedRPID: rpId,
      credential: {
        id: cred.credentialId,
        publicKey: new Uint8Array(cred.publicKey),
        counter: Number(cred.counter),
        transports: cred.transports,
      },
      requireUserVerification: false,
    }).catch(() => null);
    if (!result?.verified) return false;
    await this.dataSource.query(
      'UPDATE webauthn_credentials SET counter = $2, last_used_at = now() WHERE id = $1',
      [cred.id, result.authenticationInfo.newCounter],
    );
    return true;
  }

  /** Removes one of the user's passkeys, after the password or a current code. */
  async remove(
    user: Pick<User, 'id' | 'email' | 'role' | 'municipalityCode'>,
    id: string,
    proof: Reauth,
    actor: Actor,
  ) {
    await this.mfa.assertReauth(user, proof, actor.address);
    const status = await this.mfa.status(user);
    if (!status.passkeys.some((p) => p.id === id))
      throw new MfaStateConflictException('No such passkey of yours');
    if (status.required && !status.totp && status.passkeys.length === 1) {
      throw new MfaStateConflictException(
        'Your account must use a second factor; add another before removing the last',
      );
    }
    await this.dataSource.transaction(async (m) => {
      await m.delete(WebauthnCredential, { id, userId: user.id });
      await this.mfa.afterPasskeyRemoved(m, user.id);
      await this.audit.record(
        actor,
        { action: 'mfa.passkey-removed', targetType: 'user', targetId: user.id },
        m,
      );
    });
  }

  private credentials(userId: string): Promise<WebauthnCredential[]> {
    return this.dataSource
      .getRepository(WebauthnCredential)
      .find({ where: { userId }, order: { createdAt: 'ASC' } });
  }
}
