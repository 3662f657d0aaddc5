import { useTranslation } from 'react-i18next';
import type { Dimension } from './dimension-keys';

/**
 * A group key as shown: categories translated (DOMAIN.md), other keys as the centre named them,
 * null as "none". `namespace` holds `none.<dimension>`, `categories.<key>` and, for a page that
 * may show no grouping, `allCalls`.
 */
export function useGroupLabel(dimension: Dimension | undefined, namespace: string): (key: string | null | undefined) => string {
  const { t } = useTranslation(namespace);
  return (key) => {
    if (!dimension) return t('allCalls');
    if (key === null || key === undefined) return t(`none.${dimension}`);
    return dimension === 'category' ? t(`categories.${key}`, { defaultValue: key }) : key;
  };
}
