import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs embedded in development when no DATABASE_URL is set', () => {
    const c = loadConfig({});
    expect(c.mode).toBe('embedded');
    expect(c.queueBackend).toBe('postgres');
    expect(c.graphql.introspection).toBe(true);
  });

  it('runs in server mode with DATABASE_URL and REDIS_URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@h:5432/d', REDIS_URL: 'redis://h:6379' });
    expect(c.mode).toBe('server');
    expect(c.queueBackend).toBe('redis');
  });

  it('refuses production without a database unless embedded is opted into', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40) })).toThrow(/DATABASE_URL/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), KOOPERANT_EMBEDDED: 'true' }).mode).toBe(
      'embedded',
    );
  });

  it('names every malformed setting', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', NODE_ENV: 'production' });
      throw new Error('expected a ConfigError');
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const settings = (e as ConfigError).problems.map((p) => p.setting).sort();
      expect(settings).toEqual(['DATABASE_URL', 'JWT_SECRET', 'PORT']);
      expect((e as Error).message).toMatch(/PORT/);
    }
  });

  it('turns introspection off in production by default', () => {
    const c = loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(40), DATABASE_URL: 'postgres://u@h/d' });
    expect(c.graphql.introspection).toBe(false);
  });
});
