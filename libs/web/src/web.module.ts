import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AdminModule } from '@app/admin';
import { AccountsModule } from '@app/accounts';
import { AdvisoriesModule } from '@app/advisories';
import { AuthModule } from '@app/auth';
import { IncidentsModule, IncidentStatisticsModule } from '@app/incidents';
import { MunicipalitiesModule } from '@app/municipalities';
import { NotificationsModule } from '@app/notifications';
import { ReportsModule } from '@app/reports';
import { ResponsesModule } from '@app/responses';
import { StatisticsModule } from '@app/statistics';
import { SurveysModule } from '@app/surveys';
import { InvitationPagesController } from './account/invitation-pages.controller';
import { PasswordPagesController } from './account/password-pages.controller';
import { AdvisoryPagesController } from './advisories/advisory-pages.controller';
import { AccountPagesController } from './account/account-pages.controller';
import { AdminIndexController } from './administration/admin-index.controller';
import { ApiKeyPagesController } from './administration/api-key-pages.controller';
import { AuditPagesController } from './administration/audit-pages.controller';
import { UserAdminPagesController } from './administration/user-admin-pages.controller';
import { LoginMfaController } from './account/login-mfa.controller';
import { MfaPagesController } from './account/mfa-pages.controller';
import { EditionChangesController } from './administration/edition-changes.controller';
import { EditionsAdminController } from './administration/editions-admin.controller';
import { ParticipationPagesController } from './administration/participation-pages.controller';
import { CsrfGuard } from './csrf.guard';
import { DashboardPagesController } from './dashboard/dashboard-pages.controller';
import { DashboardPagesService } from './dashboard/dashboard-pages.service';
import { CsrfService } from './csrf.service';
import { PageInterceptor } from './page.interceptor';
import { IncidentPagesController } from './incidents/incident-pages.controller';
import { IncidentPagesService } from './incidents/incident-pages.service';
import { ReportPagesController } from './reports/report-pages.controller';
import { SurveyPagesController } from './survey/survey-pages.controller';
import { SurveyPagesService } from './survey/survey-pages.service';
import { SurveySubmissionController } from './survey/survey-submission.controller';
import { WebController } from './web.controller';
import { SsoSignInController } from './oidc/sso-sign-in.controller';
import { WebErrorPages } from './web-error.responder';
import { WebRolesGuard } from './web-roles.guard';
import { WebUserService } from './web-user.service';

/** The server-rendered Danish web UI. */
@Module({
  imports: [
    AuthModule,
    MunicipalitiesModule,
    SurveysModule,
    ResponsesModule,
    NotificationsModule,
    ReportsModule,
    StatisticsModule,
    IncidentsModule,
    AdvisoriesModule,
    IncidentStatisticsModule,
    AdminModule,
    AccountsModule,
  ],
  controllers: [
    WebController,
    SurveyPagesController,
    SurveySubmissionController,
    EditionsAdminController,
    EditionChangesController,
    ParticipationPagesController,
    ReportPagesController,
    IncidentPagesController,
    AdvisoryPagesController,
    DashboardPagesController,
    SsoSignInController,
    AdminIndexController,
    UserAdminPagesController,
    ApiKeyPagesController,
    AuditPagesController,
    AccountPagesController,
    LoginMfaController,
    MfaPagesController,
    PasswordPagesController,
    InvitationPagesController,
  ],
  providers: [
    CsrfService,
    // Global, so that no state-changing web route can go without it; it leaves /api alone.
    { provide: APP_GUARD, useClass: CsrfGuard },
    PageInterceptor,
    WebUserService,
    WebErrorPages,
    WebRolesGuard,
    SurveyPagesService,
    IncidentPagesService,
    DashboardPagesService,
  ],
})
export class WebModule {}
