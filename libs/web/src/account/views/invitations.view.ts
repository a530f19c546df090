import type { ImportResult, InvitationView, IssuedInvitation } from '@app/accounts';
import { formatDateTime, html, SafeHtml } from '@app/ui';
import { Role, ROLE_LABELS_DA } from '@app/users';
import { alert, csrfField, errorMessage } from '../../views/components.view';
import { layout, PageUser } from '../../views/layout.view';

export const INVITATIONS_PATH = '/administration/invitationer';

export type InviteField = 'email' | 'displayName' | 'role' | 'municipalityCode' | 'csv';

export interface InvitationsPageModel {
  user: PageUser;
  csrfToken: string;
  invitations: InvitationView[];
  roles: readonly Role[];
  municipalities: Array<{ code: number; name: string }>;
  values?: Partial<Record<InviteField, string>>;
  errors?: Partial<Record<InviteField, string>>;
  /** What the last action did: an invitation (with its link when it was not e-mailed), or an import. */
  issued?: IssuedInvitation[];
  imported?: ImportResult;
  notice?: string;
}

const STATUS: Record<InvitationView['status'], { text: string; badge: string }> = {
  pending: { text: 'Afventer', badge: 'badge-info' },
  expired: { text: 'Udløbet', badge: 'badge-warning' },
  revoked: { text: 'Tilbagekaldt', badge: 'badge-error' },
};

function issuedAlert(issued: IssuedInvitation[]): SafeHtml {
  const byLink = issued.filter((i) => i.link);
  const emailed = issued.length - byLink.length;
  return alert(
    'success',
    issued.length === 1 ? `${issued[0].invitation.email} er inviteret` : `${issued.length} er inviteret`,
    html`${emailed > 0 ? html`<p class="alert-text">Invitationen er sendt på e-mail${issued.length > 1 ? ` til ${emailed}` : ''}.</p>` : null}
    ${
      byLink.length > 0
        ? html`<p class="alert-text">
              Der er ikke sat e-mail op, så giv selv linket videre til den inviterede. Det vises kun denne ene
              gang, virker én gang og udløber efter 72 timer.
            </p>
            <ul class="alert-text nobullet-list">
              ${byLink.map((i) => html`<li>${i.invitation.email}: <code class="invitation-link">${i.link}</code></li>`)}
            </ul>`
        : null
    }`,
  );
}

function importAlert(r: ImportResult): SafeHtml {
  const rows = r.rows.filter((row) => row.problems.length > 0);
  const heading = rows.length
    ? `${rows.length} af ${r.rows.length} rækker har fejl`
    : `Alle ${r.rows.length} rækker er i orden`;
  return alert(
    rows.length ? 'error' : 'success',
    heading,
    html`<p class="alert-text">
        ${
          r.dryRun
            ? rows.length
              ? 'Ingen er inviteret. Ret rækkerne, og tjek filen igen.'
              : 'Ingen er inviteret endnu. Vælg »Inviter alle« for at sende invitationerne.'
            : 'Ingen er inviteret, fordi filen har fejl. Ret rækkerne, og prøv igen.'
        }
      </p>
      ${
        rows.length
          ? html`<ul class="alert-text" id="import-problems">
              ${rows.map(
                (row) =>
                  html`<li>
                    Linje ${row.line} (${row.email || 'ingen e-mail'}):
                    ${row.problems.map((p) => p.message).join(' ')}
                  </li>`,
              )}
            </ul>`
          : null
      }`,
  );
}

function field(
  name: InviteField,
  label: string,
  errors: InvitationsPageModel['errors'],
  control: (invalid: SafeHtml | null) => SafeHtml,
  hint?: string,
): SafeHtml {
  const error = errors?.[name];
  const describedBy = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ');
  const attrs = describedBy
    ? html`aria-describedby="${describedBy}" ${error ? html`aria-invalid="true"` : null}`
    : null;
  return html`<div class="form-group ${error ? 'form-error' : ''}">
    <label class="form-label" for="${name}">${label}</label>
    ${hint ? html`<span class="form-hint" id="${name}-hint">${hint}</span>` : null}
    ${error ? errorMessage(`${name}-error`, error) : null} ${control(attrs)}
  </div>`;
}

function inviteForm(m: InvitationsPageModel): SafeHtml {
  const v = m.values ?? {};
  return html`<form method="post" action="${INVITATIONS_PATH}" novalidate>
    ${csrfField(m.csrfToken)}
    ${field('email', 'E-mailadresse', m.errors, (a) => html`<input class="form-input" id="email" name="email" type="email" autocomplete="off" value="${v.email ?? ''}" ${a} />`)}
    ${field('displayName', 'Navn (valgfrit)', m.errors, (a) => html`<input class="form-input" id="displayName" name="displayName" type="text" value="${v.displayName ?? ''}" ${a} />`)}
    ${field(
      'role',
      'Rolle',
      m.errors,
      (a) =>
        html`<select class="form-select" id="role" name="role" ${a}>
          ${m.roles.map((r) => html`<option value="${r}" ${v.role === r ? html`selected` : null}>${ROLE_LABELS_DA[r]}</option>`)}
        </select>`,
    )}
    ${field(
      'municipalityCode',
      'Kommune',
      m.errors,
      (a) =>
        html`<select class="form-select" id="municipalityCode" name="municipalityCode" ${a}>
          <option value="">Ingen (KL, KommuneCERT eller administrator)</option>
          ${m.municipalities.map((k) => html`<option value="${k.code}" ${v.municipalityCode === String(k.code) ? html`selected` : null}>${k.name} (${k.code})</option>`)}
        </select>`,
      'Kun for informationssikkerhedskoordinatorer.',
    )}
    <button type="submit" class="button button-primary mt-5">Inviter</button>
  </form>`;
}

