export type Label = { vi: string; en: string };

/** A controlled list: stable codes for the data, Vietnamese and English labels for people. */
export type ReferenceList<Code extends string> = Readonly<Record<Code, Label>>;

export function isCode<Code extends string>(list: ReferenceList<Code>, value: unknown): value is Code {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(list, value);
}
