import { GATES, type Gate } from '../../data/gates';
import { decodeModelParams, encodeModelParams } from '../../engine/configParams';
import { message } from '../../engine/message';
import type { Notice } from '../../engine/repair';
import { gateModelSchema, lectureSettings, type GatesSettings } from './settings';

const PREFIXES = ['m1', 'm2'] as const;
const NEW_LAYER = { units: 4, activation: 'sigmoid' } as const;

/** Writes the whole experiment into URL parameters, so a link reopens it. */
export function encodeGates(
  settings: GatesSettings,
  params = new URLSearchParams(),
): URLSearchParams {
  params.set('gate', settings.gate);
  settings.models.forEach((m, i) => encodeModelParams(m, PREFIXES[i]!, params));
  return params;
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
    else
      notices.push({
        field: 'gate',
        message: message('repair.notAGate', { value: gateText, fallback: gate }),
      });
  }
  const models = PREFIXES.map((p, i) =>
    decodeModelParams(params, p, defaults.models[i]!, gateModelSchema, NEW_LAYER),
  );
  return {
    settings: { gate, models: [models[0]!.config, models[1]!.config] },
    notices: [...notices, ...models.flatMap((m) => m.notices)],
  };
}
