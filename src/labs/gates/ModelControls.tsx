import { Hideable } from '../../ui/hidden';
import { useTranslation } from 'react-i18next';
import type { Loss, ModelConfig } from '../../engine/config';
import { HiddenLayerFields, NumberField, OptimizerFields } from '../../ui/ModelFields';
import { ChoiceSlider, Segmented, Select } from '../../ui/Slider';
import { GATE_LIMITS } from './settings';

const EPOCH_CHOICES = [1, 10, 50, 100, 200, 300, 500, 750, 1000, 1500, 2000, 3000, 4000, 5000];

interface Props {
  config: ModelConfig;
  disabled: boolean;
  onChange: (config: ModelConfig) => void;
}

/** Every knob of one model; changes apply to the next run. */
export function ModelControls({ config, disabled, onChange }: Props) {
  const { t } = useTranslation();
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
      <Hideable name="optimizer">
        <OptimizerFields {...fields} learningRate={{ min: 0.001, max: 10 }} />
      </Hideable>
      <Hideable name="loss">
        <Select
          label={t('gates.lossLabel')}
          value={config.loss}
          disabled={disabled}
          options={GATE_LIMITS.losses.map((l) => ({
            value: l,
            label: l === 'mse' || l === 'binaryCrossentropy' ? t(`gates.losses.${l}`) : l,
          }))}
          onChange={(loss: Loss) => set({ loss })}
        />
      </Hideable>
      <Hideable name="batchSize">
        <Segmented
          label={t('common.batchSize')}
          value={config.batchSize}
          options={[1, 2, 4]}
          disabled={disabled}
          onChange={(batchSize) => set({ batchSize })}
        />
      </Hideable>
      <Hideable name="epochs">
        <ChoiceSlider
          label={t('common.epochs')}
          value={config.epochs}
          choices={EPOCH_CHOICES}
          disabled={disabled}
          onChange={(epochs) => set({ epochs })}
        />
      </Hideable>
      <Hideable name="seed">
        <NumberField
          label={t('common.seed')}
          value={config.seed}
          disabled={disabled}
          onChange={(seed) => set({ seed })}
        />
      </Hideable>
    </div>
  );
}
