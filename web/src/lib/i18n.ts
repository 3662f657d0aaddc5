import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { METRIC_DEFINITIONS } from '@callboard/api/definitions';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'callboard.language';

// Every feature keeps its strings in locales/<language>/<namespace>.json.
const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, Record<string, unknown>>> = {};
for (const [path, module] of Object.entries(files)) {
  const [, language, namespace] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
  if (!language || !namespace) continue;
  (resources[language] ??= {})[namespace] = module.default;
}
export const NAMESPACES = [...new Set(Object.values(resources).flatMap((byNamespace) => Object.keys(byNamespace)))];

/** The language asked for in the URL (?lang=en), else the one chosen before, else Chinese: our centres are Chinese-speaking. */
export function initialLanguage(): Language {
  const fromUrl = new URLSearchParams(globalThis.location?.search ?? '').get('lang');
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return (
    ((LANGUAGES as readonly string[]).find((language) => language === fromUrl || language === stored) as Language | undefined) ?? 'zh-CN'
  );
}

export function rememberLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

// English definitions are METRICS.md's own words, from the api (one text for the API docs and the app).
const englishMetrics = (resources['en'] ??= {})['metrics'] ?? {};
resources['en']['metrics'] = { ...englishMetrics, definitions: METRIC_DEFINITIONS };

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: false,
  ns: NAMESPACES,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});
