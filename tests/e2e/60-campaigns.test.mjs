// Campaigns and My actions, end to end: the sample plan is loaded headless before the app
// starts; a second account is created in the UI; a sample campaign is aimed at it too and
// shows on both accounts' timelines; a refused save keeps the input and says why at the field;
// My actions for "Maria Keller" groups her actions by due date and shows every campaign.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Key } from 'selenium-webdriver';
import { APP_BIN, By, clickButton, quit, retryStale, screenshot, startApp, tempDataDir, until, waitFor, waitForText } from './harness.mjs';

const SECOND = 'Borealis <b>Energy</b>';
const CAMPAIGN = 'Next-day e-commerce round table';


/** The control whose <label> reads `label` (inside `scope`, a CSS selector). */
async function byLabel(driver, label, scope = 'body') {
  const id = await driver.executeScript(
    `const root = document.querySelector(arguments[1]);
     const l = root && [...root.querySelectorAll('label')].find((x) => x.textContent.trim() === arguments[0]);
     return l ? l.htmlFor : null;`,
    label,
    scope,
  );
  assert.ok(id, `no control labelled "${label}" in ${scope}`);
  return driver.findElement(By.id(id));
}

/** Sets a control's value the way a change by the user would (date inputs, selects). */
async function setValue(driver, el, value) {
  await driver.executeScript(
    `arguments[0].value = arguments[1];
     arguments[0].dispatchEvent(new Event('input', { bubbles: true }));
     arguments[0].dispatchEvent(new Event('change', { bubbles: true }));`,
    el,
    value,
  );
}

/** Chooses the option whose text is `text` in a select. */
async function chooseText(driver, el, text) {
  const ok = await driver.executeScript(
    `const o = [...arguments[0].options].find((x) => x.textContent === arguments[1]);
     if (!o) return false;
     arguments[0].value = o.value;
     arguments[0].dispatchEvent(new Event('change', { bubbles: true }));
     return true;`,
    el,
    text,
  );
  assert.ok(ok, `no option "${text}"`);
}

const texts = (driver, css) => driver.executeScript(`return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent)`, css);

function planIdOf(url) {
  const m = /#\/plan\/([^/]+)\//.exec(url);
  assert.ok(m, `not a plan url: ${url}`);
  return decodeURIComponent(m[1]);
}

