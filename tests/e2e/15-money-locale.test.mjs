// Money typed the way a German system writes it: the app runs with LANG/LC_ALL=de_DE.UTF-8
// (set on a tauri-driver of this spec's own, whose environment the app inherits). "1.250,50"
// typed into an offering's typical deal size must be saved as 1,250.50 EUR (125050 minor
// units), which `show --json` reads back from the store after the app has closed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { APP_BIN, By, clickButton, quit, retryStale, screenshot, startApp, startOwnDriver, tempDataDir, waitFor } from './harness.mjs';

const cli = (dir, ...args) => execFileSync(APP_BIN, ['--data-dir', dir, ...args], { encoding: 'utf8' });

describe('money in a German webview', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let ownDriver;
  let dir;
  let planId;

  before(async () => {
    dir = tempDataDir();
    cli(dir, 'sample');
    planId = JSON.parse(cli(dir, 'list', '--json'))[0].current_plan_id;
    ownDriver = await startOwnDriver({
      port: 4446,
      env: { LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', LANGUAGE: 'de_DE:de' },
    });
    driver = await startApp({ dataDir: dir, driverUrl: ownDriver.url });
    await waitFor(driver, 'body');
  });

  after(async () => {
    await quit(driver);
    await ownDriver?.stop();
  });

  it('runs with the German locale', async () => {
    const lang = await driver.executeScript('return navigator.language');
    assert.match(lang, /^de/, `navigator.language is ${lang}`);
  });

  it('saves "1.250,50" typed into an offering as 1,250.50', async () => {
    await driver.executeScript('location.hash = arguments[0]', `#/plan/${planId}/white-space`);
    await waitFor(driver, '.ws-tab[data-tab="catalog"]');
    await retryStale(async () => (await driver.findElement(By.css('.ws-tab[data-tab="catalog"]'))).click());
    await waitFor(driver, '.off-table');
    await clickButton(driver, 'Add offering');
    await waitFor(driver, '.off-form input[name="name"]');
    await retryStale(async () => (await driver.findElement(By.css('.off-form input[name="name"]'))).sendKeys('Yard Automation'));
    await retryStale(async () => {
      const deal = await driver.findElement(By.css('.off-form input[name="typical_deal_size"]'));
      await deal.clear();
      await deal.sendKeys('1.250,50');
    });
    await screenshot(driver, '15-money-de-typed');
    await retryStale(async () => (await driver.findElement(By.css('.off-form button[type="submit"]'))).click());
    // The catalog lists it, with the amount in the German way of writing it.
    await driver.wait(
      async () => (await driver.findElement(By.css('.off-table')).getText()).includes('Yard Automation'),
      15000,
      'the new offering never appeared in the catalog',
    );
    const rowText = await retryStale(async () =>
      (await driver.findElement(By.xpath('//table[contains(@class,"off-table")]//tr[contains(., "Yard Automation")]'))).getText(),
    );
    assert.match(rowText, /1\.250,50/);
    await screenshot(driver, '15-money-de-saved');
  });

  it('stored 125050 minor units (show --json, after the app closed)', async () => {
    await quit(driver);
    driver = undefined;
    await ownDriver.stop();
    // The app releases the store as it exits; give it a moment.
    let show;
    for (let i = 0; i < 50; i++) {
      try {
        show = JSON.parse(cli(dir, 'show', '--account', 'Nordwind Logistics Group', '--json'));
        break;
      } catch {
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    assert.ok(show, 'show --json never succeeded');
    const offering = show.white_space.columns.find((o) => o.name === 'Yard Automation');
    assert.ok(offering, 'the offering is in the plan view');
    assert.equal(offering.typical_deal_size, 125050);
    assert.equal(offering.currency, 'EUR');
  });
});
