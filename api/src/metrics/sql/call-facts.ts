// The per-leg and per-call facts every metric is computed from, as ClickHouse CTEs.
// api/METRICS-READING.md states the rules these statements implement, in the same order.

/** Parameters the fact CTEs bind: tenant, the scanned event range and `now`. */
export const FACT_PARAMETER_TYPES = {
  tenant: 'String',
  scanFrom: "DateTime64(3, 'UTC')",
  scanTo: "DateTime64(3, 'UTC')",
  now: "DateTime64(3, 'UTC')",
} as const;

const OUTCOME_TYPES = `['call.answered', 'call.abandoned', 'call.flowed_out']`;
const HANDLING_TYPES = `('call.hold_started', 'call.hold_ended', 'call.transferred', 'call.ended', 'call.wrapup_completed')`;
const TALK_END_TYPES = `('call.transferred', 'call.ended')`;

/**
 * CTEs `call_events` … `call_facts`, over the events of [scanFrom, scanTo). `callScope` narrows
 * the scan further (e.g. to one call) and may reference bound parameters.
 */
export function callFactCtes(callScope = 'true'): string {
  return `
call_events AS (
  SELECT event_id, type, ts, call_id, queue, agent_id, customer_hash, category, wrapup, disposition, score, resolved
  FROM events FINAL
  WHERE tenant = {tenant:String} AND ts >= {scanFrom:DateTime64(3, 'UTC')} AND ts < {scanTo:DateTime64(3, 'UTC')}
    AND type != 'agent.state_changed' AND (${callScope})
),
offers AS MATERIALIZED (
  SELECT event_id AS leg_id, call_id, queue, ts AS offered_at, customer_hash, category AS offered_category
  FROM call_events WHERE type = 'call.offered'
),
leg_outcomes AS MATERIALIZED (
  SELECT o.leg_id AS leg_id,
    argMin(e.type, (e.ts, indexOf(${OUTCOME_TYPES}, e.type))) AS outcome,
    min(e.ts) AS outcome_at,
    argMin(e.agent_id, (e.ts, indexOf(${OUTCOME_TYPES}, e.type))) AS answered_by
  FROM (SELECT call_id, queue, ts, type, agent_id FROM call_events WHERE has(${OUTCOME_TYPES}, type)) AS e
  ASOF INNER JOIN offers AS o ON e.call_id = o.call_id AND e.queue = o.queue AND e.ts >= o.offered_at
  GROUP BY leg_id
),
answers AS MATERIALIZED (
  SELECT o.call_id AS call_id, l.leg_id AS leg_id, l.outcome_at AS answered_at
  FROM leg_outcomes AS l INNER JOIN offers AS o ON o.leg_id = l.leg_id
  WHERE l.outcome = 'call.answered'
),
handling AS MATERIALIZED (
  SELECT a.leg_id AS leg_id, e.call_id AS call_id, e.type AS type, e.ts AS ts, e.wrapup AS wrapup,
    e.disposition AS disposition, e.category AS category, e.agent_id AS agent_id
  FROM (SELECT call_id, type, ts, wrapup, disposition, category, agent_id FROM call_events WHERE type IN ${HANDLING_TYPES}) AS e
  ASOF INNER JOIN answers AS a ON e.call_id = a.call_id AND e.ts >= a.answered_at
),
leg_handling AS (
  SELECT leg_id,
    minIfOrNull(ts, type IN ${TALK_END_TYPES}) AS talk_end_at,
    argMinIf(type, (ts, type = 'call.ended'), type IN ${TALK_END_TYPES}) AS talk_end_type,
    argMinIf(wrapup, (ts, type = 'call.ended'), type IN ${TALK_END_TYPES}) AS talk_end_wrapup,
    arrayDistinct(groupArrayIf(toUnixTimestamp64Milli(ts), type = 'call.hold_started')) AS hold_starts,
    groupArrayIf(toUnixTimestamp64Milli(ts), type = 'call.hold_ended') AS hold_ends,
    arraySort(groupArrayIf((ts, disposition), type = 'call.wrapup_completed')) AS wrapups
  FROM handling GROUP BY leg_id
),
leg_facts AS MATERIALIZED (
  SELECT o.leg_id AS leg_id, o.call_id AS call_id, o.queue AS queue, o.offered_at AS offered_at,
    ifNull(lo.outcome, '') AS outcome, lo.outcome_at AS outcome_at, ifNull(lo.answered_by, '') AS answered_by,
    toUnixTimestamp64Milli(lo.outcome_at) - toUnixTimestamp64Milli(o.offered_at) AS wait_ms,
    lh.talk_end_at IS NOT NULL AS talk_ended,
    ifNull(lh.talk_end_type, '') = 'call.transferred' AS ended_by_transfer,
    ifNull(lh.talk_end_type, '') = 'call.ended' AND NOT ifNull(lh.talk_end_wrapup, true) AS ended_without_wrapup,
    toUnixTimestamp64Milli(ifNull(lh.talk_end_at, o.offered_at)) AS talk_end_ms,
    if(ifNull(lh.talk_end_type, '') = 'call.ended' AND ifNull(lh.talk_end_wrapup, true),
       arrayFirstIndex(w -> w.1 >= lh.talk_end_at, ifNull(lh.wrapups, [])), 0) AS wrapup_index,
    wrapup_index > 0 AS wrapped_up,
    toUnixTimestamp64Milli(lh.wrapups[wrapup_index].1) - talk_end_ms AS acw_ms,
    lh.wrapups[wrapup_index].2 AS disposition,
    arraySum(arrayMap(s -> arrayMin(arrayConcat([talk_end_ms], arrayFilter(e -> e >= s, lh.hold_ends), arrayFilter(n -> n > s, lh.hold_starts))) - s,
      arrayFilter(s -> s < talk_end_ms, ifNull(lh.hold_starts, [])))) AS hold_ms
  FROM offers AS o
  LEFT JOIN leg_outcomes AS lo ON lo.leg_id = o.leg_id
  LEFT JOIN leg_handling AS lh ON lh.leg_id = o.leg_id
),
call_handling AS (
  SELECT call_id,
    argMaxIf(category, ts, type = 'call.wrapup_completed' AND category != '') AS wrapup_category,
    maxIfOrNull(ts, type = 'call.wrapup_completed') AS last_wrapup_at,
    argMaxIf(disposition, ts, type = 'call.wrapup_completed') AS last_disposition,
    argMaxIf(agent_id, ts, type = 'call.wrapup_completed') AS last_wrapup_agent,
    maxIfOrNull(ts, type = 'call.ended' AND wrapup = false) AS last_unwrapped_end_at,
    argMaxIf(agent_id, ts, type = 'call.ended' AND wrapup = false) AS last_unwrapped_agent
  FROM handling GROUP BY call_id
),
calls AS (
  SELECT call_id,
    min(offered_at) AS first_offered_at,
    argMin(queue, (offered_at, leg_id)) AS first_queue,
    argMin(offered_category, (offered_at, leg_id)) AS first_offered_category,
    argMinIf(customer_hash, (offered_at, leg_id), customer_hash != '') AS customer_hash
  FROM offers GROUP BY call_id
),
call_facts AS MATERIALIZED (
  SELECT c.call_id AS call_id, c.first_offered_at AS first_offered_at, c.first_queue AS first_queue, c.customer_hash AS customer_hash,
    if(ifNull(h.wrapup_category, '') != '', h.wrapup_category, c.first_offered_category) AS category,
    h.last_wrapup_at IS NOT NULL OR h.last_unwrapped_end_at IS NOT NULL AS has_final_handling,
    if(h.last_wrapup_at IS NOT NULL, h.last_wrapup_at, h.last_unwrapped_end_at) AS final_handling_at,
    if(h.last_wrapup_at IS NOT NULL, h.last_wrapup_agent, h.last_unwrapped_agent) AS final_agent,
    if(h.last_wrapup_at IS NOT NULL, h.last_disposition = 'resolved', true) AS final_resolved
  FROM calls AS c LEFT JOIN call_handling AS h ON h.call_id = c.call_id
)`;
}
