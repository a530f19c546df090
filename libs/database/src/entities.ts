import { PasswordResetRequest } from '@app/accounts/password-reset-request.entity';
import { PasswordToken } from '@app/accounts/password-token.entity';
import { AdvisoryIncident } from '@app/advisories/advisory-incident.entity';
import { AdvisoryResponse } from '@app/advisories/advisory-response.entity';
import { AdvisoryTarget } from '@app/advisories/advisory-target.entity';
import { AdvisoryVersion } from '@app/advisories/advisory-version.entity';
import { Advisory } from '@app/advisories/advisory.entity';
import { AdvisoryDelivery } from '@app/advisories/delivery/advisory-delivery.entity';
import { AdvisoryReminderSent } from '@app/advisories/delivery/advisory-reminder-sent.entity';
import { AuditEntry } from '@app/audit/audit-entry.entity';
import { AuditSeal } from '@app/audit/audit-seal.entity';
import { ApiKey } from '@app/auth/api-key.entity';
import { MfaChallenge } from '@app/auth/mfa/mfa-challenge.entity';
import { MfaRecoveryCode } from '@app/auth/mfa/mfa-recovery-code.entity';
import { MfaTotp } from '@app/auth/mfa/mfa-totp.entity';
import { WebauthnCredential } from '@app/auth/mfa/webauthn-credential.entity';
import { SignInCounter } from '@app/auth/sign-in-counter.entity';
import { SignInUnlockToken } from '@app/auth/sign-in-unlock-token.entity';
import { WebSession } from '@app/auth/web-session.entity';
import { IncidentAttachment } from '@app/incidents/incident-attachment.entity';
import { IncidentComment } from '@app/incidents/incident-comment.entity';
import { IncidentEvent } from '@app/incidents/incident-event.entity';
import { IncidentIntakeKey } from '@app/incidents/incident-intake-key.entity';
import { IncidentObligation } from '@app/incidents/incident-obligation.entity';
import { IncidentReferenceCounter } from '@app/incidents/incident-reference-counter.entity';
import { Incident } from '@app/incidents/incident.entity';
import { IncidentReminderSent } from '@app/incidents/reminders/incident-reminder-sent.entity';
import { Municipality } from '@app/municipalities/municipality.entity';
import { Region } from '@app/municipalities/region.entity';
import { Notification } from '@app/notifications/notification.entity';
import { AnswerChange } from '@app/responses/answer-change.entity';
import { Answer } from '@app/responses/answer.entity';
import { Response } from '@app/responses/response.entity';
import { Area } from '@app/surveys/area.entity';
import { Edition } from '@app/surveys/edition.entity';
import { Question } from '@app/surveys/question.entity';
import { ScaleLevel } from '@app/surveys/scale-level.entity';
import { Survey } from '@app/surveys/survey.entity';
import { User } from '@app/users/user.entity';

/**
 * Every entity of the schema, in one list so the CLI DataSource, the apps and the drift check agree
 * on what the schema should be.
 */
export const ENTITIES = [
  Region,
  Municipality,
  User,
  ApiKey,
  WebSession,
  SignInCounter,
  SignInUnlockToken,
  AuditEntry,
  AuditSeal,
  Survey,
  Edition,
  ScaleLevel,
  Area,
  Question,
  Response,
  Answer,
  AnswerChange,
  Notification,
  Incident,
  IncidentReferenceCounter,
  IncidentEvent,
  IncidentComment,
  IncidentAttachment,
  IncidentObligation,
  IncidentIntakeKey,
  IncidentReminderSent,
  Advisory,
  AdvisoryVersion,
  AdvisoryTarget,
  AdvisoryResponse,
  AdvisoryIncident,
  AdvisoryDelivery,
  AdvisoryReminderSent,
  MfaTotp,
  MfaRecoveryCode,
  MfaChallenge,
  WebauthnCredential,
  PasswordToken,
  PasswordResetRequest,
];
