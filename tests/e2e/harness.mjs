// End-to-end harness: drives the real app through tauri-driver (WebDriver on 127.0.0.1:4444).
// tauri-driver itself is started by scripts/test.sh, not by the specs.
//
//   import { startApp, waitFor, screenshot, tempDataDir, quit } from './harness.mjs';
//   const driver = await startApp({ dataDir: tempDataDir() });
//   await waitFor(driver, 'h1');
//   await screenshot(driver, 'home');
//   await quit(driver);

import { Builder, By, Capabilities, until } from 'selenium-webdriver';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export { By, until };

/** Repository root (tests/e2e/..). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The app binary under test, as an absolute path (override with APP_BIN). */
export const APP_BIN = path.resolve(ROOT, process.env.APP_BIN || 'target/debug/account-planner');

export const DRIVER_URL = process.env.TAURI_DRIVER_URL || 'http://127.0.0.1:4444';

export const SCREENSHOT_DIR = path.join(ROOT, 'target', 'e2e-screenshots');

/**
 * Where the app saves exports instead of asking with the save dialog (debug builds read
 * ACCOUNT_PLANNER_TEST_SAVE_DIR, which scripts/e2e.sh sets for tauri-driver and so for the app);
 * each export is a new file under its default name, never replacing one.
 */
export const SAVE_DIR = process.env.ACCOUNT_PLANNER_TEST_SAVE_DIR || null;

/** Default timeout for waits, in ms. */
export const DEFAULT_TIMEOUT = Number(process.env.E2E_TIMEOUT_MS || 15000);

/** How long the app may take to open its window and accept a session, in ms. */
export const STARTUP_TIMEOUT = Number(process.env.E2E_STARTUP_TIMEOUT_MS || 60000);

const tempDirs = new Set();

/** Per-session HTTP agents, destroyed on quit so no socket keeps the test process alive. */
const agents = new WeakMap();

/**
 * Destroys an agent's sockets and makes any further connection attempt fail at once with an
 * error selenium does not retry (it retries ECONNRESET, which destroying a socket causes).
 */
function abortAgent(agent) {
  agent.createConnection = (_opts, callback) => {
    const err = new Error('WebDriver request aborted by the e2e harness');
    err.code = 'E2E_ABORTED';
    callback(err);
    return undefined;
  };
  agent.destroy();
}

/**
 * Starts a tauri-driver of the spec's own on `port`, whose environment (and so the app's: tauri
 * passes only the binary and its arguments) adds `env`, e.g. a system locale. Returns its URL
 * for `startApp({ driverUrl })` and a `stop()` that ends it with SIGTERM (SIGKILL would leave
 * WebKitWebDriver and the app running).
 * @param {{ port: number, env: Record<string, string> }} opts
 */
