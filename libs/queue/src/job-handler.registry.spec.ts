import { Injectable, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { JobHandler } from './job-handler.decorator';
import { JobHandlerRegistry } from './job-handler.registry';
import type { JobPayloads } from './jobs';

@Injectable()
class RecomputeJobs {
  readonly seen: string[] = [];

  @JobHandler('statistics.recompute')
  async recompute({ editionId }: JobPayloads['statistics.recompute']) {
    this.seen.push(editionId);
    return { editionId };
  }

  /** The statistics queue also carries the incident statistics. */
  @JobHandler('incident-statistics.recompute')
  async recomputeIncidents() {
    return null;
  }

  @JobHandler('statistics.reconcile', {
    schedule: { id: 'reconcile', cron: '* * * * *', data: { trigger: 'schedule' } },
  })
  async reconcile() {
    return [];
  }
}

@Injectable()
class OtherRecomputeJobs {
  @JobHandler('statistics.recompute')
  async recompute() {
    return null;
  }
}

async function registryWith(...providers: (typeof RecomputeJobs | typeof OtherRecomputeJobs)[]) {
  @Module({ imports: [DiscoveryModule], providers: [JobHandlerRegistry, ...providers] })
  class Host {}
  const moduleRef = await Test.createTestingModule({ imports: [Host] }).compile();
  return { registry: moduleRef.get(JobHandlerRegistry), moduleRef };
}

describe('JobHandlerRegistry', () => {
  it('finds the @JobHandler methods of the providers and dispatches to them', async () => {
    const { registry, moduleRef } = await registryWith(RecomputeJobs);
    await expect(registry.handlerFor('statistics.recompute')?.({ editionId: 'e1' })).resolves.toEqual({
      editionId: 'e1',
    });
    expect(moduleRef.get(RecomputeJobs).seen).toEqual(['e1']);
    expect(registry.handlerFor('reports.render')).toBeUndefined();
    expect(registry.schedules()).toEqual([
      {
        name: 'statistics.reconcile',
        schedule: { id: 'reconcile', cron: '* * * * *', data: { trigger: 'schedule' } },
      },
    ]);
    expect(() => registry.assertComplete('statistics')).not.toThrow();
  });

  it('refuses a queue whose jobs are not all handled', async () => {
    const { registry } = await registryWith(RecomputeJobs);
    expect(() => registry.assertComplete('reports')).toThrow(
      'No handler for job(s) reports.render-edition, reports.render, reports.render-incident-mapping on reports',
    );
  });

  it('refuses two handlers for one job', async () => {
    const { registry } = await registryWith(RecomputeJobs, OtherRecomputeJobs);
    expect(() => registry.assertComplete('statistics')).toThrow(
      'Job statistics.recompute has two handlers: RecomputeJobs.recompute and OtherRecomputeJobs.recompute',
    );
  });
});
