/**
 * BullMQ job ids for one deadline: deterministic from the stream, the kind of
 * period and its version, so adding the same timer twice is a no-op and a job
 * for an older version is recognisably stale. BullMQ ids may not contain ':'.
 */
export function deadlineVersion(deadlineId: string): number {
  const version = Number(deadlineId.slice(deadlineId.lastIndexOf('/') + 1));
  if (!Number.isInteger(version)) throw new Error(`deadline id ${deadlineId} does not end with a version`);
  return version;
}

export function fireJobId(streamId: string, kind: string, version: number): string {
  return `${streamId}--${kind}--v${version}`;
}

export function reminderJobId(streamId: string, kind: string, version: number, daysBefore: number): string {
  return `${fireJobId(streamId, kind, version)}--r${daysBefore}d`;
}
