import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AlertsService } from './alerts.service';
import { AlertsQueryDto, AlertsResponseDto, LiveDto, LiveQueryDto } from './live.dto';
import { LiveService } from './live.service';

@ApiTags('live')
@Controller()
export class LiveController {
  constructor(
    private readonly live: LiveService,
    private readonly alertsService: AlertsService,
  ) {}

  @Get('live')
  @ApiOperation({
    summary: 'Live figures per queue and for the centre: waiting now, longest wait, agents by state, today, last 15 and 60 minutes',
    description: 'The same figures the Socket.IO namespace /live pushes as they change (see api/README.md "Live feed").',
  })
  @ApiOkResponse({ type: LiveDto })
  get(@Query() query: LiveQueryDto): Promise<LiveDto> {
    return this.live.view(query.tenant, query.queue.length > 0 ? query.queue : undefined) as Promise<LiveDto>;
  }

  @Get('alerts')
  @ApiOperation({ summary: 'Recent threshold crossings (a queue figure entering another green / amber / red band), newest first' })
  @ApiOkResponse({ type: AlertsResponseDto })
  alerts(@Query() query: AlertsQueryDto): Promise<AlertsResponseDto> {
    return this.alertsService.recent(query) as Promise<AlertsResponseDto>;
  }
}
