import { useTranslation } from 'react-i18next';
import type { Dimension } from '../../lib/dimension-keys';

/** A group key as shown: categories translated (DOMAIN.md), other keys as the centre named them, null as "none". */
export function useGroupLabel(dimension: Dimension | undefined): (key: string | null | undefined) => string {
  const { t } = useTranslation('trends');
  return (key) => {
    if (!dimension) return t('allCalls');
    if (key === null || key === undefined) return t(`none.${dimension}`);
    return dimension === 'category' ? t(`categories.${key}`, { defaultValue: key }) : key;
  };
}
