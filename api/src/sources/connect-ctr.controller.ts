import { Body, Controller, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_SENDERS, type Principal } from '../auth/roles';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { authoriseTenant } from '../auth/scope';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { parseCtr, type CtrParse } from '@callboard/ingest';
import { badParameter } from '../common/bad-parameter';
import { filterParams } from '../common/query-params';
import { ConnectCtrService, type ConnectCtrResult } from './connect-ctr.service';

/** Contact records one request may carry: each gives up to a few dozen events, within POST /events' own limit. */
export const MAX_RECORDS_PER_REQUEST = 10_000;

class TenantQueryDto extends createZodDto(z.object({ tenant: filterParams.tenant }).strict()) {}

class ConnectCtrResponseDto extends createZodDto(
  z.object({
    records: z.number().describe('valid contact records received, copies of one contact included'),
    contacts: z.number().describe('distinct ContactIds: each mapped once, from its record with the latest LastUpdateTimestamp'),
    accepted: z.number().describe('call events stored (embedded) or acknowledged by Kafka (production)'),
    rejected: z
      .array(z.object({ index: z.number(), reason: z.string() }))
      .describe('invalid records (index in the body), and any event the intake refused (index of its record)'),
  }),
) {}

@ApiTags('sources')
@ApiBearerAuth()
@Roles(...EVENT_SENDERS)
@Controller('sources')
export class ConnectCtrController {
  constructor(private readonly connectCtr: ConnectCtrService) {}

  @Post('connect-ctr')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send Amazon Connect contact records (CTRs): a JSON array, one JSON object, or NDJSON (application/x-ndjson)',
    description:
      'Each contact (ContactId) is mapped once, from its latest record, to the call events of its queue leg (ingest/src/adapters/connect/README.md), then stored like POST /events. Event ids derive from the ContactId, so re-sending or updating a record never double counts.',
  })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ schema: { oneOf: [{ type: 'array', items: { type: 'object' } }, { type: 'object' }, { type: 'string' }] } })
  @ApiAcceptedResponse({ type: ConnectCtrResponseDto })
  async post(
    @CurrentPrincipal() principal: Principal,
    @Query() query: TenantQueryDto,
    @Body() body: unknown,
    @Headers('content-type') contentType = '',
  ): Promise<ConnectCtrResult> {
    authoriseTenant(principal, query.tenant);
    const records = recordsOf(body, contentType);
    if (records.length > MAX_RECORDS_PER_REQUEST) {
      throw badParameter('body', `at most ${MAX_RECORDS_PER_REQUEST} contact records per request, got ${records.length}`);
    }
    return this.connectCtr.import(records, query.tenant);
  }
}

function recordsOf(body: unknown, contentType: string): CtrParse[] {
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    if (!contentType.includes('ndjson'))
      throw badParameter('body', 'send a JSON array of contact records, or NDJSON as application/x-ndjson');
    return body
      .toString()
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '')
      .map(parseLine);
  }
  if (Array.isArray(body)) return body.map(parseCtr);
  if (typeof body === 'object' && body !== null && Object.keys(body).length > 0) return [parseCtr(body)];
  throw badParameter('body', 'expected a JSON array of contact records, one record, or NDJSON');
}

function parseLine(line: string): CtrParse {
  try {
    return parseCtr(JSON.parse(line));
  } catch (error) {
    return { ok: false, message: `not JSON: ${(error as Error).message}` };
  }
}
