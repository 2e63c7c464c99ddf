import type { ModelConfig } from '../../engine/config';
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
export function FashionControls({ settings, disabled, onChange }: Props) {
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
      <OptimizerFields {...fields} learningRate={{ min: 0.00001, max: 1 }} />
      <ChoiceSlider
        label="Batch size"
        value={model.batchSize}
        choices={BATCH_CHOICES}
        disabled={disabled}
        format={(b) =>
          b >= counts.train
            ? `${b.toLocaleString('en')} (all: batch gradient descent)`
            : b.toLocaleString('en')
        }
        onChange={(batchSize) => setModel({ ...model, batchSize })}
      />
      <Slider
        label="Epochs"
        value={model.epochs}
        min={FASHION_LIMITS.epochs[0]}
        max={FASHION_LIMITS.epochs[1]}
        disabled={disabled}
        onChange={(epochs) => setModel({ ...model, epochs })}
      />
      <ChoiceSlider
        label="Training images used"
        value={settings.trainCount}
        choices={IMAGE_CHOICES}
        disabled={disabled}
        format={(n) => `${n.toLocaleString('en')} of ${FULL_TRAIN_COUNT.toLocaleString('en')}`}
        onChange={(trainCount) => onChange({ ...settings, trainCount })}
      />
      <Slider
        label="Held out for validation"
        value={settings.validationShare}
        min={0}
        max={MAX_VALIDATION_SHARE}
        step={0.05}
        disabled={disabled}
        format={(v) =>
          v === 0
            ? 'none (as in the lecture)'
            : `${Math.round(v * 100)}% (${counts.validation.toLocaleString('en')} images; ${counts.train.toLocaleString('en')} train)`
        }
        onChange={(share) =>
          onChange({ ...settings, validationShare: Math.round(share * 100) / 100 })
        }
      />
      <NumberField
        label="Seed (initial weights, shuffling)"
        value={model.seed}
        disabled={disabled}
        onChange={(seed) => setModel({ ...model, seed })}
      />
    </div>
  );
}
