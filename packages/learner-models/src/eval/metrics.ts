/** Area under the ROC curve from ranks (tied predictions share their mean rank); NaN if one class is missing. */
export function auc(labels: Uint8Array, predictions: Float64Array): number {
  const n = labels.length;
  const order = Array.from({ length: n }, (_, k) => k).sort((x, y) => predictions[x]! - predictions[y]!);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && predictions[order[end]!] === predictions[order[start]!]) end++;
    const meanRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (labels[order[k]!]) {
        positives++;
        positiveRankSum += meanRank;
      }
    }
    start = end;
  }
  const negatives = n - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Root mean squared error of the probabilities. */
export function rmse(labels: Uint8Array, predictions: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < labels.length; k++) sum += (predictions[k]! - labels[k]!) ** 2;
  return Math.sqrt(sum / labels.length);
}

/** Share of answers on the right side of 0.5 (a prediction of exactly 0.5 counts as "correct"). */
export function accuracy(labels: Uint8Array, predictions: Float64Array): number {
  let right = 0;
  for (let k = 0; k < labels.length; k++) if ((predictions[k]! >= 0.5 ? 1 : 0) === labels[k]) right++;
  return right / labels.length;
}

/** Mean negative log-likelihood (natural log), probabilities clipped to [1e-15, 1 − 1e-15]. */
export function logLoss(labels: Uint8Array, predictions: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < labels.length; k++) {
    const p = Math.min(Math.max(predictions[k]!, 1e-15), 1 - 1e-15);
    sum -= labels[k] ? Math.log(p) : Math.log(1 - p);
  }
  return sum / labels.length;
}

/** Predicted against observed success among the answers whose prediction falls in one decile. */
export interface CalibrationBin {
  decile: number;
  predicted: number;
  observed: number;
  count: number;
}

/** Reliability by decile of prediction: how far a shown probability can be trusted. */
export function calibrationByDecile(labels: ArrayLike<number>, predictions: ArrayLike<number>): CalibrationBin[] {
  const bins = Array.from({ length: 10 }, (_, decile) => ({ decile, sumPredicted: 0, sumObserved: 0, count: 0 }));
  for (let k = 0; k < predictions.length; k++) {
    const p = predictions[k]!;
    const bin = bins[Math.min(9, Math.max(0, Math.floor(p * 10)))]!;
    bin.sumPredicted += p;
    bin.sumObserved += labels[k]!;
    bin.count += 1;
  }
  return bins.filter((bin) => bin.count > 0).map((bin) => ({
    decile: bin.decile, predicted: bin.sumPredicted / bin.count, observed: bin.sumObserved / bin.count, count: bin.count,
  }));
}

/** The largest |predicted − observed| over the bins holding at least `minCount` answers (thin bins are noise). */
export function worstCalibrationGap(bins: readonly CalibrationBin[], minCount = 100): number {
  return bins.filter((bin) => bin.count >= minCount).reduce((worst, bin) => Math.max(worst, Math.abs(bin.predicted - bin.observed)), 0);
}
