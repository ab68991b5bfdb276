// A plan's life: close the sample plan and find every area read-only under a banner, reopen it;
// write the QBR story on the Export screen and find it in `show --json` and in the one-page
// summary printed by the CLI after the app has quit; roll forward (asked first, then told what
// came along) and start a new account in next year's plan.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { APP_BIN, By, clickButton, quit, retryStale, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';

const cli = (dir, ...args) => execFileSync(APP_BIN, ['--data-dir', dir, ...args], { encoding: 'utf8' });

/** Picks `value` in the select named `name`, as a user would (the change event fires). */
const choose = (driver, name, value) =>
  driver.executeScript(
    `const s = document.querySelector('select[name="' + arguments[0] + '"]');
     s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));`,
    name,
    value,
  );

/** Waits until the header's title (account / period) contains `text`. */
const waitForTitle = (driver, text) =>
  driver.wait(
    async () => ((await driver.executeScript("return document.querySelector('.header-title')?.textContent ?? ''")) || '').includes(text),
    20000,
    `the header never named ${text}`,
  );

const STORY = {
  executive_summary: 'Nordwind is ready to standardise its hubs on Warehouse OS once the CDO signs off.',
  wins: 'Hub pilot went live in Hamburg',
  asks: 'Executive sponsor call with the CDO in January',
};

describe('plan life: closed, reopened, and the QBR story', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let dir;
  let planId;

  before(async () => {
    dir = tempDataDir();
    cli(dir, 'sample');
    planId = JSON.parse(cli(dir, 'list', '--json'))[0].current_plan_id;
    driver = await startApp({ dataDir: dir });
    await waitFor(driver, 'body');
    await driver.executeScript('location.hash = arguments[0]', `#/plan/${planId}/overview`);
    await waitFor(driver, 'select[name="plan-status"]');
  });

  after(async () => {
    await quit(driver);
  });

  it('closes the plan: a banner on every area and nothing editable', async () => {
    assert.equal(await driver.executeScript('return document.querySelector(\'select[name="plan-status"]\').value'), 'active');
    await choose(driver, 'plan-status', 'closed');
    await waitForText(driver, '.closed-banner', 'is closed');
    const overview = await driver.executeScript(`return {
      fieldsetDisabled: document.querySelector('.area fieldset.readonly-fieldset')?.disabled ?? null,
      editable: [...document.querySelectorAll('.area input, .area textarea, .area select')].filter((e) => !e.disabled && !e.closest('fieldset[disabled]')).length,
      badge: document.querySelector('.app-header')?.textContent,
    }`);
    assert.equal(overview.fieldsetDisabled, true, 'the overview form is disabled');
    assert.equal(overview.editable, 0, 'no input can be typed into');
    assert.match(overview.badge, /Closed/);
    await screenshot(driver, '16-plan-closed-overview');

    await driver.executeScript('location.hash = arguments[0]', `#/plan/${planId}/export`);
    await waitForText(driver, '.closed-banner', 'is closed');
    const exportArea = await driver.executeScript(`return {
      storyDisabled: document.querySelector('form.commentary fieldset')?.disabled ?? null,
      exportEnabled: !document.querySelector('form.export-form button[type=submit]').disabled,
    }`);
    assert.deepEqual(exportArea, { storyDisabled: true, exportEnabled: true }, 'a closed plan is still printed');
  });

  it('reopens the plan from the banner and can edit again', async () => {
    await clickButton(driver, 'Reopen plan');
    await driver.wait(async () => (await driver.findElements(By.css('.closed-banner'))).length === 0, 15000, 'banner stays');
    await driver.wait(
      async () => (await driver.executeScript('return document.querySelector(\'select[name="plan-status"]\').value')) === 'active',
      15000,
      'the reopened plan is active again',
    );
    await waitFor(driver, 'form.commentary button[type=submit]');
  });

  it('saves the story for the QBR', async () => {
    for (const [name, text] of Object.entries(STORY)) {
      await retryStale(async () => {
        const area = await driver.findElement(By.css(`form.commentary textarea[name="${name}"]`));
        await area.clear();
        await area.sendKeys(text);
      });
    }
    await clickButton(driver, 'Save the story');
    await driver.wait(
      async () =>
        (await driver.executeScript('return document.querySelector(\'form.commentary textarea[name="wins"]\')?.value')) === STORY.wins &&
        (await driver.findElements(By.css('form.commentary .field-error:not(:empty)'))).length === 0,
      15000,
    );
    // Saving re-renders the area from the saved plan: the text is what the store holds.
    await driver.wait(
      async () =>
        (await driver.executeScript('return document.querySelector(\'form.commentary textarea[name="asks"]\')?.value')) === STORY.asks,
      15000,
    );
    await screenshot(driver, '16-plan-story');
  });

  it('finds the story in show --json and the printed summary after quitting', async () => {
    await quit(driver);
    driver = undefined;
    // The app releases the store as it exits; give it a moment.
    let show;
    for (let i = 0; i < 40 && !show; i++) {
      try {
        show = JSON.parse(cli(dir, 'show', '--account', 'Nordwind Logistics Group', '--json'));
      } catch {
        await new Promise((r) => setTimeout(r, 250));
      }
    }
    assert.ok(show, 'show --json ran once the app had quit');
    assert.equal(show.plan.status, 'active');
    assert.equal(show.plan.executive_summary, STORY.executive_summary);
    assert.equal(show.plan.wins, STORY.wins);
    assert.equal(show.plan.asks, STORY.asks);
    const pdf = path.join(dir, 'summary.pdf');
    cli(dir, 'pdf', '--account', 'Nordwind Logistics Group', '--out', pdf, '--summary');
    assert.ok(fs.statSync(pdf).size > 1000);
    let text = '';
    try {
      text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    } catch {
      return; // poppler not installed: the JSON check above stands
    }
    assert.match(text, /Wins: Hub pilot went live in Hamburg/);
    assert.match(text, /Asks: Executive sponsor call with the CDO in January/);
  });
});

