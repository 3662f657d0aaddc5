import { formatters, NO_VALUE } from './format';

describe('formatters', () => {
  it('formats for the language and the centre timezone, and never shows a missing ratio as 0', () => {
    const zh = formatters('zh-CN');
    const en = formatters('en');
    expect(en.percent(0.8123)).toBe('81.2%');
    expect(en.percent(null)).toBe(NO_VALUE);
    expect(en.count(12345)).toBe('12,345');
    expect(en.duration(348)).toBe('5:48');
    expect(en.duration(3725)).toBe('1:02:05');
    // 2026-11-22 01:00 UTC is 09:00 in Shanghai.
    expect(zh.dateTime('2026-11-22T01:00:00Z', 'Asia/Shanghai', 'time')).toBe('09:00:00');
    expect(en.dateTime('2026-11-22T01:00:00Z', 'Asia/Shanghai', 'time')).toBe('9:00:00 AM');
  });
});
