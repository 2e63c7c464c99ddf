import { memo, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { downloadText } from './download';
import { useTranslation } from 'react-i18next';
import { message, type Message } from '../engine/message';
import { useSay } from '../i18n/hooks';

interface Tab {
  key: 'python' | 'javascript';
  label: string;
  /** What the Copy button's accessible name calls the code. */
  language: string;
  extension: string;
  mime: string;
}

const TABS: readonly Tab[] = [
  {
    key: 'python',
    label: 'Python · Keras',
    language: 'Python',
    extension: 'py',
    mime: 'text/x-python',
  },
  {
    key: 'javascript',
    label: 'JavaScript · TensorFlow.js',
    language: 'JavaScript',
    // .mjs: the program uses import and top-level await, which Node runs as a module only so.
    extension: 'mjs',
    mime: 'text/javascript',
  },
];

const SELECTED_TAB = { background: 'var(--accent)', color: '#fff', borderColor: 'var(--accent)' };

const PANEL_STYLE = {
  display: 'grid',
  gridTemplateColumns: 'minmax(0, 1fr)',
  gap: '0.5rem',
  minWidth: 0,
  contain: 'inline-size',
} as const;

/** How long a "Copied" or "Downloaded" confirmation stays. */
const STATUS_MS = 2500;

export type CopyOutcome = 'copied' | 'refused';

/** Copies text to the clipboard: "refused" when there is no clipboard or the browser denies it. */
export async function copyText(
  text: string,
  clipboard: Pick<Clipboard, 'writeText'> | undefined = globalThis.navigator?.clipboard,
): Promise<CopyOutcome> {
  if (!clipboard) return 'refused';
  try {
    await clipboard.writeText(text);
    return 'copied';
  } catch {
    return 'refused';
  }
}

interface Props {
  python: string;
  javascript: string;
  /** The downloaded files are `${fileBase}.py` and `${fileBase}.mjs`. */
  fileBase: string;
}

/** The lab's experiment as code: Keras and TensorFlow.js tabs, with Copy and Download. */
export const CodePanel = memo(function CodePanel({ python, javascript, fileBase }: Props) {
  const id = useId();
  const [selected, setSelected] = useState(0);
  const { t } = useTranslation();
  const say = useSay();
  const [status, setStatus] = useState<{ text: Message; lasting: boolean } | null>(null);
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const codeRef = useRef<HTMLElement>(null);
  const tab = TABS[selected]!;
  const code = tab.key === 'python' ? python : javascript;
  const fileName = `${fileBase}.${tab.extension}`;

  useEffect(() => {
    if (!status || status.lasting) return;
    const timer = setTimeout(() => setStatus(null), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const select = (index: number) => {
    setSelected(index);
    setStatus(null);
    tabRefs.current[index]?.focus();
  };

  // The tabs pattern: arrow keys move between the tabs, Home and End go to the first and last.
  const onTabKey = (event: KeyboardEvent) => {
    const moves: Record<string, number> = {
      ArrowRight: (selected + 1) % TABS.length,
      ArrowLeft: (selected - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    select(next);
  };

  const copy = async () => {
    if ((await copyText(code)) === 'copied') {
      setStatus({ text: message('ui.code.copied'), lasting: false });
      return;
    }
    // Select the code so that Ctrl+C (⌘C) copies it.
    if (codeRef.current) globalThis.getSelection?.()?.selectAllChildren(codeRef.current);
    setStatus({ text: message('ui.code.refused'), lasting: true });
  };

  const download = () => {
    downloadText(code, fileName, tab.mime);
    setStatus({ text: message('ui.code.downloaded', { file: fileName }), lasting: false });
  };

  return (
    // contain: inline-size keeps long code lines from widening the page: the code scrolls instead.
    <div className="code-panel" style={PANEL_STYLE}>
      <div className="row wrap spread">
        <div
          role="tablist"
          aria-label={t('ui.code.language')}
          className="segmented"
          onKeyDown={onTabKey}
        >
          {TABS.map((t, i) => (
            <button
              key={t.key}
              ref={(el) => {
                tabRefs.current[i] = el;
              }}
              type="button"
              role="tab"
              id={`${id}-tab-${t.key}`}
              aria-selected={i === selected}
              aria-controls={`${id}-panel`}
              tabIndex={i === selected ? 0 : -1}
              style={i === selected ? SELECTED_TAB : undefined}
              onClick={() => select(i)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <div className="row" style={{ gap: '0.5rem' }}>
          <button
            type="button"
            aria-label={t('ui.code.copyLabel', { language: tab.language })}
            onClick={copy}
          >
            {t('ui.code.copy')}
          </button>
          <button
            type="button"
            aria-label={t('ui.code.download', { file: fileName })}
            onClick={download}
          >
            {t('ui.code.download', { file: fileName })}
          </button>
        </div>
      </div>
      <p
        className="small muted"
        role="status"
        aria-live="polite"
        style={{ margin: 0, minHeight: '1.2em' }}
      >
        {status ? say(status.text) : ''}
      </p>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-tab-${tab.key}`}>
        <pre className="printout" tabIndex={0} style={{ maxHeight: '32rem', overflow: 'auto' }}>
          <code ref={codeRef}>{code}</code>
        </pre>
      </div>
    </div>
  );
});
