/* eslint-disable @typescript-eslint/no-explicit-any -- OpenAPI schemas are read loosely */
import fc from 'fast-check';
import { KNOWN_FIELDS } from '@callboard/ingest';
import {
  fillPath,
  pairsOf,
  type CatalogueEntry,
  type CatalogueSamples,
  type OpenApiOperation,
  type OpenApiParameter,
  type QueryPairs,
  type RawRequest,
} from './endpoint-catalogue';

/**
 * fast-check arbitraries of requests to a catalogue entry: its valid request with parameters
 * (named by the OpenAPI document) and body fields kept, dropped, replaced by anything, repeated,
 * or joined by strangers, under any content type.
 */
export type FuzzRequest = Omit<RawRequest, 'token'>;

const EARLIEST = Date.UTC(1, 0, 1);
const LATEST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const TIMEZONES = ['UTC', 'Asia/Shanghai', 'America/St_Johns', 'Pacific/Kiritimati', 'Etc/GMT+12', 'Europe/London', 'Mars/Olympus'];
const TRICKY = [
  ...['', ' ', 'null', 'undefined', 'true', 'NaN', 'Infinity', '-0', '1e400', '0x1F', '[]', '{}', '[object Object]'],
  ...['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '%', '%00', '%ZZ', '../../etc/passwd', '\\', '\u0000'],
  ...['\uFEFF', '\u202E', '\uD800', 'a\r\nb', '0000-00-00T00:00:00Z', '2026-02-30T00:00:00Z', '2026-11-22T24:00:00+08:00'],
  ...['2026-11-22T00:00:00+23:59', '2026-11-22T00:00:00-00:00', '2026-11-22T00:00:00.123456789Z', '+275760-09-13T00:00:00.000Z'],
];
/** Percent-encodings no decoder accepts, and query syntax express might read as structure. */
const RAW_QUERIES = ['%', '%E0%A4%A', 'queue=%FF%FE', 'queue[]=billing', 'queue[a]=b', 'from[$gt]=', '=&&=', 'tz', '&&&'];
const CONTENT_TYPES = [
  ...['application/json', 'application/json; charset=utf-8', 'application/json; charset=utf-16', 'application/json; charset=bogus'],
  ...['application/x-ndjson', 'application/ndjson', 'text/plain', 'application/xml', 'application/x-www-form-urlencoded'],
  ...['multipart/form-data; boundary=x', 'application/octet-stream', 'application/*', '*/*', 'nonsense'],
];
const EVENT_FIELDS = [...new Set(Object.values(KNOWN_FIELDS).flatMap((fields) => [...fields]))];

/** `arbitrary` one time in six, else `otherwise`: strays that would make most requests a 400. */
const rarely = <T, U>(arbitrary: fc.Arbitrary<T>, otherwise: U) =>
  fc.oneof({ weight: 5, arbitrary: fc.constant(otherwise) }, { weight: 1, arbitrary });

/** Any text a query value or a JSON string could carry: unicode, huge, empty, numeric, date-like, nasty. */
const anyText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
  { weight: 2, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.bigInt()).map(String) },
  {
    weight: 1,
    arbitrary: fc.date({ noInvalidDate: false }).map((date) => (Number.isNaN(date.getTime()) ? 'Invalid Date' : date.toISOString())),
  },
  { weight: 1, arbitrary: fc.constantFrom(...TIMEZONES) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', 'é', '𝄞', '\u0000', "'"), fc.integer({ min: 65, max: 6_000 }))
      .map(([unit, n]) => unit.repeat(n)),
  },
);

/** An instant as RFC 3339 at some offset, e.g. 2026-11-22T07:30:00+08:00 (years 1–9999). */
const instant = fc
  .tuple(
    fc.oneof(
      fc.integer({ min: EARLIEST, max: LATEST }),
      fc.integer({ min: Date.now() - 3 * 365 * 86_400_000, max: Date.now() + 86_400_000 }),
    ),
    fc.integer({ min: -14 * 60, max: 14 * 60 }),
  )
  .map(([millis, offsetMinutes]) => {
    const local = new Date(millis + offsetMinutes * 60_000).toISOString().slice(0, -1);
    const sign = offsetMinutes < 0 ? '-' : '+';
    const hours = String(Math.floor(Math.abs(offsetMinutes) / 60)).padStart(2, '0');
    return { millis, text: `${local}${sign}${hours}:${String(Math.abs(offsetMinutes) % 60).padStart(2, '0')}` };
  });

/** A period that often passes validation (to ≤ 368 days after from), anywhere in years 1–9999. */
const period = fc
  .tuple(instant, fc.oneof(fc.integer({ min: -3_600_000, max: 7 * 86_400_000 }), fc.integer({ min: 0, max: 368 * 86_400_000 })))
  .map(([from, length]) => {
    const to = new Date(Math.min(LATEST, Math.max(EARLIEST, from.millis + length))).toISOString();
    return [from.text, to] as const;
  });

