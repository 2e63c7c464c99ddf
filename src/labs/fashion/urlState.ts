import { clampParam, decodeModelParams, encodeModelParams } from '../../engine/configParams';
import type { Notice } from '../../engine/repair';
import {
  fashionModelSchema,
  FULL_TRAIN_COUNT,
  lectureSettings,
  type FashionSettings,
} from './settings';

const PREFIX = 'f';
const NEW_LAYER = { units: 128, activation: 'relu' } as const;
export const MIN_TRAIN_COUNT = 100;
export const MAX_VALIDATION_SHARE = 0.5;

/** Writes the experiment into URL parameters, so a link reopens it. */
export function encodeFashion(settings: FashionSettings, params = new URLSearchParams()) {
  encodeModelParams(settings.model, PREFIX, params);
  params.set(`${PREFIX}.n`, String(settings.trainCount));
  params.set(`${PREFIX}.val`, String(settings.validationShare));
  return params;
}

/** Reads an experiment from URL parameters; bad values are clamped or defaulted, with notices. */
export function decodeFashion(params: URLSearchParams): {
  settings: FashionSettings;
  notices: Notice[];
} {
  const defaults = lectureSettings();
  const notices: Notice[] = [];
  const model = decodeModelParams(params, PREFIX, defaults.model, fashionModelSchema, NEW_LAYER);
  const trainCount = clampParam(
    params,
    `${PREFIX}.n`,
    defaults.trainCount,
    [MIN_TRAIN_COUNT, FULL_TRAIN_COUNT],
    true,
    notices,
  );
  const validationShare = clampParam(
    params,
    `${PREFIX}.val`,
    defaults.validationShare,
    [0, MAX_VALIDATION_SHARE],
    false,
    notices,
  );
  return {
    settings: { model: model.config, trainCount, validationShare },
    notices: [...model.notices, ...notices],
  };
}
