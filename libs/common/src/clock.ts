/** Where time comes from: the system clock in production, a movable one in tests. */
export abstract class Clock {
  /** True when now() is the machine's own time, so timers that count on the wall clock (BullMQ delays) agree with it. */
  readonly isWallClock: boolean = false;

  abstract now(): Date;
}

export class SystemClock extends Clock {
  override readonly isWallClock = true;

  now(): Date {
    return new Date();
  }
}
