import { beforeAll, describe, expect, test } from 'vitest';
import { gateData } from '../../data/gates';
import type { ModelConfig } from '../../engine/config';
import { buildModel } from '../../engine/model';
import { Trainer, type BatchEnd } from '../../engine/trainer';
import { setCpuBackend } from '../../test/helpers';
import { TrainerRecording } from './fromTrainer';
import { RunRecorder } from './recorder';
import { freshHistory } from './testing';

const XOR_MLP: ModelConfig = {
  inputShape: [2],
  hidden: [{ units: 4, activation: 'sigmoid' }],
  output: { units: 1, activation: 'sigmoid' },
  loss: 'mse',
  optimizer: { kind: 'sgd', learningRate: 0.1 },
  // 4 examples in batches of 3: every epoch has a full batch and a partial one.
  batchSize: 3,
  epochs: 5,
  shuffle: true,
  seed: 8,
};

beforeAll(setCpuBackend);

describe('TrainerRecording', () => {
  test('records every update and epoch a trainer reports, and the outcome', async () => {
    const { history } = await freshHistory();
    const built = buildModel(XOR_MLP);
    const trainer = new Trainer(built, XOR_MLP, gateData('XOR'));
    const recorder = new RunRecorder(history, {
      lab: 'gates',
      name: 'XOR MLP [4]',
      config: { gate: 'XOR', ...XOR_MLP },
      backend: 'cpu',
      trainCount: 4,
      batchSize: 3,
    });
    const recording = new TrainerRecording(trainer, recorder);
    const batches: BatchEnd[] = [];
    trainer.on('batchEnd', (b) => batches.push(b));
    const outcome = await trainer.run();
    await recording.finish(outcome, false, { testAccuracy: null });
    built.dispose();

    const saved = (await history.get(recorder.id))!;
    expect(saved.status).toBe('done');
    expect(Array.from(saved.updates.loss)).toEqual(batches.map((b) => Math.fround(b.loss)));
    expect(Array.from(saved.updates.examples)).toEqual([3, 4, 7, 8, 11, 12, 15, 16, 19, 20]);
    expect(Array.from(saved.updates.seconds)).toEqual(batches.map((b) => b.elapsedMs / 1000));
    expect(saved.epochs.map((e) => [e.epoch, e.updates, e.examples])).toEqual([
      [1, 2, 4],
      [2, 4, 8],
      [3, 6, 12],
      [4, 8, 16],
      [5, 10, 20],
    ]);
    // Each epoch's loss is the mean of its own two updates: rows and series line up.
    saved.epochs.forEach((e, i) =>
      expect(e.loss).toBeCloseTo((batches[2 * i]!.loss + batches[2 * i + 1]!.loss) / 2, 6),
    );
    const last = saved.epochs.at(-1)!;
    expect(saved.final).toEqual({
      loss: last.loss,
      accuracy: last.accuracy,
      valLoss: null,
      valAccuracy: null,
      testAccuracy: null,
    });
    expect(last.accuracy).not.toBeNull();
    // The run goes on a little after the last update is stamped (handling it): the outcome says how long.
    expect(saved.durationMs).toBe(outcome.elapsedMs);
  });

  test('a broken backend (or no outcome at all) makes the run "failed"', async () => {
    const { history } = await freshHistory();
    const built = buildModel({ ...XOR_MLP, epochs: 1 });
    const trainer = new Trainer(built, { ...XOR_MLP, epochs: 1 }, gateData('XOR'));
    const init = {
      lab: 'gates',
      name: 'x',
      config: {},
      backend: 'webgl',
      trainCount: 4,
      batchSize: 3,
    } as const;
    const broken = new TrainerRecording(trainer, new RunRecorder(history, init));
    const outcome = await trainer.run();
    built.dispose();
    await broken.finish(outcome, true);
    const unused = buildModel(XOR_MLP);
    const lost = new TrainerRecording(
      new Trainer(unused, XOR_MLP, gateData('XOR')),
      new RunRecorder(history, init),
    );
    unused.dispose();
    await lost.finish(null, false);
    expect((await history.get(broken.recorder.id))!.status).toBe('failed');
    expect((await history.get(lost.recorder.id))!.status).toBe('failed');
  });
});
