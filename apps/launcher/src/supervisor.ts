import { ChildProcess, spawn } from 'node:child_process';
import { DEFAULT_RESTART_POLICY, RestartPolicy } from './restart-policy';

export interface SupervisedApp {
  name: string;
  /** The compiled entry point, run with this Node. */
  script: string;
}

export interface SupervisorOptions {
  env: NodeJS.ProcessEnv;
  log: (message: string) => void;
  /** Called once when a child crashed too often; the caller stops everything. */
  onGiveUp: () => void;
}

/**
 * Runs the API and the worker as child processes and keeps them running. A child that exits
 * without being asked to is restarted after the wait its `RestartPolicy` names; a burst of crashes
 * makes the supervisor give up. A child that exits while the supervisor stops is not restarted.
 */
export class Supervisor {
  private readonly running = new Map<string, ChildProcess>();
  private readonly restartTimers = new Set<NodeJS.Timeout>();
  private stopping = false;

  constructor(
    private readonly apps: SupervisedApp[],
    private readonly options: SupervisorOptions,
  ) {}

  start(): void {
    for (const app of this.apps) this.run(app, new RestartPolicy(Date.now, DEFAULT_RESTART_POLICY));
  }

  /** Asks every child to stop (SIGTERM) and waits for them; cancels restarts not yet due. */
  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.restartTimers) clearTimeout(timer);
    await Promise.all(
      [...this.running.values()].map(
        (c) =>
          new Promise<void>((done) => {
            if (c.exitCode !== null || c.signalCode !== null) return done();
            c.once('exit', () => done());
            c.kill('SIGTERM');
            // The apps stop themselves within their grace period; this only guards against a hang.
            setTimeout(() => c.kill('SIGKILL'), 60_000).unref();
          }),
      ),
    );
  }

  private run(app: SupervisedApp, policy: RestartPolicy): void {
    const { env, log, onGiveUp } = this.options;
    const child = spawn(process.execPath, [app.script], { env, stdio: 'inherit' });
    policy.started();
    this.running.set(app.name, child);
    log(`${app.name} started (pid ${child.pid})`);
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      const how = signal ? `signal ${signal}` : `code ${code}`;
      const decision = policy.exited();
      if (decision.action === 'give-up') {
        log(
          `${app.name} exited unexpectedly (${how}), ${decision.crashes} times within ` +
            `${decision.windowMs / 1000} s: giving up, stopping Baseline`,
        );
        onGiveUp();
        return;
      }
      log(
        `${app.name} exited unexpectedly (${how}); restarting it in ${decision.delayMs / 1000} s ` +
          `(restart ${decision.restart})`,
      );
      const timer = setTimeout(() => {
        this.restartTimers.delete(timer);
        this.run(app, policy);
      }, decision.delayMs);
      this.restartTimers.add(timer);
    });
  }
}
