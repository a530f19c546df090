import { Injectable, Logger } from '@nestjs/common';
import { AppConfigService } from '@app/config';
import { Mailer } from '@app/notifications';

/** The page a one-time password link opens (invitation and reset alike). */
export function passwordLink(publicUrl: string, token: string): string {
  return `${publicUrl}/adgangskode/ny?token=${encodeURIComponent(token)}`;
}

/** E-mails invitation and reset links, in Danish. Without SMTP it sends nothing and says so. */
@Injectable()
export class AccountMailer {
  private readonly logger = new Logger(AccountMailer.name);

  constructor(
    private readonly mailer: Mailer,
    private readonly config: AppConfigService,
  ) {}

  get enabled(): boolean {
    return this.mailer.enabled;
  }

  link(token: string): string {
    return passwordLink(this.config.publicUrl, token);
  }

  /** True when the invitation was e-mailed; false without SMTP or when sending failed (logged). */
  async sendInvitation(to: string, displayName: string, roleLabel: string, token: string): Promise<boolean> {
    return this.trySend(to, 'Du er inviteret til Baseline', [
      `Hej ${displayName}`,
      '',
      `Du er inviteret til Baseline, KL's platform for kommunernes informationssikkerhed, som ${roleLabel.toLowerCase()}.`,
      '',
      'Vælg din adgangskode med dette link. Det virker én gang og udløber efter 72 timer:',
      '',
      this.link(token),
      '',
      'Var du ikke ventet på invitationen, kan du se bort fra den.',
    ]);
  }

  async sendReset(to: string, token: string): Promise<boolean> {
    return this.trySend(to, 'Ny adgangskode til Baseline', [
      'Der er bedt om en ny adgangskode til din Baseline-konto.',
      '',
      'Vælg en ny adgangskode med dette link. Det virker én gang og udløber efter 1 time:',
      '',
      this.link(token),
      '',
      'Var det ikke dig, skal du ikke gøre noget: din adgangskode er ikke ændret.',
    ]);
  }

  private async trySend(to: string, subject: string, lines: string[]): Promise<boolean> {
    if (!this.mailer.enabled) return false;
    try {
      return await this.mailer.send({ to, subject, text: lines.join('\n') });
    } catch (e) {
      this.logger.warn(`Could not e-mail "${subject}": ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }
}
