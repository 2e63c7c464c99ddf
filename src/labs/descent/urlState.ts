import { GATES, type Gate } from '../../data/gates';
import { MAX_NOISE } from '../../data/points';
import {
  clampParam,
  decodeModelParams,
  encodeModelParams,
  paramNumber,
} from '../../engine/configParams';
import { message } from '../../engine/message';
import type { Notice } from '../../engine/repair';
import {
  DATA_SETS,
  defaultSettings,
  descentModelSchema,
  FULL_IMAGES,
  MAX_RUNS,
  modelForData,
  type BatchChoice,
  type DataSetId,
  type DescentSettings,
} from './settings';

const PREFIX = 'd';
const NEW_LAYER = { units: 8, activation: 'tanh' } as const;
export const IMAGE_RANGE = [500, FULL_IMAGES] as const;
export const POINT_RANGE = [50, 5000] as const;

const runText = (b: BatchChoice) => String(b);

/**
 * Writes the experiment into URL parameters (`d.data=fashion&d.n=2000&d.runs=1,64,all&d.lr=…`),
 * so a link reopens it. The loss and the input follow the data set and are not written.
 */
export function encodeDescent(settings: DescentSettings, params = new URLSearchParams()) {
  params.set(`${PREFIX}.data`, settings.data);
  if (settings.data === 'fashion') params.set(`${PREFIX}.n`, String(settings.images));
  else if (settings.data === 'gates') params.set(`${PREFIX}.gate`, settings.gate);
  else {
    params.set(`${PREFIX}.points`, String(settings.points));
    params.set(`${PREFIX}.noise`, String(settings.noise));
  }
  encodeModelParams(settings.model, PREFIX, params);
  params.delete(`${PREFIX}.loss`);
  params.delete(`${PREFIX}.batch`);
  params.set(`${PREFIX}.runs`, settings.runs.map(runText).join(','));
  return params;
}

/** `1,64,all`: whole batch sizes from 1 to 60,000 or "all", at most MAX_RUNS of them. */
function decodeRuns(
  text: string | null,
  fallback: BatchChoice[],
  notices: Notice[],
): BatchChoice[] {
  if (text === null) return fallback;
  const field = `${PREFIX}.runs`;
  const runs: BatchChoice[] = [];
  for (const item of text.split(',').map((s) => s.trim())) {
    const b = item.toLowerCase() === 'all' ? 'all' : paramNumber(item);
    if (b === 'all' || (Number.isInteger(b) && b >= 1 && b <= FULL_IMAGES)) runs.push(b);
    else notices.push({ field, message: message('descent.repair.notABatchSize', { value: item }) });
  }
  if (runs.length > MAX_RUNS) {
    notices.push({
      field,
      message: message('repair.tooManyEntries', { length: runs.length, max: MAX_RUNS }),
    });
  }
  if (runs.length === 0) {
    notices.push({
      field,
      message: message('descent.repair.noRuns', { fallback: fallback.join(',') }),
    });
    return fallback;
  }
  return runs.slice(0, MAX_RUNS);
}

/** Reads an experiment from URL parameters; bad values are clamped or defaulted, with notices. */
export function decodeDescent(params: URLSearchParams): {
  settings: DescentSettings;
  notices: Notice[];
} {
  const notices: Notice[] = [];
  const get = (key: string) => params.get(`${PREFIX}.${key}`);
  const dataText = get('data');
  let data: DataSetId = defaultSettings().data;
  if (dataText !== null) {
    if ((DATA_SETS as readonly string[]).includes(dataText)) data = dataText as DataSetId;
    else
      notices.push({
        field: `${PREFIX}.data`,
        message: message('descent.repair.notADataSet', { value: dataText, fallback: data }),
      });
  }
  const defaults = defaultSettings(data);
  const gateText = get('gate');
  let gate: Gate = defaults.gate;
  if (gateText !== null) {
    const upper = gateText.toUpperCase();
    if ((GATES as readonly string[]).includes(upper)) gate = upper as Gate;
    else
      notices.push({
        field: `${PREFIX}.gate`,
        message: message('repair.notAGate', { value: gateText, fallback: gate }),
      });
  }
  const images = clampParam(params, `${PREFIX}.n`, defaults.images, IMAGE_RANGE, true, notices);
  const points = clampParam(
    params,
    `${PREFIX}.points`,
    defaults.points,
    POINT_RANGE,
    true,
    notices,
  );
  const noise = clampParam(
    params,
    `${PREFIX}.noise`,
    defaults.noise,
    [0, MAX_NOISE],
    false,
    notices,
  );
  const model = decodeModelParams(params, PREFIX, defaults.model, descentModelSchema, NEW_LAYER);
  const runs = decodeRuns(get('runs'), defaults.runs, notices);
  return {
    settings: {
      data,
      images,
      gate,
      points,
      noise,
      model: modelForData(model.config, data),
      runs,
    },
    notices: [...notices, ...model.notices],
  };
}
