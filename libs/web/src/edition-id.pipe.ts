import { HttpStatus, ParseUUIDPipe } from '@nestjs/common';

/** An edition id in a page address that is no uuid is a page that does not exist, not a bad request. */
export const EditionIdPipe = new ParseUUIDPipe({ errorHttpStatusCode: HttpStatus.NOT_FOUND });

/** Any id in a page address (a user, an API key): one that is no uuid is a page that does not exist. */
export const PathIdPipe = EditionIdPipe;
