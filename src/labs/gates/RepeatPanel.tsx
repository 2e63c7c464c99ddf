import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
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
  const { t } = useTranslation();
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
    <section className="card" aria-label={t('gates.repeat.title')}>
      <h2>{t('gates.repeat.title')}</h2>
      <p className="muted">
        {t('gates.repeat.intro', { count, first: firstSeed, last: firstSeed + count - 1 })}
      </p>
      <div className="row">
        <Slider
          label={t('gates.repeat.seeds')}
          value={count}
          min={2}
          max={50}
          disabled={running || disabled}
          onChange={setCount}
        />
        {running ? (
          <button type="button" onClick={() => (stop.current = true)}>
            {t('gates.repeat.stop')}
          </button>
        ) : (
          <button type="button" className="primary" disabled={disabled} onClick={() => void run()}>
            {t('gates.repeat.start', { count })}
          </button>
        )}
      </div>
      {progress && (
        <Progress
          label={t('gates.repeat.runOf', { done: progress.done, total: progress.total })}
          value={progress.done}
          max={progress.total}
        />
      )}
      {progress && ran && (
        <table className="sweep" aria-label={t('gates.repeat.results')}>
          <thead>
            <tr>
              <th>{t('gates.repeat.modelOn', { gate: ran.gate })}</th>
              <th>{t('gates.repeat.solved')}</th>
              <th>{t('gates.repeat.seedsSolved')}</th>
              <th className="num">{t('gates.repeat.meanLoss')}</th>
            </tr>
          </thead>
          <tbody>
            {progress.tallies.map((tally, i) => {
              const tried = tally.solvedSeeds.length + tally.failedSeeds.length;
              const mean =
                tally.finalLosses.reduce((a, b) => a + b, 0) /
                Math.max(1, tally.finalLosses.length);
              return (
                <tr key={i} data-testid="sweep-row">
                  <td>{t('gates.repeat.row', { name: ran.names[i], epochs: ran.epochs[i] })}</td>
                  <td>
                    <strong>
                      {t('gates.repeat.solvedOf', { solved: tally.solvedSeeds.length, tried })}
                    </strong>
                  </td>
                  <td className="small">{tally.solvedSeeds.join(', ') || '—'}</td>
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
