import type { QueueSettings, Settings } from '@callboard/api';
import { fieldOfParameter, formValues, settingsUpdate } from './settings-values';

const defaults: QueueSettings = {
  serviceLevelSeconds: 20,
  serviceLevelTarget: 0.8,
  shortAbandonSeconds: 5,
  fcrWindowHours: 168,
  fcrSameCategoryOnly: false,
  thresholds: {
    abandonmentRate: { amber: 0.05, red: 0.1 },
    asaSeconds: { amber: 20, red: 45 },
    ahtSeconds: { amber: 420, red: 600 },
    waitingNow: { amber: 5, red: 10 },
    longestWaitSeconds: { amber: 60, red: 120 },
    avgAbandonWaitSeconds: { amber: 45, red: 90 },
    serviceLevel: { amber: 0.8, red: 0.7 },
    fcrRate: { amber: 0.75, red: 0.65 },
    csatMean: { amber: 4.2, red: 3.8 },
    csatRate: { amber: 0.85, red: 0.75 },
  },
};
const settings: Settings = {
  timezone: 'Asia/Shanghai',
  defaults,
  queues: { vip: { ...defaults, serviceLevelSeconds: 10, thresholds: { ...defaults.thresholds, asaSeconds: { amber: 10, red: 20 } } } },
};

describe('formValues', () => {
  it('shows ratios in percent and a queue’s effective settings', () => {
    const values = formValues(settings, 'vip');
    expect(values.serviceLevelTarget).toBe('80');
    expect(values.serviceLevelSeconds).toBe('10');
    expect(values.thresholds.abandonmentRate).toEqual({ amber: '5', red: '10' });
    expect(values.thresholds.asaSeconds).toEqual({ amber: '10', red: '20' });
    // A queue without overrides shows the defaults.
    expect(formValues(settings, 'billing').serviceLevelSeconds).toBe('20');
  });
});

describe('settingsUpdate', () => {
  it('sends only what changed, under defaults, ratios back as fractions and a threshold as its whole band', () => {
    const original = formValues(settings);
    const edited = {
      ...original,
      serviceLevelTarget: '85',
      fcrSameCategoryOnly: true,
      thresholds: { ...original.thresholds, abandonmentRate: { amber: '7', red: '10' } },
    };
    expect(settingsUpdate(original, edited)).toEqual({
      update: {
        defaults: { serviceLevelTarget: 0.85, fcrSameCategoryOnly: true, thresholds: { abandonmentRate: { amber: 0.07, red: 0.1 } } },
      },
      problems: [],
    });
  });

  it('sends a queue’s changes under its name, and the timezone beside them', () => {
    const original = formValues(settings, 'billing');
    const edited = { ...original, timezone: ' Asia/Urumqi ', shortAbandonSeconds: '8' };
    expect(settingsUpdate(original, edited, 'billing').update).toEqual({
      timezone: 'Asia/Urumqi',
      queues: { billing: { shortAbandonSeconds: 8 } },
    });
  });

  it('sends nothing when nothing changed, and names what cannot be sent', () => {
    const original = formValues(settings);
    expect(settingsUpdate(original, { ...original })).toEqual({ problems: [] });
    const edited = {
      ...original,
      fcrWindowHours: '',
      thresholds: { ...original.thresholds, serviceLevel: { amber: '60', red: '70' }, asaSeconds: { amber: 'x', red: '45' } },
    };
    expect(settingsUpdate(original, edited)).toEqual({
      problems: [
        { field: 'fcrWindowHours', code: 'number' },
        // Higher is better: amber 60 % below red 70 % would go red before amber.
        { field: 'thresholds.serviceLevel', code: 'order' },
        { field: 'thresholds.asaSeconds.amber', code: 'number' },
      ],
    });
  });
});

describe('fieldOfParameter', () => {
  it('maps the api’s 400 parameter names onto the form’s fields for the scope shown', () => {
    expect(fieldOfParameter('timezone')).toBe('timezone');
    expect(fieldOfParameter('defaults.serviceLevelSeconds')).toBe('serviceLevelSeconds');
    expect(fieldOfParameter('queues.vip.thresholds.asaSeconds.amber', 'vip')).toBe('thresholds.asaSeconds.amber');
    expect(fieldOfParameter('defaults.serviceLevelSeconds', 'vip')).toBeUndefined();
  });
});
