import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@app/config';
import { exitOnStartupError, forceExitAfter } from '@app/common';
import { WorkerModule } from '../../worker/src/worker.module';
import { createApi } from './create-api';

/** `--with-worker` (npm start) runs the worker in this process too: one command, embedded store. */
async function main(): Promise<void> {
  const config = loadConfig();
  const withWorker = process.argv.includes('--with-worker');
  const app = await createApi(config, { alongside: withWorker ? [WorkerModule] : [], runProjections: withWorker || undefined });
  forceExitAfter(config.SHUTDOWN_TIMEOUT_MS);
  await app.listen(config.PORT, config.HOST);
  new Logger('Main').log(
    `API listening on http://${config.HOST}:${config.PORT} (event store: ${config.EVENT_STORE}${withWorker ? ', worker in process' : ''})`,
  );
}

main().catch(exitOnStartupError);
