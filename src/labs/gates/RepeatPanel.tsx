import { useRef, useState } from 'react';
import type { Gate } from '../../data/gates';
import { gateData } from '../../data/gates';
import { measureStepMs } from '../../engine/measure';
import { Progress } from '../../ui/Progress';
import { Slider } from '../../ui/Slider';
import { useBackendController } from '../../ui/backendContext';
import type { ModelConfig } from '../../engine/config';
import { modelName } from './settings';
import { sweepSeeds, type SweepProgress } from './sweep';

interface Props {
  gate: Gate;
  models: readonly ModelConfig[];
  disabled: boolean;
  onBusy: (busy: boolean) => void;
}

/** Repeats the comparison over N seeds: the SLP never solves XOR, the MLP usually does. */
export function RepeatPanel({ gate, models, disabled, onBusy }: Props) {
  const backend = useBackendController();
  const [count, setCount] = useState(10);
  const [progress, setProgress] = useState<SweepProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [ran, setRan] = useState<{
    gate: Gate;
    names: string[];
    epochs: number[];
    firstSeed: number;
  } | null>(null);
  const stop = useRef(false);
  const firstSeed = models[0]?.seed ?? 0;

  const run = async () => {
    setRunning(true);
    onBusy(true);
    stop.current = false;
    setProgress(null);
    setRan({ gate, names: models.map(modelName), epochs: models.map((m) => m.epochs), firstSeed });
    try {
      const largest = models[models.length - 1]!;
      await backend.prepare(`gates:${JSON.stringify(largest)}`, () =>
        measureStepMs(largest, gateData(gate)),
      );
      await sweepSeeds(
        models,
        gate,
        firstSeed,
        count,
        (p) => setProgress({ ...p, tallies: p.tallies.map((t) => ({ ...t })) }),
        () => stop.current,
      );
    } finally {
      setRunning(false);
      onBusy(false);
    }
  };

  return (
    <section className="card" aria-label="Repeat over seeds">
      <h2>Repeat over seeds</h2>
      <p className="muted">
        One run depends on its random initial weights. Train both models from {count} different
        seeds ({firstSeed} to {firstSeed + count - 1}) and count how often each one gets all four
        inputs right.
      </p>
      <div className="row">
        <Slider
          label="Seeds"
          value={count}
          min={2}
          max={50}
          disabled={running || disabled}
          onChange={setCount}
        />
        {running ? (
          <button type="button" onClick={() => (stop.current = true)}>
            Stop repeating
          </button>
        ) : (
          <button type="button" className="primary" disabled={disabled} onClick={() => void run()}>
            Repeat over {count} seeds
          </button>
        )}
      </div>
      {progress && (
        <Progress
          label={`run ${progress.done} / ${progress.total}`}
          value={progress.done}
          max={progress.total}
        />
      )}
      {progress && ran && (
        <table className="sweep" aria-label="Seed results">
          <thead>
            <tr>
              <th>Model on {ran.gate}</th>
              <th>Solved</th>
              <th>Seeds solved</th>
              <th className="num">Mean final loss</th>
            </tr>
          </thead>
          <tbody>
            {progress.tallies.map((t, i) => {
              const tried = t.solvedSeeds.length + t.failedSeeds.length;
              const mean =
                t.finalLosses.reduce((a, b) => a + b, 0) / Math.max(1, t.finalLosses.length);
              return (
                <tr key={i} data-testid="sweep-row">
                  <td>
                    {ran.names[i]} · {ran.epochs[i]} epochs
                  </td>
                  <td>
                    <strong>
                      {t.solvedSeeds.length} of {tried}
                    </strong>
                  </td>
                  <td className="small">{t.solvedSeeds.join(', ') || '—'}</td>
                  <td className="num">{mean.toFixed(4)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