export async function startOwnDriver({ port, env }) {
  const { spawn } = await import('node:child_process');
  // Its WebKitWebDriver needs a port of its own too (the suite's driver uses 4445).
  const child = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const up = () =>
    new Promise((resolve) => {
      const req = http.get(`${url}/status`, (res) => {
        res.resume();
        resolve(true);
      });
      req.on('error', () => resolve(false));
    });
  for (let i = 0; i < 100 && !(await up()); i++) {
    if (child.exitCode !== null) throw new Error(`tauri-driver on port ${port} exited with ${child.exitCode}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
  };
  return { url, stop };
}

/**
 * Starts the app under tauri-driver with its own data directory and returns the WebDriver.
 * @param {{ dataDir?: string, args?: string[], driverUrl?: string }} [opts]
 */
export async function startApp({ dataDir, args = [], driverUrl = DRIVER_URL } = {}) {
  if (!fs.existsSync(APP_BIN)) {
    throw new Error(
      `app binary not found: ${APP_BIN}\n` +
        'Build it first: npx tauri build --debug --no-bundle --config tauri.e2e.conf.json (or set APP_BIN).',
    );
  }
  const dir = dataDir ?? tempDataDir();
  const caps = new Capabilities();
  caps.setBrowserName('wry');
  caps.set('tauri:options', { application: APP_BIN, args: ['--data-dir', dir, ...args] });
  const agent = new http.Agent({ keepAlive: true });
  let driver;
  let timer;
  try {
    const session = new Builder()
      .withCapabilities(caps)
      .usingServer(driverUrl)
      .usingHttpAgent(agent)
      .build();
    const timeout = new Promise((_, reject) => {
      timer = setTimeout(() => {
        // Abort the pending new-session request, or it keeps this process alive.
        abortAgent(agent);
        reject(new Error(`the app did not open a webview within ${STARTUP_TIMEOUT} ms`));
      }, STARTUP_TIMEOUT);
    });
    driver = await Promise.race([session, timeout]);
    agents.set(driver, agent);
    tolerateRerenders(driver);
  } catch (err) {
    abortAgent(agent);
    const e = new Error(
      `could not start a WebDriver session at ${driverUrl} (is tauri-driver running? ` +
        `scripts/test.sh starts it): ${err && err.message ? err.message : err}`,
    );
    e.cause = err;
    throw e;
  } finally {
    clearTimeout(timer);
  }
  await driver.manage().setTimeouts({ script: 10000 });
  return driver;
}

/**
 * Waits until an element matching `cssSelector` exists and returns it.
 * @param {import('selenium-webdriver').WebDriver} driver
 * @param {string} cssSelector
 * @param {number} [timeoutMs]
 */
export async function waitFor(driver, cssSelector, timeoutMs = DEFAULT_TIMEOUT) {
  return driver.wait(
    until.elementLocated(By.css(cssSelector)),
    timeoutMs,
    `timed out after ${timeoutMs} ms waiting for ${cssSelector}`,
  );
}

/**
 * Waits until an element matching `cssSelector` exists and its text contains `text`.
 * @param {import('selenium-webdriver').WebDriver} driver
 */
export async function waitForText(driver, cssSelector, text, timeoutMs = DEFAULT_TIMEOUT) {
  // Re-read the element each time: a re-render may replace it while we wait.
  await driver.wait(
    async () => (await driver.findElement(By.css(cssSelector)).getText()).includes(text),
    timeoutMs,
    `timed out after ${timeoutMs} ms waiting for "${text}" in ${cssSelector}`,
  );
  return driver.findElement(By.css(cssSelector));
}

/**
 * The app re-renders a view after every save, so an element found a moment ago may be gone by
 * the next WebDriver call. Inside waits that only means "not yet": a function condition that
 * hits a stale or missing element is asked again instead of failing the wait.
 * @param {import('selenium-webdriver').WebDriver} driver
 */
function tolerateRerenders(driver) {
  const wait = driver.wait.bind(driver);
  driver.wait = (condition, timeout, message, pollTimeout) => {
    if (typeof condition !== 'function') return wait(condition, timeout, message, pollTimeout);
    const patient = async (d) => {
      try {
        return await condition(d);
      } catch (err) {
        if (err && (err.name === 'StaleElementReferenceError' || err.name === 'NoSuchElementError')) return false;
        throw err;
      }
    };
    return wait(patient, timeout, message, pollTimeout);
  };
}

/**
 * Runs `fn` again when it hit an element that a re-render replaced (a few times at most):
 * for steps that find an element and then act on it.
 * @template T
 * @param {() => Promise<T>} fn
 * @returns {Promise<T>}
 */
export async function retryStale(fn, attempts = 5) {
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !err || err.name !== 'StaleElementReferenceError') throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/**
 * Clicks the visible button whose text is `text` (inside `root`, default the page), finding it
 * again if a re-render replaced it on the way.
 * @param {import('selenium-webdriver').WebDriver} driver
 * @param {string} text
 */
export async function clickButton(driver, text, root = driver) {
  return retryStale(async () => {
    for (const b of await root.findElements(By.css('button'))) {
      if ((await b.getText()).trim() === text && (await b.isDisplayed())) {
        await b.click();
        return b;
      }
    }
    throw new Error(`no visible button "${text}"`);
  });
}

/** Resolves after the webview has painted two more frames. */
export async function nextFrames(driver) {
  await driver.executeAsyncScript(
    'const done = arguments[arguments.length - 1];' +
      'requestAnimationFrame(() => requestAnimationFrame(() => done()));',
  );
}

/**
 * Waits two animation frames (or the image may be blank), then saves
 * target/e2e-screenshots/NAME.png. Returns the file path.
 * @param {import('selenium-webdriver').WebDriver} driver
 * @param {string} name
 */
export async function screenshot(driver, name) {
  await nextFrames(driver);
  const png = await driver.takeScreenshot();
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const safe = String(name).replace(/[^A-Za-z0-9._-]+/g, '_');
  const file = path.join(SCREENSHOT_DIR, `${safe}.png`);
  fs.writeFileSync(file, Buffer.from(png, 'base64'));
  return file;
}

/**
 * Creates a fresh, empty data directory under the system temp dir. It is removed when the
 * test process exits, unless E2E_KEEP_DATA is set.
 */
export function tempDataDir(prefix = 'account-planner-e2e-') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

/** Ends the session (closes the app); never throws, so it is safe in `after` hooks. */
export async function quit(driver) {
  if (!driver) return;
  try {
    await driver.quit();
  } catch {
    // session already gone
  }
  agents.get(driver)?.destroy();
}

process.on('exit', () => {
  if (process.env.E2E_KEEP_DATA) return;
  for (const dir of tempDirs) {
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // ignore
    }
  }
});
