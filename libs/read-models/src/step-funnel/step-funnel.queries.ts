import type Database from 'better-sqlite3';
import type { TableNames } from '@app/projections';
import { DAY_MS } from '../shared/events';
import { whereEqual } from '../shared/sql-filter';
import type { StepFunnelTables } from './step-funnel.projection';

export interface FunnelFilter {
  roundId?: string;
  district?: string;
}

export interface FunnelRow {
  roundId: string;
  definition: { id: string; version: number };
  step: string;
  /** Candidates who reached the step. */
  entered: number;
  /** Left it forwards: to the next step, or completed the programme from it. */
  movedOn: number;
  exited: number;
  /** In the step now. */
  inStep: number;
  /** movedOn / entered. */
  conversion: number | null;
  /** entered / the previous step's entered; null for the first step. */
  fromPrevious: number | null;
  /** Days spent in the step by those who moved on: median and 90th percentile (nearest rank). */
  medianDays: number | null;
  p90Days: number | null;
}

interface StepRow {
  round_id: string;
  definition_id: string;
  definition_version: number;
  step_id: string;
  entered: number;
  moved_on: number;
  exited: number;
  in_step: number;
  median_ms: number | null;
  p90_ms: number | null;
}

/** Resolves a definition's steps in order, to sort the funnel; steps it does not know go last. */
export type StepOrder = (definition: { id: string; version: number }) => readonly string[];

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const days = (ms: number | null) => (ms === null ? null : Math.round((ms / DAY_MS) * 10) / 10);

/** Per round and step: how many entered, moved on, left, and how long those who moved on stayed. */
export function stepFunnel(
  db: Database.Database,
  t: TableNames<StepFunnelTables>,
  filter: FunnelFilter,
  stepOrder: StepOrder,
): FunnelRow[] {
  const where = whereEqual({ round_id: filter.roundId, district_code: filter.district });
  const rows = db
    .prepare(
      `WITH v AS (SELECT * FROM "${t.visits}" JOIN "${t.candidates}" USING (candidate_id) ${where.sql}),
       counts AS (
         SELECT round_id, definition_id, definition_version, step_id, COUNT(DISTINCT candidate_id) AS entered,
                COUNT(CASE WHEN outcome IN ('advanced', 'completed') THEN 1 END) AS moved_on,
                COUNT(CASE WHEN outcome = 'exited' THEN 1 END) AS exited, COUNT(CASE WHEN left_at IS NULL THEN 1 END) AS in_step
         FROM v GROUP BY round_id, definition_id, definition_version, step_id),
       ranked AS (
         SELECT round_id, definition_id, definition_version, step_id, left_at - entered_at AS ms,
                ROW_NUMBER() OVER (PARTITION BY round_id, definition_id, definition_version, step_id ORDER BY left_at - entered_at) AS rn,
                COUNT(*) OVER (PARTITION BY round_id, definition_id, definition_version, step_id) AS n
         FROM v WHERE outcome IN ('advanced', 'completed')),
       percentiles AS (
         SELECT round_id, definition_id, definition_version, step_id,
                AVG(CASE WHEN rn IN ((n + 1) / 2, (n + 2) / 2) THEN ms END) AS median_ms,
                MAX(CASE WHEN rn = (9 * n + 9) / 10 THEN ms END) AS p90_ms
         FROM ranked GROUP BY round_id, definition_id, definition_version, step_id)
       SELECT * FROM counts LEFT JOIN percentiles USING (round_id, definition_id, definition_version, step_id)`,
    )
    .all(...where.params) as StepRow[];
  const position = (row: StepRow) => {
    const index = stepOrder({ id: row.definition_id, version: row.definition_version }).indexOf(row.step_id);
    return index < 0 ? Number.MAX_SAFE_INTEGER : index;
  };
  rows.sort(
    (a, b) =>
      a.round_id.localeCompare(b.round_id) ||
      a.definition_id.localeCompare(b.definition_id) ||
      a.definition_version - b.definition_version ||
      position(a) - position(b) ||
      a.step_id.localeCompare(b.step_id),
  );
  return rows.map((row, index) => {
    const previous = rows[index - 1];
    const sameFunnel =
      previous &&
      previous.round_id === row.round_id &&
      previous.definition_id === row.definition_id &&
      previous.definition_version === row.definition_version;
    return {
      roundId: row.round_id,
      definition: { id: row.definition_id, version: row.definition_version },
      step: row.step_id,
      entered: row.entered,
      movedOn: row.moved_on,
      exited: row.exited,
      inStep: row.in_step,
      conversion: ratio(row.moved_on, row.entered),
      fromPrevious: sameFunnel ? ratio(row.entered, previous.entered) : null,
      medianDays: days(row.median_ms),
      p90Days: days(row.p90_ms),
    };
  });
}
