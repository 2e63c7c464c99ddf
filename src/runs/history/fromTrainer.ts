import type { Trainer, TrainOutcome } from '../../engine/trainer';
import type { RunRecorder } from './recorder';
import type { EpochRow, RunRecord } from './record';

/** The final metrics a trainer's run reports: the last epoch's, as Keras's history ends. */
export function finalMetrics(
  epochs: readonly EpochRow[],
  outcome: TrainOutcome | null | undefined,
): RunRecord['final'] {
  const last = epochs.at(-1);
  return {
    loss: last?.loss ?? outcome?.loss ?? null,
    accuracy: last?.accuracy ?? null,
    valLoss: last?.valLoss ?? null,
    valAccuracy: last?.valAccuracy ?? null,
  };
}

/**
 * Feeds a trainer's updates and epochs into a recorder. The lab says when the run is over
 * (`finish`), since only it knows whether the backend broke or what it measured afterwards.
 */
export class TrainerRecording {
  private examples = 0;

  constructor(
    trainer: Trainer,
    readonly recorder: RunRecorder,
  ) {
    const trainCount = recorder.record.trainCount;
    trainer.on('batchEnd', (b) => {
      this.examples += b.size;
      recorder.update(b.loss, this.examples, b.elapsedMs / 1000);
    });
    trainer.on('epochEnd', (e) =>
      recorder.epoch({
        epoch: e.epoch,
        updates: e.step,
        examples: e.epoch * trainCount,
        seconds: e.elapsedMs / 1000,
        loss: e.loss,
        accuracy: e.accuracy,
        valLoss: e.valLoss,
        valAccuracy: e.valAccuracy,
      }),
    );
  }

  /**
   * Ends the record with the trainer's outcome; "failed" when the backend broke (a lost WebGL
   * context leaves no outcome). `extra` adds metrics measured after training (test accuracy).
   */
  finish(
    outcome: TrainOutcome | null | undefined,
    backendBroke: boolean,
    extra: RunRecord['final'] = {},
  ): Promise<void> {
    const status = backendBroke || !outcome ? 'failed' : outcome.status;
    return this.recorder.finish(
      status,
      { ...finalMetrics(this.recorder.record.epochs, outcome), ...extra },
      outcome?.elapsedMs,
    );
  }
}
