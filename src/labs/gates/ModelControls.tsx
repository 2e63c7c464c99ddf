import {
  defaultOptimizer,
  type Activation,
  type Loss,
  type ModelConfig,
  type OptimizerKind,
} from '../../engine/config';
import { ChoiceSlider, LogSlider, Segmented, Select, Slider } from '../../ui/Slider';
import { GATE_LIMITS } from './settings';

const ACTIVATION_LABELS: Record<string, string> = {
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  relu: 'ReLU',
};
const OPTIMIZER_LABELS: Record<OptimizerKind, string> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum 0.9',
  adam: 'Adam',
  rmsprop: 'RMSprop',
};
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
  const activation = config.hidden[0]?.activation ?? 'sigmoid';
  const set = (patch: Partial<ModelConfig>) => onChange({ ...config, ...patch });
  const setLayers = (count: number) => {
    const hidden = Array.from(
      { length: count },
      (_, i) => config.hidden[i] ?? { units: 4, activation },
    );
    set({ hidden });
  };
  return (
    <div className="controls">
      <Slider
        label="Hidden layers"
        value={config.hidden.length}
        min={GATE_LIMITS.hiddenLayers[0]}
        max={GATE_LIMITS.hiddenLayers[1]}
        disabled={disabled}
        format={(v) => (v === 0 ? '0 (single-layer perceptron)' : String(v))}
        onChange={setLayers}
      />
      {config.hidden.map((layer, i) => (
        <Slider
          key={i}
          label={`Units in hidden layer ${i + 1}`}
          value={layer.units}
          min={GATE_LIMITS.units[0]}
          max={GATE_LIMITS.units[1]}
          disabled={disabled}
          onChange={(units) =>
            set({ hidden: config.hidden.map((h, k) => (k === i ? { ...h, units } : h)) })
          }
        />
      ))}
      <Select
        label="Hidden activation"
        value={activation}
        disabled={disabled || config.hidden.length === 0}
        options={GATE_LIMITS.activations.map((a) => ({
          value: a,
          label: ACTIVATION_LABELS[a] ?? a,
        }))}
        onChange={(a: Activation) =>
          set({ hidden: config.hidden.map((h) => ({ ...h, activation: a })) })
        }
      />
      <Select
        label="Optimizer"
        value={config.optimizer.kind}
        disabled={disabled}
        options={(Object.keys(OPTIMIZER_LABELS) as OptimizerKind[]).map((k) => ({
          value: k,
          label: OPTIMIZER_LABELS[k],
        }))}
        onChange={(kind) =>
          set({ optimizer: defaultOptimizer(kind, config.optimizer.learningRate) })
        }
      />
      <LogSlider
        label="Learning rate"
        value={config.optimizer.learningRate}
        min={0.001}
        max={10}
        disabled={disabled}
        onChange={(learningRate) => set({ optimizer: { ...config.optimizer, learningRate } })}
      />
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

function NumberField({
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
