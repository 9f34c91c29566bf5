import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './support/processes';

// No Docker engine runs here: the compose file and Dockerfile are checked statically against the source tree.
const sourceOf = (distPath: string) => join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));

describe('deployment files', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { command?: string[]; depends_on?: Record<string, unknown>; environment?: Record<string, string> }> };

  it('compose runs PostgreSQL, Temporal, its Web UI, migrations, the API and the worker', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['api', 'migrate', 'postgres', 'temporal', 'temporal-ui', 'worker']);
    for (const name of ['api', 'worker']) {
      expect(compose.services[name].environment).toEqual(expect.objectContaining({ DATABASE_URL: expect.any(String), TEMPORAL_ADDRESS: 'temporal:7233', SABNODE_SECRET: expect.any(String) }));
      expect(compose.services[name].depends_on).toHaveProperty('migrate');
    }
  });

  it('every command in compose and the Dockerfile names a file the build produces', () => {
    const commands = Object.values(compose.services).flatMap((s) => s.command ?? []).filter((c) => c.startsWith('dist/'));
    const dockerCmd = /CMD \["node", "([^"]+)"\]/.exec(readFileSync(join(ROOT, 'Dockerfile'), 'utf8'))![1];
    for (const file of [...commands, dockerCmd]) expect(existsSync(sourceOf(file))).toBe(true);
    expect(commands).toEqual(expect.arrayContaining(['dist/src/worker.js', 'dist/scripts/migrate.js']));
  });
});
