import type { AppConfigService } from '@app/config';
import type { JobName, JobPayloads } from './jobs';

export const JOB_HANDLER_METADATA = 'baseline:job-handler';

/** A recurring job, registered by the worker at start. */
export interface JobSchedule<N extends JobName = JobName> {
  /** Fixed scheduler id: upserting by it makes every worker start idempotent. */
  id: string;
  /** A cron pattern, or where the configuration holds it. */
  cron: string | ((config: AppConfigService) => string);
  data: JobPayloads[N];
}

export interface JobHandlerMetadata {
  name: JobName;
  schedule?: JobSchedule;
}

/**
 * Marks the method of a provider that handles one job name of the registry (jobs.ts), with the
 * payload type checked against it; with `schedule`, the worker also registers the job as recurring.
 * The lib that owns the work declares its handlers in a provider of a module only the worker
 * imports (e.g. StatisticsWorkerModule), so the API enqueues jobs but never runs them.
 */
export function JobHandler<N extends JobName>(name: N, options: { schedule?: JobSchedule<N> } = {}) {
  return <H extends (data: JobPayloads[N]) => Promise<unknown>>(
    _target: object,
    _key: string | symbol,
    descriptor: TypedPropertyDescriptor<H>,
  ): void => {
    const metadata: JobHandlerMetadata = { name, schedule: options.schedule as JobSchedule | undefined };
    Reflect.defineMetadata(JOB_HANDLER_METADATA, metadata, descriptor.value!);
  };
}
