import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUrl, Matches, MaxLength } from 'class-validator';
import { OptionalCount, OptionalMinPosition } from '../http/query-rules';

export class RegisterWebhookDto {
  @ApiProperty({ example: 'https://tan-yen.example.vn/hooks/pipeline' })
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'an http(s) URL' })
  @MaxLength(2048)
  url!: string;

  @ApiPropertyOptional({ example: 'Hộp thư Ban Tổ chức Huyện ủy Tân Yên' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  description?: string;
}

export class WebhookParams {
  @ApiProperty() @Matches(/^[0-9a-f-]{36}$/, { message: 'a webhook id as returned on registration' }) webhookId!: string;
}

export class DeliveryParams {
  @ApiProperty() @Matches(/^[0-9a-f]{32}$/, { message: 'a delivery id as listed by GET /webhooks/deliveries' }) deliveryId!: string;
}

export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed', 'cancelled'] as const;

export class ListDeliveriesQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES }) @IsOptional() @IsIn(DELIVERY_STATUSES) status?: (typeof DELIVERY_STATUSES)[number];
  @OptionalCount(1, 1) page?: number;
  @OptionalCount(50, 50, 500) pageSize?: number;
  @OptionalMinPosition() minPosition?: string;
}
