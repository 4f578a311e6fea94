import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';

/** OpenAPI generated from the controllers and DTOs: the UI at /docs, the document at /docs-json. */
export function publishOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Commune pipeline engine')
    .setDescription(
      'Event-sourced workflow for the commune-leader source programme (Bắc Giang). Every command answers with the stream revision as ETag; ' +
        'send it back as If-Match. Errors are application/problem+json with a stable code.',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}
