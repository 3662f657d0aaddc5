import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiAcceptedResponse, ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_TENANTS, EVENT_SENDERS, type Principal } from '../auth/roles';
import { CurrentPrincipal, Roles } from '../auth/roles.decorator';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { badParameter } from '../common/bad-parameter';
import { EVENT_INTAKE, type EventIntake, type IntakeResult } from './event-intake';

/** Events one request may carry; more should be split (or sent through Kafka). */
export const MAX_EVENTS_PER_REQUEST = 50_000;

class IntakeResponseDto extends createZodDto(
  z.object({
    accepted: z.number().describe('events stored (embedded) or acknowledged by Kafka (production)'),
    rejected: z
      .array(z.object({ index: z.number(), reason: z.string() }))
      .describe('invalid events: each also went to the dead-letter store'),
  }),
) {}

@ApiTags('events')
@ApiBearerAuth()
@Roles(...EVENT_SENDERS)
@Controller('events')
export class IntakeController {
  constructor(@Inject(EVENT_INTAKE) private readonly intake: EventIntake) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send call events (EVENTS.md): a JSON array, one JSON object, or NDJSON (application/x-ndjson)',
    description:
      'Answers once every event is durably stored or queued. Invalid events are named in `rejected` and kept in the dead-letter store; valid neighbours are unaffected.',
  })
  @ApiConsumes('application/json', 'application/x-ndjson')
  @ApiBody({ schema: { oneOf: [{ type: 'array', items: { type: 'object' } }, { type: 'object' }, { type: 'string' }] } })
  @ApiAcceptedResponse({ type: IntakeResponseDto })
  async post(
    @CurrentPrincipal() principal: Principal,
    @Body() body: unknown,
    @Headers('content-type') contentType = '',
  ): Promise<IntakeResult> {
    const texts = eventTexts(body, contentType);
    if (texts.length > MAX_EVENTS_PER_REQUEST) {
      throw badParameter('body', `at most ${MAX_EVENTS_PER_REQUEST} events per request, got ${texts.length}`);
    }
    if (principal.tenant === ALL_TENANTS) return this.intake.submit(texts);
    return this.submitOwnTenant(texts, principal.tenant);
  }

  /** A sender bound to one tenant may not write another's figures: such events are refused, not stored. */
  private async submitOwnTenant(texts: string[], tenant: string): Promise<IntakeResult> {
    const own: string[] = [];
    const ownIndexes: number[] = [];
    const refused: IntakeResult['rejected'] = [];
    texts.forEach((text, index) => {
      const eventTenant = tenantOf(text);
      if (eventTenant === undefined || eventTenant === tenant) {
        own.push(text);
        ownIndexes.push(index);
      } else {
        refused.push({ index, reason: `tenant: '${eventTenant}' is not this sender's tenant ('${tenant}')` });
      }
    });
    const result = own.length ? await this.intake.submit(own) : { accepted: 0, rejected: [] };
    const rejected = [...refused, ...result.rejected.map((rejection) => ({ ...rejection, index: ownIndexes[rejection.index]! }))];
    return { ...result, rejected: rejected.sort((a, b) => a.index - b.index) };
  }
}

/** The event's tenant ('default' when it names none); undefined when the text is not an event object (the intake rejects it). */
function tenantOf(text: string): string | undefined {
  try {
    const event: unknown = JSON.parse(text);
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return undefined;
    const tenant = (event as Record<string, unknown>)['tenant'];
    return typeof tenant === 'string' && tenant !== '' ? tenant : 'default';
  } catch {
    return undefined;
  }
}

function eventTexts(body: unknown, contentType: string): string[] {
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    if (!contentType.includes('ndjson')) throw badParameter('body', 'send a JSON array of events, or NDJSON as application/x-ndjson');
    return body
      .toString()
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
  }
  if (Array.isArray(body)) return body.map(eventText);
  if (typeof body === 'object' && body !== null && Object.keys(body).length > 0) return [eventText(body, 0)];
  throw badParameter('body', 'expected a JSON array of events, one event, or NDJSON');
}

function eventText(event: unknown, index: number): string {
  try {
    return JSON.stringify(event) ?? 'null';
  } catch {
    // JSON.stringify overflows the stack on nesting that JSON.parse took: no event is like that.
    throw badParameter('body', `event ${index} is nested too deeply to be an event`);
  }
}
