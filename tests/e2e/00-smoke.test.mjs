// Smoke test: the app starts in the real webview and shows its heading.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { quit, screenshot, startApp, tempDataDir, waitFor } from './harness.mjs';

describe('smoke', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;

  before(async () => {
    driver = await startApp({ dataDir: tempDataDir() });
  });

  after(async () => {
    await quit(driver);
  });

  it('starts and shows a heading', async () => {
    const h1 = await waitFor(driver, 'h1');
    const text = (await h1.getText()).trim();
    assert.ok(text.length > 0, 'h1 should have text');
    const file = await screenshot(driver, '00-smoke');
    assert.ok(fs.statSync(file).size > 1000, 'screenshot should not be empty');
  });
});
