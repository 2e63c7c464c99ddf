import { useTranslation } from 'react-i18next';
import { exportFileName, runsToCsv, runsToJson } from '../../runs/history/exportRuns';
import type { RunRecord } from '../../runs/history/record';
import { downloadText } from '../../ui/download';

/** The runs of this comparison as files: the history's JSON, and CSV per update or per epoch. */
export function ExportButtons({ records }: { records: readonly RunRecord[] }) {
  const { t } = useTranslation();
  if (records.length === 0) return null;
  return (
    <div className="row wrap export-buttons" role="group" aria-label={t('descent.export.label')}>
      <span className="muted small">{t('descent.export.label')}</span>
      <button
        type="button"
        onClick={() =>
          downloadText(runsToJson(records), exportFileName('json'), 'application/json')
        }
      >
        ⤓ {t('descent.export.json')}
      </button>
      <button
        type="button"
        onClick={() =>
          downloadText(
            runsToCsv(records, 'updates'),
            exportFileName('csv', new Date(), '-updates'),
            'text/csv',
          )
        }
      >
        ⤓ {t('descent.export.csvUpdates')}
      </button>
      <button
        type="button"
        onClick={() =>
          downloadText(
            runsToCsv(records, 'epochs'),
            exportFileName('csv', new Date(), '-epochs'),
            'text/csv',
          )
        }
      >
        ⤓ {t('descent.export.csvEpochs')}
      </button>
    </div>
  );
}
