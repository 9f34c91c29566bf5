// A real headless Chromium (Debian's package) that loads a page and prints its DOM after the page's scripts ran.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The DOM after the page's scripts ran (virtual time lets a page finish fetching and rendering), and what Chromium
 * wrote to stderr: with logging on, every console message of the page (`CONSOLE(…)`), CSP refusals included.
 */
export function renderedDom(chromium: string, url: string): Promise<{ dom: string; stderr: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'sabnode-chromium-'));
  return new Promise((resolve, reject) => {
    const child = spawn(chromium, [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-extensions',
      '--enable-logging=stderr', '--v=0',
      `--user-data-dir=${profile}`, '--virtual-time-budget=30000', '--window-size=1280,2000', '--dump-dom', url,
    ]);
    let dom = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (dom += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      rmSync(profile, { recursive: true, force: true });
      if (code !== 0) reject(new Error(`chromium exited with ${code}: ${stderr.slice(-2000)}`));
      else resolve({ dom, stderr });
    });
  });
}

/** The page's console messages among Chromium's log lines. */
export const consoleMessages = (stderr: string) => stderr.split('\n').filter((l) => /CONSOLE|Refused to/.test(l));