function importForm(m: InvitationsPageModel): SafeHtml {
  return html`<form method="post" action="${INVITATIONS_PATH}/import" novalidate>
    ${csrfField(m.csrfToken)}
    ${field(
      'csv',
      'Rækker fra CSV-fil',
      m.errors,
      (a) =>
        html`<textarea class="form-input" id="csv" name="csv" rows="8" ${a}>
${m.values?.csv ?? ''}</textarea>`,
      'Én række pr. person: kommunekode; e-mailadresse; navn – fx »151;anne@ballerup.dk;Anne Hansen«. Alle inviteres som informationssikkerhedskoordinatorer. En overskriftslinje springes over.',
    )}
    <button type="submit" name="dryRun" value="true" class="button button-secondary mt-5">Tjek filen</button>
    <button type="submit" name="dryRun" value="false" class="button button-primary mt-5">Inviter alle</button>
  </form>`;
}

function table(m: InvitationsPageModel): SafeHtml {
  if (m.invitations.length === 0) return html`<p>Ingen åbne invitationer.</p>`;
  return html`<table class="table table--zebra table--responsive-headers" id="invitations">
    <caption class="sr-only">
      Invitationer, der ikke er taget i brug
    </caption>
    <thead>
      <tr>
        <th scope="col">E-mailadresse</th>
        <th scope="col">Rolle</th>
        <th scope="col">Kommune</th>
        <th scope="col">Status</th>
        <th scope="col">Linket udløber</th>
        <th scope="col">Handlinger</th>
      </tr>
    </thead>
    <tbody>
      ${m.invitations.map((i) => {
        const municipality = m.municipalities.find((k) => k.code === i.municipalityCode);
        return html`<tr>
          <th scope="row" data-title="E-mailadresse">
            ${i.email}<br /><span class="form-hint">${i.displayName}</span>
          </th>
          <td data-title="Rolle">${ROLE_LABELS_DA[i.role]}</td>
          <td data-title="Kommune">${municipality?.name ?? '–'}</td>
          <td data-title="Status">
            <span class="badge ${STATUS[i.status].badge}">${STATUS[i.status].text}</span>
          </td>
          <td data-title="Linket udløber">
            ${i.expiresAt && i.status !== 'revoked' ? formatDateTime(i.expiresAt) : '–'}
          </td>
          <td data-title="Handlinger">
            <form method="post" action="${INVITATIONS_PATH}/${i.id}/gensend" class="d-inline">
              ${csrfField(m.csrfToken)}
              <button
                type="submit"
                class="button button-secondary button-small"
                aria-label="Send invitationen til ${i.email} igen"
              >
                Send igen
              </button>
            </form>
            ${
              i.status !== 'revoked'
                ? html`<a
                    href="${INVITATIONS_PATH}/${i.id}/tilbagekald"
                    class="button button-tertiary button-small"
                    aria-label="Tilbagekald invitationen til ${i.email}"
                    >Tilbagekald</a
                  >`
                : null
            }
          </td>
        </tr>`;
      })}
    </tbody>
  </table>`;
}

/** `/administration/invitationer`: invite one person, import a list, and follow, resend or revoke invitations. */
export function invitationsView(m: InvitationsPageModel): string {
  return layout({
    title: 'Invitationer',
    user: m.user,
    csrfToken: m.csrfToken,
    breadcrumbs: [
      { text: 'Forside', href: '/' },
      { text: 'Administration', href: '/administration' },
      { text: 'Invitationer' },
    ],
    body: html`<h1>Invitationer</h1>
      <p class="font-lead">
        Den inviterede får et link, der virker én gang i 72 timer, og vælger selv sin adgangskode.
      </p>
      ${
        m.errors && Object.keys(m.errors).length
          ? alert('error', 'Der er ikke inviteret nogen', 'Ret det markerede, og prøv igen.')
          : null
      }
      ${m.issued?.length ? issuedAlert(m.issued) : null} ${m.imported ? importAlert(m.imported) : null}
      ${m.notice ? alert('success', m.notice) : null}
      <h2>Åbne invitationer</h2>
      ${table(m)}
      <div class="row">
        <div class="col-12 col-lg-6">
          <h2>Inviter én person</h2>
          ${inviteForm(m)}
        </div>
        <div class="col-12 col-lg-6">
          <h2>Inviter fra en liste</h2>
          ${importForm(m)}
        </div>
      </div>`,
  });
}
