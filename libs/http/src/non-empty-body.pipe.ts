import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { getMetadataStorage } from 'class-validator';
import { fieldError } from './field-error';

/** The fields a DTO class declares, from its class-validator decorators. */
function declaredFields(metatype: ArgumentMetadata['metatype']): string[] {
  if (!metatype) return [];
  const metadata = getMetadataStorage().getTargetValidationMetadatas(metatype, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))];
}

/**
 * For partial updates: after validation has stripped unknown fields, at least one field must be
 * left, so `{}` is a 400 rather than an update with nothing to set.
 */
@Injectable()
export class NonEmptyBodyPipe implements PipeTransform {
  transform<T>(value: T, { metatype }: ArgumentMetadata): T {
    const given =
      value !== null && typeof value === 'object' && Object.values(value).some((v) => v !== undefined);
    if (!given) {
      const fields = declaredFields(metatype);
      const problem = `names no field to change${fields.length ? `: give at least one of ${fields.join(', ')}` : ''}`;
      throw fieldError('body', problem);
    }
    return value;
  }
}
