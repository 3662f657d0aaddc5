import type { MetricsResponseDto } from '@callboard/api';
import { teamCards } from './scorecard-rows';

type Group = MetricsResponseDto['groups'][number];
const agent = (id: string | null, handled: number, ahtSeconds: number | null) =>
  ({ key: { agent: id }, handled, ahtSeconds }) as unknown as Group;

describe('teamCards', () => {
  it('sets each agent against their team, busiest first, and leaves out legs with no agent', () => {
    const cards = teamCards([{ team: 'tech', groups: [agent('a2', 10, 300), agent(null, 5, null), agent('a1', 20, 200)] }]);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.agents.map((row) => row.agent)).toEqual(['a1', 'a2']);
    expect(cards[0]!.spreads.ahtSeconds?.median).toBe(250); // (200 + 300) / 2
  });

  it('puts agents seen in no team on a last card measured against every agent', () => {
    const cards = teamCards(
      [{ team: 'care', groups: [agent('a1', 20, 200)] }],
      [agent('a1', 20, 200), agent('a9', 4, 400), agent('a8', 6, 600)],
    );
    expect(cards.map((card) => card.team)).toEqual(['care', null]);
    expect(cards[1]!.agents.map((row) => row.agent)).toEqual(['a8', 'a9']);
    expect(cards[1]!.spreads.ahtSeconds?.median).toBe(400); // of 200, 400, 600: every agent
  });
});
