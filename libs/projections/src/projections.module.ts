import { DynamicModule, Global, Inject, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type Database from 'better-sqlite3';
import { AppConfig } from '@app/config';
import { EVENT_STORE, type EventStore } from '@app/event-store';
import { identityUpcast, type ProjectionDefinition, type Upcast } from './projection';
import { ProjectionsHost } from './projections-host';
import { openReadModelDb } from './read-model-db';
import { ReadModels } from './read-models';

export const READ_MODEL_DB = Symbol('READ_MODEL_DB');
/** The upcast the projections run with, for code that replays them elsewhere (a board as of a date). */
export const PROJECTION_UPCAST = Symbol('PROJECTION_UPCAST');

const RUN_HERE = Symbol('RUN_PROJECTIONS_HERE');

export interface ProjectionsModuleOptions {
  definitions: readonly ProjectionDefinition[];
  upcast?: Upcast;
  /** Feed the read models in this process (default). Off, the process only reads what another process keeps up to date. */
  run?: boolean;
  /** Events per catch-up transaction (the runner's default suits a worker; a process serving requests wants shorter ones). */
  batchSize?: number;
}

/**
 * The read models: their SQLite file, the queries' view of it, and the host that
 * keeps every projection up to date. The worker always runs the host; an API
 * process runs it under `npm start` or when told to, and otherwise reads the
 * file the workers keep. Processes sharing one file cooperate, each event applied once.
 */
@Global()
@Module({})
export class ProjectionsModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Projections');

  static forRoot(options: ProjectionsModuleOptions): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        { provide: READ_MODEL_DB, inject: [AppConfig], useFactory: (config: AppConfig) => openReadModelDb(config.READ_MODEL_PATH!) },
        { provide: ReadModels, inject: [READ_MODEL_DB], useFactory: (db: Database.Database) => new ReadModels(db) },
        { provide: PROJECTION_UPCAST, useValue: options.upcast ?? identityUpcast },
        { provide: RUN_HERE, useValue: options.run ?? true },
        {
          provide: ProjectionsHost,
          inject: [EVENT_STORE, READ_MODEL_DB],
          useFactory: (store: EventStore, db: Database.Database) => {
            const logger = new Logger('Projections');
            return new ProjectionsHost(store, db, options.definitions, {
              upcast: options.upcast ?? identityUpcast,
              batchSize: options.batchSize,
              log: (message) => logger.log(message),
            });
          },
        },
      ],
      exports: [READ_MODEL_DB, ReadModels, ProjectionsHost, PROJECTION_UPCAST],
    };
  }

  constructor(
    private readonly host: ProjectionsHost,
    private readonly readModels: ReadModels,
    @Inject(READ_MODEL_DB) private readonly db: Database.Database,
    @Inject(RUN_HERE) private readonly runHere: boolean,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runHere) {
      this.logger.log('read models are fed by the worker process(es); this process only reads them');
      return;
    }
    this.host.onProgress(() => this.readModels.progressed());
    await this.host.start();
    this.logger.log(`running ${this.host.definitions.map((definition) => definition.name).join(', ') || 'no projections'}`);
  }

  /** Runs after the HTTP server stopped taking requests; the event store closes after this. */
  async onApplicationShutdown(): Promise<void> {
    await this.host.stop();
    this.db.close();
  }
}
