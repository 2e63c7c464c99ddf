import { useTranslation } from 'react-i18next';
import { Hideable } from './hidden';
import { defaultOptimizer, OPTIMIZERS, type Activation, type ModelConfig } from '../engine/config';
import { ChoiceSlider, LogSlider, Select, Slider } from './Slider';

interface FieldsProps {
  config: ModelConfig;
  disabled: boolean;
  onChange: (config: ModelConfig) => void;
}

interface HiddenLayerFieldsProps extends FieldsProps {
  maxLayers: number;
  /** Units a slider offers: a range, or a list of round choices (16, 32, … 512). */
  units: { min: number; max: number } | { choices: readonly number[] };
  activations: readonly Activation[];
  /** The units of a newly added layer. */
  newUnits: number;
}

/** How many hidden layers, how many units in each, and their activation (the `hidden_layer_conf`). */
export function HiddenLayerFields({
  config,
  disabled,
  onChange,
  maxLayers,
  units,
  activations,
  newUnits,
}: HiddenLayerFieldsProps) {
  const { t } = useTranslation();
  const activation = config.hidden[0]?.activation ?? activations[0]!;
  const setHidden = (hidden: ModelConfig['hidden']) => onChange({ ...config, hidden });
  return (
    <>
      <Hideable name="hidden">
        <Slider
          label={t('ui.fields.hiddenLayers')}
          value={config.hidden.length}
          min={0}
          max={maxLayers}
          disabled={disabled}
          format={(v) => (v === 0 ? t('ui.fields.noHiddenLayer') : String(v))}
          onChange={(count) =>
            setHidden(
              Array.from(
                { length: count },
                (_, i) => config.hidden[i] ?? { units: newUnits, activation },
              ),
            )
          }
        />
        {config.hidden.map((layer, i) => {
          const label = t('ui.fields.units', { layer: i + 1 });
          const set = (u: number) =>
            setHidden(config.hidden.map((h, k) => (k === i ? { ...h, units: u } : h)));
          return 'choices' in units ? (
            <ChoiceSlider
              key={i}
              label={label}
              value={layer.units}
              choices={units.choices}
              disabled={disabled}
              onChange={set}
            />
          ) : (
            <Slider
              key={i}
              label={label}
              value={layer.units}
              min={units.min}
              max={units.max}
              disabled={disabled}
              onChange={set}
            />
          );
        })}
      </Hideable>
      <Hideable name="activation">
        <Select
          label={t('ui.fields.activation')}
          value={activation}
          disabled={disabled || config.hidden.length === 0}
          options={activations.map((a) => ({ value: a, label: t(`ui.fields.activations.${a}`) }))}
          onChange={(a: Activation) =>
            setHidden(config.hidden.map((h) => ({ ...h, activation: a })))
          }
        />
      </Hideable>
    </>
  );
}

/** The optimizer (with Keras's defaults for its other parameters) and its learning rate. */
export function OptimizerFields({
  config,
  disabled,
  onChange,
  learningRate,
}: FieldsProps & { learningRate: { min: number; max: number } }) {
  const { t } = useTranslation();
  return (
    <>
      <Select
        label={t('ui.fields.optimizer')}
        value={config.optimizer.kind}
        disabled={disabled}
        options={OPTIMIZERS.map((k) => ({ value: k, label: t(`ui.fields.optimizers.${k}`) }))}
        onChange={(kind) =>
          onChange({ ...config, optimizer: defaultOptimizer(kind, config.optimizer.learningRate) })
        }
      />
      <LogSlider
        label={t('ui.fields.learningRate')}
        value={config.optimizer.learningRate}
        min={learningRate.min}
        max={learningRate.max}
        disabled={disabled}
        onChange={(lr) =>
          onChange({ ...config, optimizer: { ...config.optimizer, learningRate: lr } })
        }
      />
    </>
  );
}

/** A whole-number field (a seed). */
export function NumberField({
  label,
  value,
  disabled,
  onChange,
}: {
  label: string;
  value: number;
  disabled: boolean;
  onChange: (v: number) => void;
}) {
  return (
    <div className="field">
      <label>
        {label}
        <input
          type="number"
          min={0}
          step={1}
          value={value}
          disabled={disabled}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (Number.isFinite(v) && v >= 0 && v < 2 ** 31) onChange(v);
          }}
        />
      </label>
    </div>
  );
}
