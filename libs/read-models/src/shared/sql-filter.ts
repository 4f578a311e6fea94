/** Column = value conditions for the filters that were given; absent filters are left out. */
export function whereEqual(conditions: Record<string, string | number | undefined>): { sql: string; params: (string | number)[] } {
  const given = Object.entries(conditions).filter(([, value]) => value !== undefined) as [string, string | number][];
  return {
    sql: given.length === 0 ? '' : `WHERE ${given.map(([column]) => `${column} = ?`).join(' AND ')}`,
    params: given.map(([, value]) => value),
  };
}
