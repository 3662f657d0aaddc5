import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { outOfScope } from '../auth/scope';
import { badParameter } from '../common/bad-parameter';
import { formatInstant } from '../common/query-params';
import { SharedAnswers } from '../common/shared-answers';
import type { ApiConfig } from '../config/api-config';
import { API_CONFIG, CLOCK, type Clock } from '../infrastructure/tokens';
import { toSqlSettings } from '../metrics/sql-settings';
import { SettingsService } from '../settings/settings.service';
import type { FcrStatus } from './calls.sql';
import { CallsRepository, type CallEventRow, type CallRow, type CallsPageRequest, type LegRow } from './calls.repository';

type PageQuery = Omit<CallsPageRequest, 'now' | 'settings' | 'cursor'> & { cursor?: string; tz?: string };

const OUTCOME_NAMES: Record<string, 'answered' | 'abandoned' | 'flowed_out' | 'waiting'> = {
  'call.answered': 'answered',
  'call.abandoned': 'abandoned',
  'call.flowed_out': 'flowed_out',
  '': 'waiting',
};

@Injectable()
export class CallsService {
  // Pages are small (at most 500 calls): entries, not rows, bound this one.
  private readonly sharedPages: SharedAnswers<CallRow[]>;

  constructor(
    private readonly repository: CallsRepository,
    private readonly settings: SettingsService,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.sharedPages = new SharedAnswers({ ttlMs: config.queryCacheMs, maxEntries: 200 });
  }

  async page(query: PageQuery) {
    const settings = await this.settings.get(query.tenant);
    const zone = query.tz ?? settings.timezone;
    const request = {
      ...query,
      settings: toSqlSettings(settings),
      cursor: query.cursor === undefined ? undefined : decodeCursor(query.cursor),
      limit: query.limit + 1,
    };
    const rows = await this.sharedPages.get(request, () => this.repository.page({ ...request, now: this.clock() }));
    const page = rows.slice(0, query.limit);
    const last = page[page.length - 1];
    return {
      calls: page.map((row) => summary(row, zone)),
      nextCursor: rows.length > query.limit && last ? encodeCursor(Date.parse(last.first_offered_at), last.call_id) : null,
    };
  }

  /**
   * One call. `scope` (the caller's queues or teams) must match one of its legs, else a 403:
   * a supervisor opens only calls that passed through their queues or their teams' hands.
   */
  async detail(tenant: string, callId: string, tz?: string, scope?: { queues: string[]; teams: string[] }) {
    const settings = await this.settings.get(tenant);
    const zone = tz ?? settings.timezone;
    const [events, legs, calls] = await Promise.all([
      this.repository.events(tenant, callId),
      this.repository.legs(tenant, callId),
      this.repository.page({
        tenant,
        from: 0,
        to: Date.UTC(2200, 0, 1),
        now: this.clock(),
        settings: toSqlSettings(settings),
        limit: 1,
        filters: { queues: scope?.queues ?? [], agents: [], teams: scope?.teams ?? [], categories: [], outcomes: [], fcr: [] },
        scope: 'call_id = {callId:String}',
        callId,
      }),
    ]);
    if (events.length === 0) throw new NotFoundException({ statusCode: 404, message: `no events for call '${callId}'` });
    const call = calls[0];
    if (!call && scope && scope.queues.length + scope.teams.length > 0)
      throw outOfScope('callId', `call '${callId}' is outside your queues and teams`);
    const base = call ? summary(call, zone) : undefined;
    return {
      ...(base ?? orphanSummary(callId, events, zone)),
      legs: legs.map((leg) => legDetail(leg, zone)),
      events: events.map((event) => eventView(event, zone)),
    };
  }
}

