import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ReadModels } from '@app/projections';
import { webhooksProjection } from '@app/read-models';
import { readModelOrUnavailable } from '../http/read-model-guard';
import { ReadYourWrites } from '../http/read-your-writes';
import type { ListDeliveriesQueryDto } from './webhook.dto';

/** `unit` undefined: every unit's (the province board). */
export class ListWebhooks {
  constructor(readonly unit: string | undefined) {}
}

export class ListDeliveries {
  constructor(
    readonly unit: string | undefined,
    readonly filter: ListDeliveriesQueryDto,
  ) {}
}

export class GetDelivery {
  constructor(readonly deliveryId: string) {}
}

export interface WebhookView {
  webhookId: string;
  unit: string;
  url: string;
  description: string;
  registeredAt: string;
}

export interface DeliveryView {
  deliveryId: string;
  webhookId: string;
  unit: string;
  status: string;
  round: number;
  attempts: number;
  statusCode: number | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  payload: unknown;
}

const deliveryView = (row: Record<string, unknown>): DeliveryView => ({
  deliveryId: row.delivery_id as string,
  webhookId: row.webhook_id as string,
  unit: row.unit as string,
  status: row.status as string,
  round: row.round as number,
  attempts: row.attempts as number,
  statusCode: row.status_code as number | null,
  lastError: row.last_error as string | null,
  createdAt: new Date(row.created_at as number).toISOString(),
  updatedAt: new Date(row.updated_at as number).toISOString(),
  payload: JSON.parse(row.payload as string),
});

@QueryHandler(ListWebhooks)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooks, { items: WebhookView[] }> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ unit }: ListWebhooks) {
    const t = readModelOrUnavailable(() => this.readModels.tables(webhooksProjection));
    const rows = this.readModels.db
      .prepare(`SELECT * FROM "${t.webhooks}" WHERE state = 'active' AND (? IS NULL OR unit = ?) ORDER BY registered_at, webhook_id`)
      .all(unit ?? null, unit ?? null) as Record<string, unknown>[];
    return {
      items: rows.map((row) => ({
        webhookId: row.webhook_id as string,
        unit: row.unit as string,
        url: row.url as string,
        description: row.description as string,
        registeredAt: new Date(row.registered_at as number).toISOString(),
      })),
    };
  }
}

@QueryHandler(ListDeliveries)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveries> {
  constructor(private readonly readYourWrites: ReadYourWrites) {}

  async execute({ unit, filter }: ListDeliveries) {
    const { tables: t, position } = await this.readYourWrites.tables(webhooksProjection, filter.minPosition);
    const conditions = [...(unit ? ['unit = ?'] : []), ...(filter.status ? ['status = ?'] : [])];
    const where = conditions.length > 0 ? conditions.join(' AND ') : '1 = 1';
    const params = [...(unit ? [unit] : []), ...(filter.status ? [filter.status] : [])];
    const page = filter.page ?? 1;
    const pageSize = filter.pageSize ?? 50;
    const db = this.readYourWrites.db;
    const total = db
      .prepare(`SELECT COUNT(*) FROM "${t.deliveries}" WHERE ${where}`)
      .pluck()
      .get(...params) as number;
    const rows = db
      .prepare(`SELECT * FROM "${t.deliveries}" WHERE ${where} ORDER BY created_at DESC, delivery_id LIMIT ? OFFSET ?`)
      .all(...params, pageSize, (page - 1) * pageSize) as Record<string, unknown>[];
    return { items: rows.map(deliveryView), page, pageSize, total, position };
  }
}

@QueryHandler(GetDelivery)
export class GetDeliveryHandler implements IQueryHandler<GetDelivery, DeliveryView | undefined> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ deliveryId }: GetDelivery) {
    const t = readModelOrUnavailable(() => this.readModels.tables(webhooksProjection));
    const row = this.readModels.db.prepare(`SELECT * FROM "${t.deliveries}" WHERE delivery_id = ?`).get(deliveryId) as
      Record<string, unknown> | undefined;
    return row && deliveryView(row);
  }
}
