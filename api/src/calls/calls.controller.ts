import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANALYSTS, type Principal } from '../auth/roles';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { scopedFilters, seesWholeCentre } from '../auth/scope';
import { CallDetailDto, CallIdParamDto, CallsPageDto, CallsQueryDto, TenantQueryDto } from './calls.dto';
import { CallsService } from './calls.service';

@ApiTags('calls')
@ApiBearerAuth()
@Roles(...ANALYSTS)
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @ApiOperation({ summary: 'The calls behind a figure: calls with a leg offered in [from, to) matching the filters, newest first' })
  @ApiOkResponse({ type: CallsPageDto })
  list(@CurrentPrincipal() principal: Principal, @Query() query: CallsQueryDto): Promise<CallsPageDto> {
    const filters = scopedFilters(principal, query.tenant, {
      queues: query.queue,
      agents: query.agent,
      teams: query.team,
      categories: query.category,
      outcomes: query.outcome,
      fcr: query.fcr,
    });
    return this.calls.page({ ...query, filters }) as Promise<CallsPageDto>;
  }

  @Get(':callId')
  @ApiOperation({ summary: 'One call: its legs (waits, holds, talk, wrap-up, transfer) and its event timeline' })
  @ApiOkResponse({ type: CallDetailDto })
  @ApiNotFoundResponse({ description: 'no events for this callId' })
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param() params: CallIdParamDto,
    @Query() query: TenantQueryDto,
  ): Promise<CallDetailDto> {
    const scope = scopedFilters(principal, query.tenant, { queues: [], agents: [], teams: [], categories: [] });
    return this.calls.detail(
      query.tenant,
      params.callId,
      query.tz,
      seesWholeCentre(principal) ? undefined : scope,
    ) as Promise<CallDetailDto>;
  }
}
