import { screen } from '@testing-library/react';
import en from '../../locales/en/wallboard.json';
import zh from '../../locales/zh-CN/wallboard.json';
import { AgentStrip } from './agent-strip';
import { AlertBanner } from './alert-banner';
import { DelayedBanner } from './delayed-banner';
import { QueueTile } from './queue-tile';
import { agent, alert, liveFigures, renderIn } from './test-support';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, item]) => keys(item, prefix ? `${prefix}.${key}` : key));
}

function Board() {
  return (
    <>
      <DelayedBanner delayed lastMessageAt={Date.now() - 6_000} />
      <AlertBanner alerts={[alert({})]} />
      <QueueTile title="billing" testId="tile-billing" figures={liveFigures()} />
      <AgentStrip agents={[agent('a1', 'wrap_up', new Date().toISOString())]} display="grid" />
    </>
  );
}

describe('wallboard languages', () => {
  it('has the same keys in English and Chinese', () => {
    expect(keys(zh).sort()).toEqual(keys(en).sort());
  });

  it.each([
    [
      'zh-CN',
      ['排队数', '最长等待', '服务水平', '呼叫放弃率', '平均应答速度', '平均处理时长', '首次解决率', '客户满意度', '话后处理', '数据延迟'],
    ],
    ['en', ['Waiting now', 'Longest wait', 'Service level', 'Abandonment', 'ASA', 'AHT', 'FCR', 'CSAT', 'Wrap-up', 'Data delayed']],
  ] as const)('renders every label in %s, with no key showing', async (language, labels) => {
    const { container } = await renderIn(language, <Board />);
    for (const label of labels) expect(screen.getAllByText(new RegExp(label)).length).toBeGreaterThan(0);
    expect(container.textContent).not.toMatch(/\b(figures|states|agents|delayed|alerts|controls|bands)\.[a-z_]+/i);
  });
});
