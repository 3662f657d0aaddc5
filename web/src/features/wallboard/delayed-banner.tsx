import { useTranslation } from 'react-i18next';
import { useFormat } from '../../lib/format';
import { useNow } from './hooks/use-now';

/** "Data delayed": nothing has come from the live feed for a while, so every figure may be stale. */
export function DelayedBanner({ delayed, lastMessageAt }: { delayed: boolean; lastMessageAt: number | undefined }) {
  const { t } = useTranslation('wallboard');
  const format = useFormat();
  const now = useNow();
  if (!delayed) return null;
  return (
    <div className="wallboard-delayed" role="alert" data-testid="feed-delayed">
      <span className="wallboard-delayed-icon" aria-hidden="true">
        ⚠
      </span>
      <strong>{t('delayed.title')}</strong>
      <span>
        {lastMessageAt === undefined
          ? t('delayed.never')
          : t('delayed.lastMessage', { age: format.duration(Math.max(0, (now - lastMessageAt) / 1000)) })}
      </span>
    </div>
  );
}
