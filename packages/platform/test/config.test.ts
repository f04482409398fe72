import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/index.js';

describe('configuration', () => {
  it('applies defaults for an empty environment (embedded mode)', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, TESSERA_DATA_DIR: '.tessera', TESSERA_ROLES: ['api', 'worker', 'relay'], BUS_NAMESPACE: 'tessera' });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.NATS_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('converts text to the declared types and splits lists', () => {
    const config = loadConfig({ PORT: '8080', TESSERA_ROLES: 'api, worker', TESSERA_SERVICES: 'example', BODY_LIMIT_BYTES: '2048' });
    expect(config).toMatchObject({ PORT: 8080, TESSERA_ROLES: ['api', 'worker'], TESSERA_SERVICES: ['example'], BODY_LIMIT_BYTES: 2048 });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: '' })).toMatchObject({ PORT: 3000 });
  });

  it.each([
    ['PORT', 'abc', /PORT must be an integer between 0 and 65535/],
    ['PORT', '70000', /PORT must be an integer/],
    ['TESSERA_ROLES', 'api,cook', /TESSERA_ROLES must be one of api, worker, relay/],
    ['DATABASE_URL', 'mysql://localhost/db', /DATABASE_URL must match/],
    ['NATS_URL', 'http://localhost:4222', /NATS_URL must match/],
    ['REDIS_URL', 'localhost:6379', /REDIS_URL must match/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['BODY_LIMIT_BYTES', '10', /BODY_LIMIT_BYTES must be an integer of at least 1024/],
    ['BUS_NAMESPACE', 'has space', /BUS_NAMESPACE must match/],
  ])('refuses %s=%s naming the variable', (variable, value, message) => {
    let caught: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).variable).toBe(variable);
    expect((caught as Error).message).toMatch(message);
  });
});
