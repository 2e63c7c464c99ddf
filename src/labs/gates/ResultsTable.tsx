import { useTranslation } from 'react-i18next';
import type { Gate } from '../../data/gates';
import { formatRow, gateRows } from './evaluate';

/** The lecture's printout, live: `0 XOR 1 => 0.97 => 1`, each row marked right or wrong. */
export function ResultsTable({
  gate,
  outputs,
  name,
}: {
  gate: Gate;
  outputs: Float32Array | null;
  name: string;
}) {
  const { t } = useTranslation();
  if (!outputs) return <p className="muted">{t('gates.results.pressTrain')}</p>;
  const rows = gateRows(gate, outputs);
  const right = rows.filter((r) => r.right).length;
  return (
    <div className="results" aria-label={t('gates.results.label', { name })}>
      <pre className="printout">
        {`===== ${name} ${gate} classifier result =====\n`}
        {rows.map((r) => (
          <span
            key={`${r.a}${r.b}`}
            className={r.right ? 'right' : 'wrong'}
            data-testid="result-row"
          >
            {formatRow(gate, r)}{' '}
            {r.right ? '✓' : `✗ ${t('gates.results.want', { expected: r.expected })}`}
            {'\n'}
          </span>
        ))}
      </pre>
      <p className={right === 4 ? 'accuracy good' : 'accuracy bad'} data-testid="accuracy">
        {t('gates.results.accuracy', { right, value: (right / 4).toFixed(2) })}
      </p>
    </div>
  );
}
