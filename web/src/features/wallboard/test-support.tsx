import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nextProvider } from 'react-i18next';
import type { Alert, LiveAgent, LiveFigures } from '@callboard/api';
import { i18n } from '../../lib/i18n';
import { METRIC_NAMES } from '../../lib/metrics';

export async function renderIn(language: 'en' | 'zh-CN', ui: ReactElement) {
  await i18n.changeLanguage(language);
  return render(<I18nextProvider i18n={i18n}>{ui}</I18nextProvider>);
}

const THRESHOLDS = {
  abandonmentRate: { amber: 0.05, red: 0.1 },
  asaSeconds: { amber: 20, red: 45 },
  ahtSeconds: { amber: 420, red: 600 },
  waitingNow: { amber: 5, red: 10 },
  longestWaitSeconds: { amber: 60, red: 120 },
  avgAbandonWaitSeconds: { amber: 30, red: 60 },
  serviceLevel: { amber: 0.8, red: 0.7 },
  fcrRate: { amber: 0.7, red: 0.6 },
  csatMean: { amber: 4, red: 3.5 },
  csatRate: { amber: 0.8, red: 0.7 },
};

export function liveFigures(overrides: Partial<LiveFigures> = {}): LiveFigures {
  const today = Object.fromEntries(METRIC_NAMES.map((name) => [name, 0])) as LiveFigures['today'];
  Object.assign(today, {
    offered: 120,
    answered: 100,
    abandoned: 12,
    fcrPending: 40,
    serviceLevel: 0.78,
    abandonmentRate: 0.06,
    asaSeconds: 18,
    ahtSeconds: 348,
    fcrRate: null,
    csatMean: 4.2,
    csatRate: 0.85,
  });
  return {
    waitingNow: 3,
    longestWaitSeconds: 0,
    oldestWaitingSince: null,
    agentsByState: { available: 0, on_call: 0, wrap_up: 0, break: 0, offline: 0 },
    agents: [],
    today,
    last15m: today,
    last60m: today,
    bands: {
      waitingNow: 'green',
      longestWaitSeconds: 'green',
      serviceLevel: 'amber',
      abandonmentRate: 'amber',
      asaSeconds: 'green',
      ahtSeconds: 'green',
      fcrRate: null,
      csatMean: 'green',
      csatRate: 'green',
      avgAbandonWaitSeconds: 'green',
    },
    settings: { serviceLevelSeconds: 20, serviceLevelTarget: 0.8, thresholds: THRESHOLDS },
    ...overrides,
  };
}

export function agent(agentId: string, state: LiveAgent['state'], since: string): LiveAgent {
  return { agentId, team: 'north', state, since, secondsInState: 0, reason: null };
}

export function alert(overrides: Partial<Alert>): Alert {
  return {
    id: 'a1',
    tenant: 'default',
    at: new Date().toISOString(),
    queue: 'billing',
    metric: 'serviceLevel',
    window: 'today',
    level: 'red',
    previousLevel: 'amber',
    direction: 'worse',
    value: 0.62,
    amber: 0.8,
    red: 0.7,
    ...overrides,
  };
}
