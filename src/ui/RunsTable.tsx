import { useMemo, useRef, useState, type ChangeEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { exportFileName, runsToCsv, runsToJson } from '../runs/history/exportRuns';
import { IMPORT_LIMITS, importRunsText } from '../runs/history/importRuns';
import {
  differingSettings,
  flattenConfig,
  formatSetting,
  legendLabel,
} from '../runs/history/labels';
import { cleanName, MAX_NAME_LENGTH } from '../runs/history/limits';
import type { RunRecord } from '../runs/history/record';
import type { RunHistory } from '../runs/history/store';
import { downloadBlob } from './download';

interface Props {
  history: RunHistory;
  /** Oldest first, as the history lists them; the table shows the newest first. */
  runs: readonly RunRecord[];
  /** The runs ticked: drawn on the chart, and what the buttons act on. */
  checked: ReadonlySet<string>;
  onCheckedChange: (checked: ReadonlySet<string>) => void;
}

type Notice = { kind: 'ok' | 'error'; text: string; detail?: string };

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

function formatMetric(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value)
    ? '–'
    : String(Number(value.toPrecision(3)));
}

function formatDuration(ms: number, t: TFunction): string {
  if (ms < 1000) return t('runs.duration.milliseconds', { value: Math.round(ms) });
  const s = ms / 1000;
  if (s < 60) return t('runs.duration.seconds', { value: s < 10 ? s.toFixed(2) : s.toFixed(1) });
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return t('runs.duration.minutes', { minutes, seconds: Math.floor(s % 60) });
  return t('runs.duration.hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

/**
 * The run history as a table, TensorBoard's runs list in spirit: tick runs to draw them, recolour,
 * rename in place, delete, export the ticked ones as CSV or JSON, import a JSON export.
 */
export function RunsTable({ history, runs, checked, onCheckedChange }: Props) {
  const { t, i18n } = useTranslation();
  const [notice, setNotice] = useState<Notice | null>(null);
  const keys = useMemo(() => differingSettings(runs), [runs]);
  const newestFirst = useMemo(() => [...runs].reverse(), [runs]);
  const ticked = runs.filter((r) => checked.has(r.id));
  const language = i18n.resolvedLanguage ?? i18n.language;
  const shortDate = new Intl.DateTimeFormat(language, {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const fullDate = new Intl.DateTimeFormat(language, { dateStyle: 'full', timeStyle: 'medium' });

  const report = (err: unknown) =>
    setNotice({ kind: 'error', text: t('runs.failed', { error: errorText(err) }) });

  const toggle = (id: string, on: boolean) => {
    const next = new Set(checked);
    if (on) next.add(id);
    else next.delete(id);
    onCheckedChange(next);
  };

  const remove = () => {
    if (!window.confirm(t('runs.actions.confirmDelete', { count: ticked.length }))) return;
    history.remove(ticked.map((r) => r.id)).catch(report);
  };

  const exportCsv = (rows: 'updates' | 'epochs') =>
    downloadBlob(
      new Blob([runsToCsv(ticked, rows)], { type: 'text/csv;charset=utf-8' }),
      exportFileName('csv', new Date(), `-${rows}`),
    );

  const exportJson = () =>
    downloadBlob(
      new Blob([runsToJson(ticked)], { type: 'application/json' }),
      exportFileName('json'),
    );

  const importFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // the same file can be picked again
    if (!file) return;
    const refuse = (code: string, detail?: string) =>
      setNotice({
        kind: 'error',
        text: t('runs.importFailed', {
          file: file.name,
          reason: t(`runs.importErrors.${code as 'invalid'}`),
        }),
        ...(detail ? { detail } : {}),
      });
    if (file.size > IMPORT_LIMITS.fileChars) return refuse('tooLarge');
    let text: string;
    try {
      text = await file.text();
    } catch {
      return refuse('unreadable');
    }
    try {
      const outcome = await importRunsText(history, text);
      if (!outcome.ok) return refuse(outcome.code, outcome.error);
      setNotice({
        kind: 'ok',
        text: t('runs.imported', { count: outcome.count, file: file.name }),
      });
    } catch (err) {
      report(err);
    }
  };

  const allTicked = runs.length > 0 && ticked.length === runs.length;
  return (
    <div className="runs-table">
      <div className="row wrap runs-actions" role="group" aria-label={t('runs.actions.label')}>
        <button type="button" disabled={ticked.length === 0} onClick={remove}>
          {t('runs.actions.delete', { count: ticked.length })}
        </button>
        <button type="button" disabled={ticked.length === 0} onClick={() => exportCsv('updates')}>
          {t('runs.actions.csvUpdates')}
        </button>
        <button type="button" disabled={ticked.length === 0} onClick={() => exportCsv('epochs')}>
          {t('runs.actions.csvEpochs')}
        </button>
        <button type="button" disabled={ticked.length === 0} onClick={exportJson}>
          {t('runs.actions.json')}
        </button>
        <label className="runs-import">
          {t('runs.actions.import')}
          <input type="file" accept=".json,application/json" onChange={importFile} />
        </label>
      </div>
      {notice && (
        <div
          className={`notice ${notice.kind === 'error' ? 'error' : 'ok'}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          {notice.text}
          {notice.detail && (
            <div className="small">{t('runs.importDetail', { detail: notice.detail })}</div>
          )}
        </div>
      )}
      <p className="muted small">{t('runs.table.hint')}</p>
      <div className="runs-scroll">
        <table>
          <caption>{t('runs.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">
                <TickAll
                  label={t('runs.table.showAll')}
                  all={allTicked}
                  some={ticked.length > 0}
                  onChange={(on) => onCheckedChange(new Set(on ? runs.map((r) => r.id) : []))}
                />
              </th>
              <th scope="col">{t('runs.table.color')}</th>
              <th scope="col">{t('runs.table.name')}</th>
              <th scope="col">{t('runs.table.lab')}</th>
              <th scope="col">{t('runs.table.status')}</th>
              <th scope="col">{t('runs.table.settings')}</th>
              <th scope="col">{t('runs.table.backend')}</th>
              <th scope="col">{t('runs.table.started')}</th>
              <th scope="col" className="num">
                {t('runs.table.duration')}
              </th>
              <th scope="col" className="num">
                {t('runs.table.updates')}
              </th>
              <th scope="col" className="num">
                {t('runs.table.epochs')}
              </th>
              <th scope="col" className="num">
                {t('runs.table.loss')}
              </th>
              <th scope="col" className="num">
                {t('runs.table.valLoss')}
              </th>
              <th scope="col" className="num">
                {t('runs.table.accuracy')}
              </th>
              <th scope="col" className="num">
                {t('runs.table.testAccuracy')}
              </th>
            </tr>
          </thead>
          <tbody>
            {newestFirst.map((run) => (
              <tr key={run.id} data-testid="run-row" data-run-id={run.id}>
                <td>
                  <input
                    type="checkbox"
                    checked={checked.has(run.id)}
                    aria-label={t('runs.table.showRun', { name: run.name })}
                    onChange={(e) => toggle(run.id, e.currentTarget.checked)}
                  />
                </td>
                <td>
                  <RunColor
                    key={run.color}
                    run={run}
                    label={t('runs.table.colorOf', { name: run.name })}
                    onPick={(color) => history.setColor(run.id, color).catch(report)}
                  />
                </td>
                <td>
                  <RunName
                    key={run.name}
                    run={run}
                    label={t('runs.table.nameOf', { name: run.name })}
                    onRename={(name) => history.rename(run.id, name).catch(report)}
                  />
                </td>
                <td>{t(`app.labs.${run.lab}.title`)}</td>
                <td>
                  <span
                    className={`run-status ${run.status}`}
                    data-testid="run-status"
                    title={run.status === 'interrupted' ? t('runs.interruptedHelp') : undefined}
                  >
                    {run.status === 'interrupted' && <span aria-hidden="true">⚠ </span>}
                    {t(`runs.status.${run.status}`)}
                  </span>
                </td>
                <td
                  className="run-settings"
                  title={[...flattenConfig(run.config)]
                    .map(([key, value]) => `${key}=${formatSetting(value)}`)
                    .join('\n')}
                >
                  {keys.length > 0 ? legendLabel(run, keys) : t('runs.sameSettings')}
                </td>
                <td>{run.backend}</td>
                <td title={fullDate.format(run.startedAt)}>{shortDate.format(run.startedAt)}</td>
                <td className="num">{formatDuration(run.durationMs, t)}</td>
                <td className="num">{run.updates.loss.length.toLocaleString(language)}</td>
                <td className="num">{run.epochs.length.toLocaleString(language)}</td>
                <td className="num">{formatMetric(run.final.loss ?? run.epochs.at(-1)?.loss)}</td>
                <td className="num">{formatMetric(run.final.valLoss)}</td>
                <td className="num">{formatMetric(run.final.accuracy)}</td>
                <td className="num">{formatMetric(run.final.testAccuracy)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function TickAll(props: {
  label: string;
  all: boolean;
  some: boolean;
  onChange: (on: boolean) => void;
}) {
  return (
    <input
      type="checkbox"
      aria-label={props.label}
      checked={props.all}
      ref={(box) => {
        if (box) box.indeterminate = props.some && !props.all;
      }}
      onChange={(e) => props.onChange(e.currentTarget.checked)}
    />
  );
}

/** A colour input that saves once the picking has paused, not at every step of a drag. */
function RunColor(props: { run: RunRecord; label: string; onPick: (color: string) => void }) {
  const start = /^#[0-9a-f]{6}$/i.test(props.run.color) ? props.run.color : '#000000';
  const [value, setValue] = useState(start);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  return (
    <input
      type="color"
      className="run-color"
      value={value}
      aria-label={props.label}
      onChange={(e) => {
        const color = e.currentTarget.value;
        setValue(color);
        if (timer.current !== null) clearTimeout(timer.current);
        timer.current = setTimeout(() => props.onPick(color), 300);
      }}
    />
  );
}

/** The run's name, renamed in place: Enter or leaving the field saves, Escape gives up. */
function RunName(props: { run: RunRecord; label: string; onRename: (name: string) => void }) {
  const { run } = props;
  const commit = (input: HTMLInputElement) => {
    const name = cleanName(input.value);
    if (name === null) input.value = run.name;
    else if (name !== run.name) props.onRename(name);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') e.currentTarget.blur();
    if (e.key === 'Escape') {
      e.currentTarget.value = run.name;
      e.currentTarget.blur();
    }
  };
  return (
    <input
      type="text"
      className="run-name"
      defaultValue={run.name}
      maxLength={MAX_NAME_LENGTH}
      aria-label={props.label}
      onBlur={(e) => commit(e.currentTarget)}
      onKeyDown={onKeyDown}
    />
  );
}
