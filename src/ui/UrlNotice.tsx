import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../engine/repair';
import { useSay } from '../i18n/hooks';

/** Says which settings of a link were not valid and what the lab uses instead, until dismissed. */
export function UrlNotice({ notices }: { notices: readonly Notice[] }) {
  const { t } = useTranslation();
  const say = useSay();
  const [dismissed, setDismissed] = useState(false);
  if (notices.length === 0 || dismissed) return null;
  return (
    <div className="notice warn" role="alert" data-testid="url-notice">
      <strong>{t('repair.title')}</strong>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>
            <code>{n.field}</code>
            {n.layer !== undefined && ` ${t('repair.hiddenLayer', { layer: n.layer })}`}:{' '}
            {say(n.message)}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setDismissed(true)}>
        {t('common.ok')}
      </button>
    </div>
  );
}
