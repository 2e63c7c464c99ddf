import type { Loss, ModelConfig } from '../../engine/config';
import { HiddenLayerFields, NumberField, OptimizerFields } from '../../ui/ModelFields';
import { ChoiceSlider, Segmented, Select } from '../../ui/Slider';
import { GATE_LIMITS } from './settings';

const LOSS_LABELS: Record<string, string> = {
  mse: 'mean squared error (mse)',
  binaryCrossentropy: 'binary cross-entropy',
};

const EPOCH_CHOICES = [1, 10, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000];

interface Props {
  config: ModelConfig;
  disabled: boolean;
  onChange: (config: ModelConfig) => void;
}

/** Every knob of one model; changes apply to the next run. */
export function ModelControls({ config, disabled, onChange }: Props) {
  const set = (patch: Partial<ModelConfig>) => onChange({ ...config, ...patch });
  const fields = { config, disabled, onChange };
  return (
    <div className="controls">
      <HiddenLayerFields
        {...fields}
        maxLayers={GATE_LIMITS.hiddenLayers[1]}
        units={{ min: GATE_LIMITS.units[0], max: GATE_LIMITS.units[1] }}
        activations={GATE_LIMITS.activations}
        newUnits={4}
      />
      <OptimizerFields {...fields} learningRate={{ min: 0.001, max: 10 }} />
      <Select
        label="Loss"
        value={config.loss}
        disabled={disabled}
        options={GATE_LIMITS.losses.map((l) => ({ value: l, label: LOSS_LABELS[l] ?? l }))}
        onChange={(loss: Loss) => set({ loss })}
      />
      <Segmented
        label="Batch size"
        value={config.batchSize}
        options={[1, 2, 4]}
        disabled={disabled}
        onChange={(batchSize) => set({ batchSize })}
      />
      <ChoiceSlider
        label="Epochs"
        value={config.epochs}
        choices={EPOCH_CHOICES}
        disabled={disabled}
        onChange={(epochs) => set({ epochs })}
      />
      <NumberField
        label="Seed (initial weights, shuffling)"
        value={config.seed}
        disabled={disabled}
        onChange={(seed) => set({ seed })}
      />
    </div>
  );
}
