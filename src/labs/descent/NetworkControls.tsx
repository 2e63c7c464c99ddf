import { useTranslation } from 'react-i18next';
import type { ModelConfig } from '../../engine/config';
import { Hideable } from '../../ui/hidden';
import { HiddenLayerFields, NumberField, OptimizerFields } from '../../ui/ModelFields';
import { ChoiceSlider } from '../../ui/Slider';
import { DESCENT_LIMITS } from './settings';

const UNIT_CHOICES = [1, 2, 4, 8, 16, 32, 64, 128, 256];
const EPOCH_CHOICES = [
  1, 2, 3, 4, 5, 6, 8, 10, 15, 20, 30, 50, 100, 150, 200, 300, 500, 1000, 2000, 5000,
];

interface Props {
  model: ModelConfig;
  disabled: boolean;
  onChange: (model: ModelConfig) => void;
}

/** The network and optimizer every run shares, set once. */
export function NetworkControls({ model, disabled, onChange }: Props) {
  const { t } = useTranslation();
  const fields = { config: model, disabled, onChange };
  return (
    <div className="controls">
      <Hideable name="hidden">
        <HiddenLayerFields
          {...fields}
          maxLayers={DESCENT_LIMITS.hiddenLayers[1]}
          units={{ choices: UNIT_CHOICES }}
          activations={DESCENT_LIMITS.activations}
          newUnits={model.hidden.at(-1)?.units ?? 8}
        />
      </Hideable>
      <Hideable name="optimizer">
        <OptimizerFields {...fields} learningRate={{ min: 0.0001, max: 10 }} />
      </Hideable>
      <Hideable name="epochs">
        <ChoiceSlider
          label={t('descent.network.epochs')}
          value={model.epochs}
          choices={EPOCH_CHOICES}
          disabled={disabled}
          onChange={(epochs) => onChange({ ...model, epochs })}
        />
      </Hideable>
      <Hideable name="seed">
        <NumberField
          label={t('descent.network.seed')}
          value={model.seed}
          disabled={disabled}
          onChange={(seed) => onChange({ ...model, seed })}
        />
      </Hideable>
      <p className="muted small">{t('descent.network.same')}</p>
    </div>
  );
}
