import { ConfigError, loadConfig } from './load-config';

describe('configuration from the environment', () => {
  it('defaults to the embedded store on port 3000 and local Redis', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      EVENT_STORE: 'sqlite',
      SQLITE_PATH: './data/events.db',
      REDIS_URL: 'redis://127.0.0.1:6379',
      READ_MODEL_PATH: 'data/read-models.db',
    });
  });

  it('keeps the read models beside the events file unless told otherwise', () => {
    expect(loadConfig({ SQLITE_PATH: '/var/lib/pipeline/events.db' }).READ_MODEL_PATH).toBe('/var/lib/pipeline/read-models.db');
    expect(loadConfig({ READ_MODEL_PATH: '/srv/rm.db' }).READ_MODEL_PATH).toBe('/srv/rm.db');
  });

  it('reads and converts the variables it knows', () => {
    const config = loadConfig({ PORT: '8080', EVENT_STORE: 'eventstoredb', EVENTSTORE_CONNECTION_STRING: 'esdb://db:2113?tls=false' });
    expect(config.PORT).toBe(8080);
    expect(config.EVENTSTORE_CONNECTION_STRING).toBe('esdb://db:2113?tls=false');
  });

  it('names every bad variable with its rule and value', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig({ PORT: 'eighty', EVENT_STORE: 'postgres', MAX_EVENT_BYTES: '12' });
    } catch (caught) {
      error = caught as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^PORT .*must be an integer.* \(got "eighty"\)$/),
        'EVENT_STORE must be one of: sqlite, eventstoredb (got "postgres")',
        expect.stringMatching(/^MAX_EVENT_BYTES must be at least 1024 bytes/),
      ]),
    );
  });

  it('reads the audit anchor settings, with their defaults and bounds', () => {
    expect(loadConfig({})).toMatchObject({ ANCHOR_BLOCK_SIZE: 1_000, ANCHOR_INTERVAL_MS: 60_000 });
    expect(loadConfig({ ANCHOR_BLOCK_SIZE: '250', ANCHOR_INTERVAL_MS: '5000' })).toMatchObject({
      ANCHOR_BLOCK_SIZE: 250,
      ANCHOR_INTERVAL_MS: 5_000,
    });
    expect(() => loadConfig({ ANCHOR_BLOCK_SIZE: '0' })).toThrow('ANCHOR_BLOCK_SIZE must be between 1 and 1000000 (got "0")');
    expect(() => loadConfig({ ANCHOR_INTERVAL_MS: '10' })).toThrow('ANCHOR_INTERVAL_MS must be at least 100 milliseconds (got "10")');
  });

  it('requires a connection string for EventStoreDB and never echoes secrets', () => {
    expect(() => loadConfig({ EVENT_STORE: 'eventstoredb' })).toThrow(
      'EVENTSTORE_CONNECTION_STRING is required when EVENT_STORE=eventstoredb',
    );
    expect(() => loadConfig({ REDIS_URL: 'http://user:s3cret@host' })).toThrow(/REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL$/m);
    expect(() => loadConfig({ REDIS_URL: 'http://user:s3cret@host' })).not.toThrow(/s3cret/);
  });
});
