import { memo, useMemo, type CSSProperties, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNumber, useSay } from '../../i18n/hooks';
import { cellColor, cellText, colorScale } from './cellColors';
import type { TensorReading } from './makeTensor';
import { scalarText } from './numpyText';
import { flatIndex, pictureLayout, range, shownNote, type DrawnAxis } from './pictureLayout';

type AxisRole =
  | 'cells'
  | 'rows'
  | 'columns'
  | 'sheets'
  | 'sheetRows'
  | 'sheetColumns'
  | 'stacks'
  | 'stackSheets'
  | 'lastColumns';

/** The axes as the picture draws them, outermost first, by the number of drawn axes. */
const AXIS_ROLES: Record<number, readonly AxisRole[]> = {
  1: ['cells'],
  2: ['rows', 'columns'],
  3: ['sheets', 'sheetRows', 'sheetColumns'],
  4: ['stacks', 'stackSheets', 'sheetRows', 'lastColumns'],
};

interface GridProps {
  tensor: TensorReading;
  /** Indices fixed before this grid's axes (the stack and sheet, and rank 5–6 slices). */
  prefix: number[];
  rows: DrawnAxis | null;
  cols: DrawnAxis | null;
  labelled: boolean;
  /** Row and column numbers around the grid (ranks 1 and 2). */
  headers: boolean;
  scale: number;
}

function Grid({ tensor, prefix, rows, cols, labelled, headers, scale }: GridProps) {
  const rowIndices = rows ? range(rows.shown) : [null];
  const colIndices = cols ? range(cols.shown) : [null];
  const cells: ReactNode[] = [];
  if (headers && cols) {
    if (rows) cells.push(<span key="corner" />);
    for (const c of colIndices)
      cells.push(
        <span key={`h${c}`} className="t-head">
          {c}
        </span>,
      );
  }
  for (const r of rowIndices) {
    if (headers && rows)
      cells.push(
        <span key={`r${r}`} className="t-head">
          {r}
        </span>,
      );
    for (const c of colIndices) {
      const index = [...prefix, ...(r === null ? [] : [r]), ...(c === null ? [] : [c])];
      const value = tensor.values[flatIndex(tensor.shape, index)]!;
      const text = cellText(value, tensor.dtype);
      cells.push(
        <span
          key={`${r}-${c}`}
          className="t-cell"
          data-testid="cell"
          title={`x[${index.join(', ')}] = ${scalarText(value, tensor.dtype)}`}
          style={cellColor(value, scale, tensor.dtype)}
        >
          {labelled ? text : null}
        </span>,
      );
    }
  }
  const columns = (cols?.shown ?? 1) + (headers && rows && cols ? 1 : 0);
  const className = [
    't-grid',
    labelled ? 'labelled' : 'small',
    rows && rows.shown < rows.length ? 'cut-rows' : '',
    cols && cols.shown < cols.length ? 'cut-cols' : '',
  ].join(' ');
  return (
    <div className={className} style={{ '--cols': columns } as CSSProperties}>
      {cells}
    </div>
  );
}

function Stack({
  sheets,
  children,
}: {
  sheets: DrawnAxis;
  children: (sheet: number) => ReactNode;
}) {
  return (
    <div
      className={`t-stack${sheets.shown < sheets.length ? ' cut' : ''}`}
      style={{ '--sheets': sheets.shown } as CSSProperties}
    >
      {range(sheets.shown).map((k) => (
        <div key={k} className="t-sheet" style={{ '--k': k } as CSSProperties}>
          {children(k)}
        </div>
      ))}
    </div>
  );
}

/**
 * The tensor as a picture: a cell for a scalar, a row of cells for rank 1, a grid for rank 2,
 * a stack of grids (sheets) for rank 3 and a row of stacks for rank 4, coloured by value.
 */
export const TensorPicture = memo(function TensorPicture({ tensor }: { tensor: TensorReading }) {
  const { t } = useTranslation();
  const say = useSay();
  const number = useNumber();
  const layout = useMemo(() => pictureLayout(tensor.shape), [tensor.shape]);
  const scale = useMemo(() => colorScale(tensor.values), [tensor.values]);
  const { axes, fixed, labelled } = layout;
  const roles = AXIS_ROLES[axes.length] ?? [];
  const note = shownNote(layout);
  const scaleText = cellText(scale, tensor.dtype === 'int32' ? 'int32' : 'float32');
  const grid = (
    prefix: number[],
    rows: DrawnAxis | null,
    cols: DrawnAxis | null,
    headers = false,
  ) => (
    <Grid
      tensor={tensor}
      prefix={[...fixed, ...prefix]}
      rows={rows}
      cols={cols}
      labelled={labelled}
      headers={headers && labelled}
      scale={scale}
    />
  );

  let picture: ReactNode;
  if (layout.total === 0) {
    picture = <p className="muted">{t('tensors.picture.empty')}</p>;
  } else if (axes.length === 0) {
    picture = grid([], null, null);
  } else if (axes.length === 1) {
    picture = grid([], null, axes[0]!, true);
  } else if (axes.length === 2) {
    picture = grid([], axes[0]!, axes[1]!, true);
  } else if (axes.length === 3) {
    picture = <Stack sheets={axes[0]!}>{(k) => grid([k], axes[1]!, axes[2]!)}</Stack>;
  } else {
    picture = (
      <div className={`t-stacks${axes[0]!.shown < axes[0]!.length ? ' cut' : ''}`}>
        {range(axes[0]!.shown).map((s) => (
          <figure key={s} className="t-stack-box">
            <Stack sheets={axes[1]!}>{(k) => grid([s, k], axes[2]!, axes[3]!)}</Stack>
            <figcaption>x[{[...fixed, s].join(', ')}]</figcaption>
          </figure>
        ))}
      </div>
    );
  }

  return (
    <figure className="tensor-picture" data-rank={tensor.rank}>
      {axes.length > 0 ? (
        <ol className="axis-legend" aria-label={t('tensors.picture.axes')}>
          {axes.map((a, k) => (
            <li key={a.axis}>
              <strong>{t('tensors.picture.axis', { axis: a.axis })}</strong>: {number(a.length)}
              {roles[k] && (
                <span className="muted"> — {t(`tensors.picture.roles.${roles[k]}`)}</span>
              )}
            </li>
          ))}
        </ol>
      ) : (
        <p className="muted small">{t('tensors.picture.scalar')}</p>
      )}
      <div className="t-canvas" data-testid="picture">
        {picture}
      </div>
      <figcaption className="muted small">
        {note && <span data-testid="picture-note">{say(note)} </span>}
        {axes.length >= 3 && `${t('tensors.picture.pointSheet')} `}
        {tensor.dtype === 'bool'
          ? t('tensors.picture.bools')
          : t('tensors.picture.colours', { max: scaleText })}
        {!labelled && layout.total > 0 && ` ${t('tensors.picture.pointCell')}`}
      </figcaption>
    </figure>
  );
});
