import { useState } from 'react';
import type { Notice } from '../engine/repair';

/** Says which settings of a link were not valid and what the lab uses instead, until dismissed. */
export function UrlNotice({ notices }: { notices: readonly Notice[] }) {
  const [dismissed, setDismissed] = useState(false);
  if (notices.length === 0 || dismissed) return null;
  return (
    <div className="notice warn" role="alert" data-testid="url-notice">
      <strong>Some settings in the link were not valid and were changed:</strong>
      <ul>
        {notices.map((n) => (
          <li key={n.field + n.message}>
            <code>{n.field}</code>: {n.message}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setDismissed(true)}>
        OK
      </button>
    </div>
  );
}
