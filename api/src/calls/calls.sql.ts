// Calls for drill-down: each call with its legs' facts, its final handling, FCR status and surveys.
import { callFactCtes } from '../metrics/sql/call-facts';
import { setting } from '../metrics/sql/metric-items';

/** Outcomes a leg filter can ask for; `short_abandoned` and `transferred` are narrower cases. */
export const LEG_OUTCOMES = ['answered', 'abandoned', 'short_abandoned', 'flowed_out', 'waiting', 'transferred'] as const;
export type LegOutcome = (typeof LEG_OUTCOMES)[number];
export const FCR_STATUSES = ['resolved', 'not_resolved', 'pending', 'unmatched'] as const;
export type FcrStatus = (typeof FCR_STATUSES)[number];

export interface CallFilters {
  queues: readonly string[];
  agents: readonly string[];
  teams: readonly string[];
  categories: readonly string[];
  outcomes: readonly LegOutcome[];
  fcr: readonly FcrStatus[];
}

const OUTCOME_CONDITIONS: Record<LegOutcome, string> = {
  answered: `l.outcome = 'call.answered'`,
  abandoned: `l.outcome = 'call.abandoned'`,
  short_abandoned: `l.outcome = 'call.abandoned' AND l.wait_ms < ${setting('shortAbandonMs', 'l.queue')}`,
  flowed_out: `l.outcome = 'call.flowed_out'`,
  waiting: `l.outcome = ''`,
  transferred: `l.outcome = 'call.answered' AND l.ended_by_transfer`,
};

function legFilter(filters: CallFilters): string {
  const conditions = [`l.offered_at >= {from:DateTime64(3, 'UTC')} AND l.offered_at < {to:DateTime64(3, 'UTC')}`];
  if (filters.queues.length) conditions.push('has({queues:Array(String)}, l.queue)');
  if (filters.agents.length) conditions.push('has({agents:Array(String)}, l.answered_by)');
  if (filters.teams.length) conditions.push(`has({teams:Array(String)}, coalesce(lt.team, lt_first.first_team, ''))`);
  if (filters.outcomes.length) conditions.push(`(${filters.outcomes.map((outcome) => OUTCOME_CONDITIONS[outcome]).join(' OR ')})`);
  return conditions.join(' AND ');
}

const TEAM_JOIN = `
  ASOF LEFT JOIN (SELECT agent_id, ts AS team_at, team FROM events WHERE tenant = {tenant:String} AND type = 'agent.state_changed' AND team != '') AS lt
    ON l.answered_by = lt.agent_id AND l.outcome_at >= lt.team_at
  LEFT JOIN (SELECT agent_id, argMin(team, ts) AS first_team FROM events WHERE tenant = {tenant:String} AND type = 'agent.state_changed' AND team != '' GROUP BY agent_id) AS lt_first
    ON lt_first.agent_id = l.answered_by`;

/**
 * A page of calls, newest first by first offered time, keyed for cursor pagination by
 * (first_offered_at, call_id). `scope` narrows the scanned events, e.g. to one call.
 */
