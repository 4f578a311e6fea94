import type { ProjectionDefinition } from '@app/projections';
import { asCandidateEvent, candidateIdOf, occurredAt } from '../shared/events';
import { vietnameseSortKey } from '../shared/vietnamese-sort-key';

export type PipelineBoardTables = 'candidates' | 'steps';

/**
 * Every candidate with the step they are in and since when: the pipeline
 * board (step × district × commune × round) and the filtered candidate list.
 * Days in the step are worked out at query time from `step_entered_at`.
 * What never changes (place, names, definition) and what moves (step,
 * status, times) live in two tables: a step change rewrites one narrow row
 * and no index, which keeps rebuilds fast.
 *
 * `district_code` is the district of the need applied for; `acting_district`
 * the one whose board acts now (the practicum's, the offered commune's, the
 * post's once complete), as `candidateDistricts` in the domain says. A
 * district board sees the candidates either names.
 */
export const pipelineBoardProjection: ProjectionDefinition<PipelineBoardTables> = {
  name: 'pipeline-board',
  version: 2,
  tables: ['candidates', 'steps'],
  create(db, t) {
    db.exec(`
      CREATE TABLE "${t.candidates}" (
        candidate_id       TEXT    PRIMARY KEY,
        round_id           TEXT    NOT NULL,
        district_code      TEXT    NOT NULL,
        commune_code       TEXT    NOT NULL,
        commune_name       TEXT    NOT NULL,
        title              TEXT    NOT NULL,
        full_name          TEXT    NOT NULL,
        name_key           TEXT    NOT NULL,
        definition_id      TEXT    NOT NULL,
        definition_version INTEGER NOT NULL
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE "${t.steps}" (
        candidate_id    TEXT    PRIMARY KEY,
        step_id         TEXT    NOT NULL,
        status          TEXT    NOT NULL CHECK (status IN ('active', 'exited', 'completed')),
        exit_reason     TEXT,
        step_entered_at INTEGER NOT NULL,
        completed_at    INTEGER,
        exited_at       INTEGER,
        home_district   TEXT    NOT NULL,
        acting_district TEXT    NOT NULL,
        placed_district TEXT
      ) STRICT, WITHOUT ROWID;`);
  },
  queryIndexes: (t) => `
    CREATE INDEX IF NOT EXISTS "${t.candidates}_by_district" ON "${t.candidates}" (district_code);
    CREATE INDEX IF NOT EXISTS "${t.candidates}_by_commune" ON "${t.candidates}" (commune_code);
    CREATE INDEX IF NOT EXISTS "${t.candidates}_by_round" ON "${t.candidates}" (round_id);
    CREATE INDEX IF NOT EXISTS "${t.candidates}_by_name" ON "${t.candidates}" (name_key);
    CREATE INDEX IF NOT EXISTS "${t.steps}_by_acting_district" ON "${t.steps}" (acting_district);`,
  open(db, t) {
    const steps = `"${t.steps}"`;
    const applied = db.prepare(
      `INSERT INTO "${t.candidates}" (candidate_id, round_id, district_code, commune_code, commune_name, title, full_name, name_key,
         definition_id, definition_version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const started = db.prepare(
      `INSERT INTO ${steps} (candidate_id, step_id, status, step_entered_at, home_district, acting_district)
       VALUES (@candidateId, @stepId, 'active', @at, @district, @district)`,
    );
    // A new step starts with nobody but the applying district acting: the practicum or an offer names another.
    const advanced = db.prepare(
      `UPDATE ${steps} SET step_id = ?, step_entered_at = ?, acting_district = home_district WHERE candidate_id = ?`,
    );
    const actingMoved = db.prepare(`UPDATE ${steps} SET acting_district = ? WHERE candidate_id = ?`);
    const actingBackHome = db.prepare(`UPDATE ${steps} SET acting_district = home_district WHERE candidate_id = ?`);
    const placed = db.prepare(`UPDATE ${steps} SET placed_district = acting_district WHERE candidate_id = ?`);
    const completed = db.prepare(
      `UPDATE ${steps} SET step_id = 'completed', status = 'completed', step_entered_at = @at, completed_at = @at,
         acting_district = COALESCE(placed_district, home_district) WHERE candidate_id = @candidateId`,
    );
    const exited = db.prepare(`UPDATE ${steps} SET status = 'exited', exit_reason = ?, exited_at = ? WHERE candidate_id = ?`);
    const reversed = db.prepare(
      `UPDATE ${steps} SET status = CASE WHEN completed_at IS NULL THEN 'active' ELSE 'completed' END,
         exit_reason = NULL, exited_at = NULL WHERE candidate_id = ?`,
    );
    return {
      apply(event) {
        const candidateId = candidateIdOf(event.streamId);
        if (candidateId === undefined) return;
        const candidate = asCandidateEvent(event);
        switch (candidate.type) {
          case 'CandidateApplied': {
            const { data } = candidate;
            applied.run(
              candidateId,
              data.roundId,
              data.commune.districtCode,
              data.commune.code,
              data.commune.name,
              data.title,
              data.fullName,
              vietnameseSortKey(data.fullName),
              data.definition.id,
              data.definition.version,
            );
            started.run({ candidateId, stepId: data.firstStep.id, at: occurredAt(event), district: data.commune.districtCode });
            return;
          }
          case 'CandidateAdvanced':
            advanced.run(candidate.data.to.id, occurredAt(event), candidateId);
            return;
          case 'PracticumStarted':
            actingMoved.run(candidate.data.district, candidateId);
            return;
          case 'PlacementOffered':
            actingMoved.run(candidate.data.commune.districtCode, candidateId);
            return;
          case 'PlacementDeclined':
          case 'AcceptanceWindowLapsed':
            actingBackHome.run(candidateId);
            return;
          case 'PlacementAccepted':
            placed.run(candidateId);
            return;
          case 'AddedToSuccessionPlanning':
          case 'CandidateCompletedProgramme':
            completed.run({ at: occurredAt(event), candidateId });
            return;
          case 'CandidateExited':
            exited.run(candidate.data.reason, occurredAt(event), candidateId);
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
