import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CallDetailDto, CallIdParamDto, CallsPageDto, CallsQueryDto, TenantQueryDto } from './calls.dto';
import { CallsService } from './calls.service';

@ApiTags('calls')
@Controller('calls')
export class CallsController {
  constructor(private readonly calls: CallsService) {}

  @Get()
  @ApiOperation({ summary: 'The calls behind a figure: calls with a leg offered in [from, to) matching the filters, newest first' })
  @ApiOkResponse({ type: CallsPageDto })
  list(@Query() query: CallsQueryDto): Promise<CallsPageDto> {
    const filters = {
      queues: query.queue,
      agents: query.agent,
      teams: query.team,
      categories: query.category,
      outcomes: query.outcome,
      fcr: query.fcr,
    };
    return this.calls.page({ ...query, filters }) as Promise<CallsPageDto>;
  }

  @Get(':callId')
  @ApiOperation({ summary: 'One call: its legs (waits, holds, talk, wrap-up, transfer) and its event timeline' })
  @ApiOkResponse({ type: CallDetailDto })
  @ApiNotFoundResponse({ description: 'no events for this callId' })
  detail(@Param() params: CallIdParamDto, @Query() query: TenantQueryDto): Promise<CallDetailDto> {
    return this.calls.detail(query.tenant, params.callId, query.tz) as Promise<CallDetailDto>;
  }
}
