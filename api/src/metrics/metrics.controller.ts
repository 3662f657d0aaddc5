import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { WATCHERS, type Principal } from '../auth/roles';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { scopedFilters } from '../auth/scope';
import { filtersOf, formatInstant } from '../common/query-params';
import { MetricsQueryDto, MetricsResponseDto } from './metrics.dto';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@ApiBearerAuth()
// A TV draws the last hour of its queues from here, so wallboard tokens may read it too (scoped).
@Roles(...WATCHERS)
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @ApiOperation({ summary: 'Every METRICS.md figure over [from, to): totals, and groups by a dimension or time bucket' })
  @ApiOkResponse({ type: MetricsResponseDto })
  async get(@CurrentPrincipal() principal: Principal, @Query() query: MetricsQueryDto): Promise<MetricsResponseDto> {
    const result = await this.metrics.metrics(
      { ...query, filters: scopedFilters(principal, query.tenant, filtersOf(query)) },
      query.groupBy,
    );
    return {
      from: formatInstant(query.from, result.timezone),
      to: formatInstant(query.to, result.timezone),
      timezone: result.timezone,
      totals: result.totals,
      groups: result.groups.map((group) => ({ key: group.key, ...group.metrics })),
    } as MetricsResponseDto;
  }
}
