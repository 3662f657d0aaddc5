import { Inject, Injectable } from '@nestjs/common';
import type { ClickHouseClient } from '@callboard/infra';
import { toDateTime64 } from '@callboard/ingest';
import { CLICKHOUSE } from '../infrastructure/tokens';
import { AGENT_QUEUE_MEMBERSHIP_MS, AGENT_STATE_LOOKBACK_MS, STALE_WAIT_MS } from './live-state';
import type { Alert } from './alerts';

export interface WaitingCallRow {
  tenant: string;
  call_id: string;
  queue: string;
  offered_at: number;
}

export interface OutcomeRow {
  tenant: string;
  call_id: string;
  queue: string;
  outcome_at: number;
}

export interface AgentRow {
  tenant: string;
  agent_id: string;
  last_state: string;
  since: number;
  last_reason: string;
  last_event_id: string;
  last_team: string;
  team_at: number;
  team_event_id: string;
}

export interface AgentQueueRow {
  tenant: string;
  agent_id: string;
  queue: string;
  answered_at: number;
}

export interface LiveSnapshot {
  waitingCalls: WaitingCallRow[];
  /** Recent outcomes: an offer replayed after one (produced out of order) must arrive settled. */
  outcomes: OutcomeRow[];
  agents: AgentRow[];
  agentQueues: AgentQueueRow[];
}

// Aliases never reuse a column's name: ClickHouse would read the alias in WHERE and inside aggregates.
// Aggregates of max / argMax are the same with or without duplicate rows, so these skip FINAL.
const WAITING_CALLS = `
WITH latest_offers AS (
  SELECT tenant, call_id, argMax(queue, (ts, queue)) AS offered_queue, max(ts) AS offered_at
  FROM events
  WHERE type = 'call.offered' AND ts >= {since:DateTime64(3, 'UTC')}
  GROUP BY tenant, call_id
),
outcomes AS (
  SELECT tenant, call_id, queue, max(ts) AS outcome_at
  FROM events
  WHERE type IN ('call.answered', 'call.abandoned', 'call.flowed_out') AND ts >= {since:DateTime64(3, 'UTC')}
  GROUP BY tenant, call_id, queue
)
SELECT o.tenant AS tenant, o.call_id AS call_id, o.offered_queue AS queue, toUnixTimestamp64Milli(o.offered_at) AS offered_at
FROM latest_offers AS o
LEFT JOIN outcomes AS x ON x.tenant = o.tenant AND x.call_id = o.call_id AND x.queue = o.offered_queue
WHERE x.outcome_at IS NULL OR x.outcome_at < o.offered_at
SETTINGS join_use_nulls = 1`;

const OUTCOMES = `
SELECT tenant, call_id, queue, toUnixTimestamp64Milli(max(ts)) AS outcome_at
FROM events
WHERE type IN ('call.answered', 'call.abandoned', 'call.flowed_out') AND ts >= {since:DateTime64(3, 'UTC')}
GROUP BY tenant, call_id, queue`;

const AGENTS = `
SELECT tenant, agent_id,
  argMax(state, (ts, event_id)) AS last_state,
  toUnixTimestamp64Milli(max(ts)) AS since,
  argMax(reason, (ts, event_id)) AS last_reason,
  argMax(event_id, (ts, event_id)) AS last_event_id,
  argMaxIf(team, (ts, event_id), team != '') AS last_team,
  toUnixTimestamp64Milli(maxIf(ts, team != '')) AS team_at,
  argMaxIf(event_id, (ts, event_id), team != '') AS team_event_id
FROM events
WHERE type = 'agent.state_changed' AND ts >= {since:DateTime64(3, 'UTC')}
GROUP BY tenant, agent_id`;

const AGENT_QUEUES = `
SELECT tenant, agent_id, queue, toUnixTimestamp64Milli(max(ts)) AS answered_at
FROM events
WHERE type = 'call.answered' AND agent_id != '' AND ts >= {since:DateTime64(3, 'UTC')}
GROUP BY tenant, agent_id, queue`;

