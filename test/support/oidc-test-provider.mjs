// A small OpenID Connect provider for the SSO tests (oidc-provider), in a child process of its
// own: it is ESM with ESM dependencies, which Node runs as they are. The test drives it over IPC:
// `configure` registers Baseline as a client, `account` adds a user, `next-login` says who signs
// in next (and with which `amr`), or that the next sign-in is cancelled.
import { createServer } from 'node:http';
import process from 'node:process';
import Provider from 'oidc-provider';

const accounts = new Map();
let nextLogin = null;
let provider = null;

async function interact(req, res) {
  const details = await provider.interactionDetails(req, res);
  let result;
  if (details.prompt.name === 'login') {
    result = nextLogin
      ? { login: { accountId: nextLogin.sub, amr: nextLogin.amr } }
      : { error: 'access_denied', error_description: 'The user cancelled' };
  } else {
    const grant = new provider.Grant({
      accountId: details.session.accountId,
      clientId: details.params.client_id,
    });
    const missing = details.prompt.details;
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    result = { consent: { grantId: await grant.save() } };
  }
  await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
}

const server = createServer((req, res) => {
  if (!provider) {
    res.statusCode = 503;
    res.end();
  } else if (req.url.startsWith('/interaction/')) {
    interact(req, res).catch((e) => {
      res.statusCode = 500;
      res.end(String(e));
    });
  } else {
    provider.callback()(req, res);
  }
});

function configure({ clientId, clientSecret, redirectUri }) {
  const issuer = `http://localhost:${server.address().port}`;
  provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: { openid: ['sub', 'amr'], email: ['email', 'email_verified'] },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    findAccount: (_ctx, sub) =>
      accounts.has(sub) ? { accountId: sub, claims: async () => ({ sub, ...accounts.get(sub) }) } : undefined,
  });
  return issuer;
}

process.on('message', (m) => {
  if (m.type === 'configure') process.send({ type: 'configured', issuer: configure(m) });
  else if (m.type === 'account') accounts.set(m.sub, m.claims);
  else if (m.type === 'next-login') nextLogin = m.sub ? { sub: m.sub, amr: m.amr } : null;
  if (m.type !== 'configure') process.send({ type: 'ok' });
});
process.on('disconnect', () => process.exit(0));

server.listen(0, '127.0.0.1', () => process.send({ type: 'listening', port: server.address().port }));
