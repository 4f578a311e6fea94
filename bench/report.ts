/** One benchmark result, printed as one JSON line. */
export interface Measurement {
  metric: string;
  value: number;
  unit: string;
  [detail: string]: unknown;
}

export function report(measurement: Measurement): void {
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

export function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Events per second of a run that handled `count` events in `elapsedNs`. */
export function perSecond(count: number, elapsedNs: bigint): number {
  return count / (Number(elapsedNs) / 1e9);
}