function schemaValues(schema: any): string[] {
  if (!schema) return [];
  const values = [...(schema.enum ?? []), ...(schema.anyOf ?? []).flatMap(schemaValues), ...schemaValues(schema.items)];
  return values.map(String);
}

function valueFor(parameter: OpenApiParameter, base: QueryPairs): fc.Arbitrary<string> {
  const known = [...schemaValues(parameter.schema), ...base.filter(([name]) => name === parameter.name).map(([, value]) => value)];
  return fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...known, 'billing', 'sales', 'north') }, { weight: 3, arbitrary: anyText });
}

/**
 * A choice per item: half the time each drawn independently, half the time all `unchanged` but
 * one (a near-valid request reaches deeper than one broken everywhere).
 */
function perItem<T>(choices: Array<fc.Arbitrary<T>>, unchanged: T): fc.Arbitrary<T[]> {
  if (choices.length === 0) return fc.constant([]);
  const oneChanged = fc
    .nat({ max: choices.length - 1 })
    .chain((changed) => choices[changed]!.map((choice) => choices.map((_, index) => (index === changed ? choice : unchanged))));
  return fc.oneof(fc.tuple(...choices), oneChanged);
}

/** The valid query with each documented parameter kept, dropped, replaced or repeated, plus strangers. */
function queryArbitrary(parameters: OpenApiParameter[], base: QueryPairs): fc.Arbitrary<QueryPairs> {
  const names = parameters.map((parameter) => parameter.name);
  const choices = parameters.map((parameter) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<'keep' | 'drop'>('keep') },
      { weight: 1, arbitrary: fc.constant<'keep' | 'drop'>('drop') },
      { weight: 4, arbitrary: fc.array(valueFor(parameter, base), { minLength: 1, maxLength: 4 }) },
    ),
  );
  const stranger = fc.tuple(
    fc.oneof(
      anyText,
      fc.constantFrom('queue', ...names).map((name) => `${name}[]`),
    ),
    anyText,
  );
  const strangers = rarely(fc.array(stranger, { minLength: 1, maxLength: 2 }), [] as QueryPairs);
  const periods = ['', 'against']
    .map((prefix) => (prefix ? [`${prefix}From`, `${prefix}To`] : ['from', 'to']))
    .filter(([from, to]) => names.includes(from!) && names.includes(to!));
  return fc
    .tuple(
      perItem<'keep' | 'drop' | string[]>(choices, 'keep'),
      strangers,
      fc.array(fc.option(period, { freq: 2 }), { minLength: periods.length, maxLength: periods.length }),
    )
    .map(([chosen, extra, newPeriods]) => {
      const pairs: QueryPairs = [];
      names.forEach((name, index) => {
        const choice = chosen[index]!;
        if (choice === 'keep') pairs.push(...base.filter(([baseName]) => baseName === name));
        else if (choice !== 'drop') pairs.push(...choice.map((value) => [name, value] as [string, string]));
      });
      periods.forEach(([from, to], index) => {
        const replacement = newPeriods[index];
        if (!replacement) return;
        const rest = pairs.filter(([name]) => name !== from && name !== to);
        pairs.splice(0, pairs.length, ...rest, [from!, replacement[0]], [to!, replacement[1]]);
        if (from === 'againstFrom') pairs.push(['against', 'custom']);
      });
      return [...pairs, ...extra];
    });
}

const jsonValue = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 2, arbitrary: anyText },
  { weight: 1, arbitrary: fc.constantFrom(null, true, 0, -1, 1e308, [], {}, { a: { b: { c: [{}] } } }) },
);

/** An object like `valid` with each known field kept, dropped or replaced, plus stray fields. */
function objectArbitrary(valid: Record<string, unknown>, fields: string[]): fc.Arbitrary<Record<string, unknown>> {
  const keys = [...new Set([...Object.keys(valid), ...fields])];
  const KEEP = Symbol('keep');
  const choice = (key: string) =>
    fc.oneof(
      { weight: 3, arbitrary: fc.constant<unknown>(key in valid ? KEEP : undefined) },
      { weight: 1, arbitrary: fc.constant<unknown>(undefined) },
      { weight: 2, arbitrary: jsonValue },
    );
  const strayKey = fc.oneof(anyText, fc.constantFrom('__proto__', 'constructor'));
  return fc
    .tuple(perItem(keys.map(choice), KEEP), rarely(fc.dictionary(strayKey, jsonValue, { minKeys: 1, maxKeys: 2 }), {}))
    .map(([values, strays]) => {
      // Through JSON: a stray '__proto__' becomes an own key, as JSON.parse on the server makes it.
      const object: Record<string, unknown> = JSON.parse(JSON.stringify(strays));
      keys.forEach((key, index) => {
        const value = values[index] === KEEP ? valid[key] : values[index];
        if (value !== undefined) object[key] = value;
      });
      return object;
    });
}

