import { builtInCatalog, findDefinition } from '@app/pipeline';
import type { ProjectionDefinition } from '@app/projections';
import { asCandidateEvent, asClassEvent, candidateIdOf } from '../shared/events';

export type CohortOutcomesTables = 'classes' | 'trainees';

const catalog = builtInCatalog();

/** Whether the programme a candidate runs has a placement step at all (the 18-month source-cadre one has none). */
function programmePlaces(definition: { id: string; version: number }): boolean {
  const found = findDefinition(catalog, definition.id, definition.version);
  if (!found) throw new Error(`unknown pipeline definition ${definition.id} v${definition.version}`);
  return found.steps.some((step) => step.kind === 'assignment');
}

/**
 * What became of each training class's trainees: the position each held
 * before, how training ended, and the placement (or the way out) after it.
 * Every candidate gets a row at application; the enrolment makes it a trainee.
 */
export const cohortOutcomesProjection: ProjectionDefinition<CohortOutcomesTables> = {
  name: 'cohort-outcomes',
  // 2: `places`, so trainees of a programme without a placement step stay out of the placement rate.
  version: 2,
  tables: ['classes', 'trainees'],
  create(db, t) {
    db.exec(`
      CREATE TABLE "${t.classes}" (
        class_id    TEXT PRIMARY KEY,
        name        TEXT NOT NULL,
        round_id    TEXT NOT NULL,
        starts_on   TEXT NOT NULL,
        planned_end TEXT NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE "${t.trainees}" (
        candidate_id   TEXT PRIMARY KEY,
        round_id       TEXT NOT NULL,
        district_code  TEXT NOT NULL,
        prior_position TEXT,
        class_id       TEXT,
        training       TEXT CHECK (training IN ('enrolled', 'passed', 'failed', 'dropped-out')),
        offered_kind   TEXT,
        placement_kind TEXT,
        status         TEXT NOT NULL CHECK (status IN ('active', 'exited', 'completed')),
        completed      INTEGER NOT NULL DEFAULT 0,
        exit_reason    TEXT,
        places         INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;`);
  },
  queryIndexes: (t) => `
    CREATE INDEX IF NOT EXISTS "${t.trainees}_by_class" ON "${t.trainees}" (class_id, district_code) WHERE class_id IS NOT NULL;
    CREATE INDEX IF NOT EXISTS "${t.trainees}_by_district" ON "${t.trainees}" (district_code, class_id) WHERE class_id IS NOT NULL;`,
  open(db, t) {
    const trainees = `"${t.trainees}"`;
    const opened = db.prepare(`INSERT INTO "${t.classes}" (class_id, name, round_id, starts_on, planned_end) VALUES (?, ?, ?, ?, ?)`);
    const extended = db.prepare(`UPDATE "${t.classes}" SET planned_end = ? WHERE class_id = ?`);
    const applied = db.prepare(
      `INSERT INTO ${trainees} (candidate_id, round_id, district_code, prior_position, status, places) VALUES (?, ?, ?, ?, 'active', ?)`,
    );
    const enrolled = db.prepare(`UPDATE ${trainees} SET class_id = ?, training = 'enrolled' WHERE candidate_id = ?`);
    const passed = db.prepare(`UPDATE ${trainees} SET training = 'passed' WHERE candidate_id = ?`);
    const offered = db.prepare(`UPDATE ${trainees} SET offered_kind = ? WHERE candidate_id = ?`);
    const placed = db.prepare(`UPDATE ${trainees} SET placement_kind = offered_kind WHERE candidate_id = ?`);
    const completed = db.prepare(`UPDATE ${trainees} SET status = 'completed', completed = 1 WHERE candidate_id = ?`);
    // Leaving training is also how training ends: failed or dropped out.
    const exited = db.prepare(
      `UPDATE ${trainees} SET status = 'exited', exit_reason = @reason,
         training = CASE @reason WHEN 'failed-training' THEN 'failed' WHEN 'dropped-out-of-training' THEN 'dropped-out' ELSE training END
       WHERE candidate_id = @candidateId`,
    );
    const reversed = db.prepare(
      `UPDATE ${trainees} SET status = CASE completed WHEN 1 THEN 'completed' ELSE 'active' END, exit_reason = NULL,
         training = CASE WHEN training IN ('failed', 'dropped-out') THEN 'enrolled' ELSE training END
       WHERE candidate_id = ?`,
    );
    return {
      apply(event) {
        const candidateId = candidateIdOf(event.streamId);
        if (candidateId === undefined) {
          const trainingClass = asClassEvent(event);
          if (trainingClass.type === 'TrainingClassOpened') {
            const { classId, name, roundId, startsOn, plannedEnd } = trainingClass.data;
            opened.run(classId, name, roundId, startsOn, plannedEnd);
          } else if (trainingClass.type === 'TrainingClassExtended') {
            extended.run(trainingClass.data.plannedEnd, trainingClass.data.classId);
          }
          return;
        }
        const candidate = asCandidateEvent(event);
        switch (candidate.type) {
          case 'CandidateApplied': {
            const { roundId, commune, priorPosition, definition } = candidate.data;
            applied.run(candidateId, roundId, commune.districtCode, priorPosition ?? null, programmePlaces(definition) ? 1 : 0);
            return;
          }
          case 'CandidateEnrolledInTraining':
            enrolled.run(candidate.data.classId, candidateId);
            return;
          case 'CandidatePassedTraining':
            passed.run(candidateId);
            return;
          case 'PlacementOffered':
            offered.run(candidate.data.placementKind, candidateId);
            return;
          case 'PlacementAccepted':
            placed.run(candidateId);
            return;
          case 'AddedToSuccessionPlanning':
          case 'CandidateCompletedProgramme':
            completed.run(candidateId);
            return;
          case 'CandidateExited':
            exited.run({ reason: candidate.data.reason, candidateId });
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
