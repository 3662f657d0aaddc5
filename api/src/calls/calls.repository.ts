import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@callboard/infra';
import { toDateTime64 } from '@callboard/ingest';
import { CLICKHOUSE } from '../infrastructure/tokens';
import type { SqlSettings } from '../metrics/metrics.repository';
import { factParameters } from '../metrics/sql-settings';
import { CALL_EVENTS_QUERY, callLegsQuery, callsQuery, type CallFilters } from './calls.sql';

export interface CallRow {
  call_id: string;
  first_offered_at: string;
  first_queue: string;
  category: string;
  customer_hash: string;
  final_agent: string | null;
  final_handling_at: string | null;
  legs: number;
  leg_summaries: Array<[string, string, string, string, number]>;
  handle_ms: number;
  survey_score: number | null;
  survey_resolved: boolean | null;
  fcr_status: string;
}

export interface LegRow {
  leg_id: string;
  queue: string;
  offered_at: string;
  outcome: string;
  outcome_at: string | null;
  answered_by: string;
  wait_ms: number | null;
  talk_ended: boolean | number;
  ended_by_transfer: boolean | number;
  ended_without_wrapup: boolean | number;
  talk_end_ms: number;
  hold_ms: number;
  wrapped_up: boolean | number;
  acw_ms: number;
  disposition: string;
}

export interface CallEventRow {
  event_id: string;
  type: string;
  ts: string;
  queue: string;
  agent_id: string;
  category: string;
  channel: string;
  reason: string;
  to_queue: string;
  ended_by: string;
  wrapup: boolean | null;
  disposition: string;
  score: number | null;
  resolved: boolean | null;
  has_customer: boolean | number;
}

export interface CallsPageRequest {
  tenant: string;
  from: number;
  to: number;
  now: number;
  filters: CallFilters;
  settings: SqlSettings;
  limit: number;
  cursor?: { at: number; callId: string };
  /** Narrows the scanned events, e.g. `call_id = {callId:String}` with `callId` set. */
  scope?: string;
  callId?: string;
}

// A single call's events carry no time bound in the request: read them all (the call_id index finds them).
const ALL_TIME = { scanFrom: toDateTime64(0), scanTo: toDateTime64(Date.UTC(2200, 0, 1)) };

@Injectable()
export class CallsRepository {
  constructor(@Inject(CLICKHOUSE) private readonly clickHouse: ClickHouseClient) {}

  async page(request: CallsPageRequest): Promise<CallRow[]> {
    const { settings } = request;
    const query = callsQuery(request.filters, { afterCursor: request.cursor !== undefined, scope: request.scope });
    return this.rows<CallRow>(query, {
      callId: request.callId ?? '',
      tenant: request.tenant,
      ...factParameters(settings, request),
      queues: request.filters.queues,
      agents: request.filters.agents,
      teams: request.filters.teams,
      categories: request.filters.categories,
      fcr: request.filters.fcr,
      limit: request.limit,
      cursorAt: request.cursor ? toDateTime64(request.cursor.at) : toDateTime64(0),
      cursorCallId: request.cursor?.callId ?? '',
    });
  }

  async events(tenant: string, callId: string): Promise<CallEventRow[]> {
    return this.rows<CallEventRow>(CALL_EVENTS_QUERY, { tenant, callId });
  }

  async legs(tenant: string, callId: string): Promise<LegRow[]> {
    return this.rows<LegRow>(callLegsQuery(), { tenant, callId, ...ALL_TIME });
  }

  private async rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    const result = await this.clickHouse.query({ query, query_params: params, format: 'JSONEachRow' });
    return result.json<T>();
  }
}
