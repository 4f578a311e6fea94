import { createHash } from 'node:crypto';

/** One delivery per notification event per webhook: the same pair always gets the same id. */
export function deliveryId(eventId: string, webhookId: string): string {
  return createHash('sha256').update(`${eventId}/${webhookId}`).digest('hex').slice(0, 32);
}

/** A round of attempts is one BullMQ job; a retry asked for through the API starts the next round. */
export function deliveryJobId(id: string, round: number): string {
  return `${id}--r${round}`;
}