function summary(row: CallRow, zone: string) {
  return {
    callId: row.call_id,
    firstOfferedAt: formatInstant(Date.parse(row.first_offered_at), zone),
    queue: row.first_queue,
    category: row.category || null,
    customer: row.customer_hash || null,
    agent: row.final_agent || null,
    legs: (row.leg_summaries ?? []).map(([offeredAt, queue, outcome, agent, waitMs]) => ({
      queue,
      offeredAt: formatInstant(Date.parse(offeredAt), zone),
      outcome: OUTCOME_NAMES[outcome] ?? 'waiting',
      agent: agent || null,
      waitSeconds: outcome === '' ? null : Number(waitMs) / 1000,
    })),
    handleSeconds: Number(row.handle_ms ?? 0) / 1000,
    fcr: (row.fcr_status || null) as FcrStatus | null,
    surveyScore: row.survey_score === null ? null : Number(row.survey_score),
    surveyResolved: row.survey_resolved,
  };
}

function legDetail(leg: LegRow, zone: string) {
  const answered = leg.outcome === 'call.answered';
  const talkEnded = answered && Boolean(leg.talk_ended);
  const handled = talkEnded && (Boolean(leg.ended_by_transfer) || Boolean(leg.ended_without_wrapup) || Boolean(leg.wrapped_up));
  const answeredAt = leg.outcome_at ? Date.parse(leg.outcome_at) : 0;
  const hold = Number(leg.hold_ms) / 1000;
  const talk = talkEnded ? (Number(leg.talk_end_ms) - answeredAt) / 1000 - hold : null;
  const acw = leg.wrapped_up ? Number(leg.acw_ms) / 1000 : talkEnded && !leg.wrapped_up && handled ? 0 : null;
  return {
    legId: leg.leg_id,
    queue: leg.queue,
    offeredAt: formatInstant(Date.parse(leg.offered_at), zone),
    outcome: OUTCOME_NAMES[leg.outcome] ?? 'waiting',
    outcomeAt: leg.outcome_at ? formatInstant(answeredAt || Date.parse(leg.outcome_at), zone) : null,
    agent: leg.answered_by || null,
    waitSeconds: leg.wait_ms === null || leg.outcome === '' ? null : Number(leg.wait_ms) / 1000,
    talkSeconds: talk,
    holdSeconds: talkEnded ? hold : null,
    acwSeconds: acw,
    handleSeconds: handled && talk !== null && acw !== null ? talk + hold + acw : null,
    endedBy: !talkEnded
      ? null
      : leg.ended_by_transfer
        ? ('transfer' as const)
        : leg.ended_without_wrapup
          ? ('end_without_wrapup' as const)
          : ('end' as const),
    disposition: leg.disposition || null,
  };
}

function orphanSummary(callId: string, events: CallEventRow[], zone: string) {
  return {
    callId,
    firstOfferedAt: formatInstant(Date.parse(events[0]!.ts), zone),
    queue: events.find((event) => event.queue)?.queue ?? '',
    category: null,
    customer: null,
    agent: null,
    legs: [],
    handleSeconds: 0,
    fcr: null,
    surveyScore: null,
    surveyResolved: null,
  };
}

// Empty fields are left out so that each event reads as it was sent (without customerId).
function eventView(event: CallEventRow, zone: string): Record<string, unknown> {
  const view: Record<string, unknown> = { eventId: event.event_id, type: event.type, ts: formatInstant(Date.parse(event.ts), zone) };
  const fields: Array<[string, unknown]> = [
    ['queue', event.queue],
    ['agentId', event.agent_id],
    ['category', event.category],
    ['channel', event.channel],
    ['reason', event.reason],
    ['toQueue', event.to_queue],
    ['endedBy', event.ended_by],
    ['wrapup', event.wrapup],
    ['disposition', event.disposition],
    ['score', event.score],
    ['resolved', event.resolved],
  ];
  for (const [name, value] of fields) if (value !== '' && value !== null) view[name] = value;
  if (event.type === 'call.offered') view['customer'] = event.has_customer ? 'known' : 'anonymous';
  return view;
}

function encodeCursor(at: number, callId: string): string {
  return Buffer.from(JSON.stringify([at, callId])).toString('base64url');
}

function decodeCursor(cursor: string): { at: number; callId: string } {
  try {
    const [at, callId] = JSON.parse(Buffer.from(cursor, 'base64url').toString()) as unknown[];
    if (typeof at === 'number' && Number.isFinite(at) && typeof callId === 'string') return { at, callId };
  } catch {
    // answered below
  }
  throw badParameter('cursor', 'is not a cursor this API gave out');
}
