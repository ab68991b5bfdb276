// Segmentation and portfolio insights, end to end: with the sample plan loaded (headless CLI,
// twice, so the chart has company), create an account in the UI, score it into Tier 1b (need
// and value high, behavior low) with the buttons and the keyboard, score a Tier 2 and a Tier 3
// account too, accept a suggested score on
// the sample account, change a threshold on the Insights page and see the account move tier,
// see a refused threshold at its field, and open a plan from the hot-spot chart.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Key } from 'selenium-webdriver';
import { APP_BIN, By, clickButton, quit, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';

const cli = (dir, ...args) => execFileSync(APP_BIN, ['--data-dir', dir, ...args], { encoding: 'utf8' });

const NAME = 'Hot <b>spot</b> <img src=x onerror="window.__pwned=1"> Ltd';


const scoreButton = (driver, dim, index, score) =>
  driver.findElement(By.css(`.seg-criterion[data-dimension="${dim}"][data-index="${index}"] .score-btn[data-score="${score}"]`));

async function waitSaved(driver) {
  await driver.wait(
    async () => {
      const t = (await driver.findElement(By.css('.save-status')).getText()).trim();
      return /^Saved/.test(t) || /^Not saved/.test(t);
    },
    15000,
    'the save state never settled',
  );
  return (await driver.findElement(By.css('.save-status')).getText()).trim();
}

async function textOf(driver, css) {
  return driver.executeScript('const el = document.querySelector(arguments[0]); return el ? el.textContent : null;', css);
}

/** Scrolls an element into the middle of the view, for screenshots of one section. */
const scrollTo = (driver, css) =>
  driver.executeScript('document.querySelector(arguments[0]).scrollIntoView({ block: "start" })', css);

async function tierCount(driver, tier) {
  return textOf(driver, `.tier-counts tr[data-tier="${tier}"] .tier-count`);
}

describe('segmentation and insights', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let samplePlan;
  let myPlan;

  before(async () => {
    const dir = tempDataDir();
    cli(dir, 'sample');
    cli(dir, 'sample');
    const rows = JSON.parse(cli(dir, 'list', '--json'));
    assert.equal(rows.length, 2);
    samplePlan = rows[0].current_plan_id;
    driver = await startApp({ dataDir: dir });
    await waitFor(driver, '.portfolio-table tbody tr.row');
  });

  after(async () => {
    await quit(driver);
  });

  it('creates an account in the UI and scores it into Tier 1b', async () => {
    await clickButton(driver, 'New account');
    const name = await driver.findElement(By.css('input[name="account-name"]'));
    await name.sendKeys(NAME, Key.ENTER);
    await waitForText(driver, '.page-header h1', 'Overview');
    myPlan = (await driver.getCurrentUrl()).match(/#\/plan\/([^/]+)\//)[1];

    const link = await driver.findElement(By.xpath('//ul[contains(@class,"area-nav")]//a[normalize-space(.)="Segmentation"]'));
    await link.click();
    await waitForText(driver, '.page-header h1', 'Segmentation');
    await waitFor(driver, '.seg-criterion');
    assert.equal(await textOf(driver, '.seg-tier-badge'), 'Unscored');
    assert.equal((await driver.findElements(By.css('.seg-criterion'))).length, 9);

    // need 5, 4, 4 and value 4, 5, 4 by clicking; behavior from the keyboard: 2, then 1, 2
    for (const [dim, scores] of [
      ['need', [5, 4, 4]],
      ['value', [4, 5, 4]],
    ]) {
      for (let i = 0; i < 3; i++) await (await scoreButton(driver, dim, i, scores[i])).click();
    }
    const first = await scoreButton(driver, 'behavior', 0, 1);
    await first.click(); // 1
    await driver.switchTo().activeElement().sendKeys(Key.ARROW_RIGHT); // 2
    await (await scoreButton(driver, 'behavior', 1, 3)).click();
    await driver.switchTo().activeElement().sendKeys('1');
    await (await scoreButton(driver, 'behavior', 2, 2)).click();
    const note = await driver.findElement(By.css('.seg-criterion[data-dimension="behavior"][data-index="2"] input.seg-note'));
    await note.sendKeys('Buys on price, <i>slowly</i>', Key.TAB);
    assert.match(await waitSaved(driver), /^Saved/);

    await driver.wait(async () => (await textOf(driver, '.seg-tier-badge')) === 'Tier 1b', 15000, 'never became Tier 1b');
    assert.equal(await textOf(driver, '.seg-score-need'), '4.3');
    assert.equal(await textOf(driver, '.seg-score-value'), '4.3');
    assert.equal(await textOf(driver, '.seg-score-behavior'), '1.7');
    assert.match(await textOf(driver, '.seg-tier-reason'), /consultative selling first/);
    const checked = await driver.executeScript(
      'return [...document.querySelectorAll(".seg-criterion")].map((li) => li.querySelector("[aria-checked=true]")?.dataset.score ?? null)',
    );
    assert.deepEqual(checked, ['5', '4', '4', '4', '5', '4', '2', '1', '2']);
    await screenshot(driver, '70-segmentation-tier1b');
  });

  it('scores two more accounts (Tier 2 and Tier 3) so the chart has every region in use', async () => {
    for (const [name, scores] of [
      ['Middle Ground GmbH', { need: [3, 3, 2], value: [3, 2, 3], behavior: [4, 5, 4] }],
      ['Low Fit AG', { need: [1, 2, 1], value: [2, 1, 1], behavior: [3, 3, 2] }],
    ]) {
      await driver.findElement(By.css('.nav-portfolio')).click();
      await waitFor(driver, '.portfolio-table tbody tr.row');
      await clickButton(driver, 'New account');
      await (await driver.findElement(By.css('input[name="account-name"]'))).sendKeys(name, Key.ENTER);
      await waitForText(driver, '.page-header h1', 'Overview');
      const plan = (await driver.getCurrentUrl()).match(/#\/plan\/([^/]+)\//)[1];
      await driver.executeScript('location.hash = arguments[0]', `#/plan/${plan}/segmentation`);
      await waitFor(driver, '.seg-criterion');
      for (const dim of ['need', 'value', 'behavior']) {
        for (let i = 0; i < 3; i++) await (await scoreButton(driver, dim, i, scores[dim][i])).click();
      }
      assert.match(await waitSaved(driver), /^Saved/);
      await driver.wait(async () => (await textOf(driver, '.seg-tier-badge')) !== 'Unscored', 15000);
    }
    assert.equal(await textOf(driver, '.seg-tier-badge'), 'Tier 3');
  });

  it('shows the back end’s suggestions on the sample account and accepts one', async () => {
    await driver.executeScript('location.hash = arguments[0]', `#/plan/${samplePlan}/segmentation`);
    await waitFor(driver, '.seg-accept, .seg-suggestion .badge');
    const suggestion = await textOf(driver, '.seg-suggestion-text');
    assert.match(suggestion, /^Suggested: [1-5] — /);
    const accept = await driver.findElements(By.css('.seg-accept'));
    if (accept.length > 0) {
      const row = await accept[0].findElement(By.xpath('ancestor::li[contains(@class,"seg-criterion")]'));
      const suggested = (await row.findElement(By.css('.seg-suggestion-text')).getText()).match(/Suggested: (\d)/)[1];
      await accept[0].click();
      assert.match(await waitSaved(driver), /^Saved/);
      assert.equal(await row.findElement(By.css('[aria-checked="true"]')).getText(), suggested);
    }
    await screenshot(driver, '70-segmentation-suggestions');
  });

  it('opens Insights from the sidebar with the chart, the tiers and the rest', async () => {
    await driver.findElement(By.css('.nav-insights')).click();
    await waitFor(driver, '.hotspot-chart circle.hs-dot');
    const dots = await driver.findElements(By.css('.hotspot-chart circle.hs-dot'));
    assert.equal(dots.length, 5);
    assert.equal(await tierCount(driver, 'tier1b'), '1');
    assert.equal(await tierCount(driver, 'tier1a'), '2');
    assert.equal(await tierCount(driver, 'tier2'), '1');
    assert.equal(await tierCount(driver, 'tier3'), '1');
    for (const css of ['.stages-card', '.renewals-card', '.triggers-card', '.seg-weights-card']) await waitFor(driver, css);
    assert.equal(await driver.executeScript('return window.__pwned ?? null'), null);
    assert.equal((await driver.findElements(By.css('img[src="x"], .insights b'))).length, 0);
    await screenshot(driver, '70-insights-top');
    await scrollTo(driver, '.tiers-card');
    await screenshot(driver, '70-insights-tiers');
    await scrollTo(driver, '.insights-pair');
    await screenshot(driver, '70-insights-renewals-triggers');
  });

  it('computes the new business a growth target needs from the churn', async () => {
    const growth = await driver.findElement(By.css('input.calc-growth'));
    const churn = await driver.findElement(By.css('input.calc-churn'));
    await growth.clear();
    await growth.sendKeys('50');
    await churn.clear();
    await churn.sendKeys('20');
    await waitForText(driver, '.calc-result', 'New business needed: 70%');
  });

  it('refuses a threshold out of range at its field', async () => {
    await scrollTo(driver, '.seg-weights-card');
    const tier2 = await driver.findElement(By.css('input[name="threshold-tier2"]'));
    await tier2.clear();
    await tier2.sendKeys('7');
    await clickButton(driver, 'Apply');
    const error = await waitForText(driver, '.seg-threshold-field[data-field="tier2"] .field-error', 'between 1 and 5');
    assert.ok(await error.isDisplayed());
    assert.equal(await tier2.getAttribute('aria-invalid'), 'true');
    await screenshot(driver, '70-insights-threshold-error');
    await tier2.clear();
    await tier2.sendKeys('2.5');
  });

  it('moves the account when a threshold changes and says how many moved', async () => {
    // Behavior 1.7 is low at 3.5; with "high behavior" from 1.5 the account becomes Tier 1a.
    const hb = await driver.findElement(By.css('input[name="threshold-high_behavior"]'));
    await hb.clear();
    await hb.sendKeys('1.5');
    await clickButton(driver, 'Apply');
    await waitForText(driver, '.seg-apply-status', '1 account changed tier');
    assert.equal(await tierCount(driver, 'tier1b'), '0');
    assert.equal(await tierCount(driver, 'tier1a'), '3');
    await screenshot(driver, '70-insights-moved');

    // a weight profile with one click: growth-area alignment and total opportunity count double
    await driver.findElement(By.css('button[aria-label="Apply profile Growth offerings: need for our growth areas ×2"]')).click();
    await waitForText(driver, '.seg-apply-status', 'changed tier');
    assert.equal(await driver.executeScript('return document.querySelector(\'input[name="weight-need-1"]\').value'), '2');
    await screenshot(driver, '70-insights-profile');

    // and back to the defaults
    await clickButton(driver, 'Fill in the defaults');
    await clickButton(driver, 'Apply');
    await waitForText(driver, '.seg-apply-status', '1 account changed tier');
    assert.equal(await tierCount(driver, 'tier1b'), '1');
  });

  it('opens the account’s segmentation from its dot', async () => {
    await scrollTo(driver, '.hotspot-card');
    const dot = await driver.findElement(By.xpath('//*[local-name()="circle" and contains(@class,"tier-tier1b")]'));
    const title = await driver.executeScript('return arguments[0].querySelector("title").textContent', dot);
    assert.ok(title.startsWith(NAME), title);
    assert.match(title, /Tier 1b: need 4\.3, value 4\.3, behavior 1\.7/);
    await driver.executeScript('arguments[0].dispatchEvent(new MouseEvent("click", { bubbles: true }))', dot);
    await waitForText(driver, '.page-header h1', 'Segmentation');
    assert.match(await driver.getCurrentUrl(), new RegExp(`#/plan/${myPlan}/segmentation$`));
    assert.equal(await textOf(driver, '.seg-tier-badge'), 'Tier 1b');
  });
});
