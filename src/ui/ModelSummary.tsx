import type { SummaryRow } from '../engine/model';

/** `model.summary()` as Keras prints it. */
export function ModelSummary({ rows, total }: { rows: SummaryRow[]; total: number }) {
  return (
    <table className="summary" aria-label="Model summary">
      <thead>
        <tr>
          <th>Layer (type)</th>
          <th>Output shape</th>
          <th className="num">Param #</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.layer}>
            <td>{r.layer}</td>
            <td>{r.outputShape}</td>
            <td className="num">{r.params.toLocaleString('en')}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <td colSpan={2}>Total params</td>
          <td className="num">{total.toLocaleString('en')}</td>
        </tr>
      </tfoot>
    </table>
  );
}
