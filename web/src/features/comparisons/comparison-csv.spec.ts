import type { CompareResponseDto } from '@callboard/api';
import { METRIC_NAMES } from '../../lib/metrics';
import { comparisonCsv, comparisonCsvName, csvCell, toCsv } from './comparison-csv';

const empty = { current: null, baseline: null, delta: null, relative: null, better: null };
const changes = Object.fromEntries(METRIC_NAMES.map((name) => [name, empty])) as CompareResponseDto['changes'];
changes['serviceLevel'] = {
  current: 0.8123456789012345,
  baseline: 0.75,
  delta: 0.0623456789012345,
  relative: 0.083127571868312,
  better: true,
};
changes['offered'] = { current: 1200, baseline: 1000, delta: 200, relative: 0.2, better: null };
changes['ahtSeconds'] = { current: 300, baseline: 290.5, delta: 9.5, relative: 0.0327022375215146, better: false };

describe('comparison CSV', () => {
  const csv = comparisonCsv({ changes });
  const lines = csv.slice(1).trimEnd().split('\r\n');

  it('starts with a UTF-8 byte order mark so Excel reads Chinese', () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(lines[0]).toBe('metric,current,baseline,delta,relative,better');
  });

  it('has one row per metric in METRIC_NAMES order with the raw numbers at full precision', () => {
    expect(lines).toHaveLength(METRIC_NAMES.length + 1);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(METRIC_NAMES);
    expect(lines).toContain('serviceLevel,0.8123456789012345,0.75,0.0623456789012345,0.083127571868312,true');
    expect(lines).toContain('offered,1200,1000,200,0.2,');
    expect(lines).toContain('ahtSeconds,300,290.5,9.5,0.0327022375215146,false');
  });

  it('leaves nulls empty, never 0', () => {
    expect(lines).toContain('fcrRate,,,,,');
  });

  it('quotes cells with commas, quotes or line breaks and doubles their quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell(null)).toBe('');
    expect(csvCell(0)).toBe('0');
    expect(toCsv([['队列, 投诉', 1.5, null, false]])).toBe('\uFEFF"队列, 投诉",1.5,,false\r\n');
  });

  it('names the file after the period', () => {
    expect(comparisonCsvName('2026-11-01', '2026-11-30')).toBe('callboard-comparison-2026-11-01-2026-11-30.csv');
  });
});
