import { callTimeline, transferTarget } from './leg-timeline';
import type { CallDetail, LegDetail } from './hooks/use-calls';

// EVENTS.md's answered call: offered 09:00:00, answered 09:00:12, hold 09:02:00–09:02:30,
// ended 09:05:12, wrap-up completed 09:06:00. The axis runs 09:00:00–09:06:00 = 360 s.
const leg: LegDetail = {
  legId: 'c-1#0',
  queue: 'billing',
  offeredAt: '2026-11-22T09:00:00+08:00',
  outcome: 'answered',
  outcomeAt: '2026-11-22T09:00:12+08:00',
  agent: 'a-7',
  waitSeconds: 12,
  talkSeconds: 270,
  holdSeconds: 30,
  acwSeconds: 48,
  handleSeconds: 348,
  endedBy: 'end',
  disposition: 'resolved',
};
const event = (type: string, ts: string, extra: Record<string, unknown> = {}) => ({ type, ts: `2026-11-22T${ts}+08:00`, ...extra });
const events: CallDetail['events'] = [
  event('call.offered', '09:00:00', { queue: 'billing' }),
  event('call.answered', '09:00:12', { queue: 'billing', agentId: 'a-7' }),
  event('call.hold_started', '09:02:00', { agentId: 'a-7' }),
  event('call.hold_ended', '09:02:30', { agentId: 'a-7' }),
  event('call.ended', '09:05:12', { agentId: 'a-7' }),
  event('call.wrapup_completed', '09:06:00', { agentId: 'a-7', disposition: 'resolved' }),
  event('survey.completed', '09:07:00', { score: 5 }),
];

describe('callTimeline', () => {
  it('cuts a leg with a hold into waiting, talk, hold, talk and wrap-up, as shares of the call', () => {
    const [segments] = callTimeline([leg], events);
    const rounded = segments!.map((segment) => ({
      kind: segment.kind,
      seconds: segment.seconds,
      left: Number(segment.left.toFixed(3)),
      width: Number(segment.width.toFixed(3)),
    }));
    expect(rounded).toEqual([
      { kind: 'wait', seconds: 12, left: 0, width: 3.333 }, // 12 / 360
      { kind: 'talk', seconds: 108, left: 3.333, width: 30 }, // 09:00:12–09:02:00: 108 / 360
      { kind: 'hold', seconds: 30, left: 33.333, width: 8.333 }, // 30 / 360
      { kind: 'talk', seconds: 162, left: 41.667, width: 45 }, // 09:02:30–09:05:12: 162 / 360
      { kind: 'wrapUp', seconds: 48, left: 86.667, width: 13.333 }, // 48 / 360, ending at 100 %
    ]);
    // talk 108 + 162 = 270 and hold 30, as the api's leg says.
  });

  it('puts a transferred call’s second leg after the first on the same axis', () => {
    const first: LegDetail = { ...leg, talkSeconds: 48, holdSeconds: 0, acwSeconds: 0, endedBy: 'transfer', disposition: null };
    const second: LegDetail = {
      ...leg,
      legId: 'c-1#1',
      queue: 'vip',
      offeredAt: '2026-11-22T09:01:00+08:00',
      outcomeAt: '2026-11-22T09:01:20+08:00',
      agent: 'a-9',
      talkSeconds: 100,
      holdSeconds: 0,
      acwSeconds: 0,
    };
    const transferEvents = [
      event('call.offered', '09:00:00', { queue: 'billing' }),
      event('call.answered', '09:00:12', { queue: 'billing', agentId: 'a-7' }),
      event('call.transferred', '09:01:00', { agentId: 'a-7', toQueue: 'vip' }),
      event('call.offered', '09:01:00', { queue: 'vip' }),
      event('call.answered', '09:01:20', { queue: 'vip', agentId: 'a-9' }),
      event('call.ended', '09:03:00', { agentId: 'a-9', wrapup: false }),
    ];
    // Axis 09:00:00–09:03:00 = 180 s; the second leg waits 09:01:00–09:01:20 and talks 100 s.
    const [, later] = callTimeline([first, second], transferEvents);
    expect(later!.map((segment) => [segment.kind, Number(segment.left.toFixed(3)), Number(segment.width.toFixed(3))])).toEqual([
      ['wait', 33.333, 11.111],
      ['talk', 44.444, 55.556],
    ]);
    expect(transferTarget(first, transferEvents)).toBe('vip');
    expect(transferTarget(second, transferEvents)).toBeNull();
  });
});
