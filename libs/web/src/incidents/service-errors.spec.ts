import { BadRequestException, ConflictException, InternalServerErrorException } from '@nestjs/common';
import { SubmitObligationDto } from '@app/incidents';
import { danishProblem, fieldProblems, isConflict, validated } from './service-errors';

describe('service errors on the incident pages', () => {
  it('turns field problems into Danish messages by field', () => {
    const e = new BadRequestException({
      message: 'x',
      details: [
        { field: 'submittedAt', problems: ['must not be before awareAt'] },
        { field: 'duplicateOf', problems: ['is itself a duplicate; point to the original'] },
      ],
    });
    expect(fieldProblems(e)).toEqual({
      submittedAt: 'Tidspunktet kan ikke ligge før, kommunen fik kendskab til hændelsen.',
      duplicateOf: 'Den hændelse er selv en dublet: henvis til den oprindelige.',
    });
    expect(danishProblem('reasonForDelay is required: submitted after the due time')).toBe(
      'Fristen var overskredet: skriv årsagen til forsinkelsen.',
    );
  });

  it('leaves errors without fields, and server errors, to the error page', () => {
    expect(fieldProblems(new BadRequestException('plain'))).toBeNull();
    expect(
      fieldProblems(new InternalServerErrorException({ details: [{ field: 'x', problems: ['y'] }] })),
    ).toBeNull();
    expect(isConflict(new ConflictException('stale'))).toBe(true);
  });

  it('validates a DTO built from a form as the API pipe would', async () => {
    const dto = Object.assign(new SubmitObligationDto(), { submittedAt: '2026-12-01T10:00:00' });
    const error = await validated(dto).catch((e: unknown) => e);
    expect(fieldProblems(error)).toEqual({ submittedAt: 'Værdien er ikke gyldig.' });
    const ok = Object.assign(new SubmitObligationDto(), { submittedAt: '2026-12-01T10:00:00+01:00' });
    await expect(validated(ok)).resolves.toBe(ok);
  });
});
