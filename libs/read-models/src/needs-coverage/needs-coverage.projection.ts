import type { ProjectionDefinition } from '@app/projections';
import { asCandidateEvent, asRoundEvent, candidateIdOf } from '../shared/events';

export type NeedsCoverageTables = 'needs' | 'candidates';

/**
 * Each round's needs per commune × title, and where the candidates who
 * applied for them stand: selected, in training, placed (a placement counts
 * for the commune and title of the accepted offer, and stops counting if the
 * person leaves). An offer still awaiting its answer is kept too: it holds a
 * seat that must not be offered to someone else (see placesTaken).
 */
export const needsCoverageProjection: ProjectionDefinition<NeedsCoverageTables> = {
  name: 'needs-coverage',
  // 2: a declined or lapsed offer is cleared, so that an offer awaiting its answer holds a seat.
  version: 2,
  tables: ['needs', 'candidates'],
  create(db, t) {
    db.exec(`
      CREATE TABLE "${t.needs}" (
        round_id      TEXT    NOT NULL,
        need_id       TEXT    NOT NULL,
        district_code TEXT    NOT NULL,
        commune_code  TEXT    NOT NULL,
        commune_name  TEXT    NOT NULL,
        title         TEXT    NOT NULL,
        quantity      INTEGER NOT NULL,
        approved      INTEGER NOT NULL DEFAULT 0,
        withdrawn     INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (round_id, need_id)
      ) STRICT, WITHOUT ROWID;
      CREATE TABLE "${t.candidates}" (
        candidate_id         TEXT    PRIMARY KEY,
        round_id             TEXT    NOT NULL,
        district_code        TEXT    NOT NULL,
        commune_code         TEXT    NOT NULL,
        commune_name         TEXT    NOT NULL,
        title                TEXT    NOT NULL,
        selected             INTEGER NOT NULL DEFAULT 0,
        step_kind            TEXT,
        status               TEXT    NOT NULL CHECK (status IN ('active', 'exited', 'completed')),
        offered_district_code TEXT,
        offered_commune_code  TEXT,
        offered_commune_name  TEXT,
        offered_title         TEXT,
        placed_district_code TEXT,
        placed_commune_code  TEXT,
        placed_commune_name  TEXT,
        placed_title         TEXT
      ) STRICT, WITHOUT ROWID;`);
  },
  queryIndexes: (t) => `
    CREATE INDEX IF NOT EXISTS "${t.needs}_by_place" ON "${t.needs}" (round_id, district_code, commune_code, title);
    CREATE INDEX IF NOT EXISTS "${t.candidates}_by_place" ON "${t.candidates}" (round_id, district_code, commune_code, title);
    CREATE INDEX IF NOT EXISTS "${t.candidates}_by_placement"
      ON "${t.candidates}" (round_id, placed_district_code, placed_commune_code, placed_title);
    CREATE INDEX IF NOT EXISTS "${t.candidates}_by_offer" ON "${t.candidates}" (offered_commune_code, offered_title, round_id);`,
  open(db, t) {
    const needs = `"${t.needs}"`;
    const candidates = `"${t.candidates}"`;
    const registered = db.prepare(
      `INSERT INTO ${needs} (round_id, need_id, district_code, commune_code, commune_name, title, quantity) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const amended = db.prepare(`UPDATE ${needs} SET quantity = ? WHERE round_id = ? AND need_id = ?`);
    const withdrawn = db.prepare(`UPDATE ${needs} SET withdrawn = 1 WHERE round_id = ? AND need_id = ?`);
    const approved = db.prepare(`UPDATE ${needs} SET approved = 1 WHERE round_id = ? AND need_id = ?`);
    const applied = db.prepare(
      `INSERT INTO ${candidates} (candidate_id, round_id, district_code, commune_code, commune_name, title, step_kind, status)
       VALUES (?, ?, ?, ?, ?, ?, ?, 'active')`,
    );
    const selected = db.prepare(`UPDATE ${candidates} SET selected = 1 WHERE candidate_id = ?`);
    const advanced = db.prepare(`UPDATE ${candidates} SET step_kind = ? WHERE candidate_id = ?`);
    const offered = db.prepare(
      `UPDATE ${candidates} SET offered_district_code = ?, offered_commune_code = ?, offered_commune_name = ?, offered_title = ? WHERE candidate_id = ?`,
    );
    // Only an accepted offer places the candidate, in the offer's commune and title.
    const placed = db.prepare(
      `UPDATE ${candidates} SET placed_district_code = offered_district_code, placed_commune_code = offered_commune_code,
         placed_commune_name = offered_commune_name, placed_title = offered_title WHERE candidate_id = ?`,
    );
    const offerEnded = db.prepare(
      `UPDATE ${candidates} SET offered_district_code = NULL, offered_commune_code = NULL, offered_commune_name = NULL, offered_title = NULL
       WHERE candidate_id = ?`,
    );
    const completed = db.prepare(`UPDATE ${candidates} SET status = 'completed', step_kind = NULL WHERE candidate_id = ?`);
    const exited = db.prepare(`UPDATE ${candidates} SET status = 'exited' WHERE candidate_id = ?`);
    const reversed = db.prepare(
      `UPDATE ${candidates} SET status = CASE WHEN step_kind IS NULL THEN 'completed' ELSE 'active' END WHERE candidate_id = ?`,
    );
    return {
      apply(event) {
        const candidateId = candidateIdOf(event.streamId);
        if (candidateId === undefined) {
          const round = asRoundEvent(event);
          switch (round.type) {
            case 'NeedRegistered': {
              const { roundId, needId, commune, title, quantity } = round.data;
              registered.run(roundId, needId, commune.districtCode, commune.code, commune.name, title, quantity);
              return;
            }
            case 'NeedAmended': {
              // v2 records only what changed; an amendment of the accepted majors alone leaves the quantity.
              const { quantity } = round.data.changes;
              if (quantity !== undefined) amended.run(quantity, round.data.roundId, round.data.needId);
              return;
            }
            case 'NeedWithdrawn':
              withdrawn.run(round.data.roundId, round.data.needId);
              return;
            case 'NeedApproved':
              approved.run(round.data.roundId, round.data.needId);
              return;
            default:
              return;
          }
        }
        const candidate = asCandidateEvent(event);
        switch (candidate.type) {
          case 'CandidateApplied': {
            const { roundId, commune, title, firstStep } = candidate.data;
            applied.run(candidateId, roundId, commune.districtCode, commune.code, commune.name, title, firstStep.kind);
            return;
          }
          case 'CandidateSelected':
            selected.run(candidateId);
            return;
          case 'CandidateAdvanced':
            advanced.run(candidate.data.to.kind, candidateId);
            return;
          case 'PlacementOffered': {
            const { commune, title } = candidate.data;
            offered.run(commune.districtCode, commune.code, commune.name, title, candidateId);
            return;
          }
          case 'PlacementAccepted':
            placed.run(candidateId);
            return;
          case 'PlacementDeclined':
          case 'AcceptanceWindowLapsed':
            offerEnded.run(candidateId);
            return;
          case 'AddedToSuccessionPlanning':
          case 'CandidateCompletedProgramme':
            completed.run(candidateId);
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
