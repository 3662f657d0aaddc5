import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { filtersOf } from '../common/query-params';
import { TrendsQueryDto, TrendsResponseDto } from './trends.dto';
import { TrendsService } from './trends.service';

@ApiTags('trends')
@Controller('trends')
export class TrendsController {
  constructor(private readonly trends: TrendsService) {}

  @Get()
  @ApiOperation({ summary: 'One figure over time: a point per hour, day, week, month or quarter hour, per group' })
  @ApiOkResponse({ type: TrendsResponseDto })
  get(@Query() query: TrendsQueryDto): Promise<TrendsResponseDto> {
    return this.trends.trend({ ...query, filters: filtersOf(query) });
  }
}
