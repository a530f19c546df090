import { Injectable } from '@nestjs/common';
import { AuthService } from '@app/auth';
import { AppConfigService } from '@app/config';
import { Mailer } from './mailer';

/**
 * E-mails the one-time unlock link of a throttled account to its owner. Without SMTP no link is
 * made at all, and the caller learns nothing either way, so the link can only reach the owner's
 * inbox and never the person who asked.
 */
@Injectable()
export class UnlockLinkMailer {
  constructor(
    private readonly auth: AuthService,
    private readonly mailer: Mailer,
    private readonly config: AppConfigService,
  ) {}

  get enabled(): boolean {
    return this.mailer.enabled;
  }

  async send(email: string, address: string): Promise<void> {
    if (!this.mailer.enabled) return;
    const link = await this.auth.issueUnlockLink(email, address);
    if (!link) return;
    const minutes = Math.round(this.config.signInThrottle.unlockLinkTtlSeconds / 60);
    await this.mailer.send({
      to: link.email,
      subject: 'Lås din Baseline-konto op',
      text: [
        'Der er forsøgt at logge ind på din Baseline-konto med en forkert adgangskode mange gange,',
        'så kontoen er midlertidigt spærret.',
        '',
        'Var det dig, kan du logge ind med dette link. Det virker én gang og udløber efter',
        `${minutes} minutter:`,
        '',
        `${this.config.publicUrl}/login/laas-op?token=${encodeURIComponent(link.token)}`,
        '',
        'Var det ikke dig, skal du ikke gøre noget. Din adgangskode er ikke blevet ændret.',
      ].join('\n'),
    });
  }
}
