import { ArgumentMetadata, BadRequestException, Injectable, PipeTransform } from '@nestjs/common';
import { ValidateBy } from 'class-validator';

/** Danish municipality codes are three digits (101 København … 860 Hjørring); the column is a smallint. */
export const MUNICIPALITY_CODE_MIN = 100;
export const MUNICIPALITY_CODE_MAX = 999;
export const MUNICIPALITY_CODE_RULE = `must be a municipality code, an integer ${MUNICIPALITY_CODE_MIN}–${MUNICIPALITY_CODE_MAX}`;

export function isMunicipalityCode(value: unknown): value is number {
  return (
    typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= MUNICIPALITY_CODE_MIN &&
    value <= MUNICIPALITY_CODE_MAX
  );
}

/** Parses a code written as text (a path, a query, a file name, a CSV cell): exactly three digits. */
export function parseMunicipalityCode(text: string): number | null {
  const code = /^\d{3}$/.test(text) ? Number(text) : NaN;
  return isMunicipalityCode(code) ? code : null;
}

/** For DTOs: a JSON number that is a municipality code. */
export function IsMunicipalityCode(): PropertyDecorator {
  return ValidateBy({
    name: 'isMunicipalityCode',
    validator: { validate: isMunicipalityCode, defaultMessage: () => `$property ${MUNICIPALITY_CODE_RULE}` },
  });
}

/**
 * For `@Param('code', MunicipalityCodePipe)` and `@Query(...)`: a 400 naming the parameter, never a
 * 500 from the database. The global validation pipe has usually turned the text into a number by
 * then (`1e9` into 1000000000), so both forms are checked.
 */
@Injectable()
export class MunicipalityCodePipe implements PipeTransform<string | number, number> {
  transform(value: string | number, { type, data }: ArgumentMetadata): number {
    const code =
      typeof value === 'number' ? (isMunicipalityCode(value) ? value : null) : parseMunicipalityCode(value);
    if (code === null) {
      // The shape of @app/http's fieldError; that lib is not imported here, as it loads the config.
      const field = `${type === 'param' ? 'path' : type}.${data ?? 'code'}`;
      const details = [{ field, problems: [MUNICIPALITY_CODE_RULE] }];
      throw new BadRequestException({
        code: 'VALIDATION_FAILED',
        message: `${field} ${MUNICIPALITY_CODE_RULE}`,
        details,
      });
    }
    return code;
  }
}
