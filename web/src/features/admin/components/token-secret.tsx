import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreatedApiToken } from '../admin-types';
import { kioskUrl } from '../names';

/** The secret, once: copy it now or create another. A wallboard token comes with the TV's URL ready. */
export function TokenSecret({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t, i18n } = useTranslation('admin');
  const url = token.role === 'wallboard' ? kioskUrl(globalThis.location.origin, token.secret, token.queues, i18n.language) : undefined;
  return (
    <div className="admin-secret" role="status" data-testid="token-secret">
      <p className="admin-secret-warning">{t('tokens.secretOnce', { name: token.name })}</p>
      <CopyField label={t('tokens.secret')} value={token.secret} testId="token-secret-value" />
      {url && (
        <>
          <CopyField label={t('tokens.kioskUrl')} value={url} testId="token-kiosk-url" />
          <p className="admin-help">{t('tokens.kioskHelp')}</p>
        </>
      )}
      <button type="button" onClick={onDone}>
        {t('tokens.done')}
      </button>
    </div>
  );
}

function CopyField({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation('admin');
  const [copied, setCopied] = useState<boolean>();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <div className="admin-copy">
      <span className="admin-copy-label">{label}</span>
      <code data-testid={testId}>{value}</code>
      <button type="button" onClick={() => void copy()} aria-label={t('copyNamed', { name: label })}>
        {t('copy')}
      </button>
      <span aria-live="polite">{copied === true ? t('copied') : copied === false ? t('copyFailed') : ''}</span>
    </div>
  );
}
