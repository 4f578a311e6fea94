import type Database from 'better-sqlite3';
import { addDays, startOfVietnamDay, type ProgrammeTarget } from '@app/pipeline';
import type { TableNames } from '@app/projections';
import { whereEqual } from '../shared/sql-filter';
import type { ProgrammeTargetTables } from './programme-target.projection';

export interface TargetFilter {
  programme?: string;
  district?: string;
}

export interface TargetRow {
  /** The pipeline definition id. */
  programme: string;
  /** Set when the rows are for one district; the target is province-wide and then left out. */
  districtCode: string | null;
  target: ProgrammeTarget | null;
  /** Completed and still there. */
  produced: number;
  /** Of those, completed by the end of the target date (Vietnam time). */
  producedByTargetDate: number | null;
  /** Still on the way: not yet completed, not exited. */
  inPipeline: number;
  /** Completed, then left (illness, death, resignation, transfer). */
  leftAfterCompletion: number;
  /** Sources still missing to reach the lower bound of the target. */
  remainingToMin: number | null;
  /** produced / minSources. */
  progress: number | null;
}

/** The target of a programme (its newest definition version that sets one), if any. */
export type TargetOf = (programme: string) => ProgrammeTarget | undefined;

/**
 * Sources produced per programme (per district too when a district is given), against the programme's target.
 * `targeted` programmes get a province-wide row even before their first candidate: a target with nothing produced
 * yet is news (a district's rows carry no target, so a district sees only programmes it has candidates in).
 */
export function programmeTarget(
  db: Database.Database,
  t: TableNames<ProgrammeTargetTables>,
  filter: TargetFilter,
  targetOf: TargetOf,
  targeted: readonly string[] = [],
): TargetRow[] {
  const where = whereEqual({ definition_id: filter.programme, district_code: filter.district });
  const rows = db
    .prepare(
      `SELECT definition_id AS programme, status, completed_at IS NOT NULL AS completed, completed_at AS completedAt
       FROM "${t.candidates}" ${where.sql}`,
    )
    .all(...where.params) as { programme: string; status: string; completed: number; completedAt: number | null }[];
  const byProgramme = new Map<string, typeof rows>();
  if (filter.district === undefined) {
    for (const programme of targeted) if (filter.programme === undefined || filter.programme === programme) byProgramme.set(programme, []);
  }
  for (const row of rows) {
    const group = byProgramme.get(row.programme);
    if (group) group.push(row);
    else byProgramme.set(row.programme, [row]);
  }
  return [...byProgramme.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([programme, candidates]) => {
      const target = filter.district === undefined ? (targetOf(programme) ?? null) : null;
      const produced = candidates.filter((row) => row.status === 'completed');
      const deadline = target && addDays(startOfVietnamDay(target.by), 1).getTime();
      return {
        programme,
        districtCode: filter.district ?? null,
        target,
        produced: produced.length,
        producedByTargetDate: deadline === null ? null : produced.filter((row) => row.completedAt! < deadline).length,
        inPipeline: candidates.filter((row) => row.status === 'active').length,
        leftAfterCompletion: candidates.filter((row) => row.status === 'exited' && row.completed === 1).length,
        remainingToMin: target && Math.max(target.minSources - produced.length, 0),
        progress: target && Math.round((produced.length / target.minSources) * 10_000) / 10_000,
      };
    });
}