describe('campaigns and my actions', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let samplePlan = '';
  let secondPlan = '';

  before(async () => {
    const dataDir = tempDataDir();
    execFileSync(APP_BIN, ['--data-dir', dataDir, 'sample'], { stdio: 'pipe' });
    driver = await startApp({ dataDir });
    await waitFor(driver, '.portfolio-table tbody tr.row');
  });

  after(async () => {
    await quit(driver);
  });

  it('creates a second account in the portfolio', async () => {
    await clickButton(driver, 'New account');
    await retryStale(async () => (await byLabel(driver, 'Account name')).sendKeys(SECOND, Key.ENTER));
    await waitForText(driver, '.page-header h1', 'Overview');
    secondPlan = planIdOf(await driver.getCurrentUrl());
    await driver.findElement(By.css('.nav-portfolio')).click();
    await waitFor(driver, '.portfolio-table tbody tr.row');
    const link = await driver.findElement(By.xpath('//table[contains(@class,"portfolio-table")]//th//a[contains(., "Nordwind")]'));
    await link.click();
    await waitForText(driver, '.page-header h1', 'Overview');
    samplePlan = planIdOf(await driver.getCurrentUrl());
    assert.notEqual(samplePlan, secondPlan);
  });

  it('shows the sample campaigns as a list and a timeline with today and budget totals', async () => {
    await driver.get((await driver.getCurrentUrl()).replace(/\/overview$/, '/campaigns'));
    await waitForText(driver, '.page-header h1', 'Campaigns');
    await waitFor(driver, '.cmp-row');
    const names = await texts(driver, '.cmp-row .cmp-name');
    assert.equal(names.length, 3);
    assert.ok(names.includes(CAMPAIGN));
    assert.equal((await texts(driver, '.cmp-tl-bar')).length, 3);
    const today = await texts(driver, '.cmp-tl-today-label');
    assert.match(today[0], /^Today, /);
    const budget = await texts(driver, '.cmp-budget-list li');
    assert.match(budget[0], /88,000/);
    await screenshot(driver, '60-campaigns-sample');
  });

  it('keeps the input and shows the message at the field when the core refuses a save', async () => {
    await driver.findElement(By.css(`button[aria-label="Edit ${CAMPAIGN}"]`)).click();
    await waitFor(driver, 'form.cmp-editor');
    const starts = await byLabel(driver, 'Starts on', 'form.cmp-editor');
    const ends = await byLabel(driver, 'Ends on', 'form.cmp-editor');
    const start = await starts.getAttribute('value');
    const before = new Date(Date.parse(start) - 86_400_000 * 3).toISOString().slice(0, 10);
    await setValue(driver, ends, before);
    await clickButton(driver, 'Save campaign');
    const error = await waitFor(driver, '.cmp-field-ends_on .field-error');
    await driver.wait(async () => (await error.getText()).trim().length > 0, 10000, 'no message under Ends on');
    assert.match(await error.getText(), /ends before it starts/i);
    assert.equal(await driver.executeScript('return arguments[0].value', ends), before);
    await screenshot(driver, '60-campaigns-error-at-field');
    await clickButton(driver, 'Cancel');
    await driver.wait(async () => (await driver.findElements(By.css('form.cmp-editor'))).length === 0, 5000);
  });

  it('aims a sample campaign at the second account too', async () => {
    await driver.findElement(By.css(`button[aria-label="Edit ${CAMPAIGN}"]`)).click();
    await waitFor(driver, 'form.cmp-editor');
    const picker = await byLabel(driver, 'Also aim at\u2026', 'form.cmp-editor');
    await driver.wait(async () => (await picker.getText()).includes('Borealis'), 10000, 'the account picker never listed the second account');
    await chooseText(driver, picker, SECOND);
    await clickButton(driver, 'Add', await driver.findElement(By.css('form.cmp-editor')));
    await waitForText(driver, '.cmp-other-accounts', SECOND);
    await screenshot(driver, '60-campaigns-editor');
    await clickButton(driver, 'Save campaign');
    await driver.wait(async () => (await driver.findElements(By.css('form.cmp-editor'))).length === 0, 10000, 'the editor did not close');
    await driver.wait(
      async () => (await texts(driver, '.cmp-also')).some((t) => t.includes(SECOND)),
      10000,
      'the list never said the campaign is also aimed at the second account',
    );
    const labels = await texts(driver, '.cmp-tl-label');
    assert.ok(labels.some((l) => l.startsWith(CAMPAIGN) && l.includes(`also ${SECOND}`)), labels.join(' | '));
    assert.equal((await driver.findElements(By.css('.content b'))).length, 0);
    await screenshot(driver, '60-campaigns-attached');
  });

  it('shows the campaign on the second account\u2019s timeline', async () => {
    await driver.get((await driver.getCurrentUrl()).replace(/#.*$/, `#/plan/${encodeURIComponent(secondPlan)}/campaigns`));
    await waitFor(driver, '.cmp-row');
    assert.deepEqual(await texts(driver, '.cmp-row .cmp-name'), [CAMPAIGN]);
    const labels = await texts(driver, '.cmp-tl-label');
    assert.equal(labels.length, 1);
    assert.ok(labels[0].includes('Nordwind Logistics Group'), labels[0]);
    await screenshot(driver, '60-campaigns-second-account');
  });

  it('opens My actions for Maria Keller: buckets in order, links to the OSAs, every campaign', async () => {
    await driver.findElement(By.css('.nav-my-actions')).click();
    await waitForText(driver, '.my-actions h1', 'My actions');
    const select = await byLabel(driver, 'Team member', '.my-actions');
    await driver.wait(async () => (await select.getText()).includes('Maria Keller'), 10000);
    await chooseText(driver, select, 'Maria Keller');
    await waitFor(driver, '.ma-group');
    const headings = await texts(driver, '.ma-group h2 .ma-group-label');
    assert.deepEqual(headings, ['Overdue', 'This week', 'Next 14 days', 'Later', 'No date']);
    await waitForText(driver, '.ma-summary', 'Maria Keller has');
    const links = await driver.executeScript(`return [...document.querySelectorAll('.ma-link a')].map((a) => a.getAttribute('href'))`);
    assert.ok(links.length > 0);
    for (const href of links) assert.equal(href, `#/plan/${samplePlan}/osas`);
    const exportButtons = await driver.findElements(By.css('.ma-export-button'));
    assert.equal(exportButtons.length, 1);
    await waitFor(driver, '.cmp-tl-bar');
    assert.equal((await texts(driver, '.cmp-tl-bar')).length, 3);
    await screenshot(driver, '60-my-actions');
    await driver.executeScript(`document.querySelector('.ma-timeline-slot').scrollIntoView()`);
    await screenshot(driver, '60-my-actions-timeline');
    // The choice is remembered.
    await driver.findElement(By.css('.nav-portfolio')).click();
    await waitFor(driver, '.portfolio-table tbody tr.row');
    await driver.findElement(By.css('.nav-my-actions')).click();
    await waitFor(driver, '.ma-group');
    assert.equal(await driver.executeScript('return document.querySelector(".ma-member").value'), 'Maria Keller');
    // A link leads to the plan's OSAs.
    await driver.findElement(By.css('.ma-link a')).click();
    await driver.wait(until.urlContains('/osas'), 10000);
    await waitForText(driver, '.page-header h1', 'OSAs');
  });
});
