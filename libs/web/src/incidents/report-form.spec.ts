import { emptyReportForm, isoWithOffset, parseReportForm, ReportFormFields } from './report-form';

describe('the plain-Danish report form', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const filled = (over: Partial<ReportFormFields> = {}): ReportFormFields => ({
    ...emptyReportForm('key-1'),
    whatHappened: 'wrong-recipient',
    title: ' Brev sendt til forkert borger ',
    awareDate: '2026-12-01',
    awareTime: '08:15',
    personalData: 'ja',
    breachType: 'utilsigtet-videregivelse',
    approxSubjects: '40',
    notifiable: 'ved-ikke',
    systemsDown: 'nej',
    ...over,
  });

  it('builds the API report in Danish time with the suggested RSIT class', () => {
    const parsed = parseReportForm(filled(), now);
    expect(parsed).toMatchObject({
      ok: true,
      idempotencyKey: 'key-1',
      dto: {
        title: 'Brev sendt til forkert borger',
        awareAt: '2026-12-01T08:15:00+01:00',
        rsitClass: 'information-content-security',
        rsitType: 'data-leak',
        severity: 'medium',
        personalDataBreach: {
          type: 'utilsigtet-videregivelse',
          nature: ['confidentiality'],
          approxSubjects: 40,
          notifiable: true,
        },
      },
    });
  });

  it('leaves the breach out when no personal data is involved', () => {
    const parsed = parseReportForm(
      filled({ personalData: 'nej', whatHappened: 'service-down', systemsDown: 'ja' }),
      now,
    );
    expect(parsed.ok && parsed.dto).toMatchObject({
      rsitClass: 'availability',
      rsitType: 'outage',
      severity: 'high',
    });
    expect(parsed.ok && parsed.dto.personalDataBreach).toBeUndefined();
  });

  it('names each wrong field in Danish', () => {
    const parsed = parseReportForm(
      filled({
        title: '',
        awareDate: '2026-12-02',
        awareTime: '09:00',
        approxSubjects: '-5',
        notifiable: 'nej',
      }),
      now,
    );
    expect(parsed).toEqual({
      ok: false,
      errors: {
        title: 'Skriv en kort overskrift.',
        awareDate: 'Tidspunktet kan ikke ligge i fremtiden.',
        approxSubjects: 'Skriv et helt tal, der er 0 eller derover (fx 40).',
        documentedOnlyReason: 'Skriv kort, hvorfor bruddet ikke skal anmeldes.',
      },
    });
    expect(parseReportForm(filled({ awareDate: '2026-02-30' }), now)).toMatchObject({
      ok: false,
      errors: { awareDate: 'Skriv en gyldig dato og et klokkeslæt som 08:15.' },
    });
  });

  it('writes summer times with +02:00', () => {
    expect(isoWithOffset(new Date('2026-07-01T06:15:00Z'))).toBe('2026-07-01T08:15:00+02:00');
    expect(isoWithOffset(new Date('2026-12-01T07:15:00Z'))).toBe('2026-12-01T08:15:00+01:00');
  });
});
