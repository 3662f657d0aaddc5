import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WATCHERS, type Principal } from '../auth/roles';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { scopedLiveQueues, seesWholeCentre } from '../auth/scope';
import { AlertsService } from './alerts.service';
import { AlertsQueryDto, AlertsResponseDto, LiveDto, LiveQueryDto } from './live.dto';
import { LiveService } from './live.service';

@ApiTags('live')
@ApiBearerAuth()
@Roles(...WATCHERS)
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
  async get(@CurrentPrincipal() principal: Principal, @Query() query: LiveQueryDto): Promise<LiveDto> {
    const view = await this.live.view(query.tenant, scopedLiveQueues(principal, query.tenant, query.queue));
    if (seesWholeCentre(principal)) return view as LiveDto;
    // The centre totals span every queue: only those who may see every queue get them.
    const { totals: _totals, ...scoped } = view;
    return scoped as LiveDto;
  }

  @Get('alerts')
  @ApiOperation({ summary: 'Recent threshold crossings (a queue figure entering another green / amber / red band), newest first' })
  @ApiOkResponse({ type: AlertsResponseDto })
  alerts(@CurrentPrincipal() principal: Principal, @Query() query: AlertsQueryDto): Promise<AlertsResponseDto> {
    const queues = scopedLiveQueues(principal, query.tenant, query.queue) ?? [];
    return this.alertsService.recent({ ...query, queue: queues }) as Promise<AlertsResponseDto>;
  }
}
