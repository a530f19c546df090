import { DomainError, ErrorCode } from '@app/http';
import {
  AttachmentTooLargeException,
  incidentFieldError,
  StaleIncidentVersionException,
  SubmitObligationDto,
} from '@app/incidents';
import { fieldProblems, validated } from './service-errors';

describe('service errors on the incident pages', () => {
  it('says each field problem in Danish by its reason, never by the English text', () => {
    const e = new DomainError(ErrorCode.VALIDATION_FAILED, 'x', [
      { field: 'submittedAt', problems: ['anything'], reason: 'BEFORE_AWARE' },
      { field: 'duplicateOf', problems: ['anything'], reason: 'DUPLICATE_OF_DUPLICATE' },
    ]);
    expect(fieldProblems(e)).toEqual({
      submittedAt: 'Tidspunktet kan ikke ligge før, kommunen fik kendskab til hændelsen.',
      duplicateOf: 'Den hændelse er selv en dublet: henvis til den oprindelige.',
    });
    expect(
      fieldProblems(incidentFieldError('reasonForDelay', 'is required', 'DELAY_REASON_REQUIRED')),
    ).toEqual({ reasonForDelay: 'Fristen var overskredet: skriv årsagen til forsinkelsen.' });
    expect(fieldProblems(new AttachmentTooLargeException(10 * 1024 * 1024))).toEqual({
      file: 'Filen er større end 10 MB.',
    });
  });

  it('leaves errors without fields to the error page', () => {
    expect(fieldProblems(new DomainError(ErrorCode.BAD_REQUEST, 'plain'))).toBeNull();
    expect(fieldProblems(new StaleIncidentVersionException(1, 2))).toBeNull();
    expect(fieldProblems(new Error('boom'))).toBeNull();
  });

  it('validates a DTO built from a form as the API pipe would', async () => {
    const dto = Object.assign(new SubmitObligationDto(), { submittedAt: '2026-12-01T10:00:00' });
    const error = await validated(dto).catch((e: unknown) => e);
    expect(fieldProblems(error)).toEqual({ submittedAt: 'Værdien er ikke gyldig.' });
    const ok = Object.assign(new SubmitObligationDto(), { submittedAt: '2026-12-01T10:00:00+01:00' });
    await expect(validated(ok)).resolves.toBe(ok);
  });
});
