interface Controls {
  pause(): void;
  resume(): void;
  stop(): void;
}

interface Props {
  /** Idle: Train shows; busy (choosing a backend, evaluating): nothing; running or paused: Stop too. */
  phase: 'idle' | 'busy' | 'running' | 'paused';
  trainLabel: string;
  trainDisabled?: boolean;
  onTrain: () => void;
  run: Controls;
}

/** Train, then Pause / Resume and Stop while a run is on. */
export function RunButtons({ phase, trainLabel, trainDisabled, onTrain, run }: Props) {
  return (
    <>
      {phase === 'idle' && (
        <button type="button" className="primary" disabled={trainDisabled} onClick={onTrain}>
          ▶ {trainLabel}
        </button>
      )}
      {phase === 'running' && (
        <button type="button" onClick={() => run.pause()}>
          ❚❚ Pause
        </button>
      )}
      {phase === 'paused' && (
        <button type="button" className="primary" onClick={() => run.resume()}>
          ▶ Resume
        </button>
      )}
      {(phase === 'running' || phase === 'paused') && (
        <button type="button" onClick={() => run.stop()}>
          ■ Stop
        </button>
      )}
    </>
  );
}
