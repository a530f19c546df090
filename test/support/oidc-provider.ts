import { ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';

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
