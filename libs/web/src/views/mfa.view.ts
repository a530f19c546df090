import { formatDate, html, SafeHtml } from '@app/ui';
import { alert, errorMessage, errorSummary } from './components.view';
import { layout, PageUser } from './layout.view';

/** The app to set up: a QR code (an SVG, as an image, so it needs no script) and the key to type. */
export interface TotpSetup {
  qrSvg: string;
  secret: string;
}

const qrImage = (setup: TotpSetup) =>
  html`<img
    class="mfa-qr"
    src="data:image/svg+xml;base64,${Buffer.from(setup.qrSvg).toString('base64')}"
    alt="QR-kode til godkendelsesappen"
    width="200"
    height="200"
  />`;

/** The secret in groups of four, as apps show it, for typing by hand. */
const groupedSecret = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

function codeField(error: string | undefined, label: string, hint: string): SafeHtml {
  return html`<div class="form-group ${error ? 'form-error' : ''}">
    <label class="form-label" for="code">${label}</label>
    <span class="form-hint" id="code-hint">${hint}</span>
    ${error ? errorMessage('code-error', error) : null}
    <input
      class="form-input input-width-s"
      id="code"
      name="code"
      type="text"
      autocomplete="one-time-code"
      spellcheck="false"
      autocapitalize="off"
      required
      aria-describedby="code-hint${error ? ' code-error' : ''}"
      ${error ? html`aria-invalid="true"` : null}
    />
  </div>`;
}

function setupSteps(setup: TotpSetup): SafeHtml {
  return html`<ol>
      <li>Åbn en godkendelsesapp på din telefon, fx Microsoft Authenticator eller Google Authenticator.</li>
      <li>Skan QR-koden, eller skriv nøglen ind i appen.</li>
      <li>Skriv den sekscifrede kode, appen viser.</li>
    </ol>
    <p>${qrImage(setup)}</p>
    <p>Nøgle: <code class="mfa-secret">${groupedSecret(setup.secret)}</code></p>`;
}

const summaryOf = (error: string | undefined) =>
  error ? errorSummary('Koden blev ikke godkendt', error, [{ href: '#code', text: error }]) : null;

/** The passkey scripts: the library's browser bundle, then ours. */
const PASSKEY_SCRIPTS = ['/assets/simplewebauthn/index.umd.min.js', 'passkeys.js'];

/** The second step of signing in: a code from the app, or a recovery code, or (with JavaScript) a passkey. */
export function loginMfaView(
  csrfToken: string,
  next: string | null,
  passkey: boolean,
  error?: string,
): string {
  const passkeyOption = passkey
    ? html`<div data-passkey-section hidden>
        <p>Har du en adgangsnøgle på denne enhed eller en sikkerhedsnøgle, kan du bruge den.</p>
        <div id="passkey-result" hidden></div>
        <button type="button" class="button button-secondary mb-5" data-passkey-sign-in>
          Brug adgangsnøgle
        </button>
      </div>`
    : null;
  return layout({
    title: 'Bekræft, at det er dig',
    scripts: passkey ? PASSKEY_SCRIPTS : [],
    body: html`<div class="row">
      <div class="col-12 col-md-8 col-lg-6">
        <h1>Bekræft, at det er dig</h1>
        <p class="font-lead">Skriv koden fra din godkendelsesapp.</p>
        ${summaryOf(error)} ${passkeyOption}
        <form method="post" action="/login/mfa" novalidate>
          <input type="hidden" name="_csrf" value="${csrfToken}" />
          ${next ? html`<input type="hidden" name="next" value="${next}" />` : null}
          ${codeField(error, 'Kode', 'Seks cifre. Har du ikke telefonen, kan du bruge en af dine gendannelseskoder.')}
          <button type="submit" class="button button-primary">Log ind</button>
        </form>
        <p class="mt-5"><a href="/login">Log ind forfra</a></p>
      </div>
    </div>`,
  });
}

