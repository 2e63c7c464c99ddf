import { fashionImages, type FashionMnist } from '../../data/fashionMnist';
import { gateData, GATE_INPUTS, gateLabels } from '../../data/gates';
import { makePoints, pointRows, POINT_DOMAIN } from '../../data/points';
import type { TrainData } from '../../engine/batch';
import { isPointSet, splitCounts, type DescentSettings } from './settings';

export interface MapPoint {
  x: number;
  y: number;
  label: 0 | 1;
}

/** What the runs train on: the training examples, the held-out ones, and for 2-D sets the map. */
export interface LabData {
  train: TrainData;
  validation: TrainData | null;
  /** 2-D sets: the training points and the square the decision maps cover. */
  plane: { points: MapPoint[]; domain: readonly [number, number] } | null;
}

/** The points stay the same when the seed of the weights changes: one experiment, one data set. */
const POINTS_SEED = 1;

function mapPoints(data: TrainData): MapPoint[] {
  return Array.from({ length: data.count }, (_, i) => ({
    x: data.x[2 * i]!,
    y: data.x[2 * i + 1]!,
    label: data.y[i] === 1 ? 1 : 0,
  }));
}

/**
 * The examples of the chosen data set, split as Keras's `validation_split` does: the first ones
 * train, the last 20 % validate. Fashion-MNIST needs its files loaded (`fashion`).
 */
export function labData(settings: DescentSettings, fashion: FashionMnist | null): LabData {
  const { train, validation } = splitCounts(settings);
  if (settings.data === 'fashion') {
    if (!fashion) throw new Error('Fashion-MNIST is not loaded');
    return {
      train: fashionImages(fashion.train, 0, train),
      validation: fashionImages(fashion.train, train, validation),
      plane: null,
    };
  }
  if (settings.data === 'gates') {
    const data = gateData(settings.gate);
    const labels = gateLabels(settings.gate);
    return {
      train: data,
      validation: null,
      plane: {
        points: GATE_INPUTS.map(([x, y], i) => ({ x, y, label: labels[i] === 1 ? 1 : 0 })),
        domain: [-0.25, 1.25],
      },
    };
  }
  if (!isPointSet(settings.data)) throw new Error(`unknown data set ${settings.data}`);
  const all = makePoints(settings.data, {
    count: train + validation,
    noise: settings.noise,
    seed: POINTS_SEED,
  });
  const trainRows = pointRows(all, 0, train);
  return {
    train: trainRows,
    validation: pointRows(all, train, validation),
    plane: { points: mapPoints(trainRows), domain: POINT_DOMAIN },
  };
}
