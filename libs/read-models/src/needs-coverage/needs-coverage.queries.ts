import type Database from 'better-sqlite3';
import type { TableNames } from '@app/projections';
import { whereEqual } from '../shared/sql-filter';
import type { NeedsCoverageTables } from './needs-coverage.projection';

export interface CoverageFilter {
  roundId?: string;
  district?: string;
  commune?: string;
  title?: string;
}

/** One commune × title of one round. Counts are people, except registered and approved, which are seats. */
export interface CoverageRow {
  roundId: string;
  districtCode: string;
  communeCode: string;
  communeName: string;
  title: string;
  /** Seats of the needs registered and not withdrawn. */
  registered: number;
  /** Seats of the approved needs. */
  approved: number;
  applicants: number;
  /** Candidates who passed selection (still counted if they left later). */
  selected: number;
  /** Candidates in the training step now. */
  inTraining: number;
  /** Candidates who accepted a place in this commune and title and have not left. */
  placed: number;
  /** Approved seats not (or no longer) filled: approved − placed, never below 0. */
  stillOpen: number;
}

/** Needs and candidates per round × commune × title, in code order. */
export function needsCoverage(db: Database.Database, t: TableNames<NeedsCoverageTables>, filter: CoverageFilter): CoverageRow[] {
  // The filters go into each branch, where the indexes can serve them.
  const needs = whereEqual({ round_id: filter.roundId, district_code: filter.district, commune_code: filter.commune, title: filter.title });
  const placed = whereEqual({
    round_id: filter.roundId,
    placed_district_code: filter.district,
    placed_commune_code: filter.commune,
    placed_title: filter.title,
  });
  const and = (where: { sql: string }) => (where.sql ? `${where.sql} AND` : 'WHERE');
  return db
    .prepare(
      `SELECT round_id AS roundId, district_code AS districtCode, commune_code AS communeCode, MAX(commune_name) AS communeName, title,
              SUM(registered) AS registered, SUM(approved) AS approved, SUM(applicants) AS applicants, SUM(selected) AS selected,
              SUM(in_training) AS inTraining, SUM(placed) AS placed, MAX(SUM(approved) - SUM(placed), 0) AS stillOpen
       FROM (
         SELECT round_id, district_code, commune_code, commune_name, title,
                quantity AS registered, approved * quantity AS approved, 0 AS applicants, 0 AS selected, 0 AS in_training, 0 AS placed
         FROM "${t.needs}" ${and(needs)} withdrawn = 0
         UNION ALL
         SELECT round_id, district_code, commune_code, commune_name, title,
                0, 0, 1, selected, status = 'active' AND step_kind = 'training', 0
         FROM "${t.candidates}" ${needs.sql}
         UNION ALL
         SELECT round_id, placed_district_code, placed_commune_code, placed_commune_name, placed_title, 0, 0, 0, 0, 0, 1
         FROM "${t.candidates}" ${and(placed)} placed_commune_code IS NOT NULL AND status <> 'exited'
       )
       GROUP BY round_id, district_code, commune_code, title
       ORDER BY round_id, district_code, commune_code, title`,
    )
    .all(...needs.params, ...needs.params, ...placed.params) as CoverageRow[];
}

/** Which seats of a round's commune × title are spoken for. */
export interface SeatQuery {
  roundId: string;
  communeCode: string;
  title: string;
  /** The candidate about to be offered a seat: an offer of their own that lapsed or was declined is already cleared. */
  exceptCandidateId: string;
}

/**
 * Seats held by the round's candidates in that commune and title: an offer
 * awaiting its answer, or an accepted one, by someone who has not left. An
 * offer declined or lapsed frees its seat; so does leaving the programme.
 */
export function placesTaken(db: Database.Database, t: TableNames<NeedsCoverageTables>, query: SeatQuery): number {
  const row = db
    .prepare(
      `SELECT COUNT(*) AS taken FROM "${t.candidates}"
       WHERE offered_commune_code = ? AND offered_title = ? AND round_id = ? AND status <> 'exited' AND candidate_id <> ?`,
    )
    .get(query.communeCode, query.title, query.roundId, query.exceptCandidateId) as { taken: number };
  return row.taken;
}
