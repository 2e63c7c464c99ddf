import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { SummaryRow } from '../engine/model';
import { useNumber } from '../i18n/hooks';

/** `model.summary()` as Keras prints it. */
export const ModelSummary = memo(function ModelSummary({
  rows,
  total,
}: {
  rows: SummaryRow[];
  total: number;
}) {
  const { t } = useTranslation();
  const number = useNumber();
  return (
    <table className="summary" aria-label={t('ui.summary.label')}>
      <thead>
        <tr>
          <th>{t('ui.summary.layer')}</th>
          <th>{t('ui.summary.outputShape')}</th>
          <th className="num">{t('ui.summary.params')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.layer}>
            <td>{r.layer}</td>
            <td>{r.outputShape}</td>
            <td className="num">{number(r.params)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={2}>{t('ui.summary.total')}</td>
          <td className="num">{number(total)}</td>
        </tr>
      </tfoot>
    </table>
  );
});
