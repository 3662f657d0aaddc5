import { METRIC_DEFINITIONS } from '@callboard/api/definitions';
import { i18n, LANGUAGES } from './i18n';
import { METRIC_NAMES } from './metrics';

type Strings = Record<string, unknown>;

// Read by glob, like i18n.ts, so that every namespace added later is checked without editing this spec.
const files = import.meta.glob<{ default: Strings }>('../locales/*/*.json', { eager: true });
const byFile = new Map<string, Strings>();
for (const [path, module] of Object.entries(files)) byFile.set(path.replace('../', ''), module.default);
const namespaces = [...new Set([...byFile.keys()].map((file) => /locales\/[^/]+\/([^/]+)\.json$/.exec(file)![1]!))].sort();
const fileOf = (language: string, namespace: string) => `locales/${language}/${namespace}.json`;

// English metric definitions are not in the file: i18n.ts adds METRICS.md's words from the api.
function loaded(language: string, namespace: string): Strings | undefined {
  const strings = byFile.get(fileOf(language, namespace));
  if (strings && language === 'en' && namespace === 'metrics') return { ...strings, definitions: METRIC_DEFINITIONS };
  return strings;
}

/** Every leaf as `a.b.c` → value. */
function leaves(strings: Strings, prefix = ''): Map<string, unknown> {
  const found = new Map<string, unknown>();
  for (const [key, value] of Object.entries(strings)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [inner, leaf] of leaves(value as Strings, path)) found.set(inner, leaf);
    } else {
      found.set(path, value);
    }
  }
  return found;
}

// Plural forms differ by language (English has _one and _other, Chinese only _other): compare the base key.
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
const baseKeys = (strings: Strings) => new Set([...leaves(strings).keys()].map((key) => key.replace(PLURAL_SUFFIX, '')));
const placeholders = (text: unknown) => [...String(text).matchAll(/\{\{\s*(\w+)/g)].map((match) => match[1]).sort();

describe.each(namespaces)('the %s namespace', (namespace) => {
  it('has a file in every language', () => {
    for (const language of LANGUAGES)
      expect(byFile.has(fileOf(language, namespace)), `${fileOf(language, namespace)} is missing`).toBe(true);
  });

  it('has the same keys in every language', () => {
    const problems: string[] = [];
    const [first, ...others] = LANGUAGES;
    const expected = baseKeys(loaded(first, namespace) ?? {});
    for (const language of others) {
      const actual = baseKeys(loaded(language, namespace) ?? {});
      for (const key of expected)
        if (!actual.has(key)) problems.push(`${fileOf(language, namespace)} lacks '${key}' (${fileOf(first, namespace)} has it)`);
      for (const key of actual)
        if (!expected.has(key)) problems.push(`${fileOf(first, namespace)} lacks '${key}' (${fileOf(language, namespace)} has it)`);
    }
    expect(problems).toEqual([]);
  });

  it('has no empty strings, and the same {{placeholders}} in every language', () => {
    const problems: string[] = [];
    const english = leaves(loaded('en', namespace) ?? {});
    for (const language of LANGUAGES) {
      for (const [key, value] of leaves(loaded(language, namespace) ?? {})) {
        if (typeof value !== 'string' || value.trim() === '')
          problems.push(`${fileOf(language, namespace)}: '${key}' is empty or not a string`);
        const counterpart = english.get(key) ?? english.get(key.replace(PLURAL_SUFFIX, '_other'));
        if (counterpart !== undefined && placeholders(value).join() !== placeholders(counterpart).join()) {
          problems.push(
            `${fileOf(language, namespace)}: '${key}' has placeholders {{${placeholders(value).join(', ')}}}, English {{${placeholders(counterpart).join(', ')}}}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('metric strings', () => {
  it('label every metric in both languages and define it in Chinese', () => {
    for (const language of LANGUAGES) {
      const labels = leaves(loaded(language, 'metrics') ?? {});
      for (const metric of METRIC_NAMES) {
        expect(labels.get(`labels.${metric}`), `${fileOf(language, 'metrics')}: no 'labels.${metric}'`).toBeTruthy();
        expect(labels.get(`definitions.${metric}`), `${fileOf(language, 'metrics')}: no 'definitions.${metric}'`).toBeTruthy();
      }
    }
  });

  it("define every metric in English in the api's own words", () => {
    expect(i18n.getResourceBundle('en', 'metrics').definitions).toEqual(METRIC_DEFINITIONS);
    expect(Object.keys(METRIC_DEFINITIONS).sort()).toEqual([...METRIC_NAMES].sort());
  });

  it('are what i18n loads', () => {
    for (const language of LANGUAGES) {
      for (const namespace of namespaces) {
        expect(i18n.hasResourceBundle(language, namespace), `${fileOf(language, namespace)} is not loaded`).toBe(true);
      }
    }
  });
});
