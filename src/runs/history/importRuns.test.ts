import { afterEach, describe, expect, test } from 'vitest';
import { runsToJson } from './exportRuns';
import { IMPORT_LIMITS, importRunsText, parseRunsJson, type ImportErrorCode } from './importRuns';
import { freshHistory, sampleRun } from './testing';

/** A good export, as a plain object to spoil. */
const good = () => JSON.parse(runsToJson([sampleRun({}, 8), sampleRun({ lab: 'fashion' }, 4)]));
type File = ReturnType<typeof good>;
const spoil = (change: (file: File) => void) => {
  const file = good();
  change(file);
  return JSON.stringify(file);
};
/** JSON with a raw piece of text put in place of a marker (for what JSON.stringify cannot write). */
const raw = (change: (file: File) => void, replacement: string) =>
  spoil(change).replace('"@@"', replacement);

const BAD: [string, string, ImportErrorCode, RegExp?][] = [
  ['an empty file', '', 'notJson'],
  ['text that is not JSON', 'runs: 3', 'notJson'],
  ['JSON cut short', runsToJson([sampleRun()]).slice(0, -10), 'notJson'],
  ['a list, not an export', '[]', 'notExport'],
  ['another format', spoil((f) => (f.format = 'tensorboard')), 'notExport'],
  ['no format at all', spoil((f) => delete f.format), 'notExport'],
  ['a newer version', spoil((f) => (f.version = 2)), 'unknownVersion'],
  ['the version as text', spoil((f) => (f.version = '1')), 'unknownVersion'],
  ['runs that are not a list', spoil((f) => (f.runs = {})), 'invalid', /^runs/],
  ['a missing colour', spoil((f) => delete f.runs[1].color), 'invalid', /^runs\[1\]\.color/],
  ['missing updates', spoil((f) => delete f.runs[0].updates), 'invalid', /updates/],
  ['a count as text', spoil((f) => (f.runs[0].trainCount = '4')), 'invalid', /trainCount/],
  ['a fractional batch size', spoil((f) => (f.runs[0].batchSize = 1.5)), 'invalid', /batchSize/],
  ['a negative time', spoil((f) => (f.runs[0].startedAt = -1)), 'invalid', /startedAt/],
  ['an unknown lab', spoil((f) => (f.runs[0].lab = 'evil')), 'invalid', /lab/],
  ['an unknown status', spoil((f) => (f.runs[0].status = 'hacked')), 'invalid', /status/],
  ['a loss as text', spoil((f) => (f.runs[0].updates.loss[2] = 'NaN')), 'invalid', /loss\[2\]/],
  [
    'a missing example count',
    spoil((f) => (f.runs[0].updates.examples[0] = null)),
    'invalid',
    /examples/,
  ],
  [
    'an infinite time (1e999)',
    raw((f) => (f.runs[0].updates.seconds[3] = '@@'), '1e999'),
    'invalid',
    /seconds\[3\]/,
  ],
  [
    'an infinite setting',
    raw((f) => (f.runs[0].config.seed = '@@'), '-1e999'),
    'invalid',
    /config/,
  ],
  ['series of unequal length', spoil((f) => f.runs[0].updates.seconds.pop()), 'invalid', /lengths/],
  [
    'an epoch row without its loss',
    spoil((f) => delete f.runs[0].epochs[1].loss),
    'invalid',
    /epochs\[1\]\.loss/,
  ],
  ['a metric as text', spoil((f) => (f.runs[0].final.loss = 'low')), 'invalid', /final/],
  ['a blank name', spoil((f) => (f.runs[0].name = '   ')), 'invalid', /name/],
  ['a name of 201 characters', spoil((f) => (f.runs[0].name = 'x'.repeat(201))), 'invalid', /name/],
  [
    'a colour that carries CSS',
    spoil((f) => (f.runs[0].color = 'red;background:url(//x)')),
    'invalid',
    /color/,
  ],
  ['an id with markup', spoil((f) => (f.runs[0].id = '<img src=x>')), 'invalid', /id/],
  [
    'a config nested 20 deep',
    spoil((f) => (f.runs[0].config.x = JSON.parse('{"a":'.repeat(20) + '1' + '}'.repeat(20)))),
    'invalid',
    /nested/,
  ],
  [
    'a config text of 5000 characters',
    spoil((f) => (f.runs[0].config.gate = 'x'.repeat(5000))),
    'invalid',
    /config/,
  ],
  ['a config that is a list', spoil((f) => (f.runs[0].config = [1, 2])), 'invalid', /config/],
  [
    '"__proto__" in a config',
    raw((f) => (f.runs[0].config.optimizer = '@@'), '{"__proto__": {"polluted": true}}'),
    'forbiddenKey',
  ],
  [
    '"__proto__" spelled with an escape',
    raw((f) => (f.runs[1].final = '@@'), '{"\\u005f_proto__": 1}'),
    'forbiddenKey',
  ],
  [
    '"constructor" at the top',
    raw((f) => (f.extra = '@@'), '{"constructor": {"prototype": {}}}'),
    'forbiddenKey',
  ],
];

