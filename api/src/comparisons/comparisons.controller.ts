import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { filtersOf } from '../common/query-params';
import { CompareQueryDto, CompareResponseDto } from './comparisons.dto';
import { ComparisonsService } from './comparisons.service';

@ApiTags('metrics')
@Controller('metrics/compare')
export class ComparisonsController {
  constructor(private readonly comparisons: ComparisonsService) {}

  @Get()
  @ApiOperation({
    summary: 'One period beside a baseline: both values of every figure, the change, and whether it is better (环比 / 同比)',
  })
  @ApiOkResponse({ type: CompareResponseDto })
  get(@Query() query: CompareQueryDto): Promise<CompareResponseDto> {
    return this.comparisons.compare({ ...query, filters: filtersOf(query) }) as Promise<CompareResponseDto>;
  }
}
