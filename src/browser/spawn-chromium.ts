import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { BrowserError } from '../errors.js';
import { launchArgs } from './launch-args.js';

/** A headless Chromium we started ourselves, talking DevTools protocol over pipes. */
export interface ChromiumProcess {
  child: ChildProcess;
  /** Our end of Chromium's fd 3 (we write) and fd 4 (we read). */
  input: Writable;
  output: Readable;
  /** Rejects if the process cannot be started or exits before anyone ended it. */
  failed: Promise<never>;
  /** Ends the process (SIGKILL: nothing in its profile is worth keeping) and removes its profile folder. */
  kill(): Promise<void>;
}

/** Switches for headless printing driven over the pipe, on top of launchArgs. */
function headlessArgs(userDataDir: string): string[] {
  return [
    '--headless',
    '--remote-debugging-pipe',
    `--user-data-dir=${userDataDir}`,
    '--disable-background-timer-throttling',
    '--disable-backgrounding-occluded-windows',
    '--disable-renderer-backgrounding',
    // No crash reporting: the crashpad handlers Chromium starts otherwise (and keeps running after it is killed,
    // with a crash database in ~/.config/chromium) cost a cold build ~0.1 s (8 alternating runs). A crash still ends
    // the build's browser and is reported and retried by us.
    // https://source.chromium.org/chromium/chromium/src/+/main:components/crash/core/app/crashpad.cc
    '--disable-breakpad',
    '--disable-crash-reporter',
    '--disable-crashpad-for-testing',
    '--disable-client-side-phishing-detection',
    '--disable-component-extensions-with-background-pages',
    '--disable-dev-shm-usage',
    '--disable-hang-monitor',
    '--disable-ipc-flooding-protection',
    '--disable-popup-blocking',
    '--disable-prompt-on-repost',
    '--disable-search-engine-choice-screen',
    '--metrics-recording-only',
    '--password-store=basic',
    '--use-mock-keychain',
    '--force-color-profile=srgb',
    '--export-tagged-pdf',
    '--generate-pdf-document-outline',
    '--enable-automation',
    'about:blank',
  ];
}

/** Chromiums this process started and has not ended, with their profile folders (see endAtExit). */
const running = new Map<ChildProcess, string>();

/**
 * Ends every Chromium still running, and removes its profile folder, when node exits before the build could (Ctrl-C
 * on `briefkit build`, which exits 130): the browser went with node, but its 2 MB profile stayed in the temporary
 * folder. Synchronous, as an `exit` listener must be.
 */
function endAtExit(child: ChildProcess, profile: string): void {
  if (running.size === 0) process.once('exit', endRunning);
  running.set(child, profile);
}

function endRunning(): void {
  for (const [child, profile] of running) {
    child.kill('SIGKILL');
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }
  running.clear();
}

/**
 * Starts Chromium at once, without loading puppeteer: the browser boots while node is still importing the
 * rest of the pipeline. puppeteer connects to it later through the pipes (see PipeTransport).
 */
export function spawnChromium(executablePath: string): ChromiumProcess {
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'briefkit-chromium-'));
  // Chromium's own temporary files (the folder of its single-instance socket, and shared memory files under
  // --disable-dev-shm-usage) go inside the profile, so removing the profile removes them. In the system's temporary
  // folder they outlived every build, since a killed Chromium never cleans up: after a day of builds /tmp held a
  // thousand such folders, and a cold seed build took 1.55 s beside them against 1.27 s once they were gone.
  const chromiumTemp = path.join(userDataDir, 'tmp');
  mkdirSync(chromiumTemp);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const child = spawn(executablePath, [...launchArgs(isRoot), ...headlessArgs(userDataDir)], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'],
    detached: false,
    env: { ...process.env, TMPDIR: chromiumTemp },
  });
  endAtExit(child, userDataDir);
  let ended = false;
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    if (stderr.length < 4000) stderr += text;
  });
  const failed = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new BrowserError(`Could not start the browser at ${executablePath}: ${error.message}`, {
      hint: 'Check the browser runs (`chromium --version`), or point PUPPETEER_EXECUTABLE_PATH at another one.',
      cause: error,
    })));
    child.once('exit', (code, signal) => {
      if (ended) return;
      const last = stderr.trim().split('\n').slice(-3).join(' | ');
      reject(new BrowserError(`The browser at ${executablePath} stopped (${signal ?? `exit code ${code}`})${last ? `: ${last}` : ''}.`, {
        hint: 'Check the browser runs (`chromium --version`), or point PUPPETEER_EXECUTABLE_PATH at another one.',
      }));
    });
  });
  failed.catch(() => undefined);
  const stdio = child.stdio as unknown as [null, null, Readable, Writable, Readable];
  return {
    child,
    input: stdio[3],
    output: stdio[4],
    failed,
    async kill() {
      ended = true;
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGKILL');
        await exited;
      }
      await rm(userDataDir, { recursive: true, force: true, maxRetries: 3 }).catch(() => undefined);
      running.delete(child);
      if (running.size === 0) process.removeListener('exit', endRunning);
    },
  };
}
