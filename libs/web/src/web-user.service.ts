import { Injectable } from '@nestjs/common';
import type { UserPrincipal } from '@app/auth';
import { MunicipalitiesService } from '@app/municipalities';
import { ROLE_LABELS_DA } from '@app/users';
import type { PageUser } from './views/layout.view';

/** What the page header shows about the signed-in user. */
@Injectable()
export class WebUserService {
  constructor(private readonly municipalities: MunicipalitiesService) {}

  async pageUser(principal: UserPrincipal): Promise<PageUser> {
    const municipality = principal.municipalityCode
      ? await this.municipalities.get(principal.municipalityCode)
      : null;
    return {
      id: principal.id,
      role: principal.role,
      displayName: principal.displayName,
      roleLabel: ROLE_LABELS_DA[principal.role],
      municipalityName: municipality?.name ?? null,
    };
  }
}
