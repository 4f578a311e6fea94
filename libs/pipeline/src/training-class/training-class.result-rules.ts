import { reject, type Decision } from '../shared/decision';
import type { TrainingClassEvent, TrainingPart, TrainingResult } from './training-class.events';

const isBlank = (text: string | undefined): boolean => !text || text.trim() === '';

/**
 * Checks a result against the class: a pass needs the diploma and one certificate
 * per topic, no more, no less; a failure or drop-out needs its reason for the reports.
 * Returns the refusal, or undefined when the result stands.
 */
export function refuseResult(result: TrainingResult, parts: readonly TrainingPart[]): Decision<TrainingClassEvent> | undefined {
  switch (result.outcome) {
    case 'passed':
      if (isBlank(result.diploma?.number) || isBlank(result.diploma?.issuedOn)) {
        return reject('DIPLOMA_REQUIRED', 'A pass must carry the intermediate political theory diploma number and issue date.');
      }
      return refuseCertificates(result.certificates ?? [], parts);
    case 'failed':
    case 'dropped-out':
      if (isBlank(result.reason)) {
        return reject('REASON_REQUIRED', `A '${result.outcome}' result must say why.`, { outcome: result.outcome });
      }
      return undefined;
    default: {
      const unknown: never = result;
      return unknown;
    }
  }
}

function refuseCertificates(
  certificates: readonly { partId: string; number: string }[],
  parts: readonly TrainingPart[],
): Decision<TrainingClassEvent> | undefined {
  const known = new Set(parts.map((p) => p.id));
  const given = certificates.map((c) => c.partId);

  const unknown = given.filter((id) => !known.has(id));
  if (unknown.length > 0) {
    return reject('UNKNOWN_PART', `Certificates name parts this class does not teach: ${unknown.join(', ')}.`, {
      partIds: unknown,
      classPartIds: [...known],
    });
  }
  const duplicated = given.filter((id, i) => given.indexOf(id) !== i);
  if (duplicated.length > 0) {
    return reject('DUPLICATE_CERTIFICATE', `Each part is certified once; repeated: ${[...new Set(duplicated)].join(', ')}.`, {
      partIds: [...new Set(duplicated)],
    });
  }
  const missing = [...known].filter((id) => !given.includes(id));
  if (missing.length > 0) {
    return reject('CERTIFICATES_INCOMPLETE', `A pass needs a certificate for every part; missing: ${missing.join(', ')}.`, {
      missingPartIds: missing,
    });
  }
  return undefined;
}
