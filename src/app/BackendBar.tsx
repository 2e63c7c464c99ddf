import { useTranslation } from 'react-i18next';
import { BACKEND_CHOICES, type BackendChoice } from '../engine/backends';
import { wasmThreads } from '../engine/wasmThreads';
import { useSay } from '../i18n/hooks';
import { Select } from '../ui/Slider';
import { useBackendController, useBackendState } from '../ui/backendContext';

/** Which backend trains, and why: always visible. */
export function BackendBar({ onChoice }: { onChoice: (choice: BackendChoice) => void }) {
  const { t } = useTranslation();
  const say = useSay();
  const controller = useBackendController();
  const state = useBackendState();
  const { available, software, renderer } = state.webgl;
  const gpu = available
    ? t(software ? 'backend.softwareGpu' : 'backend.gpu', { renderer })
    : t('backend.noWebgl', { renderer });
  const threads = state.active === 'wasm' && !state.busy ? wasmThreads() : null;
  return (
    <section className="backend-bar" aria-label={t('backend.label')}>
      <Select
        label={t('backend.label')}
        value={state.choice}
        options={BACKEND_CHOICES.map((b) => ({ value: b, label: t(`backend.choices.${b}`) }))}
        onChange={(choice) => {
          controller.setChoice(choice);
          onChoice(choice);
        }}
      />
      <div className="backend-status" data-testid="backend-status">
        <strong>
          {state.busy
            ? t('backend.measuring')
            : state.active
              ? t('backend.trainingOn', { backend: state.active })
              : state.warming
                ? t('backend.warmingUp')
                : t('backend.notStarted')}
        </strong>
        {state.reason && <span className="muted"> — {say(state.reason)}</span>}
        <div className="muted small">{gpu}</div>
        {threads && (
          <div className="muted small" data-testid="wasm-threads">
            {threads.threads > 1 || threads.isolated
              ? t('backend.wasmThreads', { count: threads.threads })
              : t('backend.wasmOneThread')}
          </div>
        )}
        {state.notices.map((n, i) => (
          <div key={i} className="notice warn" role="status">
            {say(n)}
          </div>
        ))}
      </div>
    </section>
  );
}
