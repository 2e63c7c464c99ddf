interface ProgressProps {
  label: string;
  value: number;
  max: number;
  detail?: string;
}

export function Progress({ label, value, max, detail }: ProgressProps) {
  return (
    <div className="progress">
      <div className="progress-text">
        <span>{label}</span>
        {detail && <span className="muted">{detail}</span>}
      </div>
      <progress value={value} max={max} aria-label={label} />
    </div>
  );
}
