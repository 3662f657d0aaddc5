import { act, screen, within } from '@testing-library/react';
import { AgentStrip } from './agent-strip';
import { agent, renderIn } from './test-support';

const AGENTS = [
  agent('a1', 'available', '2026-11-22T08:59:00+08:00'),
  agent('a2', 'on_call', '2026-11-22T08:55:00+08:00'),
  agent('a3', 'on_call', '2026-11-22T08:58:30+08:00'),
  agent('a4', 'break', '2026-11-22T08:50:00+08:00'),
];

describe('AgentStrip', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(new Date('2026-11-22T01:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('counts agents by state, every state shown with its word', async () => {
    await renderIn('en', <AgentStrip agents={AGENTS} display="counts" />);
    const strip = screen.getByTestId('agent-strip');
    const count = (state: string) => within(strip).getByTestId(`agent-count-${state}`);
    expect(count('available')).toHaveTextContent('Available1');
    expect(count('on_call')).toHaveTextContent('On call2');
    expect(count('wrap_up')).toHaveTextContent('Wrap-up0');
    expect(count('break')).toHaveTextContent('Break1');
    expect(count('offline')).toHaveTextContent('Offline0');
    expect(within(strip).queryByTestId('agent-a1')).not.toBeInTheDocument();
  });

  it('lists each agent with state and a ticking time in state, grouped by state', async () => {
    await renderIn('en', <AgentStrip agents={AGENTS} display="grid" />);
    const cards = screen.getAllByRole('listitem').filter((item) => item.dataset['testid']?.startsWith('agent-a'));
    expect(cards.map((card) => card.dataset['testid'])).toEqual(['agent-a1', 'agent-a2', 'agent-a3', 'agent-a4']);
    const onCall = screen.getByTestId('agent-a2');
    expect(onCall).toHaveTextContent('On call');
    expect(onCall).toHaveTextContent('5:00');
    act(() => vi.advanceTimersByTime(2_000));
    expect(onCall).toHaveTextContent('5:02');
  });
});
