import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '@app/config';
import { exitOnStartupError, forceExitAfter } from '@app/common';
import { WorkerRootModule } from './worker-root.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(WorkerRootModule.forRoot(config));
  app.enableShutdownHooks();
  forceExitAfter(config.SHUTDOWN_TIMEOUT_MS);
  new Logger('Main').log(`worker running (event store: ${config.EVENT_STORE})`);
}

main().catch(exitOnStartupError);
