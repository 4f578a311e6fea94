import type { ProjectionDefinition } from '@app/projections';
import { asCandidateEvent, candidateIdOf, occurredAt } from '../shared/events';

export type StepFunnelTables = 'visits';

/**
 * Each candidate's passage through each step: when they entered, when they
 * left and how (moved on, completed, exited). Conversion, medians and
 * percentiles are computed from these rows at query time.
 */
export const stepFunnelProjection: ProjectionDefinition<StepFunnelTables> = {
  name: 'step-funnel',
  version: 1,
  tables: ['visits'],
  create(db, t) {
    db.exec(`
      CREATE TABLE "${t.visits}" (
        candidate_id       TEXT    NOT NULL,
        visit              INTEGER NOT NULL,
        round_id           TEXT    NOT NULL,
        district_code      TEXT    NOT NULL,
        definition_id      TEXT    NOT NULL,
        definition_version INTEGER NOT NULL,
        step_id            TEXT    NOT NULL,
        entered_at         INTEGER NOT NULL,
        left_at            INTEGER,
        outcome            TEXT CHECK (outcome IN ('advanced', 'completed', 'exited')),
        exit_reason        TEXT,
        PRIMARY KEY (candidate_id, visit)
      ) STRICT;
      CREATE INDEX "${t.visits}_by_round_step" ON "${t.visits}" (round_id, step_id, district_code);`);
  },
  open(db, t) {
    const visits = `"${t.visits}"`;
    const applied = db.prepare(
      `INSERT INTO ${visits} (candidate_id, visit, round_id, district_code, definition_id, definition_version, step_id, entered_at)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?)`,
    );
    const left = db.prepare(
      `UPDATE ${visits} SET left_at = @at, outcome = @outcome, exit_reason = @reason WHERE candidate_id = @candidateId AND left_at IS NULL`,
    );
    const entered = db.prepare(
      `INSERT INTO ${visits} (candidate_id, visit, round_id, district_code, definition_id, definition_version, step_id, entered_at)
       SELECT candidate_id, visit + 1, round_id, district_code, definition_id, definition_version, @step, @at
       FROM ${visits} WHERE candidate_id = @candidateId ORDER BY visit DESC LIMIT 1`,
    );
    // A reversed exit puts the candidate back in the step they left, as if they had not gone.
    const reopened = db.prepare(
      `UPDATE ${visits} SET left_at = NULL, outcome = NULL, exit_reason = NULL
       WHERE candidate_id = @candidateId AND outcome = 'exited'
         AND visit = (SELECT MAX(visit) FROM ${visits} WHERE candidate_id = @candidateId)`,
    );
    return {
      apply(event) {
        const candidateId = candidateIdOf(event.streamId);
        if (candidateId === undefined) return;
        const candidate = asCandidateEvent(event);
        const at = occurredAt(event);
        switch (candidate.type) {
          case 'CandidateApplied': {
            const { roundId, commune, definition, firstStep } = candidate.data;
            applied.run(candidateId, roundId, commune.districtCode, definition.id, definition.version, firstStep.id, at);
            return;
          }
          case 'CandidateAdvanced':
            left.run({ at, outcome: 'advanced', reason: null, candidateId });
            entered.run({ step: candidate.data.to.id, at, candidateId });
            return;
          case 'AddedToSuccessionPlanning':
          case 'CandidateCompletedProgramme':
            left.run({ at, outcome: 'completed', reason: null, candidateId });
            return;
          case 'CandidateExited':
            left.run({ at, outcome: 'exited', reason: candidate.data.reason, candidateId });
            return;
          case 'CandidateExitReversed':
            reopened.run({ candidateId });
            return;
          default:
            return;
        }
      },
    };
  },
};