export function callsQuery(filters: CallFilters, options: { afterCursor: boolean; scope?: string }): string {
  const fcrStatus = `multiIf(NOT c.has_final_handling, '', c.customer_hash = '', 'unmatched', repeated, 'not_resolved', NOT c.final_resolved, 'not_resolved',
      toUnixTimestamp64Milli({now:DateTime64(3, 'UTC')}) - toUnixTimestamp64Milli(c.first_offered_at) >= window_ms, 'resolved', 'pending')`;
  const conditions = ['c.call_id IN (SELECT call_id FROM matching_legs)'];
  if (filters.categories.length) conditions.push('has({categories:Array(String)}, c.category)');
  if (filters.fcr.length) conditions.push('has({fcr:Array(String)}, fcr_status)');
  if (options.afterCursor) {
    conditions.push(`(c.first_offered_at, c.call_id) < ({cursorAt:DateTime64(3, 'UTC')}, {cursorCallId:String})`);
  }
  return `WITH ${callFactCtes(options.scope)},
matching_legs AS (
  SELECT DISTINCT l.call_id AS call_id FROM leg_facts AS l ${filters.teams.length ? TEAM_JOIN : ''}
  WHERE ${legFilter(filters)}
),
repeat_candidates AS (SELECT customer_hash, category, first_offered_at AS started_at FROM call_facts WHERE customer_hash != ''),
call_legs AS (
  SELECT call_id, count() AS legs,
    arraySort(x -> x.1, groupArray((offered_at, queue, outcome, answered_by, wait_ms))) AS leg_summaries,
    sumIf(talk_end_ms - toUnixTimestamp64Milli(outcome_at) + if(wrapped_up, acw_ms, 0),
      outcome = 'call.answered' AND talk_ended AND (ended_by_transfer OR ended_without_wrapup OR wrapped_up)) AS handle_ms
  FROM leg_facts GROUP BY call_id
),
call_surveys AS (
  SELECT call_id, argMax(score, ts) AS survey_score, argMax(resolved, ts) AS survey_resolved
  FROM call_events WHERE type = 'survey.completed' GROUP BY call_id
)
SELECT c.call_id AS call_id, c.first_offered_at AS first_offered_at, c.first_queue AS first_queue, c.category AS category,
  c.customer_hash AS customer_hash, c.final_agent AS final_agent, c.final_handling_at AS final_handling_at,
  cl.legs AS legs, cl.leg_summaries AS leg_summaries, cl.handle_ms AS handle_ms,
  s.survey_score AS survey_score, s.survey_resolved AS survey_resolved,
  ${setting('fcrWindowMs', 'c.first_queue')} AS window_ms,
  ifNull(toUnixTimestamp64Milli(if(${setting('fcrSameCategoryOnly', 'c.first_queue')} = 1, next_same.started_at, next_call.started_at))
    - toUnixTimestamp64Milli(c.first_offered_at) <= window_ms, false) AS repeated,
  ${fcrStatus} AS fcr_status
FROM call_facts AS c
LEFT JOIN call_legs AS cl ON cl.call_id = c.call_id
LEFT JOIN call_surveys AS s ON s.call_id = c.call_id
ASOF LEFT JOIN repeat_candidates AS next_call ON c.customer_hash = next_call.customer_hash AND c.first_offered_at < next_call.started_at
ASOF LEFT JOIN repeat_candidates AS next_same ON c.customer_hash = next_same.customer_hash AND c.category = next_same.category
  AND c.first_offered_at < next_same.started_at
WHERE ${conditions.join(' AND ')}
ORDER BY c.first_offered_at DESC, c.call_id DESC
LIMIT {limit:UInt32}
SETTINGS join_use_nulls = 1, enable_materialized_cte = 1`;
}

/** One call's events, in order, for its timeline. */
export const CALL_EVENTS_QUERY = `
SELECT event_id, type, ts, queue, agent_id, category, channel, reason, to_queue, ended_by, wrapup, disposition, score, resolved, customer_hash != '' AS has_customer
FROM events FINAL
WHERE tenant = {tenant:String} AND call_id = {callId:String}
ORDER BY ts, event_id
LIMIT 10000`;

/** One call's legs with every per-leg fact (METRICS.md "Per leg"). */
export function callLegsQuery(): string {
  return `WITH ${callFactCtes('call_id = {callId:String}')}
SELECT leg_id, queue, offered_at, outcome, outcome_at, answered_by, wait_ms, talk_ended, ended_by_transfer, ended_without_wrapup,
  talk_end_ms, hold_ms, wrapped_up, if(wrapped_up, acw_ms, 0) AS acw_ms, if(wrapped_up, disposition, '') AS disposition
FROM leg_facts ORDER BY offered_at, leg_id
SETTINGS join_use_nulls = 1, enable_materialized_cte = 1`;
}
