import type { ProjectionDefinition } from '@app/projections';
import { asCandidateEvent, candidateIdOf, occurredAt } from '../shared/events';

export type StepFunnelTables = 'candidates' | 'visits';

/**
 * Each candidate's passage through each step: when they entered, when they
 * left and how (moved on, completed, exited). Conversion, medians and
 * percentiles are computed from these rows at query time. A candidate passes
 * each step once (a reversed exit reopens the step left), so a visit is keyed
 * by candidate and step and every write is by primary key.
 */
export const stepFunnelProjection: ProjectionDefinition<StepFunnelTables> = {
  name: 'step-funnel',
  version: 1,
  tables: ['candidates', 'visits'],
  create(db, t) {
    db.exec(`
      CREATE TABLE "${t.candidates}" (
        candidate_id       TEXT    PRIMARY KEY,
        round_id           TEXT    NOT NULL,
        district_code      TEXT    NOT NULL,
        definition_id      TEXT    NOT NULL,
        definition_version INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE "${t.visits}" (
        candidate_id TEXT    NOT NULL,
        step_id      TEXT    NOT NULL,
        entered_at   INTEGER NOT NULL,
        left_at      INTEGER,
        outcome      TEXT CHECK (outcome IN ('advanced', 'completed', 'exited')),
        exit_reason  TEXT,
        PRIMARY KEY (candidate_id, step_id)
      ) STRICT, WITHOUT ROWID;`);
  },
  queryIndexes: (t) => `CREATE INDEX IF NOT EXISTS "${t.candidates}_by_round" ON "${t.candidates}" (round_id, district_code);`,
  open(db, t) {
    const visits = `"${t.visits}"`;
    const applied = db.prepare(
      `INSERT INTO "${t.candidates}" (candidate_id, round_id, district_code, definition_id, definition_version) VALUES (?, ?, ?, ?, ?)`,
    );
    const entered = db.prepare(`INSERT INTO ${visits} (candidate_id, step_id, entered_at) VALUES (?, ?, ?)`);
    const left = db.prepare(
      `UPDATE ${visits} SET left_at = @at, outcome = @outcome, exit_reason = @reason WHERE candidate_id = @candidateId AND step_id = @step`,
    );
    // Succession planning ends the assignment step without naming it: close whichever step is open.
    const leftOpen = db.prepare(`UPDATE ${visits} SET left_at = ?, outcome = 'completed' WHERE candidate_id = ? AND left_at IS NULL`);
    // A reversed exit puts the candidate back in the step they left, as if they had not gone.
    const reopened = db.prepare(
      `UPDATE ${visits} SET left_at = NULL, outcome = NULL, exit_reason = NULL WHERE candidate_id = ? AND outcome = 'exited'`,
    );
    return {
      apply(event) {
        const candidateId = candidateIdOf(event.streamId);
        if (candidateId === undefined) return;
        const candidate = asCandidateEvent(event);
        switch (candidate.type) {
          case 'CandidateApplied': {
            const { roundId, commune, definition, firstStep } = candidate.data;
            applied.run(candidateId, roundId, commune.districtCode, definition.id, definition.version);
            entered.run(candidateId, firstStep.id, occurredAt(event));
            return;
          }
          case 'CandidateAdvanced': {
            const at = occurredAt(event);
            left.run({ at, outcome: 'advanced', reason: null, candidateId, step: candidate.data.from });
            entered.run(candidateId, candidate.data.to.id, at);
            return;
          }
          case 'CandidateCompletedProgramme':
            left.run({ at: occurredAt(event), outcome: 'completed', reason: null, candidateId, step: candidate.data.stepId });
            return;
          case 'AddedToSuccessionPlanning':
            leftOpen.run(occurredAt(event), candidateId);
            return;
          case 'CandidateExited':
            // An exit after completion ('completed' step) closes no visit.
            left.run({ at: occurredAt(event), outcome: 'exited', reason: candidate.data.reason, candidateId, step: candidate.data.stepId });
            return;
          case 'CandidateExitReversed':
            reopened.run(candidateId);
            return;
          default:
            return;
        }
      },
    };
  },
};