/** Signing in to an account that must use a second factor and has none: set up the app first. */
export function loginEnrolView(
  csrfToken: string,
  next: string | null,
  setup: TotpSetup,
  error?: string,
): string {
  return layout({
    title: 'Opsæt totrinsbekræftelse',
    body: html`<div class="row">
      <div class="col-12 col-md-8 col-lg-6">
        <h1>Opsæt totrinsbekræftelse</h1>
        <p class="font-lead">
          Din konto skal bruge totrinsbekræftelse. Opsæt en godkendelsesapp for at logge ind.
        </p>
        ${summaryOf(error)} ${setupSteps(setup)}
        <form method="post" action="/login/mfa/tilmeld" novalidate>
          <input type="hidden" name="_csrf" value="${csrfToken}" />
          ${next ? html`<input type="hidden" name="next" value="${next}" />` : null}
          ${codeField(error, 'Kode fra appen', 'Seks cifre.')}
          <button type="submit" class="button button-primary">Bekræft og log ind</button>
        </form>
      </div>
    </div>`,
  });
}

/** Recovery codes, shown once, with where to go next. */
export function recoveryCodesView(
  codes: string[],
  continueTo: string,
  user: PageUser | null,
  csrfToken: string,
): string {
  return layout({
    title: 'Dine gendannelseskoder',
    user,
    csrfToken,
    body: html`<h1>Dine gendannelseskoder</h1>
      ${alert(
        'warning',
        'Gem koderne nu',
        'Koderne vises kun denne ene gang. Hver kode virker én gang, hvis du ikke har din godkendelsesapp. Gem dem et sikkert sted, fx i en adgangskodemanager eller udskrevet.',
      )}
      <ul class="nobullet-list mfa-recovery-codes" aria-label="Gendannelseskoder">
        ${codes.map((c) => html`<li><code>${c}</code></li>`)}
      </ul>
      <a class="button button-primary" href="${continueTo}">Jeg har gemt koderne – fortsæt</a>`,
  });
}

export interface MfaSettingsModel {
  user: PageUser;
  csrfToken: string;
  totp: boolean;
  /** An enrolment waiting for its first code. */
  pending: TotpSetup | null;
  recoveryCodesLeft: number;
  passkeys: Array<{ id: string; name: string; createdAt: Date }>;
  required: boolean;
  error?: { field: 'code' | 'password'; text: string; form: 'confirm' | 'remove' | 'regenerate' | string };
  notice?: string;
}

function passwordForm(
  m: MfaSettingsModel,
  form: string,
  action: string,
  button: string,
  buttonClass: string,
): SafeHtml {
  const error = m.error?.form === form ? m.error.text : undefined;
  const id = `password-${form}`;
  return html`<form method="post" action="${action}" novalidate>
    <input type="hidden" name="_csrf" value="${m.csrfToken}" />
    <div class="form-group ${error ? 'form-error' : ''}">
      <label class="form-label" for="${id}">Bekræft med din adgangskode</label>
      ${error ? errorMessage(`${id}-error`, error) : null}
      <input
        class="form-input"
        id="${id}"
        name="password"
        type="password"
        autocomplete="current-password"
        required
        ${error ? html`aria-invalid="true" aria-describedby="${id}-error"` : null}
      />
    </div>
    <button type="submit" class="button ${buttonClass}">${button}</button>
  </form>`;
}

