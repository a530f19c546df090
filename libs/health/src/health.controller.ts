import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type { Response } from 'express';
import { AppConfigService } from '@app/config';
import { HealthDto } from './health.dto';
import { QueueHealthIndicator } from './queue.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly db: TypeOrmHealthIndicator,
    private readonly queue: QueueHealthIndicator,
    private readonly config: AppConfigService,
  ) {}

  /**
   * 200 when the database and the queue backend answer, 503 naming the one that does not. The
   * check result is the body either way, so load balancers and people read the same thing.
   */
  @Get()
  @ApiOkResponse({ type: HealthDto, description: 'Database and queue are up' })
  @ApiServiceUnavailableResponse({
    type: HealthDto,
    description: 'A dependency is down; the body says which',
  })
  async check(@Res({ passthrough: true }) res: Response): Promise<HealthDto> {
    try {
      return await this.health.check([
        () => this.db.pingCheck('database', { timeout: 3_000 }),
        () => this.queue.isHealthy('queue', this.config.redisUrl ? 'redis' : 'postgres'),
      ]);
    } catch (e) {
      if (!(e instanceof ServiceUnavailableException)) throw e;
      res.status(503);
      return e.getResponse() as HealthDto;
    }
  }
}
