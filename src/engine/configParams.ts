import type * as z from 'zod';
import { defaultOptimizer, OPTIMIZERS, type ModelConfig, type OptimizerKind } from './config';
import { message } from './message';
import { repairConfig, type Notice } from './repair';

/** A number from a URL parameter: empty text is not zero. */
export function paramNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/**
 * Writes a model config as readable URL parameters under a prefix:
 * `m1.layers=4,4&m1.act=sigmoid&m1.opt=sgd&m1.lr=0.1&m1.loss=mse&m1.batch=1&m1.epochs=1500&m1.seed=8`.
 */
export function encodeModelParams(
  config: ModelConfig,
  prefix: string,
  params: URLSearchParams,
): void {
  params.set(`${prefix}.layers`, config.hidden.map((h) => h.units).join(','));
  params.set(`${prefix}.act`, config.hidden[0]?.activation ?? config.output.activation);
  params.set(`${prefix}.opt`, config.optimizer.kind);
  params.set(`${prefix}.lr`, String(config.optimizer.learningRate));
  params.set(`${prefix}.loss`, config.loss);
  params.set(`${prefix}.batch`, String(config.batchSize));
  params.set(`${prefix}.epochs`, String(config.epochs));
  params.set(`${prefix}.seed`, String(config.seed));
}

/**
 * Names a config field by the URL parameter that sets it, as the person wrote it, and the hidden
 * layer (1-based) when the field is one layer's.
 */
function urlKey(field: string): { field: string; layer?: number } {
  const layer = /^hidden\[(\d+)\]\.(units|activation)$/.exec(field);
  if (layer) {
    return { field: layer[2] === 'units' ? 'layers' : 'act', layer: Number(layer[1]) + 1 };
  }
  const keys: Record<string, string> = {
    hidden: 'layers',
    'optimizer.learningRate': 'lr',
    optimizer: 'opt',
    batchSize: 'batch',
  };
  return { field: keys[field] ?? field };
}

/**
 * Reads what `encodeModelParams` wrote. Parameters that are absent keep the defaults; bad ones are
 * repaired by the schema, with one notice per parameter, named as in the URL.
 */
export function decodeModelParams(
  params: URLSearchParams,
  prefix: string,
  defaults: ModelConfig,
  schema: z.ZodType<ModelConfig>,
  newLayer: ModelConfig['hidden'][number],
): { config: ModelConfig; notices: Notice[] } {
  const get = (key: string) => params.get(`${prefix}.${key}`);
  const raw: Record<string, unknown> = structuredClone(defaults);
  const notices: Notice[] = [];
  const act = get('act') ?? defaults.hidden[0]?.activation ?? newLayer.activation;
  const layers = get('layers');
  if (layers !== null) {
    raw.hidden =
      layers.trim() === ''
        ? []
        : layers.split(',').map((u) => ({ units: paramNumber(u), activation: act }));
  } else if (get('act') !== null) {
    raw.hidden = defaults.hidden.map((h) => ({ ...h, activation: act }));
  }
  const opt = get('opt');
  const lrText = get('lr');
  const lr = lrText === null ? defaults.optimizer.learningRate : paramNumber(lrText);
  const known = (OPTIMIZERS as readonly string[]).includes(opt ?? '');
  if (opt !== null && !known) {
    notices.push({
      field: `${prefix}.opt`,
      message: message('repair.notAnOptimizer', {
        value: opt,
        fallback: defaults.optimizer.kind,
      }),
    });
  }
  const kind = known ? (opt as OptimizerKind) : defaults.optimizer.kind;
  raw.optimizer = { ...defaultOptimizer(kind, lr), learningRate: lr };
  for (const [key, field] of [
    ['loss', 'loss'],
    ['batch', 'batchSize'],
    ['epochs', 'epochs'],
    ['seed', 'seed'],
  ] as const) {
    const value = get(key);
    if (value !== null) raw[field] = field === 'loss' ? value : paramNumber(value);
  }
  const repaired = repairConfig(schema, raw, defaults, { arrayItems: { hidden: newLayer } });
  return {
    config: repaired.value,
    notices: [
      ...notices,
      ...repaired.notices.map((n) => {
        const named = urlKey(n.field);
        return { ...n, ...named, field: `${prefix}.${named.field}` };
      }),
    ],
  };
}

/** A number parameter clamped to [min, max] (rounded when `whole`), with a notice when it was changed. */
export function clampParam(
  params: URLSearchParams,
  key: string,
  fallback: number,
  [min, max]: readonly [number, number],
  whole: boolean,
  notices: Notice[],
): number {
  const text = params.get(key);
  if (text === null) return fallback;
  const value = paramNumber(text);
  if (!Number.isFinite(value)) {
    notices.push({
      field: key,
      message: message('repair.notANumberUsing', { value: text, fallback }),
    });
    return fallback;
  }
  const fixed = Math.min(max, Math.max(min, whole ? Math.round(value) : value));
  if (fixed !== value)
    notices.push({
      field: key,
      message: message('repair.outside', { value: text, min, max, fixed }),
    });
  return fixed;
}