describe('plan life: roll forward and next year', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;

  before(async () => {
    const dir = tempDataDir();
    cli(dir, 'sample');
    const planId = JSON.parse(cli(dir, 'list', '--json'))[0].current_plan_id;
    driver = await startApp({ dataDir: dir });
    await waitFor(driver, 'body');
    await driver.executeScript('location.hash = arguments[0]', `#/plan/${planId}/overview`);
    await waitFor(driver, 'select[name="plan-status"]');
  });

  after(async () => {
    await quit(driver);
  });

  it('asks before rolling forward, then says what it carried over', async () => {
    await clickButton(driver, 'Roll forward to next period');
    await waitForText(driver, '.roll-ask', 'Start the next period from FY2026?');
    await screenshot(driver, '16-roll-forward-ask');
    await clickButton(driver, 'Roll forward');
    await waitForText(driver, '.plan-tools-message', 'FY2027 created from FY2026.');
    await screenshot(driver, '16-roll-forward-told');
    const said = await driver.executeScript("return document.querySelector('.plan-tools-message').textContent");
    assert.match(said, /Carried over \d+ buying centers, \d+ contacts/);
    assert.match(said, /open opportunities\./);
    await waitForTitle(driver, 'FY2027');
  });

  it('edits renewals on the overview: marks one churned', async () => {
    // The contract's name is an input's value (not text): find its row by it.
    const FLEET_ROW = `return [...document.querySelectorAll('section.renewals tr.renewal')]
      .find((tr) => tr.querySelector('input[name="renewal-description"]').value.includes('Fleet Telematics')) ?? null`;
    await driver.wait(async () => (await driver.executeScript(FLEET_ROW)) !== null, 15000, 'the sample renewal is not listed');
    await driver.executeScript(`const tr = (() => { ${FLEET_ROW} })(); tr.scrollIntoView({ block: 'center' });`);
    await retryStale(async () => clickButton(driver, 'Mark churned', await driver.executeScript(FLEET_ROW)));
    await driver.wait(
      async () => driver.executeScript(`const tr = (() => { ${FLEET_ROW} })(); return !!tr && tr.classList.contains('churned') && tr.textContent.includes('Churned');`),
      15000,
      'the renewal never showed churned',
    );
    await screenshot(driver, '16-renewals-churned');
  });

  it('starts a new account in the period the user picks', async () => {
    await driver.executeScript('location.hash = "#/"');
    await clickButton(driver, 'New account');
    await waitFor(driver, 'select[name="account-period"] option');
    const offered = await driver.executeScript(
      'return [...document.querySelectorAll(\'select[name="account-period"] option\')].map((o) => [o.value, o.textContent])',
    );
    const today = new Date();
    const yearEnd = new Date(Date.UTC(today.getUTCFullYear(), 11, 31));
    const nearEnd = (yearEnd - today) / 86400000 <= 90;
    assert.equal(offered.length, nearEnd ? 2 : 1, JSON.stringify(offered));
    await retryStale(async () => (await driver.findElement(By.css('input[name="account-name"]'))).sendKeys('Borealis Energy'));
    const wanted = nearEnd ? 'next' : 'current';
    await choose(driver, 'account-period', wanted);
    await screenshot(driver, '16-new-account-period');
    await clickButton(driver, 'Create');
    const label = offered.find(([v]) => v === wanted)[1].split(' ')[0];
    await waitForTitle(driver, 'Borealis Energy');
    await screenshot(driver, '16-new-account-created');
    await waitForTitle(driver, label);
  });
});
