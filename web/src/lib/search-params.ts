import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { z } from 'zod';

/** A route's URL search parameters parsed with its zod schema (repeatable ones as arrays), and a setter that keeps the URL the source of truth. */
export function useSearch<T extends z.ZodType>(
  schema: T,
  options: { commaLists?: readonly string[] } = {},
): [z.output<T>, (next: Partial<z.output<T>>) => void] {
  const [params, setParams] = useSearchParams();
  const value = useMemo(() => {
    const raw: Record<string, string | string[]> = {};
    for (const key of new Set(params.keys())) {
      const all = params.getAll(key);
      raw[key] = all.length > 1 ? all : all[0]!;
    }
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : schema.parse({});
  }, [params, schema]);
  const update = (next: Partial<z.output<T>>) => {
    const merged = new URLSearchParams(params);
    for (const [key, item] of Object.entries(next as Record<string, unknown>)) {
      merged.delete(key);
      if (item === undefined || item === null || item === '') continue;
      if (Array.isArray(item) && options.commaLists?.includes(key)) {
        if (item.length > 0) merged.set(key, item.join(','));
        continue;
      }
      for (const one of Array.isArray(item) ? item : [item]) merged.append(key, String(one));
    }
    setParams(merged);
  };
  return [value, update];
}

/** `?queue=a&queue=b` or `?queue=a`: always an array. */
export const repeated = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]));

/** `?queues=billing,vip`: a comma list, for short bookmarkable TV URLs. */
export const commaList = z
  .string()
  .optional()
  .transform((value) =>
    value
      ? value
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean)
      : [],
  );
