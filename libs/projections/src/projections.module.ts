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

export interface ProjectionsModuleOptions {
  definitions: readonly ProjectionDefinition[];
  upcast?: Upcast;
}

/**
 * The read models: their SQLite file, the queries' view of it, and the host that
 * keeps every projection up to date in this process. Every API or worker process
 * runs the host; processes sharing one file cooperate, each event applied once.
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
        {
          provide: ProjectionsHost,
          inject: [EVENT_STORE, READ_MODEL_DB],
          useFactory: (store: EventStore, db: Database.Database) => {
            const logger = new Logger('Projections');
            return new ProjectionsHost(store, db, options.definitions, {
              upcast: options.upcast ?? identityUpcast,
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
  ) {}

  async onApplicationBootstrap(): Promise<void> {
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
