// Portfolio and account overview, end to end: create an account, edit its overview, restart
// the app on the same data and find the values; markup in names stays text; the sample plan;
// delete with undo.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';
import { By, clickButton, quit, screenshot, startApp, tempDataDir, until, waitFor, waitForText } from './harness.mjs';

const EVIL = '<img src=x onerror="window.__pwned=1"> Acme <script>window.__pwned=2</script>';

/** The input whose <label> reads `label`. */
async function byLabel(driver, label) {
  const id = await driver.executeScript(
    `const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === arguments[0]);
     return l ? l.htmlFor : null;`,
    label,
  );
  assert.ok(id, `no control labelled "${label}"`);
  return driver.findElement(By.id(id));
}

/** Replaces a control's text like a user and leaves the field (the change saves it). */
async function typeInto(driver, label, text) {
  const el = await byLabel(driver, label);
  await el.clear();
  if (text) await el.sendKeys(text);
  await driver.executeScript('arguments[0].blur(); arguments[0].dispatchEvent(new Event("change"));', el);
  return el;
}

async function choose(driver, label, value) {
  const el = await byLabel(driver, label);
  await driver.executeScript(
    'arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event("change", { bubbles: true }));',
    el,
    value,
  );
}

/** A control's current value (its DOM property, not the markup attribute). */
async function valueOf(driver, label) {
  return driver.executeScript('return arguments[0].value', await byLabel(driver, label));
}

async function textOf(driver, el) {
  return driver.executeScript('return arguments[0].textContent', el);
}

async function waitSaved(driver) {
  await driver.wait(
    async () => {
      const t = await driver.findElement(By.css('.save-status')).getText();
      return /^Saved/.test(t.trim()) || /^Not saved/.test(t.trim());
    },
    15000,
    'the save state never settled',
  );
  return (await driver.findElement(By.css('.save-status')).getText()).trim();
}


