import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/public.decorator';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG } from '../infrastructure/tokens';
import { LivenessDto, ReadinessDto } from './readiness.dto';
import { ReadinessService } from './readiness.service';

@ApiTags('health')
@Public()
@SkipThrottle()
@Controller()
export class HealthController {
  constructor(
    private readonly readiness: ReadinessService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness: the process answers (200 whatever the state of ClickHouse or Kafka; see /ready)' })
  @ApiOkResponse({ type: LivenessDto })
  health(): LivenessDto {
    return { status: 'ok', mode: this.config.clickHouse.kind === 'embedded' ? 'embedded' : 'production' };
  }

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: ClickHouse and (in Kafka mode) Kafka answer, and the ingest lag is within CALLBOARD_READY_MAX_LAG_SECONDS',
    description: 'Each check gives up after 2 s; a 503 carries the same body, naming the checks that failed.',
  })
  @ApiOkResponse({ type: ReadinessDto })
  @ApiServiceUnavailableResponse({ type: ReadinessDto })
  async ready(): Promise<ReadinessDto> {
    const readiness = await this.readiness.assess();
    if (readiness.status !== 'ready') throw new ServiceUnavailableException(readiness);
    return readiness;
  }
}
