import { Heap } from 'heap-js';
import type { AgentState, FlowOutReason } from '../contract';
import type { PlannedCall } from './arrivals';
import { EventLog, type TimedEvent } from './event-log';
import type { LocalDay } from './local-day';
import type { CentreProfile, Duration, QueueProfile } from './profile';
import { Random } from './random';
import { Floor, type Agent, type Call, type Leg } from './floor';
import { rosterOf, type PlannedBreak, type RosterEntry } from './roster';
import { surveyAnswer } from './surveys';

interface Scheduled {
  at: number;
  order: number;
  action: (at: number) => void;
}

/** A call visits at most this many queues; beyond it, transfers and overflows stop. */
const MAX_LEGS = 3;
const RECLASSIFIED_SHARE = 0.05;
const ENDED_BY_CUSTOMER_SHARE = 0.7;
const SHORT_ABANDON_MAX_SECONDS = 4.9;
const MAX_SURVEY_DELAY_MS = 3_600_000;

/**
 * One local day of the centre, from an empty floor at midnight until its last call is done
 * (which may be after the next midnight). Everything is drawn from streams seeded by
 * (seed, day), so the day's events never depend on any other day's simulation.
 */
export function simulateDay(
  day: LocalDay,
  calls: readonly PlannedCall[],
  profile: CentreProfile,
  seed: number,
  log: EventLog,
): TimedEvent[] {
  new DaySimulation(day, profile, seed, log).run(calls);
  return log.sorted();
}

class DaySimulation {
  private readonly random: Random;
  private readonly schedule = new Heap<Scheduled>((a, b) => a.at - b.at || a.order - b.order);
  private scheduledCount = 0;
  private readonly queues: Map<string, QueueProfile>;
  private readonly floor: Floor;

  constructor(
    private readonly day: LocalDay,
    private readonly profile: CentreProfile,
    private readonly seed: number,
    private readonly log: EventLog,
  ) {
    this.random = Random.for(seed, 'day', day.key);
    this.queues = new Map(profile.queues.map((queue) => [queue.id, queue]));
    this.floor = new Floor(profile.queues);
  }

  run(calls: readonly PlannedCall[]): void {
    const agents = rosterOf(this.day, this.profile, this.seed).map((entry) => this.planShift(entry));
    // Logouts after every login: at a shift change the queue stays staffed.
    agents.forEach(({ agent, entry }) => this.at(entry.shiftEnd, (at) => this.logoutDue(agent, at)));
    for (const plan of calls) {
      const call: Call = { callId: plan.callId, idPrefix: plan.callId, eventCount: 0, plan, legs: 0, firstWaitMs: 0 };
      this.at(plan.offeredAt, (at) => this.offer(call, this.queue(plan.queue), at));
    }
    for (let next = this.schedule.pop(); next; next = this.schedule.pop()) next.action(next.at);
  }

  private at(at: number, action: (at: number) => void): void {
    this.schedule.push({ at: Math.round(at), order: this.scheduledCount++, action });
  }

  private planShift(entry: RosterEntry): { agent: Agent; entry: RosterEntry } {
    const agent: Agent = {
      agentId: entry.agentId,
      team: entry.team,
      idPrefix: `${entry.agentId}-c${this.seed}-${this.day.key.replaceAll('-', '')}`,
      eventCount: 0,
      queues: entry.queues.map((id) => this.queue(id)),
      status: 'offline',
      reported: 'offline',
      idleSince: 0,
      pendingBreak: undefined,
      pendingLogout: false,
    };
    this.floor.add(agent);
    this.at(entry.shiftStart, (at) => this.login(agent, at));
    for (const planned of entry.breaks) this.at(planned.start, (at) => this.breakDue(agent, planned, at));
    return { agent, entry };
  }

  // Calls

  private offer(call: Call, queue: QueueProfile, at: number): void {
    call.legs++;
    const { customerId, category } = call.plan;
    this.log.call(call, 'call.offered', at, { queue: queue.id, category, ...(customerId === undefined ? {} : { customerId }) });
    const leg: Leg = { call, queue, offeredAt: at, waiting: false };
    if (!this.floor.staffed(queue)) return this.flowOut(leg, 'no_agents', at);
    const agent = this.floor.longestIdle(queue);
    if (agent) return this.connect(leg, agent, at);
    leg.waiting = true;
    this.floor.enqueue(leg);
    if (queue.patience) {
      const patienceSeconds = this.random.chance(queue.shortAbandonShare ?? 0)
        ? this.random.between(0.5, SHORT_ABANDON_MAX_SECONDS)
        : this.random.lognormal(queue.patience.median, queue.patience.sigma);
      this.at(at + patienceSeconds * 1000, (when) => this.outOfPatience(leg, when));
    }
    if (queue.timeout) this.at(at + queue.timeout.seconds * 1000, (when) => this.timedOut(leg, when));
  }

  private outOfPatience(leg: Leg, at: number): void {
    if (!leg.waiting) return;
    leg.waiting = false;
    if (this.random.chance(leg.queue.callbackKeyShare ?? 0)) return this.flowOut(leg, 'key', at);
    this.log.call(leg.call, 'call.abandoned', at, { queue: leg.queue.id });
  }

  private timedOut(leg: Leg, at: number): void {
    if (!leg.waiting) return;
    this.flowOut(leg, 'timeout', at, leg.queue.timeout?.toQueue);
  }

  private flowOut(leg: Leg, reason: FlowOutReason, at: number, toQueue?: string): void {
    leg.waiting = false;
    this.log.call(leg.call, 'call.flowed_out', at, { queue: leg.queue.id, reason });
    if (toQueue !== undefined && leg.call.legs < MAX_LEGS) this.offer(leg.call, this.queue(toQueue), at);
  }