describe('parseRunsJson refuses bad files with a reason', () => {
  test.each(BAD)('%s', (_, text, code, detail) => {
    const result = parseRunsJson(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe(code);
    expect(result.error.length).toBeGreaterThan(0);
    if (detail) expect(result.error).toMatch(detail);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('the spoilers spoil only what they say: the unspoilt file is good', () => {
    expect(parseRunsJson(JSON.stringify(good())).ok).toBe(true);
  });
});

describe('parseRunsJson size limits', () => {
  const saved = { ...IMPORT_LIMITS };
  afterEach(() => Object.assign(IMPORT_LIMITS, saved));

  test('a file over the size cap is refused before it is read', () => {
    const text = runsToJson([sampleRun()]);
    IMPORT_LIMITS.fileChars = text.length - 1;
    expect(parseRunsJson(text)).toMatchObject({ ok: false, code: 'tooLarge' });
    IMPORT_LIMITS.fileChars = text.length;
    expect(parseRunsJson(text).ok).toBe(true);
  });

  test('too many runs, updates or epochs are refused', () => {
    const text = runsToJson([sampleRun({}, 12), sampleRun({}, 12)]);
    IMPORT_LIMITS.runs = 1;
    expect(parseRunsJson(text)).toMatchObject({ ok: false, code: 'invalid' });
    IMPORT_LIMITS.runs = 2;
    IMPORT_LIMITS.updatesPerRun = 11;
    expect(parseRunsJson(text)).toMatchObject({ ok: false, code: 'invalid' });
    IMPORT_LIMITS.updatesPerRun = 12;
    IMPORT_LIMITS.epochsPerRun = 2;
    expect(parseRunsJson(text)).toMatchObject({ ok: false, code: 'invalid' });
    IMPORT_LIMITS.epochsPerRun = 3;
    expect(parseRunsJson(text).ok).toBe(true);
  });
});

describe('parseRunsJson reads good files', () => {
  test('fields it does not know are dropped; a run still "running" comes back interrupted', () => {
    const text = spoil((f) => {
      f.runs[0].status = 'running';
      f.runs[0].script = '<script>alert(1)</script>';
      f.comment = 'from a friend';
    });
    const result = parseRunsJson(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.runs[0]!.status).toBe('interrupted');
    expect(result.runs[1]!.status).toBe('done');
    expect('script' in result.runs[0]!).toBe(false);
    expect(result.runs[0]!.updates.loss).toBeInstanceOf(Float32Array);
  });

  test('an empty export is fine and imports nothing', () => {
    expect(parseRunsJson(runsToJson([]))).toEqual({ ok: true, runs: [] });
  });
});

describe('importRunsText', () => {
  test('adds the runs of a good file', async () => {
    const { history } = await freshHistory();
    const runs = [sampleRun(), sampleRun()];
    expect(await importRunsText(history, runsToJson(runs))).toEqual({ ok: true, count: 2 });
    expect(await history.list()).toEqual(runs);
  });

  test('a bad file changes nothing, even when only its last run is bad', async () => {
    const { history } = await freshHistory();
    const here = sampleRun();
    await history.put(here);
    let changes = 0;
    history.subscribe(() => changes++);
    const text = runsToJson([sampleRun(), sampleRun(), { ...sampleRun(), color: 'url(x)' }]);
    expect(await importRunsText(history, text)).toMatchObject({ ok: false, code: 'invalid' });
    expect(await history.list()).toEqual([here]);
    expect(changes).toBe(0);
  });
});
