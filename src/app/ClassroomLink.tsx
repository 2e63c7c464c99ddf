import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClassroomControl } from '../i18n/en/classroom';
import { copyText } from '../ui/CodePanel';
import { hiddenControls, withHiddenControls } from './classroom';
import { readParams } from './url';

/** What every lab can hide: the lab tabs, the backend bar, the language switch, the guide. */
export const SHELL_CONTROLS: readonly ClassroomControl[] = [
  'tabs',
  'backend',
  'language',
  'guide',
  'classroom',
];

interface Props {
  /** The controls the open lab can hide, by the names its `_hide` parameters use. */
  controls: readonly ClassroomControl[];
}

/**
 * For teachers: tick what students should not see and copy the link. The link also carries the
 * lab's current settings, so the class opens the same experiment.
 */
export function ClassroomLink({ controls }: Props) {
  const { t } = useTranslation();
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => hiddenControls(readParams()));
  const [copied, setCopied] = useState<'copied' | 'refused' | null>(null);
  const [open, setOpen] = useState(false);
  const link = useMemo(() => {
    // Read when the panel is open: the settings are whatever the lab shows now.
    const query = withHiddenControls(readParams(), hidden).toString();
    return `${location.origin}${location.pathname}${query ? `?${query}` : ''}`;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `open` re-reads the address
  }, [hidden, open]);
  const toggle = (name: ClassroomControl, on: boolean) => {
    const next = new Set(hidden);
    if (on) next.add(name);
    else next.delete(name);
    setHidden(next);
    setCopied(null);
  };
  const all = [...SHELL_CONTROLS, ...controls];
  return (
    <details
      className="classroom-link"
      onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}
    >
      <summary>{t('classroom.title')}</summary>
      {open && (
        <>
          <p className="muted small">{t('classroom.explain')}</p>
          <fieldset>
            <legend>{t('classroom.hide')}</legend>
            {all.map((name) => (
              <label key={name} className="toggle">
                <input
                  type="checkbox"
                  checked={hidden.has(name)}
                  onChange={(e) => toggle(name, e.target.checked)}
                />{' '}
                {t(`classroom.controls.${name}`)}
              </label>
            ))}
          </fieldset>
          <div className="row">
            <input
              readOnly
              value={link}
              aria-label={t('classroom.link')}
              onFocus={(e) => e.target.select()}
            />
            <button type="button" onClick={() => void copyText(link).then(setCopied)}>
              {t('classroom.copy')}
            </button>
            <a href={link} target="_blank" rel="noreferrer">
              {t('classroom.open')}
            </a>
          </div>
          {copied && (
            <p className="muted small" role="status">
              {t(copied === 'copied' ? 'classroom.copied' : 'classroom.copyRefused')}
            </p>
          )}
        </>
      )}
    </details>
  );
}
