import { useTranslation } from 'react-i18next';

interface Controls {
  pause(): void;
  resume(): void;
  stop(): void;
}

interface Props {
  /**
   * The run's phase. 'idle' or 'finished': Train shows; 'running': Pause and Stop; 'paused': Resume
   * and Stop; any other phase (choosing a backend, evaluating): no buttons until it is over.
   */
  phase: string;
  trainLabel: string;
  trainDisabled?: boolean;
  onTrain: () => void;
  run: Controls;
}

/** Train, then Pause / Resume and Stop while a run is on. */
export function RunButtons({ phase, trainLabel, trainDisabled, onTrain, run }: Props) {
  const { t } = useTranslation();
  return (
    <>
      {(phase === 'idle' || phase === 'finished') && (
        <button type="button" className="primary" disabled={trainDisabled} onClick={onTrain}>
          ▶ {trainLabel}
        </button>
      )}
      {phase === 'running' && (
        <button type="button" onClick={() => run.pause()}>
          ❚❚ {t('common.pause')}
        </button>
      )}
      {phase === 'paused' && (
        <button type="button" className="primary" onClick={() => run.resume()}>
          ▶ {t('common.resume')}
        </button>
      )}
      {(phase === 'running' || phase === 'paused') && (
        <button type="button" onClick={() => run.stop()}>
          ■ {t('common.stop')}
        </button>
      )}
    </>
  );
}