describe('portfolio and overview', () => {
  const dataDir = tempDataDir();
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;

  after(async () => {
    await quit(driver);
  });

  it('welcomes a first start and creates an account with markup in its name', async () => {
    driver = await startApp({ dataDir });
    await waitForText(driver, '.welcome h1', 'Welcome');
    await screenshot(driver, '10-first-start');
    await clickButton(driver, 'Create an account');
    const name = await byLabel(driver, 'Account name');
    await name.sendKeys(EVIL, Key.ENTER);
    await waitForText(driver, '.page-header h1', 'Overview');
    assert.match(await driver.getCurrentUrl(), /#\/plan\/[^/]+\/overview$/);
    assert.equal(await valueOf(driver, 'Account name'), EVIL);
    assert.equal(await textOf(driver, await driver.findElement(By.css('.sidebar-account'))), EVIL);
    assert.equal(await driver.executeScript('return window.__pwned ?? null'), null);
    assert.equal((await driver.findElements(By.css('img[src="x"]'))).length, 0);
  });

  it('saves overview fields as they are edited', async () => {
    await typeInto(driver, 'Industry', 'Manufacturing');
    assert.match(await waitSaved(driver), /^Saved/);
    await typeInto(driver, 'Region', 'DACH');
    await typeInto(driver, 'Annual revenue', '1,250,000.50');
    await typeInto(driver, 'Employees', '4200');
    await choose(driver, 'Fiscal year ends in', '6');
    await choose(driver, 'Life stage', 'loyal_customer');
    await choose(driver, 'Growth trend', 'growing');
    await typeInto(driver, 'Success metric', 'Days to close the books');
    assert.match(await waitSaved(driver), /^Saved/);

    // a team member, then an interaction with them
    const member = await byLabel(driver, 'New member’s name');
    await member.sendKeys('Dana <b>Bold</b>', Key.ENTER);
    await driver.wait(until.elementLocated(By.css('.item-team')), 10000);
    const summary = await byLabel(driver, 'Summary');
    await summary.sendKeys('Kick-off with the CFO', Key.ENTER);
    await driver.wait(until.elementLocated(By.css('.item-interactions')), 10000);
    assert.match(await waitSaved(driver), /^Saved/);
    await screenshot(driver, '10-overview-edited');
  });

  it('shows the back end’s message under a refused field and keeps the text', async () => {
    const name = await typeInto(driver, 'Account name', '');
    const field = await name.findElement(By.xpath('ancestor::div[contains(@class,"field")][1]'));
    const error = await field.findElement(By.css('.field-error'));
    await driver.wait(async () => (await textOf(driver, error)).trim().length > 0, 10000, 'no message under the name');
    assert.equal(await driver.executeScript('return arguments[0].value', name), '');
    assert.equal(await name.getAttribute('aria-invalid'), 'true');
    const status = await textOf(driver, await driver.findElement(By.css('.save-status')));
    assert.match(status, /^Not saved: /);
    await screenshot(driver, '10-overview-error');
    // a malformed currency code is refused before it is sent, and the text stays
    const currency = await typeInto(driver, 'Currency', 'EU');
    const curError = await currency.findElement(By.xpath('ancestor::div[contains(@class,"field")][1]//div[contains(@class,"field-error")]'));
    await driver.wait(async () => (await textOf(driver, curError)).trim().length > 0, 10000);
    assert.equal(await driver.executeScript('return arguments[0].value', currency), 'EU');
    await typeInto(driver, 'Currency', 'EUR');
    await typeInto(driver, 'Account name', EVIL);
    assert.match(await waitSaved(driver), /^Saved/);
  });

  it('finds the values again after a restart', async () => {
    await quit(driver);
    driver = await startApp({ dataDir });
    await waitFor(driver, '.portfolio-table tbody tr.row');
    const rowName = await textOf(driver, await driver.findElement(By.css('.portfolio-table tbody th.name')));
    assert.equal(rowName, EVIL);
    assert.equal((await driver.findElements(By.css('img[src="x"]'))).length, 0);
    await screenshot(driver, '10-portfolio-after-restart');
    await driver.findElement(By.css('.portfolio-table tbody th.name a')).click();
    await waitForText(driver, '.page-header h1', 'Overview');
    assert.equal(await valueOf(driver, 'Industry'), 'Manufacturing');
    assert.equal(await valueOf(driver, 'Region'), 'DACH');
    assert.equal(await valueOf(driver, 'Annual revenue'), '1,250,000.50');
    assert.equal(await valueOf(driver, 'Employees'), '4200');
    assert.equal(await valueOf(driver, 'Fiscal year ends in'), '6');
    assert.equal(await valueOf(driver, 'Life stage'), 'loyal_customer');
    assert.equal(await valueOf(driver, 'Success metric'), 'Days to close the books');
    const teamName = await driver.executeScript('return arguments[0].value', await driver.findElement(By.css('.item-team input[type=text]')));
    assert.equal(teamName, 'Dana <b>Bold</b>');
    assert.equal((await driver.findElements(By.css('.overview b'))).length, 0);
  });

  it('deletes an account and brings it back with Undo', async () => {
    await driver.findElement(By.css('.nav-portfolio')).click();
    await waitFor(driver, '.portfolio-table tbody tr.row');
    await driver.findElement(By.css('.portfolio-table td.actions button')).click();
    const confirm = await waitFor(driver, '.confirm-text');
    assert.equal(await textOf(driver, confirm), `Delete ${EVIL} and all its plans?`);
    await screenshot(driver, '10-delete-confirm');
    await driver.findElement(By.css('.confirm button.danger')).click();
    const toast = await waitForText(driver, '.toast', 'Deleted');
    await waitFor(driver, '.welcome');
    await screenshot(driver, '10-deleted-toast');
    await clickButton(driver, 'Undo', toast);
    await waitFor(driver, '.portfolio-table tbody tr.row');
    assert.equal(await textOf(driver, await driver.findElement(By.css('.portfolio-table tbody th.name'))), EVIL);
  });

  it('loads the sample plan from the first-start panel', async () => {
    await quit(driver);
    driver = await startApp({ dataDir: tempDataDir() });
    await waitFor(driver, '.welcome');
    await clickButton(driver, 'Load the sample plan');
    await waitForText(driver, '.page-header h1', 'Overview');
    await screenshot(driver, '10-sample-overview');
    await driver.findElement(By.css('.nav-portfolio')).click();
    await waitFor(driver, '.portfolio-table tbody tr.row');
    await screenshot(driver, '10-sample-portfolio');
    // search filters as you type
    const search = await driver.findElement(By.css('input[type=search]'));
    await search.sendKeys('zzzz-no-such-account');
    await waitForText(driver, '.count-line', '0 of');
    await search.clear();
    await search.sendKeys(' ');
    const sortButton = await driver.findElement(By.xpath('//th//button[starts-with(normalize-space(.), "Total wallet")]'));
    await sortButton.click();
    const th = await sortButton.findElement(By.xpath('..'));
    assert.equal(await th.getAttribute('aria-sort'), 'ascending');
  });
});
