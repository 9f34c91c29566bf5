import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runSuite, sdkEnv } from './support/sdk-fixture';

// The Go SDK (sdks/go) against the live stack: its generated layer is current, `go vet` is clean and its own
// `go test` suite passes. Only the Go toolchain is needed: the module has no dependencies outside the standard
// library.

const root = join(__dirname, '..');
const sdk = join(root, 'sdks', 'go');
const generated = ['services.gen.go', 'types.gen.go'];
// offline-safe defaults; a fresh machine needs nothing but `go` (the module proxy only if dependencies appear)
const goEnv = { GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' };

describe('Go SDK', () => {
  it('regenerates byte-identically from openapi.yaml', () => {
    const before = generated.map((f) => readFileSync(join(sdk, f), 'utf8'));
    execFileSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'sdk', 'go.ts')], { cwd: root, stdio: 'pipe' });
    const after = generated.map((f) => readFileSync(join(sdk, f), 'utf8'));
    generated.forEach((f, i) => expect({ file: f, text: after[i] }).toEqual({ file: f, text: before[i] }));
  }, 60_000);

  it('passes go vet', async () => {
    const { code, output } = await runSuite('go', ['vet', './...'], { cwd: sdk, env: goEnv, timeoutMs: 120_000 });
    expect({ code, output }).toEqual({ code: 0, output: '' });
  }, 130_000);

  it('passes its own test suite against the live API', async () => {
    const env = { ...(await sdkEnv()), ...goEnv };
    const { code, output } = await runSuite('go', ['test', '-count=1', '-v', './...'], { cwd: sdk, env, timeoutMs: 170_000 });
    expect(output).toMatch(/^ok\s+github\.com\/sabnode\/sabnode-go/m);
    expect(output).not.toMatch(/--- (FAIL|SKIP)/);
    expect(code).toBe(0);
  }, 180_000);
});
