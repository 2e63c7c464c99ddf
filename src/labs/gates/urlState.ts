import { GATES, type Gate } from '../../data/gates';
import type { ModelConfig } from '../../engine/config';
import { defaultOptimizer, OPTIMIZERS, type OptimizerKind } from '../../engine/config';
import { repairConfig, type Notice } from '../../engine/repair';
import { gateModelSchema, lectureSettings, type GatesSettings } from './settings';

const PREFIXES = ['m1', 'm2'] as const;

function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}

/** Writes the whole experiment into URL parameters, so a link reopens it. */
export function encodeGates(
  settings: GatesSettings,
  params = new URLSearchParams(),
): URLSearchParams {
  params.set('gate', settings.gate);
  settings.models.forEach((m, i) => {
    const p = PREFIXES[i]!;
    params.set(`${p}.layers`, m.hidden.map((h) => h.units).join(','));
    params.set(`${p}.act`, m.hidden[0]?.activation ?? m.output.activation);
    params.set(`${p}.opt`, m.optimizer.kind);
    params.set(`${p}.lr`, String(m.optimizer.learningRate));
    params.set(`${p}.loss`, m.loss);
    params.set(`${p}.batch`, String(m.batchSize));
    params.set(`${p}.epochs`, String(m.epochs));
    params.set(`${p}.seed`, String(m.seed));
  });
  return params;
}

/** Names a config field by the URL parameter that sets it, as the person wrote it. */
function urlKey(field: string): string {
  const layer = /^hidden\[(\d+)\]\.(units|activation)$/.exec(field);
  if (layer)
    return `${layer[2] === 'units' ? 'layers' : 'act'} (hidden layer ${Number(layer[1]) + 1})`;
  const keys: Record<string, string> = {
    hidden: 'layers',
    'optimizer.learningRate': 'lr',
    optimizer: 'opt',
    batchSize: 'batch',
  };
  return keys[field] ?? field;
}

function decodeModel(params: URLSearchParams, prefix: string, defaults: ModelConfig) {
  const get = (key: string) => params.get(`${prefix}.${key}`);
  const raw: Record<string, unknown> = structuredClone(defaults);
  const notices: Notice[] = [];
  const act = get('act') ?? defaults.hidden[0]?.activation ?? 'sigmoid';
  const layers = get('layers');
  if (layers !== null) {
    raw.hidden =
      layers.trim() === ''
        ? []
        : layers.split(',').map((u) => ({ units: toNumber(u), activation: act }));
  } else if (get('act') !== null) {
    raw.hidden = defaults.hidden.map((h) => ({ ...h, activation: act }));
  }
  const opt = get('opt');
  const lrText = get('lr');
  const lr = lrText === null ? defaults.optimizer.learningRate : toNumber(lrText);
  if (opt !== null && !(OPTIMIZERS as readonly string[]).includes(opt)) {
    notices.push({
      field: `${prefix}.opt`,
      message: `"${opt}" is not an optimizer; using ${defaults.optimizer.kind}`,
    });
  }
  const kind = (OPTIMIZERS as readonly string[]).includes(opt ?? '')
    ? (opt as OptimizerKind)
    : defaults.optimizer.kind;
  raw.optimizer = { ...defaultOptimizer(kind, 0.1), learningRate: lr };
  for (const [key, field] of [
    ['loss', 'loss'],
    ['batch', 'batchSize'],
    ['epochs', 'epochs'],
    ['seed', 'seed'],
  ] as const) {
    const value = get(key);
    if (value !== null) raw[field] = field === 'loss' ? value : toNumber(value);
  }
  const repaired = repairConfig(gateModelSchema, raw, defaults, {
    arrayItems: { hidden: { units: 4, activation: 'sigmoid' } },
  });
  return {
    config: repaired.value,
    notices: [
      ...notices,
      ...repaired.notices.map((n) => ({ ...n, field: `${prefix}.${urlKey(n.field)}` })),
    ],
  };
}

/** Reads an experiment from URL parameters; bad values are clamped or defaulted, with notices. */
export function decodeGates(params: URLSearchParams): {
  settings: GatesSettings;
  notices: Notice[];
} {
  const defaults = lectureSettings();
  const notices: Notice[] = [];
  const gateText = params.get('gate');
  let gate: Gate = defaults.gate;
  if (gateText !== null) {
    const upper = gateText.toUpperCase();
    if ((GATES as readonly string[]).includes(upper)) gate = upper as Gate;
    else notices.push({ field: 'gate', message: `"${gateText}" is not a gate; using ${gate}` });
  }
  const models = PREFIXES.map((p, i) => decodeModel(params, p, defaults.models[i]!));
  return {
    settings: { gate, models: [models[0]!.config, models[1]!.config] },
    notices: [...notices, ...models.flatMap((m) => m.notices)],
  };
}
