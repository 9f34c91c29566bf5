// The Python SDK (sdks/python) against the live stack: its generated layer is current, it passes
// `mypy --strict`, and its own pytest suite passes. The venv (.data/venv-sdk-python, pinned by
// sdks/python/requirements-dev.lock) is created here when missing, so this runs on a fresh machine.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { runSuite, sdkEnv } from './support/sdk-fixture';
import { closeDb } from './support/stack';

const ROOT = join(__dirname, '..');
const SDK = join(ROOT, 'sdks', 'python');
let python = '';

beforeAll(() => {
  const venv = execFileSync('bash', [join(ROOT, 'scripts', 'sdk', 'python-venv.sh')], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  python = join(venv, 'bin', 'python');
}, 300_000);
afterAll(closeDb);

describe('Python SDK', () => {
  test('mypy --strict passes on the package (py.typed), its tests and the example', async () => {
    const { code, output } = await runSuite(python, ['-m', 'mypy', '--strict'], { cwd: SDK, env: {}, timeoutMs: 180_000 });
    expect(output).toContain('Success: no issues found');
    expect(code).toBe(0);
  }, 200_000);

  test('the pytest suite passes against the live API', async () => {
    const env = await sdkEnv();
    const { code, output } = await runSuite(python, ['-m', 'pytest', '-q', '-p', 'no:cacheprovider', ...(process.env.SDK_PYTEST_ARGS?.split(' ').filter(Boolean) ?? [])], { cwd: SDK, env, timeoutMs: 170_000 });
    expect(output).toMatch(/\d+ passed/);
    expect(output).not.toMatch(/\d+ (failed|error)/);
    expect(code).toBe(0);
  }, 180_000);
});