  private connect(leg: Leg, agent: Agent, at: number): void {
    leg.waiting = false;
    agent.status = 'busy';
    const ring = this.profile.ring ? this.draw(this.profile.ring) : 0;
    if (ring > 0) this.at(at + ring, (when) => this.answer(leg, agent, when));
    else this.answer(leg, agent, at);
  }

  private answer(leg: Leg, agent: Agent, at: number): void {
    const { call, queue } = leg;
    if (call.legs === 1) call.firstWaitMs = at - leg.offeredAt;
    this.log.call(call, 'call.answered', at, { queue: queue.id, agentId: agent.agentId });
    this.report(agent, 'on_call', at);
    const talk = this.draw(queue.talk);
    let hold = 0;
    if (queue.hold && this.random.chance(queue.hold.share)) {
      hold = this.draw(queue.hold.duration);
      const holdStart = Math.round(at + talk * this.random.between(0.2, 0.8));
      this.log.call(call, 'call.hold_started', holdStart, { agentId: agent.agentId });
      this.log.call(call, 'call.hold_ended', holdStart + hold, { agentId: agent.agentId });
    }
    const transferTo = queue.transfer && call.legs < MAX_LEGS && this.random.chance(queue.transfer.share);
    const target = transferTo ? this.random.weighted(queue.transfer!.toQueues) : undefined;
    this.at(at + talk + hold, (when) => (target ? this.transfer(call, agent, target, when) : this.endTalk(call, queue, agent, when)));
  }

  private transfer(call: Call, agent: Agent, toQueue: string, at: number): void {
    this.log.call(call, 'call.transferred', at, { agentId: agent.agentId, toQueue });
    this.release(agent, at);
    this.offer(call, this.queue(toQueue), at);
  }

  private endTalk(call: Call, queue: QueueProfile, agent: Agent, at: number): void {
    const endedBy = this.random.chance(ENDED_BY_CUSTOMER_SHARE) ? 'customer' : 'agent';
    if (!this.profile.afterCallWork) {
      this.log.call(call, 'call.ended', at, { agentId: agent.agentId, endedBy, wrapup: false });
      this.survey(call, at);
      return this.release(agent, at);
    }
    this.log.call(call, 'call.ended', at, { agentId: agent.agentId, endedBy });
    this.report(agent, 'wrap_up', at);
    this.at(at + this.draw(this.profile.afterCallWork), (when) => this.wrapUp(call, queue, agent, when));
  }

  private wrapUp(call: Call, queue: QueueProfile, agent: Agent, at: number): void {
    const category = this.random.chance(RECLASSIFIED_SHARE) ? this.random.weighted(queue.categories) : undefined;
    const { disposition } = call.plan;
    this.log.call(call, 'call.wrapup_completed', at, { agentId: agent.agentId, disposition, ...(category ? { category } : {}) });
    this.survey(call, at);
    this.release(agent, at);
  }

  private survey(call: Call, at: number): void {
    if (!this.profile.surveys) return;
    const answer = surveyAnswer(this.profile.surveys, call.plan.disposition, call.firstWaitMs, this.random);
    if (!answer) return;
    const delay = Math.min(this.random.lognormal(120_000, 0.8), MAX_SURVEY_DELAY_MS);
    this.log.call(call, 'survey.completed', at + Math.round(delay), answer);
  }

  // Agents

  private login(agent: Agent, at: number): void {
    agent.status = 'available';
    agent.idleSince = at;
    this.report(agent, 'available', at);
    this.release(agent, at);
  }

  /** The agent is free: to log off, take a due break, take the next waiting call, or wait for one. */
  private release(agent: Agent, at: number): void {
    if (agent.pendingLogout) return this.logout(agent, at);
    if (agent.pendingBreak) return this.startBreak(agent, agent.pendingBreak, at);
    const next = this.floor.nextWaiting(agent);
    if (!next || this.profile.ring) this.report(agent, 'available', at);
    agent.status = 'available';
    agent.idleSince = at;
    if (next) this.connect(next, agent, at);
  }

  private breakDue(agent: Agent, planned: PlannedBreak, at: number): void {
    if (agent.status === 'offline' || agent.pendingLogout) return;
    if (agent.status === 'available') this.startBreak(agent, planned, at);
    else agent.pendingBreak = planned;
  }

  private startBreak(agent: Agent, planned: PlannedBreak, at: number): void {
    agent.pendingBreak = undefined;
    agent.status = 'break';
    this.report(agent, 'break', at, planned.reason);
    this.at(at + planned.end - planned.start, (when) => {
      if (agent.status === 'break') this.release(agent, when);
    });
  }

  private logoutDue(agent: Agent, at: number): void {
    agent.pendingLogout = true;
    if (agent.status === 'available' || agent.status === 'break') this.logout(agent, at);
  }

  private logout(agent: Agent, at: number): void {
    agent.status = 'offline';
    agent.pendingBreak = undefined;
    this.report(agent, 'offline', at);
    for (const queue of agent.queues) {
      if (this.floor.staffed(queue)) continue;
      for (const leg of this.floor.drain(queue)) this.flowOut(leg, 'no_agents', at);
    }
  }

  private report(agent: Agent, state: AgentState, at: number, reason?: string): void {
    if (agent.reported === state && state !== 'break') return;
    agent.reported = state;
    this.log.agent(agent, state, at, reason);
  }

  private queue(id: string): QueueProfile {
    const queue = this.queues.get(id);
    if (!queue) throw new Error(`the profile names an unknown queue "${id}"`);
    return queue;
  }

  private draw(duration: Duration): number {
    const seconds =
      duration.kind === 'exponential' ? this.random.exponential(duration.mean) : this.random.lognormal(duration.median, duration.sigma);
    return Math.max(1, Math.round(seconds * 1000));
  }
}
