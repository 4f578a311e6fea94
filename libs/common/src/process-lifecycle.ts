import { Logger } from '@nestjs/common';

/** Prints why the process could not start (a configuration error is a message, not a stack) and exits 1. */
export function exitOnStartupError(error: unknown): never {
  const message = error instanceof Error ? (error.name === 'ConfigError' ? error.message : error.stack) : String(error);
  new Logger('Main').error(message);
  process.exit(1);
}

/**
 * Nest's shutdown hooks drain requests and close the store on SIGTERM/SIGINT;
 * this only guarantees the process does not hang past `timeoutMs` if one of them stalls.
 */
export function forceExitAfter(timeoutMs: number): void {
  const arm = (signal: NodeJS.Signals): void => {
    setTimeout(() => {
      new Logger('Main').error(`shutdown after ${signal} took longer than ${timeoutMs} ms; exiting`);
      process.exit(1);
    }, timeoutMs).unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}
