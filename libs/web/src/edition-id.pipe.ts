import { HttpStatus, ParseUUIDPipe } from '@nestjs/common';

/** An edition id in a page address that is no uuid is a page that does not exist, not a bad request. */
export const EditionIdPipe = new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });
