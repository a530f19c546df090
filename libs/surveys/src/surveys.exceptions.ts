import { ConflictException, NotFoundException } from '@nestjs/common';
import type { EditionStatus } from './edition-status';

export class EditionNotFoundException extends NotFoundException {
  constructor(id: string) {
    super(`Edition ${id} not found`);
  }
}

export class WrongEditionStatusException extends ConflictException {
  constructor(action: string, actual: EditionStatus, allowedFrom: EditionStatus[]) {
    super({
      message: `Cannot ${action} an edition that is ${actual} (allowed when ${allowedFrom.join(' or ')})`,
      details: { status: actual, allowedFrom },
    });
  }
}
