import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { filtersOf, formatInstant } from '../common/query-params';
import { MetricsQueryDto, MetricsResponseDto } from './metrics.dto';
import { MetricsService } from './metrics.service';

@ApiTags('metrics')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: MetricsService) {}

  @Get()
  @ApiOperation({ summary: 'Every METRICS.md figure over [from, to): totals, and groups by a dimension or time bucket' })
  @ApiOkResponse({ type: MetricsResponseDto })
  async get(@Query() query: MetricsQueryDto): Promise<MetricsResponseDto> {
    const result = await this.metrics.metrics({ ...query, filters: filtersOf(query) }, query.groupBy);
    return {
      from: formatInstant(query.from, result.timezone),
      to: formatInstant(query.to, result.timezone),
      timezone: result.timezone,
      totals: result.totals,
      groups: result.groups.map((group) => ({ key: group.key, ...group.metrics })),
    } as MetricsResponseDto;
  }
}
