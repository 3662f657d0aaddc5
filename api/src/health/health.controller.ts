import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import type { ClickHouseClient } from '@callboard/infra';
import { API_CONFIG, CLICKHOUSE } from '../infrastructure/tokens';
import type { ApiConfig } from '../config/api-config';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller('health')
export class HealthController {
  constructor(
    @Inject(CLICKHOUSE) private readonly clickHouse: ClickHouseClient,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the process answers, and whether ClickHouse does' })
  async get(): Promise<{ status: 'ok'; mode: 'embedded' | 'production'; clickHouse: 'ok' | 'unreachable' }> {
    const ping = await this.clickHouse.ping().catch(() => ({ success: false }));
    return {
      status: 'ok',
      mode: this.config.clickHouse.kind === 'embedded' ? 'embedded' : 'production',
      clickHouse: ping.success ? 'ok' : 'unreachable',
    };
  }
}
