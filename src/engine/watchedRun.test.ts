import { beforeAll, describe, expect, test } from 'vitest';
import { denseConfig, setCpuBackend } from '../test/helpers';
import { gateData } from '../data/gates';
import { buildModel } from './model';
import { Trainer } from './trainer';
import { runWatched } from './watchedRun';

beforeAll(setCpuBackend);

describe('runWatched', () => {
  test('runs every trainer to its end and reports no breakage', async () => {
    const config = denseConfig({ epochs: 5 });
    const a = buildModel(config);
    const b = buildModel({ ...config, seed: 2 });
    const result = await runWatched([
      new Trainer(a, config, gateData('AND')),
      new Trainer(b, config, gateData('OR')),
    ]);
    a.dispose();
    b.dispose();
    expect(result.brokenBy).toBeNull();
    expect(result.outcomes?.map((o) => o.status)).toEqual(['done', 'done']);
  });

  test('a failed step is reported as what broke the backend', async () => {
    const config = denseConfig({ epochs: 5 });
    const built = buildModel(config);
    // Data whose shape does not fit the model makes the first step throw.
    const wrong = { ...gateData('AND'), x: new Float32Array(12), xShape: [3] };
    const result = await runWatched([new Trainer(built, config, wrong, { path: 'tfjs' })]);
    built.dispose();
    expect(result.outcomes?.[0]?.status).toBe('failed');
    expect(result.brokenBy).toMatch(/./);
  });
});
