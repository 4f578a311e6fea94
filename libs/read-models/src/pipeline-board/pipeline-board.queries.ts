import type Database from 'better-sqlite3';
import type { TableNames } from '@app/projections';
import { DAY_MS } from '../shared/events';
import { whereEqual } from '../shared/sql-filter';
import type { PipelineBoardTables } from './pipeline-board.projection';

export interface BoardFilter {
  roundId?: string;
  /** The district of the need applied for, or the one acting for the candidate now. */
  district?: string;
  commune?: string;
  step?: string;
  status?: 'active' | 'exited' | 'completed';
}

export interface BoardCandidate {
  candidateId: string;
  fullName: string;
  roundId: string;
  districtCode: string;
  /** The district whose board acts now: the practicum's, the offered commune's, the post's. */
  actingDistrictCode: string;
  communeCode: string;
  communeName: string;
  title: string;
  definition: { id: string; version: number };
  step: string;
  status: 'active' | 'exited' | 'completed';
  exitReason: string | null;
  enteredStepAt: string;
  /** Whole days in the current step: until now while active, until the exit for an exited candidate; null once completed. */
  daysInStep: number | null;
}

export interface BoardCount {
  roundId: string;
  districtCode: string;
  communeCode: string;
  communeName: string;
  step: string;
  status: 'active' | 'exited' | 'completed';
  candidates: number;
  maxDaysInStep: number | null;
}

interface CandidateRow {
  candidate_id: string;
  full_name: string;
  round_id: string;
  district_code: string;
  acting_district: string;
  commune_code: string;
  commune_name: string;
  title: string;
  definition_id: string;
  definition_version: number;
  step_id: string;
  status: BoardCandidate['status'];
  exit_reason: string | null;
  step_entered_at: number;
  days_in_step: number | null;
}

/** Whole days in the step at `@now` (a bound parameter): the query, not the projection, knows the time. */
const DAYS_IN_STEP = `CASE status
  WHEN 'active' THEN (CAST(@now AS INTEGER) - step_entered_at) / ${DAY_MS}
  WHEN 'exited' THEN (exited_at - step_entered_at) / ${DAY_MS}
  END`;

/** The facts and the moving part of each candidate, side by side. */
const joined = (t: TableNames<PipelineBoardTables>) => `"${t.candidates}" JOIN "${t.steps}" USING (candidate_id)`;

function filterOf(t: TableNames<PipelineBoardTables>, filter: BoardFilter) {
  const equal = whereEqual({
    round_id: filter.roundId,
    commune_code: filter.commune,
    step_id: filter.step,
    status: filter.status,
  });
  if (filter.district === undefined) return equal;
  // Two indexed lookups: an OR across the joined tables would scan every candidate (≈ 100× slower at 100,000).
  const district = `candidate_id IN (SELECT candidate_id FROM "${t.candidates}" WHERE district_code = ?
    UNION ALL SELECT candidate_id FROM "${t.steps}" WHERE acting_district = ?)`;
  return {
    sql: equal.sql === '' ? `WHERE ${district}` : `${equal.sql} AND ${district}`,
    params: [...equal.params, filter.district, filter.district],
  };
}

/** Candidates matching the filter, in Vietnamese alphabetical order of their names, one page at a time. */
export function boardCandidates(
  db: Database.Database,
  t: TableNames<PipelineBoardTables>,
  filter: BoardFilter,
  now: Date,
  page: { offset: number; limit: number } = { offset: 0, limit: -1 },
): { items: BoardCandidate[]; total: number } {
  const where = filterOf(t, filter);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM ${joined(t)} ${where.sql}`).get(...where.params) as { n: number }).n;
  const rows = db
    .prepare(
      `SELECT *, ${DAYS_IN_STEP} AS days_in_step FROM ${joined(t)} ${where.sql}
       ORDER BY name_key, candidate_id LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}`,
    )
    .all({ now: now.getTime() }, ...where.params) as CandidateRow[];
  return { items: rows.map(toCandidate), total };
}

/**
 * Candidates counted per round × district × commune × step (and status), in
 * that order; the district is the need's, so a district's counts include rows
 * for other districts' communes whose candidates it now acts for.
 */
export function boardCounts(db: Database.Database, t: TableNames<PipelineBoardTables>, filter: BoardFilter, now: Date): BoardCount[] {
  const where = filterOf(t, filter);
  return db
    .prepare(
      `SELECT round_id AS roundId, district_code AS districtCode, commune_code AS communeCode, MAX(commune_name) AS communeName,
              step_id AS step, status, COUNT(*) AS candidates, MAX(${DAYS_IN_STEP}) AS maxDaysInStep
       FROM ${joined(t)} ${where.sql}
       GROUP BY round_id, district_code, commune_code, step_id, status
       ORDER BY round_id, district_code, commune_code, step_id, status`,
    )
    .all({ now: now.getTime() }, ...where.params) as BoardCount[];
}

function toCandidate(row: CandidateRow): BoardCandidate {
  return {
    candidateId: row.candidate_id,
    fullName: row.full_name,
    roundId: row.round_id,
    districtCode: row.district_code,
    actingDistrictCode: row.acting_district,
    communeCode: row.commune_code,
    communeName: row.commune_name,
    title: row.title,
    definition: { id: row.definition_id, version: row.definition_version },
    step: row.step_id,
    status: row.status,
    exitReason: row.exit_reason,
    enteredStepAt: new Date(row.step_entered_at).toISOString(),
    daysInStep: row.days_in_step,
  };
}