const RECENT_ALERTS = `
SELECT alert_id, tenant, toUnixTimestamp64Milli(at) AS at_ms, queue, metric, window, level, previous_level, value, amber, red
FROM alerts
WHERE tenant = {tenant:String} AND at >= {from:DateTime64(3, 'UTC')} AND at < {to:DateTime64(3, 'UTC')}
  AND (empty({queues:Array(String)}) OR has({queues:Array(String)}, queue))
ORDER BY at DESC, alert_id
LIMIT {limit:UInt32}`;

const LAST_LEVELS = `
SELECT tenant, queue, metric, argMax(level, at) AS last_level
FROM alerts
WHERE at >= {since:DateTime64(3, 'UTC')}
GROUP BY tenant, queue, metric`;

export interface AlertRow {
  alert_id: string;
  tenant: string;
  at_ms: number;
  queue: string;
  metric: string;
  window: string;
  level: string;
  previous_level: string;
  value: number;
  amber: number;
  red: number;
}

/** The live state's reads and writes: the snapshot it is rebuilt from at start, and its alerts. */
@Injectable()
export class LiveRepository {
  constructor(@Inject(CLICKHOUSE) private readonly clickHouse: ClickHouseClient) {}

  async snapshot(now: number): Promise<LiveSnapshot> {
    const [waitingCalls, outcomes, agents, agentQueues] = await Promise.all([
      this.rows<WaitingCallRow>(WAITING_CALLS, { since: toDateTime64(now - STALE_WAIT_MS) }),
      this.rows<OutcomeRow>(OUTCOMES, { since: toDateTime64(now - STALE_WAIT_MS) }),
      this.rows<AgentRow>(AGENTS, { since: toDateTime64(now - AGENT_STATE_LOOKBACK_MS) }),
      this.rows<AgentQueueRow>(AGENT_QUEUES, { since: toDateTime64(now - AGENT_QUEUE_MEMBERSHIP_MS) }),
    ]);
    return { waitingCalls, outcomes, agents, agentQueues };
  }

  async recordAlerts(alerts: readonly Alert[], instance: string): Promise<void> {
    if (alerts.length === 0) return;
    await this.clickHouse.insert({
      table: 'alerts',
      format: 'JSONEachRow',
      values: alerts.map((alert) => ({
        tenant: alert.tenant,
        at: toDateTime64(Date.parse(alert.at)),
        alert_id: alert.id,
        queue: alert.queue,
        metric: alert.metric,
        window: alert.window,
        level: alert.level,
        previous_level: alert.previousLevel,
        value: alert.value,
        amber: alert.amber,
        red: alert.red,
        instance,
      })),
    });
  }

  async recentAlerts(query: { tenant: string; from: number; to: number; queues: string[]; limit: number }): Promise<AlertRow[]> {
    return this.rows<AlertRow>(RECENT_ALERTS, {
      tenant: query.tenant,
      from: toDateTime64(query.from),
      to: toDateTime64(query.to),
      queues: query.queues,
      limit: query.limit,
    });
  }

  /** Each figure's band as last alerted, so a restart does not announce a crossing twice. */
  async lastLevels(since: number): Promise<Array<{ tenant: string; queue: string; metric: string; level: string }>> {
    const rows = await this.rows<{ tenant: string; queue: string; metric: string; last_level: string }>(LAST_LEVELS, {
      since: toDateTime64(since),
    });
    return rows.map(({ last_level, ...row }) => ({ ...row, level: last_level }));
  }

  private async rows<T>(query: string, params: Record<string, unknown>): Promise<T[]> {
    const result = await this.clickHouse.query({ query, query_params: params, format: 'JSONEachRow' });
    const rows = await result.json<Record<string, unknown>>();
    return rows.map((row) => normaliseNumbers(row) as T);
  }
}

// ClickHouse sends 64-bit integers as strings in JSON.
function normaliseNumbers(row: Record<string, unknown>): Record<string, unknown> {
  for (const key of ['offered_at', 'outcome_at', 'since', 'team_at', 'answered_at', 'at_ms', 'value', 'amber', 'red']) {
    if (key in row) row[key] = Number(row[key]);
  }
  return row;
}
