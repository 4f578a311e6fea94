import type { ProjectionDefinition } from '@app/projections';
import { asCandidateEvent, candidateIdOf, occurredAt } from '../shared/events';

export type ProgrammeTargetTables = 'candidates';

/**
 * Sources produced per programme: candidates who completed it (added to
 * succession planning, or finished a programme without an assignment step)
 * and have not left since, with the date each completed.
 */
export const programmeTargetProjection: ProjectionDefinition<ProgrammeTargetTables> = {
  name: 'programme-target',
  version: 1,
  tables: ['candidates'],
  create(db, t) {
    db.exec(`
      CREATE TABLE "${t.candidates}" (
        candidate_id  TEXT    PRIMARY KEY,
        definition_id TEXT    NOT NULL,
        round_id      TEXT    NOT NULL,
        district_code TEXT    NOT NULL,
        status        TEXT    NOT NULL CHECK (status IN ('active', 'exited', 'completed')),
        completed_at  INTEGER
      ) STRICT, WITHOUT ROWID;`);
  },
  queryIndexes: (t) => `CREATE INDEX IF NOT EXISTS "${t.candidates}_by_programme" ON "${t.candidates}" (definition_id, district_code);`,
  open(db, t) {
    const table = `"${t.candidates}"`;
    const applied = db.prepare(
      `INSERT INTO ${table} (candidate_id, definition_id, round_id, district_code, status) VALUES (?, ?, ?, ?, 'active')`,
    );
    const completed = db.prepare(`UPDATE ${table} SET status = 'completed', completed_at = ? WHERE candidate_id = ?`);
    const exited = db.prepare(`UPDATE ${table} SET status = 'exited' WHERE candidate_id = ?`);
    const reversed = db.prepare(
      `UPDATE ${table} SET status = CASE WHEN completed_at IS NULL THEN 'active' ELSE 'completed' END WHERE candidate_id = ?`,
    );
    return {
      apply(event) {
        const candidateId = candidateIdOf(event.streamId);
        if (candidateId === undefined) return;
        const candidate = asCandidateEvent(event);
        switch (candidate.type) {
          case 'CandidateApplied': {
            const { definition, roundId, commune } = candidate.data;
            applied.run(candidateId, definition.id, roundId, commune.districtCode);
            return;
          }
          case 'AddedToSuccessionPlanning':
          case 'CandidateCompletedProgramme':
            completed.run(occurredAt(event), candidateId);
            return;
          case 'CandidateExited':
            exited.run(candidateId);
            return;
          case 'CandidateExitReversed':
            reversed.run(candidateId);
            return;
          default:
            return;
        }
      },
    };
  },
};
