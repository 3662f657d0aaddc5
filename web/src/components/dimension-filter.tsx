import { useTranslation } from 'react-i18next';
import type { Dimension, DimensionKey } from '../lib/dimension-keys';
import { useGroupLabel } from '../lib/group-label';
import { MultiSelect } from './multi-select';

/** A queue / team / agent / category filter: several keys, or all. */
export function DimensionFilter(props: {
  dimension: Dimension;
  keys: DimensionKey[];
  selected: string[];
  onChange: (selected: string[]) => void;
  /** Holds `dimensions.<dimension>`, `all` and the group labels. */
  namespace: string;
  testId: string;
}) {
  const { t } = useTranslation(props.namespace);
  const label = useGroupLabel(props.dimension, props.namespace);
  return (
    <MultiSelect
      label={t(`dimensions.${props.dimension}`)}
      allLabel={t('all')}
      options={props.keys.map(({ key }) => ({ value: key, label: label(key) }))}
      selected={props.selected}
      onChange={props.onChange}
      testId={props.testId}
    />
  );
}
