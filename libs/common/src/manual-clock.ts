import { Clock } from './clock';

/**
 * A clock that moves only when told: tests jump months ahead without sleeping.
 * Whatever reads the Clock (commands, the timer scheduler) sees the new time at once.
 */
export class ManualClock extends Clock {
  private current: number;

  constructor(start: Date | string = new Date(0)) {
    super();
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): void {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number): Date {
    if (ms < 0) throw new RangeError('a clock only moves forwards');
    this.current += ms;
    return this.now();
  }
}
