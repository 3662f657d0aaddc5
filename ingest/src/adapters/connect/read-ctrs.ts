import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseCtr, type ContactTraceRecord } from './ctr-schema';

export interface CtrProblem {
  /** 1-based line of the NDJSON file; for a file holding a JSON array, the record's 1-based position in it. */
  line: number;
  message: string;
}

export interface CtrFileContents {
  records: ContactTraceRecord[];
  problems: CtrProblem[];
}

/**
 * The contact records of a file: NDJSON (one record per line, blank lines skipped) or one JSON
 * array. A line or element that is not a valid record is reported and skipped.
 */
export async function readCtrFile(path: string): Promise<CtrFileContents> {
  const contents: CtrFileContents = { records: [], problems: [] };
  let arrayText: string[] | undefined;
  let arrayLine = 0;
  let lineNumber = 0;
  for await (const text of createInterface({ input: createReadStream(path), crlfDelay: Infinity })) {
    lineNumber++;
    if (arrayText) {
      arrayText.push(text);
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '') continue;
    if (trimmed.startsWith('[') && contents.records.length === 0 && contents.problems.length === 0) {
      arrayText = [text];
      arrayLine = lineNumber;
      continue;
    }
    addRecord(decodeJson(trimmed), lineNumber, contents);
  }
  if (arrayText) addArray(arrayText.join('\n'), arrayLine, contents);
  return contents;
}

function addArray(text: string, line: number, contents: CtrFileContents): void {
  const value = decodeJson(text);
  if (!Array.isArray(value)) {
    contents.problems.push({ line, message: value instanceof Error ? `not a JSON array: ${value.message}` : 'not a JSON array' });
    return;
  }
  value.forEach((element: unknown, index) => addRecord(element, index + 1, contents));
}

function addRecord(value: unknown, line: number, contents: CtrFileContents): void {
  if (value instanceof Error) {
    contents.problems.push({ line, message: `not JSON: ${value.message}` });
    return;
  }
  const parsed = parseCtr(value);
  if (parsed.ok) contents.records.push(parsed.record);
  else contents.problems.push({ line, message: parsed.message });
}

function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    return error as Error;
  }
}
