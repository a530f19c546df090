import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-custom';
import { ApiKeysService } from '../api-keys.service';

export const API_KEY_HEADER = 'x-api-key';

/** `X-API-Key: bk_…` from municipal systems. */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(Strategy, 'api-key') {
  constructor(private readonly keys: ApiKeysService) {
    super();
  }

  async validate(req: Request) {
    const presented = req.header(API_KEY_HEADER);
    return presented ? this.keys.authenticate(presented) : null;
  }
}