/** Registered passkeys, each removable with the password; adding one needs JavaScript. */
function passkeysSection(m: MfaSettingsModel): SafeHtml {
  const list = m.passkeys.length
    ? html`<ul class="nobullet-list">
        ${m.passkeys.map(
          (p) =>
            html`<li class="mb-5">
              <strong>${p.name}</strong>, tilføjet ${formatDate(p.createdAt)}
              ${passwordForm(m, `passkey-${p.id}`, `/konto/mfa/adgangsnoegler/${p.id}/fjern`, 'Fjern nøglen', 'button-secondary')}
            </li>`,
        )}
      </ul>`
    : html`<p>Du har ingen adgangsnøgler.</p>`;
  return html`${list}
    <div data-passkey-section hidden>
      <p>
        En adgangsnøgle (passkey) på din computer, telefon eller en sikkerhedsnøgle er den stærkeste måde at
        logge ind på.
      </p>
      <div id="passkey-result" hidden></div>
      <div class="form-group">
        <label class="form-label" for="passkey-name">Navn på nøglen</label>
        <input
          class="form-input input-width-m"
          id="passkey-name"
          type="text"
          maxlength="100"
          value="Adgangsnøgle"
        />
      </div>
      <button type="button" class="button button-primary" data-passkey-register>Tilføj adgangsnøgle</button>
    </div>
    <noscript><p>Det kræver JavaScript at tilføje en adgangsnøgle.</p></noscript>`;
}

/** /konto/mfa: the user's own second factors. */
export function mfaSettingsView(m: MfaSettingsModel): string {
  const confirmError = m.error?.form === 'confirm' ? m.error.text : undefined;
  const summary = m.error
    ? errorSummary('Ændringen blev ikke gemt', m.error.text, [
        { href: m.error.form === 'confirm' ? '#code' : `#password-${m.error.form}`, text: m.error.text },
      ])
    : null;
  const app = m.totp
    ? html`${alert('success', 'Godkendelsesappen er sat op', 'Du logger ind med en kode fra appen.')}
        <h3>Fjern godkendelsesappen</h3>
        ${
          m.required && m.passkeys.length === 0
            ? html`<p>
                Din konto skal bruge totrinsbekræftelse, så appen kan ikke fjernes, før du har en anden
                metode.
              </p>`
            : passwordForm(m, 'remove', '/konto/mfa/totp/fjern', 'Fjern appen', 'button-secondary')
        }`
    : m.pending
      ? html`${setupSteps(m.pending)}
          <form method="post" action="/konto/mfa/totp/bekraeft" novalidate>
            <input type="hidden" name="_csrf" value="${m.csrfToken}" />
            ${codeField(confirmError, 'Kode fra appen', 'Seks cifre.')}
            <button type="submit" class="button button-primary">Bekræft</button>
          </form>`
      : html`<p>Brug en godkendelsesapp på din telefon til at bekræfte, at det er dig, når du logger ind.</p>
          <form method="post" action="/konto/mfa/totp">
            <input type="hidden" name="_csrf" value="${m.csrfToken}" />
            <button type="submit" class="button button-primary">Opsæt godkendelsesapp</button>
          </form>`;
  return layout({
    title: 'Totrinsbekræftelse',
    user: m.user,
    csrfToken: m.csrfToken,
    breadcrumbs: [
      { text: 'Forside', href: '/' },
      { text: 'Min konto', href: '/konto' },
      { text: 'Totrinsbekræftelse' },
    ],
    scripts: PASSKEY_SCRIPTS,
    body: html`<h1>Totrinsbekræftelse</h1>
      ${summary} ${m.notice ? alert('success', m.notice) : null}
      ${
        m.required
          ? html`<p class="font-lead">Din konto skal bruge totrinsbekræftelse.</p>`
          : html`<p class="font-lead">Beskyt din konto med et ekstra trin, når du logger ind.</p>`
      }
      <h2>Godkendelsesapp</h2>
      ${app}
      <h2>Adgangsnøgler</h2>
      ${passkeysSection(m)}
      <h2>Gendannelseskoder</h2>
      ${
        m.totp || m.passkeys.length > 0
          ? html`<p>Du har ${String(m.recoveryCodesLeft)} ubrugte gendannelseskoder.</p>
              ${passwordForm(m, 'regenerate', '/konto/mfa/gendannelseskoder', 'Lav nye koder', 'button-secondary')}`
          : html`<p>Du får ti gendannelseskoder, når du har sat totrinsbekræftelse op.</p>`
      }`,
  });
}
