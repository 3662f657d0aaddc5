import { clickHouseTargetFromEnv } from './target-from-env';

describe('clickHouseTargetFromEnv', () => {
  it('defaults to the embedded engine under ./data/clickhouse, database callboard', () => {
    expect(clickHouseTargetFromEnv({})).toEqual({ kind: 'embedded', path: './data/clickhouse', database: 'callboard' });
  });

  it('treats an empty variable as unset, as a shell or compose file means it', () => {
    expect(clickHouseTargetFromEnv({ CLICKHOUSE_URL: '', CLICKHOUSE_PATH: '/srv/ch' })).toEqual({
      kind: 'embedded',
      path: '/srv/ch',
      database: 'callboard',
    });
  });

  it('uses the server over HTTP when CLICKHOUSE_URL is set', () => {
    expect(
      clickHouseTargetFromEnv({
        CLICKHOUSE_URL: 'http://ch:8123',
        CLICKHOUSE_USER: 'ingest',
        CLICKHOUSE_PASSWORD: 'secret',
        CLICKHOUSE_DATABASE: 'site_a',
      }),
    ).toEqual({ kind: 'server', url: 'http://ch:8123', username: 'ingest', password: 'secret', database: 'site_a' });
  });

  it.each([
    [{ CLICKHOUSE_URL: 'ch:8123' }, 'CLICKHOUSE_URL'],
    [{ CLICKHOUSE_URL: 'ftp://ch:8123' }, 'CLICKHOUSE_URL'],
    [{ CLICKHOUSE_DATABASE: 'callboard; DROP TABLE events' }, 'CLICKHOUSE_DATABASE'],
  ])('refuses %j naming %s', (env, variable) => {
    expect(() => clickHouseTargetFromEnv(env)).toThrow(variable);
  });
});
