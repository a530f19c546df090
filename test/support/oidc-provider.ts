import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import type { OidcSettings } from '@app/config';
import { createTestApp, listenLocally, TestApp } from './test-app';

type Message = { type: string; port?: number; issuer?: string };

/** The test's OpenID provider (test/support/oidc-test-provider.mjs), driven over IPC. */
export interface TestOidcProvider {
  port: number;
  /** Registers the client; returns the issuer URL. */
  configure(client: { clientId: string; clientSecret: string; redirectUri: string }): Promise<string>;
  addAccount(sub: string, claims: Record<string, unknown>): Promise<void>;
  /** Who signs in at the provider next (with this `amr`); null: the user cancels. */
  nextLogin(sub: string | null, amr?: string[]): Promise<void>;
  close(): Promise<void>;
}

export async function startOidcProvider(): Promise<TestOidcProvider> {
  const child: ChildProcess = fork(join(__dirname, 'oidc-test-provider.mjs'), [], {
    stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    execArgv: [],
  });
  const reply = (type: string) =>
    new Promise<Message>((resolve, reject) => {
      const onMessage = (m: Message) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        resolve(m);
      };
      child.on('message', onMessage);
      child.once('exit', (code) => reject(new Error(`OIDC test provider exited with ${code}`)));
    });
  const ask = async (message: object, type = 'ok') => {
    const answer = reply(type);
    child.send(message);
    return answer;
  };
  const { port } = await reply('listening');
  return {
    port: port!,
    configure: async (client) => (await ask({ type: 'configure', ...client }, 'configured')).issuer!,
    addAccount: async (sub, claims) => void (await ask({ type: 'account', sub, claims })),
    nextLogin: async (sub, amr = ['pwd']) => void (await ask({ type: 'next-login', sub, amr })),
    close: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
    },
  };
}

/** The app under test with SSO through a test provider; `options.oidc = null` turns SSO off. */
export interface SsoTestApp {
  t: TestApp;
  idp: TestOidcProvider;
  /** The app's base URL (127.0.0.1; the provider is on localhost, so their cookies stay apart). */
  app: string;
  oidc: OidcSettings;
  options: { oidc: OidcSettings | null };
  close(): Promise<void>;
}

export const SSO_TEST_LABEL = 'Log ind med Testlogin';

export async function createSsoTestApp(): Promise<SsoTestApp> {
  const idp = await startOidcProvider();
  const oidc: OidcSettings = {
    issuer: '',
    clientId: 'baseline',
    clientSecret: 'baseline-test-client-secret',
    redirectUri: '',
    label: SSO_TEST_LABEL,
    accountClaim: 'email',
  };
  const options: { oidc: OidcSettings | null } = { oidc };
  const t = await createTestApp(options);
  const app = await listenLocally(t);
  // The app reads its settings on each use, so they can name its port once it listens.
  oidc.redirectUri = `${app}/auth/oidc/callback`;
  oidc.issuer = await idp.configure(oidc);
  const close = async () => {
    await t.close();
    await idp.close();
  };
  return { t, idp, app, oidc, options, close };
}
