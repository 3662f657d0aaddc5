import { useTranslation } from 'react-i18next';
import './auth.css';

/** Full screen, readable across a room: the TV's wallboard token was revoked or is unknown. */
export function KioskTokenRejected() {
  const { t } = useTranslation('auth');
  return (
    <main className="kiosk-rejected" role="alert" data-testid="kiosk-token-rejected">
      <h1>{t('kiosk.rejected')}</h1>
      <p>{t('kiosk.askForLink')}</p>
    </main>
  );
}
