import { useId } from 'react';

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  disabled?: boolean;
  format?: (value: number) => string;
  onChange: (value: number) => void;
}

/** A labelled range input that shows its value. */
export function Slider({
  label,
  value,
  min,
  max,
  step = 1,
  disabled,
  format,
  onChange,
}: SliderProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>
        {label} <output>{format ? format(value) : value}</output>
      </label>
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </div>
  );
}

interface LogSliderProps extends Omit<SliderProps, 'step'> {
  /** Positions per factor of ten. */
  stepsPerDecade?: number;
}

/** A slider over a log scale (for learning rates): equal moves multiply the value. */
export function LogSlider({
  value,
  min,
  max,
  stepsPerDecade = 6,
  onChange,
  ...rest
}: LogSliderProps) {
  const toPos = (v: number) => Math.round(Math.log10(v) * stepsPerDecade);
  const fromPos = (p: number) => Number((10 ** (p / stepsPerDecade)).toPrecision(2));
  return (
    <Slider
      {...rest}
      value={toPos(value)}
      min={toPos(min)}
      max={toPos(max)}
      format={() => String(value)}
      onChange={(p) => onChange(fromPos(p))}
    />
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  disabled?: boolean;
  onChange: (value: T) => void;
}

export function Select<T extends string>({
  label,
  value,
  options,
  disabled,
  onChange,
}: SelectProps<T>) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

interface SegmentedProps<T extends string | number> {
  label: string;
  value: T;
  options: readonly T[];
  disabled?: boolean;
  onChange: (value: T) => void;
}

/** A row of toggle buttons for a few choices (a gate, a batch size). */
export function Segmented<T extends string | number>({
  label,
  value,
  options,
  disabled,
  onChange,
}: SegmentedProps<T>) {
  return (
    <div className="field" role="group" aria-label={label}>
      <span className="field-label">{label}</span>
      <div className="segmented">
        {options.map((o) => (
          <button
            key={String(o)}
            type="button"
            aria-pressed={o === value}
            disabled={disabled}
            onClick={() => onChange(o)}
          >
            {o}
          </button>
        ))}
      </div>
    </div>
  );
}

interface ChoiceSliderProps extends Omit<SliderProps, 'min' | 'max' | 'step'> {
  /** The values the slider stops at, ascending; a value between them shows as itself. */
  choices: readonly number[];
}

/** A slider over a fixed list of round values (1, 10, 100, 1500, …) rather than every number. */
export function ChoiceSlider({ value, choices, onChange, format, ...rest }: ChoiceSliderProps) {
  const nearest = choices.reduce(
    (best, c, i) => (Math.abs(c - value) < Math.abs(choices[best]! - value) ? i : best),
    0,
  );
  return (
    <Slider
      {...rest}
      value={nearest}
      min={0}
      max={choices.length - 1}
      format={() => (format ? format(value) : String(value))}
      onChange={(i) => onChange(choices[i]!)}
    />
  );
}
