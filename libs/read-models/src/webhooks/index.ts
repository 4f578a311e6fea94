export { webhooksProjection } from './webhooks.projection';
export type { WebhookTable } from './webhooks.tables';
export { deliveryId, deliveryJobId } from './delivery-ids';
