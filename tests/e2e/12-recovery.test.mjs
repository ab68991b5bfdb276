// The recovery screen acts on the error it shows: a store held by another process is "open
// somewhere else" with nothing destructive offered; a store behind its manifest opens with what
// it has and a banner that says how many edits are missing; a damaged store offers the newest
// backup that holds the work (with its date and counts), and restoring it brings the plans back.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_BIN, By, clickButton, quit, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';

const cli = (dir, ...args) => execFileSync(APP_BIN, ['--data-dir', dir, ...args], { encoding: 'utf8' });

/** Waits until the page's text (as in the DOM: the table may cut a long name on screen) holds `text`. */
const waitForPageText = (driver, text, timeoutMs = 15000) =>
  driver.wait(
    async () => driver.executeScript('return document.body.textContent.includes(arguments[0])', text),
    timeoutMs,
    `"${text}" never appeared`,
  );

const buttonTexts = (driver) =>
  driver.executeScript('return [...document.querySelectorAll("button")].map((b) => b.textContent.trim())');

describe('recovery', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let holder;

  after(async () => {
    await quit(driver);
    holder?.kill('SIGTERM');
  });

  const fresh = async () => {
    await quit(driver);
    driver = undefined;
  };

  it('a store open elsewhere says so and offers no restore', async () => {
    const dir = tempDataDir();
    cli(dir, 'sample');
    // Another process holds the store's lock, as a second window would.
    holder = spawn('flock', ['-x', path.join(dir, 'store.lock'), '-c', 'sleep 120'], { stdio: 'ignore' });
    await new Promise((r) => setTimeout(r, 300));
    driver = await startApp({ dataDir: dir });
    await waitForText(driver, 'h1', 'open somewhere else');
    const buttons = await buttonTexts(driver);
    assert.ok(buttons.includes('Try again'), `buttons: ${buttons}`);
    assert.ok(!buttons.some((b) => /restore/i.test(b)), `a restore is offered: ${buttons}`);
    await screenshot(driver, '12-recovery-locked');
    await quit(driver);
    driver = undefined;
    holder.kill('SIGTERM');
    holder = undefined;
  });

  it('a store behind its manifest opens with a banner naming the missing edits', async () => {
    await fresh();
    const dir = tempDataDir();
    cli(dir, 'sample');
    // As a power cut leaves it: the manifest (fsynced) promises three edits the store lacks.
    const file = path.join(dir, 'manifest.json');
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8'));
    manifest.generation += 3;
    delete manifest.clean_close;
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2));
    driver = await startApp({ dataDir: dir });
    const banner = await waitFor(driver, '.open-notice');
    assert.match(await banner.getText(), /without 3 recent edits/);
    await screenshot(driver, '12-recovery-behind-manifest');
    // The plans it has are there.
    await waitForPageText(driver, 'Nordwind Logistics Group');
    await clickButton(driver, 'Keep what the store has');
    await driver.wait(async () => (await driver.findElements(By.css('.open-notice'))).length === 0, 15000, 'the banner stayed');
    await quit(driver);
    driver = undefined;
    // The choice is kept: the next start has no banner.
    driver = await startApp({ dataDir: dir });
    await waitForPageText(driver, 'Nordwind Logistics Group');
    assert.equal((await driver.findElements(By.css('.open-notice'))).length, 0);
    await quit(driver);
    driver = undefined;
  });

  it('a damaged store offers the newest backup with its counts, and restoring it brings the plans back', async () => {
    await fresh();
    const dir = tempDataDir();
    cli(dir, 'sample');
    fs.writeFileSync(path.join(dir, 'manifest.json'), 'not a manifest');
    driver = await startApp({ dataDir: dir });
    await waitForText(driver, '.recovery-card', 'Restore the newest good backup');
    const card = await driver.findElement(By.css('.recovery-card'));
    assert.match(await card.getText(), /1 account/);
    await screenshot(driver, '12-recovery-damaged');
    await clickButton(driver, 'Restore this backup');
    await clickButton(driver, 'Yes, restore it');
    await waitForPageText(driver, 'Nordwind Logistics Group', 30000);
    await screenshot(driver, '12-recovery-restored');
  });
});
