import { bandOf } from './bands';

describe('bandOf', () => {
  it('turns a lower-is-better figure amber and red when it reaches each threshold', () => {
    const waiting = { amber: 5, red: 10 };
    expect(bandOf('waitingNow', 0, waiting)).toBe('green');
    expect(bandOf('waitingNow', 4, waiting)).toBe('green');
    expect(bandOf('waitingNow', 5, waiting)).toBe('amber');
    expect(bandOf('waitingNow', 9, waiting)).toBe('amber');
    expect(bandOf('waitingNow', 10, waiting)).toBe('red');
    expect(bandOf('waitingNow', 11, waiting)).toBe('red');
    // abandonmentRate is lower-is-better too: 0.05 reaches amber 0.05, 0.0499 does not.
    expect(bandOf('abandonmentRate', 0.0499, { amber: 0.05, red: 0.1 })).toBe('green');
    expect(bandOf('abandonmentRate', 0.05, { amber: 0.05, red: 0.1 })).toBe('amber');
  });

  it('turns a higher-is-better figure amber and red only when it falls below each threshold', () => {
    const serviceLevel = { amber: 0.8, red: 0.7 };
    // Meeting the 80/20 target is green.
    expect(bandOf('serviceLevel', 1, serviceLevel)).toBe('green');
    expect(bandOf('serviceLevel', 0.8, serviceLevel)).toBe('green');
    expect(bandOf('serviceLevel', 0.79, serviceLevel)).toBe('amber');
    expect(bandOf('serviceLevel', 0.7, serviceLevel)).toBe('amber');
    expect(bandOf('serviceLevel', 0.69, serviceLevel)).toBe('red');
    expect(bandOf('csatMean', 4.2, { amber: 4.2, red: 3.8 })).toBe('green');
    expect(bandOf('csatMean', 3.79, { amber: 4.2, red: 3.8 })).toBe('red');
  });

  it('has no band without a value', () => {
    expect(bandOf('serviceLevel', null, { amber: 0.8, red: 0.7 })).toBeNull();
    expect(bandOf('asaSeconds', Number.NaN, { amber: 20, red: 45 })).toBeNull();
    expect(bandOf('asaSeconds', Number.POSITIVE_INFINITY, { amber: 20, red: 45 })).toBeNull();
  });
});
