import { DomainError, ErrorCode } from '@app/http';

export class AdvisoryNotFoundException extends DomainError {
  constructor(id: string) {
    super(ErrorCode.ADVISORY_NOT_FOUND, `No advisory ${id}`);
  }
}

export class StaleAdvisoryVersionException extends DomainError<{
  sentVersion: number;
  currentVersion: number;
}> {
  constructor(sent: number, current: number) {
    super(
      ErrorCode.ADVISORY_VERSION_CONFLICT,
      `The advisory has changed since version ${sent} (now version ${current}); reload it and apply your change again`,
      { sentVersion: sent, currentVersion: current },
    );
  }
}

export class AdvisoryWithdrawnException extends DomainError {
  constructor() {
    super(ErrorCode.ADVISORY_WITHDRAWN, 'The advisory was withdrawn; it can no longer change or be answered');
  }
}
