import type { CompareResponseDto } from '@callboard/api';
import { render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { i18n } from '../../../lib/i18n';
import { METRIC_NAMES } from '../../../lib/metrics';
import { CompareTable } from './compare-table';

const empty = { current: null, baseline: null, delta: null, relative: null, better: null };
const changes = Object.fromEntries(METRIC_NAMES.map((name) => [name, empty])) as CompareResponseDto['changes'];
changes['offered'] = { current: 1200, baseline: 1000, delta: 200, relative: 0.2, better: null };
changes['serviceLevel'] = { current: 0.85, baseline: 0.8, delta: 0.05, relative: 0.0625, better: true };
changes['abandonmentRate'] = { current: 0.06, baseline: 0.04, delta: 0.02, relative: 0.5, better: false };
changes['asaSeconds'] = { current: 15, baseline: 27, delta: -12, relative: -0.4444, better: true };
changes['csatMean'] = { current: 4.2, baseline: 4.2, delta: 0, relative: 0, better: null };
const totals = Object.fromEntries(METRIC_NAMES.map((name) => [name, changes[name]?.current ?? null]));
const comparison = { changes, current: { from: '2026-11-01T00:00:00+08:00', to: '2026-11-02T00:00:00+08:00', totals } } as Pick<
  CompareResponseDto,
  'changes' | 'current'
>;

function row(metric: string) {
  const cells = within(screen.getByTestId(`compare-row-${metric}`));
  return (testId: string) => cells.getByTestId(testId).textContent;
}

async function renderIn(language: string) {
  await i18n.changeLanguage(language);
  return render(
    <I18nextProvider i18n={i18n}>
      <CompareTable comparison={comparison} />
    </I18nextProvider>,
  );
}

describe('CompareTable', () => {
  it('shows every metric with both values, the change in its unit, and better/worse as arrow and word (English)', async () => {
    await renderIn('en');
    expect(screen.getByTestId('compare-table').querySelectorAll('tr[data-testid^="compare-row-"]')).toHaveLength(METRIC_NAMES.length);
    const serviceLevel = row('serviceLevel');
    expect(serviceLevel('compare-current')).toBe('85.0%');
    expect(serviceLevel('compare-baseline')).toBe('80.0%');
    expect(serviceLevel('compare-delta')).toBe('+5.0 pp');
    expect(serviceLevel('compare-relative')).toBe('+6.3%');
    expect(serviceLevel('compare-better')).toBe('▲ better');
    expect(row('abandonmentRate')('compare-better')).toBe('▲ worse');
    const asa = row('asaSeconds');
    expect(asa('compare-delta')).toBe('−12.0 s');
    expect(asa('compare-better')).toBe('▼ better');
    expect(row('offered')('compare-delta')).toBe('+200');
    expect(row('offered')('compare-better')).toBe('▲ up');
    expect(row('csatMean')('compare-better')).toBe('= unchanged');
    const fcr = row('fcrRate');
    expect(fcr('compare-current')).toBe('—');
    expect(fcr('compare-delta')).toBe('—');
    expect(fcr('compare-better')).toBe('');
    expect(screen.getByRole('button', { name: 'How Service level is computed' })).toBeInTheDocument();
  });

  it('speaks Simplified Chinese with the DOMAIN.md terms', async () => {
    await renderIn('zh-CN');
    expect(row('serviceLevel')('compare-better')).toBe('▲ 改善');
    expect(row('abandonmentRate')('compare-better')).toBe('▲ 变差');
    expect(row('serviceLevel')('compare-delta')).toBe('+5.0 个百分点');
    expect(row('csatMean')('compare-better')).toBe('= 持平');
    expect(row('asaSeconds')('compare-delta')).toBe('−12.0 秒');
    expect(within(screen.getByTestId('compare-row-serviceLevel')).getByRole('rowheader')).toHaveTextContent('服务水平');
    expect(screen.getByRole('columnheader', { name: '对比期' })).toBeInTheDocument();
  });
});
