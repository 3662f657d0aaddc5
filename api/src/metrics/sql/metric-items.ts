// The metrics query: every leg, call, survey and agent-state interval of the period becomes an
// "item" row carrying its group key and its contribution to each count; one GROUP BY sums them.
import { callFactCtes } from './call-facts';
import { bucketStartSeconds, SHORTEST_BUCKET_MS, type BucketKind } from './buckets';

export const DIMENSIONS = ['queue', 'agent', 'team', 'category'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Items are grouped by a dimension, a time bucket, both (trends) or neither (totals). */
export interface Grouping {
  dimension?: Dimension;
  bucket?: BucketKind;
}

export interface MetricFilters {
  queues: readonly string[];
  agents: readonly string[];
  teams: readonly string[];
  categories: readonly string[];
}

/** Columns every item row has, summed per group. Sources that do not contribute to one give 0. */
export const ITEM_COLUMNS = [
  'offered',
  'answered',
  'abandoned',
  'flowed_out',
  'waiting',
  'short_abandoned',
  'answered_within_service_level',
  'answer_wait_ms',
  'abandon_wait_ms',
  'handled',
  'talk_ms',
  'hold_ms',
  'acw_ms',
  'transferred',
  'wrapups',
  'escalated',
  'contacts',
  'fcr_decided',
  'fcr_resolved',
  'fcr_unmatched',
  'surveys',
  'score_sum',
  'top_two_box_surveys',
  'surveys_answering_resolved',
  'surveys_resolved',
  'occupied_ms',
  'staffed_ms',
] as const;
export type ItemColumn = (typeof ITEM_COLUMNS)[number];

// `totals_only` items count towards the totals and no group: agent time when grouping by queue or category.
function itemSelect(keys: ItemKeys, contributions: Partial<Record<ItemColumn, string>>, totalsOnly = false): string {
  const columns = ITEM_COLUMNS.map((column) => `toInt64(${contributions[column] ?? '0'}) AS ${column}`);
  return `SELECT ${keys.group}, ${keys.bucket}, ${totalsOnly ? 1 : 0} AS totals_only, ${columns.join(', ')}`;
}

/** SQL for a per-queue setting of `queue` (bound arrays, see SETTING_PARAMETERS), falling back to the default. */
export const setting = (name: string, queue: string): string =>
  `transform(${queue}, {settingQueues:Array(String)}, {${name}:Array(Int64)}, {${name}Default:Int64})`;

/** Parameter types of the settings arrays: one entry per queue with its own settings, and a default. */
export const SETTING_PARAMETERS = ['serviceLevelMs', 'shortAbandonMs', 'fcrWindowMs', 'fcrSameCategoryOnly'] as const;

// The agent's team at a moment: their latest team at or before it, else their earliest one.
const TEAM_CTES = `
agent_teams AS (
  SELECT agent_id, ts AS team_at, team FROM events
  WHERE tenant = {tenant:String} AND type = 'agent.state_changed' AND team != '' AND ts < {scanTo:DateTime64(3, 'UTC')}
),
first_teams AS (SELECT agent_id, argMin(team, team_at) AS first_team FROM agent_teams GROUP BY agent_id)`;

function teamJoin(alias: string, agent: string, at: string): string {
  return `ASOF LEFT JOIN agent_teams AS ${alias} ON ${agent} = ${alias}.agent_id AND ${at} >= ${alias}.team_at
  LEFT JOIN first_teams AS ${alias}_first ON ${alias}_first.agent_id = ${agent}`;
}
const teamOf = (alias: string): string => `coalesce(${alias}.team, ${alias}_first.first_team, '')`;

interface SourceKeys {
  queue: string;
  agent: string;
  team: string;
  category: string;
  time: string;
}

interface ItemKeys {
  group: string;
  bucket: string;
}

function keyFor(grouping: Grouping, keys: SourceKeys): ItemKeys {
  return {
    group: `${grouping.dimension ? keys[grouping.dimension] : `''`} AS group_key`,
    bucket: `${grouping.bucket ? bucketStartSeconds(grouping.bucket, keys.time) : '0'} AS bucket_key`,
  };
}

function filterFor(filters: MetricFilters, keys: Omit<SourceKeys, 'time'>): string {
  const conditions = ['true'];
  if (filters.queues.length) conditions.push(`has({queues:Array(String)}, ${keys.queue})`);
  if (filters.agents.length) conditions.push(`has({agents:Array(String)}, ${keys.agent})`);
  if (filters.teams.length) conditions.push(`has({teams:Array(String)}, ${keys.team})`);
  if (filters.categories.length) conditions.push(`has({categories:Array(String)}, ${keys.category})`);
  return conditions.join(' AND ');
}

const IN_PERIOD = (ts: string): string => `${ts} >= {from:DateTime64(3, 'UTC')} AND ${ts} < {to:DateTime64(3, 'UTC')}`;

function legItems(grouping: Grouping, filters: MetricFilters, withTeams: boolean): string {
  const keys = { queue: 'l.queue', agent: 'l.answered_by', team: teamOf('lt'), category: 'c.category', time: 'l.offered_at' };
  const answered = `l.outcome = 'call.answered'`;
  const abandoned = `l.outcome = 'call.abandoned'`;
  const shortAbandoned = `(${abandoned} AND l.wait_ms < ${setting('shortAbandonMs', 'l.queue')})`;
  const handled = `(${answered} AND l.talk_ended AND (l.ended_by_transfer OR l.ended_without_wrapup OR l.wrapped_up))`;
  const handledTalkMs = `l.talk_end_ms - toUnixTimestamp64Milli(l.outcome_at) - l.hold_ms`;
  return `${itemSelect(keyFor(grouping, keys), {
    offered: '1',
    answered,
    abandoned,
    flowed_out: `l.outcome = 'call.flowed_out'`,
    waiting: `l.outcome = ''`,
    short_abandoned: shortAbandoned,
    answered_within_service_level: `${answered} AND l.wait_ms <= ${setting('serviceLevelMs', 'l.queue')}`,
    answer_wait_ms: `if(${answered}, l.wait_ms, 0)`,
    abandon_wait_ms: `if(${abandoned} AND NOT ${shortAbandoned}, l.wait_ms, 0)`,
    handled,
    talk_ms: `if(${handled}, ${handledTalkMs}, 0)`,
    hold_ms: `if(${handled}, l.hold_ms, 0)`,
    acw_ms: `if(${handled} AND l.wrapped_up, l.acw_ms, 0)`,
    transferred: `${answered} AND l.ended_by_transfer`,
    wrapups: 'l.wrapped_up',
    escalated: `l.wrapped_up AND l.disposition = 'escalated'`,
  })}
  FROM leg_facts AS l INNER JOIN call_facts AS c ON c.call_id = l.call_id
  ${withTeams ? teamJoin('lt', 'l.answered_by', 'l.outcome_at') : ''}
  WHERE ${IN_PERIOD('l.offered_at')} AND ${filterFor(filters, keys)}`;
}

function callItems(grouping: Grouping, filters: MetricFilters, withTeams: boolean): string {
  const keys = { queue: 'c.first_queue', agent: 'c.final_agent', team: teamOf('ct'), category: 'c.category', time: 'c.first_offered_at' };
  const windowMs = setting('fcrWindowMs', 'c.first_queue');
  const repeatAt = `if(${setting('fcrSameCategoryOnly', 'c.first_queue')} = 1, next_same.started_at, next_call.started_at)`;
  const repeated = `ifNull(toUnixTimestamp64Milli(${repeatAt}) - toUnixTimestamp64Milli(c.first_offered_at) <= ${windowMs}, false)`;
  const windowPassed = `toUnixTimestamp64Milli({now:DateTime64(3, 'UTC')}) - toUnixTimestamp64Milli(c.first_offered_at) >= ${windowMs}`;
  const contact = `(c.has_final_handling AND c.customer_hash != '')`;
  const decided = `(${contact} AND (${repeated} OR NOT c.final_resolved OR ${windowPassed}))`;
  return `${itemSelect(keyFor(grouping, keys), {
    contacts: contact,
    fcr_decided: decided,
    fcr_resolved: `${decided} AND c.final_resolved AND NOT ${repeated}`,
    fcr_unmatched: `c.has_final_handling AND c.customer_hash = ''`,
  })}
  FROM (SELECT * FROM call_facts WHERE ${IN_PERIOD('first_offered_at')}) AS c
  ASOF LEFT JOIN repeat_candidates AS next_call ON c.customer_hash = next_call.customer_hash AND c.first_offered_at < next_call.started_at
  ASOF LEFT JOIN repeat_candidates AS next_same ON c.customer_hash = next_same.customer_hash AND c.category = next_same.category
    AND c.first_offered_at < next_same.started_at
  ${withTeams ? teamJoin('ct', 'c.final_agent', 'c.final_handling_at') : ''}
  WHERE c.has_final_handling AND ${filterFor(filters, keys)}`;
}

function surveyItems(grouping: Grouping, filters: MetricFilters, withTeams: boolean): string {
  const keys = { queue: 'c.first_queue', agent: 'c.final_agent', team: teamOf('st'), category: 'c.category', time: 'c.first_offered_at' };
  return `${itemSelect(keyFor(grouping, keys), {
    surveys: '1',
    score_sum: 's.score',
    top_two_box_surveys: 's.score >= 4',
    surveys_answering_resolved: 's.resolved IS NOT NULL',
    surveys_resolved: 'ifNull(s.resolved, false)',
  })}
  FROM (SELECT call_id, score, resolved FROM call_events WHERE type = 'survey.completed') AS s
  INNER JOIN call_facts AS c ON c.call_id = s.call_id
  ${withTeams ? teamJoin('st', 'c.final_agent', 'c.final_handling_at') : ''}
  WHERE ${IN_PERIOD('c.first_offered_at')} AND ${filterFor(filters, keys)}`;
}

// Each agent state lasts until the agent's next one (or now), clipped to the period; for time
// groupings an interval is cut where buckets start.
function occupancyItems(grouping: Grouping, filters: MetricFilters, withTeams: boolean): string {
  const bucket = grouping.bucket;
  const cuts = !bucket
    ? '[]'
    : `arraySort(arrayDistinct(arrayFilter(x -> x > start_ms, arrayMap(p -> toInt64(${bucketStartSeconds(bucket, "fromUnixTimestamp64Milli(p, 'UTC')")}) * 1000,
          arrayConcat(arrayMap(k -> start_ms + toInt64(k) * ${SHORTEST_BUCKET_MS[bucket]}, range(1, toUInt64(intDiv(end_ms - start_ms - 1, ${SHORTEST_BUCKET_MS[bucket]}) + 1))), [end_ms - 1])))))`;
  const pieceStart = `fromUnixTimestamp64Milli(bounds[piece], 'UTC')`;
  const team = `if(i.team != '', i.team, ${teamOf('it')})`;
  const keys = { queue: `''`, agent: 'i.agent_id', team, category: `''`, time: pieceStart };
  const totalsOnly = grouping.dimension === 'queue' || grouping.dimension === 'category';
  const pieceMs = `bounds[piece + 1] - bounds[piece]`;
  const contributions = { occupied_ms: `if(i.state IN ('on_call', 'wrap_up'), ${pieceMs}, 0)`, staffed_ms: pieceMs };
  return `${itemSelect(keyFor(totalsOnly ? {} : grouping, keys), contributions, totalsOnly)}
  FROM (
    SELECT *, arrayConcat([start_ms], ${cuts}, [end_ms]) AS bounds
    FROM (
      SELECT agent_id, state, team, started_at,
        greatest(toUnixTimestamp64Milli(started_at), toUnixTimestamp64Milli({from:DateTime64(3, 'UTC')})) AS start_ms,
        least(toUnixTimestamp64Milli(ended_at), toUnixTimestamp64Milli({now:DateTime64(3, 'UTC')}), toUnixTimestamp64Milli({to:DateTime64(3, 'UTC')})) AS end_ms
      FROM agent_states
    )
    WHERE state IN ('available', 'on_call', 'wrap_up') AND end_ms > start_ms
  ) AS i
  ARRAY JOIN arrayEnumerate(arrayPopBack(bounds)) AS piece
  ${withTeams ? teamJoin('it', 'i.agent_id', 'i.started_at') : ''}
  WHERE ${filterFor({ ...filters, queues: [], categories: [] }, keys)}`;
}

const AGENT_STATES_CTE = `
agent_states AS (
  SELECT agent_id, state, team, ts AS started_at,
    leadInFrame(ts, 1, {now:DateTime64(3, 'UTC')}) OVER (PARTITION BY agent_id ORDER BY ts ASC ROWS BETWEEN CURRENT ROW AND 1 FOLLOWING) AS ended_at
  FROM events
  WHERE tenant = {tenant:String} AND type = 'agent.state_changed'
    AND ts >= {scanFrom:DateTime64(3, 'UTC')} AND ts < {to:DateTime64(3, 'UTC')}
)`;

/** The metrics query: one row per group key with every item column summed. */
export function metricsQuery(grouping: Grouping, filters: MetricFilters): string {
  const withTeams = grouping.dimension === 'team' || filters.teams.length > 0;
  // Agent time belongs to no queue or category: with such a filter there is no occupancy.
  const withOccupancy = filters.queues.length === 0 && filters.categories.length === 0;
  const sources = [
    legItems(grouping, filters, withTeams),
    callItems(grouping, filters, withTeams),
    surveyItems(grouping, filters, withTeams),
  ];
  if (withOccupancy) sources.push(occupancyItems(grouping, filters, withTeams));
  return `WITH ${callFactCtes()},
repeat_candidates AS (SELECT customer_hash, category, first_offered_at AS started_at FROM call_facts WHERE customer_hash != ''),
${withOccupancy ? `${AGENT_STATES_CTE},` : ''}
${withTeams ? `${TEAM_CTES},` : ''}
items AS (
${sources.join('\nUNION ALL\n')}
)
SELECT group_key, bucket_key, totals_only, ${ITEM_COLUMNS.map((column) => `sum(${column}) AS ${column}`).join(', ')}
FROM items GROUP BY group_key, bucket_key, totals_only
SETTINGS join_use_nulls = 1, enable_materialized_cte = 1`;
}
