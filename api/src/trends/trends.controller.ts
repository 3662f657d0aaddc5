import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANALYSTS, type Principal } from '../auth/roles';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { scopedFilters } from '../auth/scope';
import { filtersOf } from '../common/query-params';
import { TrendsQueryDto, TrendsResponseDto } from './trends.dto';
import { TrendsService } from './trends.service';

@ApiTags('trends')
@ApiBearerAuth()
@Roles(...ANALYSTS)
@Controller('trends')
export class TrendsController {
  constructor(private readonly trends: TrendsService) {}

  @Get()
  @ApiOperation({ summary: 'One figure over time: a point per hour, day, week, month or quarter hour, per group' })
  @ApiOkResponse({ type: TrendsResponseDto })
  get(@CurrentPrincipal() principal: Principal, @Query() query: TrendsQueryDto): Promise<TrendsResponseDto> {
    return this.trends.trend({ ...query, filters: scopedFilters(principal, query.tenant, filtersOf(query)) });
  }
}
