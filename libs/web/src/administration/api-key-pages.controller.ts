import {
  Body,
  Controller,
  Get,
  HttpStatus,
  NotFoundException,
  Param,
  Post,
  Query,
  UseGuards,
} from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import {
  actorOf,
  ApiKeysService,
  ClientAddress,
  CurrentPrincipal,
  UserPrincipal,
  WebSessionGuard,
} from '@app/auth';
import { MunicipalitiesService } from '@app/municipalities';
import { html } from '@app/ui';
import { PathIdPipe } from '../edition-id.pipe';
import { page, redirect } from '../page';
import { RendersPage } from '../renders-page.decorator';
import { WebRoles, WebRolesGuard } from '../web-roles.guard';
import { ApiKeysQueryDto, ConfirmFormDto, CreateApiKeyFormDto } from './dto/admin-forms.dto';
import { confirmPage } from '../confirm-page';
import { adminCrumbs } from './views/admin-components.view';
import {
  ADMIN_API_KEYS_PATH,
  ApiKeyFormState,
  apiKeysAdminView,
  ApiKeysAdminModel,
  EMPTY_API_KEY_FORM,
} from './views/api-keys-admin.view';

const NAME_MAX = 200;

/** The administrator's API keys, as the REST API's /admin/api-keys: platform_admin only. */
@ApiExcludeController()
@Controller(ADMIN_API_KEYS_PATH.slice(1))
@UseGuards(WebSessionGuard, WebRolesGuard)
@WebRoles('platform_admin')
export class ApiKeyPagesController {
  constructor(
    private readonly keys: ApiKeysService,
    private readonly municipalities: MunicipalitiesService,
  ) {}

  @Get()
  @RendersPage()
  list(@Query() query: ApiKeysQueryDto) {
    return this.render({ form: EMPTY_API_KEY_FORM, revoked: query.besked === 'tilbagekaldt' });
  }

  /** The key is in this response only: it is shown once, and never stored in clear. */
  @Post()
  @RendersPage()
  async create(
    @Body() form: CreateApiKeyFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    const names = await this.municipalityNames();
    const values = { municipalityCode: (form.municipalityCode ?? '').trim(), name: (form.name ?? '').trim() };
    const errors: ApiKeyFormState['errors'] = {};
    const code = Number(values.municipalityCode);
    if (!names.has(code)) errors.municipalityCode = 'Vælg en kommune.';
    if (values.name === '') errors.name = 'Skriv et navn, så nøglen kan kendes, fx »SIEM-indberetning«.';
    else if (values.name.length > NAME_MAX) errors.name = `Navnet må højst være på ${NAME_MAX} tegn.`;
    if (Object.keys(errors).length > 0) {
      return this.render({ form: { values, errors } }, HttpStatus.UNPROCESSABLE_ENTITY);
    }
    const { key } = await this.keys.create(code, values.name, actorOf(principal, address));
    return this.render({
      form: EMPTY_API_KEY_FORM,
      created: { key, name: values.name, municipalityName: names.get(code)! },
    });
  }

  @Get(':id/tilbagekald')
  @RendersPage()
  async revokePage(@Param('id', PathIdPipe) id: string) {
    const key = (await this.keys.list()).find((k) => k.id === id);
    if (!key) throw new NotFoundException(`API key ${id} not found`);
    const names = await this.municipalityNames();
    return confirmPage({
      crumbs: adminCrumbs({ text: 'API-nøgler', href: ADMIN_API_KEYS_PATH }),
      heading: `Tilbagekald ${key.name}?`,
      consequences: key.revokedAt
        ? html`<p>Nøglen er allerede tilbagekaldt.</p>`
        : html`<p>
              Nøglen <code>bk_${key.prefix}</code> til
              ${names.get(key.municipalityCode) ?? key.municipalityCode} holder op med at virke med det samme.
              Systemer, der bruger den, kan ikke længere indberette.
            </p>
            <p>Det kan ikke fortrydes: der skal oprettes en ny nøgle.</p>`,
      action: `${ADMIN_API_KEYS_PATH}/${key.id}/tilbagekald`,
      submitLabel: 'Tilbagekald nøglen',
      destructive: true,
      back: ADMIN_API_KEYS_PATH,
      blocked: !!key.revokedAt,
    });
  }

  @Post(':id/tilbagekald')
  @RendersPage()
  async revoke(
    @Param('id', PathIdPipe) id: string,
    @Body() _form: ConfirmFormDto,
    @CurrentPrincipal() principal: UserPrincipal,
    @ClientAddress() address: string,
  ) {
    await this.keys.revoke(id, actorOf(principal, address));
    return redirect(`${ADMIN_API_KEYS_PATH}?besked=tilbagekaldt`);
  }

  private async municipalityNames(): Promise<Map<number, string>> {
    return new Map((await this.municipalities.list()).map((m) => [m.code, m.name]));
  }

  private async render(
    extras: Pick<ApiKeysAdminModel, 'form' | 'created' | 'revoked'>,
    status: number = HttpStatus.OK,
  ) {
    const keys = await this.keys.list();
    const municipalities = (await this.municipalities.list()).map((m) => ({ code: m.code, name: m.name }));
    return page(
      ({ user, csrfToken }) => apiKeysAdminView({ user: user!, csrfToken, keys, municipalities, ...extras }),
      status,
    );
  }
}
