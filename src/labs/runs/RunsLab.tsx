import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { exportFileName } from '../../runs/history/exportRuns';
import { differingSettings, legendLabel } from '../../runs/history/labels';
import type { RunLab } from '../../runs/history/record';
import { downloadChartPng } from '../../ui/exportPng';
import { RunsChart } from '../../ui/RunsChart';
import { RunsTable } from '../../ui/RunsTable';
import { useRunHistory } from '../../ui/useRunHistory';

const LAB_FILTERS: readonly (RunLab | 'all')[] = ['all', 'gates', 'fashion', 'descent'];

/** The Runs tab: every lab's recorded runs in one table, the ticked ones overlaid on one chart. */
export default function RunsLab() {
  const { t } = useTranslation();
  const [lab, setLab] = useState<RunLab | 'all'>('all');
  const { history, runs, unavailable } = useRunHistory(lab === 'all' ? undefined : lab);
  // Kept as the runs left out, so a new run (or an imported one) is drawn without a click.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(() => new Set());
  const [error, setError] = useState<string | null>(null);
  const chartRef = useRef<HTMLDivElement>(null);

  const listed = useMemo(() => runs ?? [], [runs]);
  const checked = useMemo(
    () => new Set(listed.filter((r) => !unticked.has(r.id)).map((r) => r.id)),
    [listed, unticked],
  );
  // Newest first, as in the table; in the legend, each run is told apart by the settings in which
  // the drawn runs differ.
  const drawn = useMemo(() => {
    const shown = listed.filter((r) => checked.has(r.id)).reverse();
    const keys = differingSettings(shown);
    return shown.map((r) => {
      const label = legendLabel(r, keys);
      return label ? { ...r, name: `${r.name} · ${label}` } : r;
    });
  }, [listed, checked]);

  const savePng = () => {
    if (!chartRef.current) return;
    setError(null);
    const legend = drawn.map((r) => ({ label: r.name, color: r.color }));
    downloadChartPng(chartRef.current, exportFileName('png'), legend).catch((err: unknown) =>
      setError(err instanceof Error ? err.message : String(err)),
    );
  };

  if (unavailable) return <p className="notice warn">{t('runs.unavailable')}</p>;
  if (!history || !runs) return <p className="muted">{t('runs.loading')}</p>;
  return (
    <div className="lab runs-lab">
      <section className="card">
        <div className="row wrap spread">
          <label className="field runs-filter">
            <span className="field-label">{t('runs.filter')}</span>
            <select value={lab} onChange={(e) => setLab(e.currentTarget.value as RunLab | 'all')}>
              {LAB_FILTERS.map((id) => (
                <option key={id} value={id}>
                  {id === 'all' ? t('runs.allLabs') : t(`app.labs.${id}.title`)}
                </option>
              ))}
            </select>
          </label>
          <p className="muted small" data-testid="runs-count">
            {t('runs.count', { shown: drawn.length, total: listed.length })}
          </p>
        </div>
        {listed.length === 0 && <p className="muted">{t('runs.empty')}</p>}
        <RunsTable
          history={history}
          runs={listed}
          checked={checked}
          onCheckedChange={(next) =>
            setUnticked(new Set(listed.filter((r) => !next.has(r.id)).map((r) => r.id)))
          }
        />
      </section>
      <section className="card">
        <div className="row wrap spread">
          <h2>{t('runs.chart.title')}</h2>
          <button type="button" disabled={drawn.length === 0} onClick={savePng}>
            {t('runs.actions.png')}
          </button>
        </div>
        {error && (
          <p className="notice error" role="alert">
            {error}
          </p>
        )}
        {drawn.length === 0 ? (
          <p className="muted">{t('runs.chart.none')}</p>
        ) : (
          <div ref={chartRef}>
            <RunsChart runs={drawn} />
          </div>
        )}
      </section>
    </div>
  );
}
