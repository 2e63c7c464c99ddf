import { memo } from 'react';
import { Hideable } from '../../ui/hidden';
import { useTranslation } from 'react-i18next';
import type { ModelConfig } from '../../engine/config';
import { useNumber } from '../../i18n/hooks';
import { HiddenLayerFields, NumberField, OptimizerFields } from '../../ui/ModelFields';
import { ChoiceSlider, Slider } from '../../ui/Slider';
import { FASHION_LIMITS, FULL_TRAIN_COUNT, splitCounts, type FashionSettings } from './settings';
import { MAX_VALIDATION_SHARE } from './urlState';

const UNIT_CHOICES = [16, 32, 64, 128, 256, 512];
const BATCH_CHOICES = [1, 8, 16, 32, 64, 128, 256, 512, 1024, 4096, 16384, FULL_TRAIN_COUNT];
const IMAGE_CHOICES = [1000, 2000, 3000, 6000, 10000, 20000, 30000, 45000, FULL_TRAIN_COUNT];

interface Props {
  settings: FashionSettings;
  disabled: boolean;
  onChange: (settings: FashionSettings) => void;
}

/** `ImageClassifier.configure_model` and `fit`, as controls; changes apply to the next run. */
export const FashionControls = memo(function FashionControls({
  settings,
  disabled,
  onChange,
}: Props) {
  const { t } = useTranslation();
  const number = useNumber();
  const model = settings.model;
  const setModel = (config: ModelConfig) => onChange({ ...settings, model: config });
  const fields = { config: model, disabled, onChange: setModel };
  const counts = splitCounts(settings);
  return (
    <div className="controls fashion-controls">
      <HiddenLayerFields
        {...fields}
        maxLayers={FASHION_LIMITS.hiddenLayers[1]}
        units={{ choices: UNIT_CHOICES }}
        activations={FASHION_LIMITS.activations}
        newUnits={128}
      />
      <Hideable name="optimizer">
        <OptimizerFields {...fields} learningRate={{ min: 0.00001, max: 1 }} />
      </Hideable>
      <Hideable name="batchSize">
        <ChoiceSlider
          label={t('common.batchSize')}
          value={model.batchSize}
          choices={BATCH_CHOICES}
          disabled={disabled}
          format={(b) =>
            b >= counts.train ? t('fashion.controls.batchAll', { batch: number(b) }) : number(b)
          }
          onChange={(batchSize) => setModel({ ...model, batchSize })}
        />
      </Hideable>
      <Hideable name="epochs">
        <Slider
          label={t('common.epochs')}
          value={model.epochs}
          min={FASHION_LIMITS.epochs[0]}
          max={FASHION_LIMITS.epochs[1]}
          disabled={disabled}
          onChange={(epochs) => setModel({ ...model, epochs })}
        />
      </Hideable>
      <Hideable name="trainCount">
        <ChoiceSlider
          label={t('fashion.controls.trainImages')}
          value={settings.trainCount}
          choices={IMAGE_CHOICES}
          disabled={disabled}
          format={(n) =>
            t('fashion.controls.imagesOf', { n: number(n), total: number(FULL_TRAIN_COUNT) })
          }
          onChange={(trainCount) => onChange({ ...settings, trainCount })}
        />
      </Hideable>
      <Hideable name="validation">
        <Slider
          label={t('fashion.controls.validation')}
          value={settings.validationShare}
          min={0}
          max={MAX_VALIDATION_SHARE}
          step={0.05}
          disabled={disabled}
          format={(v) =>
            v === 0
              ? t('fashion.controls.validationNone')
              : t('fashion.controls.validationShare', {
                  percent: Math.round(v * 100),
                  validation: number(counts.validation),
                  train: number(counts.train),
                })
          }
          onChange={(share) =>
            onChange({ ...settings, validationShare: Math.round(share * 100) / 100 })
          }
        />
      </Hideable>
      <Hideable name="seed">
        <NumberField
          label={t('common.seed')}
          value={model.seed}
          disabled={disabled}
          onChange={(seed) => setModel({ ...model, seed })}
        />
      </Hideable>
    </div>
  );
});
