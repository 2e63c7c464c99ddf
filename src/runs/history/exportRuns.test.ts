import { describe, expect, test } from 'vitest';
import { exportFileName, runsToCsv, runsToJson } from './exportRuns';
import { parseRunsJson } from './importRuns';
import { sampleRun } from './testing';

/** An RFC 4180 reader, to check what a spreadsheet would see. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  expect(cell).toBe(''); // the file ends with a line break
  return rows;
}

describe('runsToJson', () => {
  test('a versioned file with the series as plain arrays; non-finite values become null', () => {
    const run = sampleRun({}, 4);
    run.updates.loss[1] = Number.POSITIVE_INFINITY;
    const file = JSON.parse(runsToJson([run], new Date('2026-01-02T03:04:05Z')));
    expect(file).toMatchObject({
      format: 'training-lab-runs',
      version: 1,
      exportedAt: '2026-01-02T03:04:05.000Z',
    });
    expect(file.runs).toHaveLength(1);
    expect(file.runs[0].updates).toEqual({
      // The shortest decimals that read back as the same float32s: 0.7, not 0.699999988.
      loss: [0.7, null, 0.23333333, 0.175],
      examples: [1, 2, 3, 4],
      seconds: [0.0625, 0.125, 0.1875, 0.25],
    });
    expect(file.runs[0].config).toEqual(run.config);
  });

  test('export then import gives the same runs back, float32 losses bit for bit', () => {
    const a = sampleRun({ status: 'diverged', final: { loss: null, accuracy: 0.5 } }, 40);
    a.updates.loss[39] = Number.NaN;
    a.epochs[2]!.loss = Number.NaN;
    for (let i = 0; i < 39; i++) a.updates.loss[i] = Math.random() * 10 ** ((i % 7) - 3);
    const b = sampleRun({ lab: 'fashion', name: 'Fashion "quick", run\n2' }, 0);
    const back = parseRunsJson(runsToJson([a, b]));
    expect(back).toEqual({ ok: true, runs: [a, b] });
  });

  test('a run exported while still running comes back interrupted', () => {
    const running = sampleRun({ status: 'running' });
    const back = parseRunsJson(runsToJson([running]));
    expect(back.ok && back.runs[0]).toEqual({ ...running, status: 'interrupted' });
  });
});

describe('runsToCsv', () => {
  test('one row per update, with run id, name and lab; names quoted where they need it', () => {
    const a = sampleRun({ name: 'lr 0.1, "fast"\nsecond line' }, 3);
    const b = sampleRun({ name: '=HYPERLINK("http://x")', lab: 'descent', trainCount: 2 }, 2);
    b.updates.loss[1] = Number.NaN;
    const rows = readCsv(runsToCsv([a, b], 'updates'));
    expect(rows).toEqual([
      ['run_id', 'run_name', 'lab', 'update', 'epoch', 'examples', 'seconds', 'loss'],
      [a.id, a.name, 'gates', '1', '0.25', '1', '0.0625', '0.7'],
      [a.id, a.name, 'gates', '2', '0.5', '2', '0.125', '0.35'],
      [a.id, a.name, 'gates', '3', '0.75', '3', '0.1875', '0.23333333'],
      // A formula is defused: the spreadsheet shows it as text.
      [b.id, `'${b.name}`, 'descent', '1', '0.5', '1', '0.0625', '0.7'],
      [b.id, `'${b.name}`, 'descent', '2', '1', '2', '0.125', ''],
    ]);
  });

  test('one row per epoch with training and validation metrics; missing ones are empty', () => {
    const run = sampleRun({ name: 'plain' }, 8);
    run.epochs[1]!.valLoss = 0.5;
    run.epochs[1]!.valAccuracy = 0.25;
    const text = runsToCsv([run], 'epochs');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(readCsv(text)).toEqual([
      [
        'run_id',
        'run_name',
        'lab',
        'epoch',
        'updates',
        'examples',
        'seconds',
        'loss',
        'accuracy',
        'val_loss',
        'val_accuracy',
      ],
      [run.id, 'plain', 'gates', '1', '4', '4', '0.25', '0.5', '', '', ''],
      [run.id, 'plain', 'gates', '2', '8', '8', '0.5', String(1 / 3), '0.75', '0.5', '0.25'],
    ]);
  });

  test('no runs: just the header', () => {
    expect(readCsv(runsToCsv([], 'epochs'))).toHaveLength(1);
  });
});

test('export file names carry the local date and time', () => {
  expect(exportFileName('csv', new Date(2026, 2, 7, 14, 5), '-epochs')).toBe(
    'training-lab-runs-2026-03-07-1405-epochs.csv',
  );
});
