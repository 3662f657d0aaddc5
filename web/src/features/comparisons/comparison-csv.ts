import type { CompareResponseDto } from '@callboard/api';
import { METRIC_NAMES } from '../../lib/metrics';

/** Excel reads a CSV as the local ANSI code page unless it starts with a UTF-8 byte order mark. */
const BOM = '\uFEFF';
const COLUMNS = ['metric', 'current', 'baseline', 'delta', 'relative', 'better'] as const;

type Cell = string | number | boolean | null | undefined;

/** RFC 4180: a cell with a comma, quote or line break is quoted, its quotes doubled; null is empty. */
export function csvCell(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

/** One row per metric with the api's raw numbers (full precision, unformatted), so a spreadsheet can recompute. */
export function comparisonCsv(response: Pick<CompareResponseDto, 'changes'>): string {
  const changes = response.changes as CompareResponseDto['changes'];
  return toCsv([
    COLUMNS,
    ...METRIC_NAMES.map((name) => {
      const change = changes[name];
      return [name, change?.current, change?.baseline, change?.delta, change?.relative, change?.better];
    }),
  ]);
}

export function comparisonCsvName(from: string, to: string): string {
  return `callboard-comparison-${from}-${to}.csv`;
}

export function downloadText(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}
