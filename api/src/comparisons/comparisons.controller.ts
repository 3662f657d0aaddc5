import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ANALYSTS, type Principal } from '../auth/roles';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { scopedFilters } from '../auth/scope';
import { filtersOf } from '../common/query-params';
import { CompareQueryDto, CompareResponseDto } from './comparisons.dto';
import { ComparisonsService } from './comparisons.service';

@ApiTags('metrics')
@ApiBearerAuth()
@Roles(...ANALYSTS)
@Controller('metrics/compare')
export class ComparisonsController {
  constructor(private readonly comparisons: ComparisonsService) {}

  @Get()
  @ApiOperation({
    summary: 'One period beside a baseline: both values of every figure, the change, and whether it is better (环比 / 同比)',
  })
  @ApiOkResponse({ type: CompareResponseDto })
  get(@CurrentPrincipal() principal: Principal, @Query() query: CompareQueryDto): Promise<CompareResponseDto> {
    return this.comparisons.compare({
      ...query,
      filters: scopedFilters(principal, query.tenant, filtersOf(query)),
    }) as Promise<CompareResponseDto>;
  }
}
