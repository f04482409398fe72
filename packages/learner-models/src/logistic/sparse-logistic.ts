import { minimizeLbfgs } from '../core/lbfgs.js';
import { sigmoid, softplus } from '../core/math.js';

/** Rows of a sparse design matrix (CSR) with 0/1 labels. */
export interface SparseRows {
  readonly rowStarts: Int32Array;
  readonly columns: Int32Array;
  readonly values: Float64Array;
  readonly labels: Uint8Array;
  readonly numColumns: number;
}

export interface SparseLogisticOptions {
  /** L2 strength per column (0 leaves a column unpenalised, e.g. the bias). */
  penalty: Float64Array;
  maxIterations?: number;
}

/**
 * Weights minimising the summed log-loss plus ½·Σ penalty·w², by L-BFGS. One-hot columns seen a dozen
 * times sit next to a bias seen 10^5 times, so the problem is solved in diagonally rescaled coordinates
 * (w = scale·v, scale from the Hessian's diagonal at w = 0); unscaled, L-BFGS needs thousands of steps.
 */
export function fitSparseLogistic(rows: SparseRows, options: SparseLogisticOptions): Float64Array {
  const { rowStarts, columns, values, labels } = rows;
  const numRows = labels.length;
  const scale = diagonalScale(rows, options.penalty);
  const weights = new Float64Array(rows.numColumns);
  const objective = (scaled: Float64Array, gradient: Float64Array): number => {
    for (let column = 0; column < weights.length; column++) weights[column] = scaled[column]! * scale[column]!;
    let loss = 0;
    gradient.fill(0);
    for (let row = 0; row < numRows; row++) {
      const end = rowStarts[row + 1]!;
      let margin = 0;
      for (let k = rowStarts[row]!; k < end; k++) margin += weights[columns[k]!]! * values[k]!;
      const y = labels[row]!;
      loss += softplus(y ? -margin : margin);
      const residual = sigmoid(margin) - y;
      for (let k = rowStarts[row]!; k < end; k++) gradient[columns[k]!]! += residual * values[k]!;
    }
    for (let column = 0; column < weights.length; column++) {
      const w = weights[column]!;
      const lambda = options.penalty[column]!;
      loss += 0.5 * lambda * w * w;
      gradient[column] = (gradient[column]! + lambda * w) * scale[column]!;
    }
    return loss;
  };
  const solution = minimizeLbfgs(objective, new Float64Array(rows.numColumns), {
    maxIterations: options.maxIterations ?? 300,
    // Past this the log-loss moves in the 8th digit and the predictions do not change.
    relativeTolerance: 1e-8,
  }).x;
  return solution.map((v, column) => v * scale[column]!);
}

/** 1/√(Hessian diagonal at w = 0): ¼·Σ x² from the data plus the column's penalty. */
function diagonalScale(rows: SparseRows, penalty: Float64Array): Float64Array {
  const diagonal = Float64Array.from(penalty);
  for (let k = 0; k < rows.columns.length; k++) diagonal[rows.columns[k]!]! += 0.25 * rows.values[k]! * rows.values[k]!;
  return diagonal.map((d) => (d > 0 ? 1 / Math.sqrt(d) : 1));
}

/** Growable CSR storage filled row by row (the training replay writes one row per answer). */
export class SparseRowsBuilder {
  private columns = new Int32Array(1 << 16);
  private values = new Float64Array(1 << 16);
  private size = 0;
  private readonly rowStarts: number[] = [0];
  private readonly labels: number[] = [];

  add(column: number, value: number): void {
    if (value === 0) return;
    if (this.size === this.columns.length) this.grow();
    this.columns[this.size] = column;
    this.values[this.size] = value;
    this.size += 1;
  }

  endRow(label: boolean): void {
    this.rowStarts.push(this.size);
    this.labels.push(label ? 1 : 0);
  }

  build(numColumns: number): SparseRows {
    return {
      rowStarts: Int32Array.from(this.rowStarts),
      columns: this.columns.slice(0, this.size),
      values: this.values.slice(0, this.size),
      labels: Uint8Array.from(this.labels),
      numColumns,
    };
  }

  private grow(): void {
    const columns = new Int32Array(this.columns.length * 2);
    columns.set(this.columns);
    this.columns = columns;
    const values = new Float64Array(this.values.length * 2);
    values.set(this.values);
    this.values = values;
  }
}
