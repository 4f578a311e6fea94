/**
 * Programme periods are calendar months and days in Vietnam's time zone
 * (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving), so a fixed offset is exact.
 */
const OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

function toLocal(instant: Date): Date {
  return new Date(instant.getTime() + OFFSET_MS);
}

function fromLocal(local: Date): Date {
  return new Date(local.getTime() - OFFSET_MS);
}

/** `months` calendar months later in Vietnam; the 31st of a shorter month falls on its last day. */
export function addMonths(instant: Date, months: number): Date {
  const local = toLocal(instant);
  const year = local.getUTCFullYear();
  const month = local.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const shifted = new Date(
    Date.UTC(
      year,
      month,
      Math.min(local.getUTCDate(), lastDay),
      local.getUTCHours(),
      local.getUTCMinutes(),
      local.getUTCSeconds(),
      local.getUTCMilliseconds(),
    ),
  );
  return fromLocal(shifted);
}

export function addDays(instant: Date, days: number): Date {
  return new Date(instant.getTime() + days * DAY_MS);
}

/** The calendar date in Vietnam, as YYYY-MM-DD. */
export function vietnamDate(instant: Date): string {
  return toLocal(instant).toISOString().slice(0, 10);
}

/** Midnight at the start of a Vietnamese calendar date given as YYYY-MM-DD. */
export function startOfVietnamDay(date: string): Date {
  return fromLocal(new Date(`${date}T00:00:00.000Z`));
}

/** Whether `end` lies within [min, max] calendar months after `start`. */
export function withinMonths(start: Date, end: Date, minMonths: number, maxMonths: number): boolean {
  return end.getTime() >= addMonths(start, minMonths).getTime() && end.getTime() <= addMonths(start, maxMonths).getTime();
}
