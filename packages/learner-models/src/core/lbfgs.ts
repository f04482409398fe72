/** Value of a smooth function at `x`; writes its gradient into `gradient`. */
export type Objective = (x: Float64Array, gradient: Float64Array) => number;

export interface LbfgsOptions {
  maxIterations?: number;
  /** History pairs kept for the inverse-Hessian estimate. */
  memory?: number;
  /** Stop when the largest gradient component falls below this. */
  gradientTolerance?: number;
  /** Stop when an iteration improves the value by less than this fraction. */
  relativeTolerance?: number;
}

export interface LbfgsResult {
  x: Float64Array;
  value: number;
  iterations: number;
}

/** Minimises `objective` from `start` by limited-memory BFGS with a backtracking (Armijo) line search. */
export function minimizeLbfgs(objective: Objective, start: Float64Array, options: LbfgsOptions = {}): LbfgsResult {
  const maxIterations = options.maxIterations ?? 200;
  const memory = options.memory ?? 10;
  const gradientTolerance = options.gradientTolerance ?? 1e-5;
  const relativeTolerance = options.relativeTolerance ?? 1e-9;
  const n = start.length;
  let x = Float64Array.from(start);
  let gradient = new Float64Array(n);
  let value = objective(x, gradient);
  const steps: Float64Array[] = [];
  const gradientChanges: Float64Array[] = [];
  const curvatures: number[] = [];
  const direction = new Float64Array(n);
  let iteration = 0;
  for (; iteration < maxIterations; iteration++) {
    if (maxAbs(gradient) < gradientTolerance) break;
    searchDirection(gradient, steps, gradientChanges, curvatures, direction);
    let slope = dot(direction, gradient);
    if (slope >= 0) {
      // The history produced an ascent direction (numerical trouble): fall back to steepest descent.
      for (let i = 0; i < n; i++) direction[i] = -gradient[i]!;
      slope = dot(direction, gradient);
      steps.length = gradientChanges.length = curvatures.length = 0;
    }
    let stepSize = steps.length === 0 ? Math.min(1, 1 / Math.sqrt(-slope)) : 1;
    const nextX = new Float64Array(n);
    const nextGradient = new Float64Array(n);
    let nextValue = Infinity;
    for (let attempt = 0; attempt < 40; attempt++) {
      for (let i = 0; i < n; i++) nextX[i] = x[i]! + stepSize * direction[i]!;
      nextValue = objective(nextX, nextGradient);
      if (nextValue <= value + 1e-4 * stepSize * slope) break;
      stepSize *= 0.5;
    }
    if (!(nextValue < value)) break;
    remember(x, nextX, gradient, nextGradient, steps, gradientChanges, curvatures, memory);
    const improvement = (value - nextValue) / Math.max(1, Math.abs(value));
    x = nextX;
    gradient = nextGradient;
    value = nextValue;
    if (improvement < relativeTolerance) break;
  }
  return { x, value, iterations: iteration };
}

function searchDirection(
  gradient: Float64Array,
  steps: Float64Array[],
  gradientChanges: Float64Array[],
  curvatures: number[],
  direction: Float64Array,
): void {
  const n = gradient.length;
  for (let i = 0; i < n; i++) direction[i] = -gradient[i]!;
  const count = steps.length;
  const alphas = new Float64Array(count);
  for (let k = count - 1; k >= 0; k--) {
    const alpha = dot(steps[k]!, direction) / curvatures[k]!;
    alphas[k] = alpha;
    axpy(-alpha, gradientChanges[k]!, direction);
  }
  if (count > 0) {
    const last = gradientChanges[count - 1]!;
    const scale = curvatures[count - 1]! / dot(last, last);
    for (let i = 0; i < n; i++) direction[i] = direction[i]! * scale;
  }
  for (let k = 0; k < count; k++) {
    const beta = dot(gradientChanges[k]!, direction) / curvatures[k]!;
    axpy(alphas[k]! - beta, steps[k]!, direction);
  }
}

function remember(
  x: Float64Array,
  nextX: Float64Array,
  gradient: Float64Array,
  nextGradient: Float64Array,
  steps: Float64Array[],
  gradientChanges: Float64Array[],
  curvatures: number[],
  memory: number,
): void {
  const n = x.length;
  const step = new Float64Array(n);
  const change = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    step[i] = nextX[i]! - x[i]!;
    change[i] = nextGradient[i]! - gradient[i]!;
  }
  const curvature = dot(step, change);
  // A pair without positive curvature would make the inverse-Hessian estimate indefinite.
  if (curvature <= 1e-12) return;
  steps.push(step);
  gradientChanges.push(change);
  curvatures.push(curvature);
  if (steps.length > memory) {
    steps.shift();
    gradientChanges.shift();
    curvatures.shift();
  }
}

function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]! * b[i]!;
  return sum;
}

function axpy(alpha: number, x: Float64Array, y: Float64Array): void {
  for (let i = 0; i < x.length; i++) y[i] = y[i]! + alpha * x[i]!;
}

function maxAbs(a: Float64Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]!));
  return max;
}
