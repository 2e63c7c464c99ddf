import { useSay } from '../../i18n/hooks';
import { useTranslation } from 'react-i18next';
import { GATES } from '../../data/gates';
import { MAX_NOISE } from '../../data/points';
import { useNumber } from '../../i18n/hooks';
import { Hideable } from '../../ui/hidden';
import { ChoiceSlider, Segmented, Select, Slider } from '../../ui/Slider';
import type { DataState } from '../../ui/useFashionData';
import { DATA_SETS, splitCounts, withDataSet, type DescentSettings } from './settings';

const IMAGE_CHOICES = [500, 1000, 2000, 3000, 5000, 10_000, 20_000, 30_000, 60_000];
const POINT_CHOICES = [50, 100, 200, 300, 500, 1000, 2000, 5000];

interface Props {
  settings: DescentSettings;
  disabled: boolean;
  fashion: DataState;
  onFiles: (files: readonly File[]) => void;
  onChange: (settings: DescentSettings) => void;
}

/** The data set picker and its own settings (images, gate, points and noise). */
export function DataControls({ settings, disabled, fashion, onFiles, onChange }: Props) {
  const { t } = useTranslation();
  const number = useNumber();
  const counts = splitCounts(settings);
  const split = {
    train: number(counts.train),
    validation: number(counts.validation),
  };
  return (
    <div className="controls">
      <Hideable name="dataset">
        <Select
          label={t('descent.data.label')}
          value={settings.data}
          disabled={disabled}
          options={DATA_SETS.map((d) => ({ value: d, label: t(`descent.data.sets.${d}`) }))}
          onChange={(data) => onChange(withDataSet(settings, data))}
        />
      </Hideable>
      {settings.data === 'fashion' && (
        <Hideable name="trainCount">
          <ChoiceSlider
            label={t('descent.data.images')}
            value={settings.images}
            choices={IMAGE_CHOICES}
            disabled={disabled}
            format={(n) => t('descent.data.imagesValue', { count: number(n), ...split })}
            onChange={(images) => onChange({ ...settings, images })}
          />
        </Hideable>
      )}
      {settings.data === 'gates' && (
        <Segmented
          label={t('descent.data.gate')}
          value={settings.gate}
          options={GATES}
          disabled={disabled}
          onChange={(gate) => onChange({ ...settings, gate })}
        />
      )}
      {settings.data !== 'fashion' && settings.data !== 'gates' && (
        <>
          <ChoiceSlider
            label={t('descent.data.points')}
            value={settings.points}
            choices={POINT_CHOICES}
            disabled={disabled}
            format={(n) => t('descent.data.pointsValue', { count: number(n), ...split })}
            onChange={(points) => onChange({ ...settings, points })}
          />
          <Slider
            label={t('descent.data.noise')}
            value={settings.noise}
            min={0}
            max={MAX_NOISE}
            step={0.05}
            disabled={disabled}
            format={(v) => `${Math.round(v * 100)} %`}
            onChange={(noise) => onChange({ ...settings, noise: Math.round(noise * 100) / 100 })}
          />
        </>
      )}
      <p className="muted small">
        {settings.data === 'gates' ? t('descent.data.gatesNote') : t('descent.data.split')}
      </p>
      {settings.data === 'fashion' && <FashionStatus state={fashion} onFiles={onFiles} />}
    </div>
  );
}

function FashionStatus({
  state,
  onFiles,
}: {
  state: DataState;
  onFiles: (files: readonly File[]) => void;
}) {
  const { t } = useTranslation();
  const say = useSay();
  if (state.status === 'loading')
    return (
      <p className="muted small" role="status">
        {t('descent.data.loading', { percent: Math.round(state.fraction * 100) })}
      </p>
    );
  if (state.status === 'missing' || state.status === 'error')
    return (
      <div className="notice warn" role="alert" data-testid="descent-data-missing">
        <p>
          {state.status === 'missing'
            ? t('descent.data.missing', { message: say(state.message) })
            : t('descent.data.failed', { message: say(state.message) })}
        </p>
        <input
          type="file"
          multiple
          aria-label={t('descent.data.pickFiles')}
          onChange={(e) => onFiles(Array.from(e.target.files ?? []))}
        />
      </div>
    );
  return null;
}
