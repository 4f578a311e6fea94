import type Database from 'better-sqlite3';
import type { TableNames } from '@app/projections';
import type { CohortOutcomesTables } from './cohort-outcomes.projection';
import { OUTCOME_CATEGORIES, PLACED_CATEGORIES, PRIOR_POSITION_CATEGORIES } from './outcome-categories';

export type CohortGrouping = 'class' | 'district' | 'class-district';

export interface CohortFilter {
  roundId?: string;
  classId?: string;
  district?: string;
  by?: CohortGrouping;
}

export interface CohortRow {
  classId: string | null;
  className: string | null;
  districtCode: string | null;
  trainees: number;
  /** Trainees who passed training. */
  trained: number;
  /**
   * Trained trainees whose programme places people: the denominator of the
   * placement rate. Those of a programme with no placement step are left out
   * (in practice, completed or gone), so it does not read as a 0 % rate.
   */
  placeable: number;
  /** Counts per prior position (PRIOR_POSITIONS codes, or `unknown`). */
  priorPositions: Record<string, number>;
  /** Counts per outcome (placement kinds, exit reasons, `completed-without-placement`, `in-training`, `in-progress`). */
  outcomes: Record<string, number>;
  /** Trainees holding one of the four kinds of post now. */
  placed: number;
  /** placed / placeable, rounded to 4 decimals; null when nobody can be placed (yet). */
  placementRate: number | null;
}

const OUTCOME = `CASE
  WHEN status = 'exited' THEN exit_reason
  WHEN placement_kind IS NOT NULL THEN placement_kind
  WHEN completed = 1 THEN 'completed-without-placement'
  WHEN training = 'enrolled' THEN 'in-training'
  ELSE 'in-progress'
  END`;

const GROUP_COLUMNS: Record<CohortGrouping, string[]> = {
  class: ['class_id'],
  district: ['district_code'],
  'class-district': ['class_id', 'district_code'],
};

interface GroupRow {
  class_id: string | null;
  district_code: string | null;
}

/** Trainees per class and/or district: positions before, outcomes after, placement rate. */
export function cohortOutcomes(db: Database.Database, t: TableNames<CohortOutcomesTables>, filter: CohortFilter): CohortRow[] {
  const columns = GROUP_COLUMNS[filter.by ?? 'class-district'];
  const conditions: [string, string | undefined][] = [
    ['round_id', filter.roundId],
    ['class_id', filter.classId],
    ['district_code', filter.district],
  ];
  const given = conditions.filter(([, value]) => value !== undefined) as [string, string][];
  const where = ['class_id IS NOT NULL', ...given.map(([column]) => `${column} = ?`)].join(' AND ');
  const params = given.map(([, value]) => value);
  const grouped = (select: string, extraGroup = '') =>
    db
      .prepare(
        `SELECT ${selectGroup(columns)}, ${select} FROM "${t.trainees}"
         WHERE ${where} GROUP BY ${columns.join(', ')}${extraGroup} ORDER BY ${columns.join(', ')}`,
      )
      .all(...params);
  const rows = new Map<string, CohortRow>();
  const keyOf = (row: GroupRow) => `${row.class_id}\u0000${row.district_code}`;
  const totals = grouped(
    `COUNT(*) AS trainees, SUM(training = 'passed') AS trained,
     SUM(training = 'passed' AND places = 1) AS placeable`,
  ) as (GroupRow & { trainees: number; trained: number; placeable: number })[];
  for (const total of totals) {
    rows.set(keyOf(total), {
      classId: total.class_id,
      className: null,
      districtCode: total.district_code,
      trainees: total.trainees,
      trained: total.trained,
      placeable: total.placeable,
      priorPositions: zeros(PRIOR_POSITION_CATEGORIES),
      outcomes: zeros(OUTCOME_CATEGORIES),
      placed: 0,
      placementRate: null,
    });
  }
  const categories = (expression: string) =>
    grouped(`${expression} AS category, COUNT(*) AS n`, ', category') as (GroupRow & { category: string; n: number })[];
  for (const count of categories(`COALESCE(prior_position, 'unknown')`)) rows.get(keyOf(count))!.priorPositions[count.category] = count.n;
  for (const count of categories(OUTCOME)) rows.get(keyOf(count))!.outcomes[count.category] = count.n;
  const names = new Map(
    (db.prepare(`SELECT class_id, name FROM "${t.classes}"`).all() as { class_id: string; name: string }[]).map((c) => [
      c.class_id,
      c.name,
    ]),
  );
  return [...rows.values()].map((row) => {
    const placed = PLACED_CATEGORIES.reduce((sum, category) => sum + row.outcomes[category], 0);
    return {
      ...row,
      className: row.classId === null ? null : (names.get(row.classId) ?? null),
      placed,
      placementRate: row.placeable === 0 ? null : Math.round((placed / row.placeable) * 10_000) / 10_000,
    };
  });
}

function selectGroup(columns: string[]): string {
  const all = ['class_id', 'district_code'];
  return all.map((column) => (columns.includes(column) ? column : `NULL AS ${column}`)).join(', ');
}

function zeros(categories: Readonly<Record<string, unknown>>): Record<string, number> {
  return Object.fromEntries(Object.keys(categories).map((code) => [code, 0]));
}