/** JSON nested `depth` deep: '[[[…]]]', '{"a":{"a":…1}}', or a customerId holding the nesting. */
const nested = (depth: number, [open, innermost, close]: readonly [string, string, string]) =>
  `${open.repeat(depth)}${innermost}${close.repeat(depth)}`;
const NESTINGS = [
  ['[', '', ']'],
  ['{"a":', '1', '}'],
  ['[{"customerId":', '"+8613800000009"', '}]'],
] as const;

/** Bodies: the valid one mutated, any JSON, NDJSON, broken JSON, absurd nesting, under any content type. */
function bodyArbitrary(operation: OpenApiOperation, validBody: unknown): fc.Arbitrary<{ body?: string; contentType?: string }> {
  const item = Array.isArray(validBody) ? validBody[0] : validBody;
  const isObject = typeof item === 'object' && item !== null;
  const fields = Array.isArray(validBody) && operation.path === '/events' ? EVENT_FIELDS : operation.bodyProperties;
  const mutated = isObject ? objectArbitrary(item as Record<string, unknown>, fields) : jsonValue;
  const shaped: fc.Arbitrary<unknown> = Array.isArray(validBody) ? fc.array(mutated, { maxLength: 5 }) : mutated;
  const anyJson = fc.oneof({ weight: 5, arbitrary: shaped }, { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) });
  return fc.oneof(
    { weight: 6, arbitrary: anyJson.map((value) => ({ body: JSON.stringify(value), contentType: 'application/json' })) },
    {
      weight: 2,
      arbitrary: fc.tuple(anyJson, fc.option(fc.constantFrom(...CONTENT_TYPES), { nil: undefined })).map(([value, contentType]) => ({
        body: JSON.stringify(value),
        contentType,
      })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(
          fc.oneof(
            mutated.map((value) => JSON.stringify(value)),
            anyText,
          ),
          { maxLength: 4 },
        )
        .map((lines) => ({ body: lines.join('\n'), contentType: 'application/x-ndjson' })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.oneof(
            anyJson.map((value) => JSON.stringify(value)),
            anyText,
          ),
          fc.nat(),
          fc.constantFrom(...CONTENT_TYPES),
        )
        .map(([text, cut, contentType]) => ({ body: text.slice(0, cut % (text.length + 1)), contentType })),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.integer({ min: 30, max: 15_000 }),
          fc.constantFrom(...NESTINGS),
          fc.constantFrom('application/json', 'application/x-ndjson'),
        )
        .map(([depth, nesting, contentType]) => ({ body: nested(depth, nesting), contentType })),
    },
    { weight: 1, arbitrary: fc.constantFrom({}, { body: '', contentType: 'application/json' }) },
  );
}

export function requestArbitrary(entry: CatalogueEntry, operation: OpenApiOperation, samples: CatalogueSamples): fc.Arbitrary<FuzzRequest> {
  const valid = entry.valid(samples);
  const base = pairsOf(valid.query);
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const path = fc
    .tuple(...pathParameters.map((parameter) => fc.oneof(fc.constant(valid.path?.[parameter.name] ?? ''), anyText)))
    .map((values) => fillPath(entry.path, Object.fromEntries(pathParameters.map((parameter, index) => [parameter.name, values[index]!]))));
  const query = queryArbitrary(
    operation.parameters.filter((parameter) => parameter.in === 'query'),
    base,
  );
  const body = operation.hasBody ? bodyArbitrary(operation, valid.body) : fc.constant<{ body?: string; contentType?: string }>({});
  return fc
    .record({ path, query, rawQuery: rarely(fc.constantFrom(...RAW_QUERIES), undefined), body })
    .map(({ body: { body: text, contentType }, ...rest }) => {
      const request = { method: entry.method, ...rest, body: text, contentType };
      // Counterexamples can be megabytes of nesting: reported shortened.
      return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
    });
}

export function validRequest(entry: CatalogueEntry, samples: CatalogueSamples): FuzzRequest {
  const valid = entry.valid(samples);
  const request = {
    method: entry.method,
    path: fillPath(entry.path, valid.path ?? {}),
    query: pairsOf(valid.query),
    rawQuery: undefined,
    body: valid.body === undefined ? undefined : JSON.stringify(valid.body),
    contentType: valid.body === undefined ? undefined : 'application/json',
  };
  return Object.assign(request, { [fc.toStringMethod]: () => describeRequest(request) });
}

export const describeRequest = (request: FuzzRequest) =>
  JSON.stringify({
    ...request,
    body: request.body && request.body.length > 300 ? `${request.body.slice(0, 300)}… (${request.body.length})` : request.body,
  });
