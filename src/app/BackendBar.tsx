import { BACKEND_CHOICES, type BackendChoice } from '../engine/backends';
import { Select } from '../ui/Slider';
import { useBackendController, useBackendState } from '../ui/backendContext';

const LABELS: Record<BackendChoice, string> = {
  auto: 'auto (fastest measured)',
  webgl: 'WebGL (GPU)',
  wasm: 'WebAssembly',
  cpu: 'CPU (plain JavaScript)',
};

/** Which backend trains, and why: always visible. */
export function BackendBar({ onChoice }: { onChoice: (choice: BackendChoice) => void }) {
  const controller = useBackendController();
  const state = useBackendState();
  const gpu = state.webgl.available
    ? `${state.webgl.software ? 'software WebGL, no GPU' : 'GPU'}: ${state.webgl.renderer}`
    : `no WebGL: ${state.webgl.renderer}`;
  return (
    <section className="backend-bar" aria-label="Backend">
      <Select
        label="Backend"
        value={state.choice}
        options={BACKEND_CHOICES.map((b) => ({ value: b, label: LABELS[b] }))}
        onChange={(choice) => {
          controller.setChoice(choice);
          onChoice(choice);
        }}
      />
      <div className="backend-status" data-testid="backend-status">
        <strong>
          {state.busy
            ? 'measuring backends…'
            : state.active
              ? `training on ${state.active}`
              : 'not started yet'}
        </strong>
        {state.reason && <span className="muted"> — {state.reason}</span>}
        <div className="muted small">{gpu}</div>
        {state.notices.map((n) => (
          <div key={n} className="notice warn" role="status">
            {n}
          </div>
        ))}
      </div>
    </section>
  );
}
