// OSAs: build an objective with a strategy and two actions from the keyboard, mark one done,
// and see the core's progress follow (1 of 2).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';
import { By, clickButton, quit, retryStale, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';


/** Types into whatever has focus (the outline moves focus itself). */
async function typeHere(driver, ...keys) {
  await retryStale(() => driver.switchTo().activeElement().sendKeys(...keys));
}

/** The progress text of the objective whose title is `title`, or null while it is not saved. */
function progressOf(driver, title) {
  return driver.executeScript(
    `for (const item of document.querySelectorAll('.osa-item.osa-objective')) {
       const t = item.querySelector('.osa-title');
       if (t && t.value === arguments[0]) {
         const p = item.querySelector('.osa-progress-text');
         return p ? p.textContent : null;
       }
     }
     return null;`,
    title,
  );
}

async function waitProgress(driver, title, text) {
  await driver.wait(
    async () => (await progressOf(driver, title)) === text,
    15000,
    `progress of "${title}" never read "${text}" (last: ${await progressOf(driver, title)})`,
  );
}

describe('OSAs', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;

  before(async () => {
    driver = await startApp({ dataDir: tempDataDir() });
    await waitFor(driver, '.welcome');
    await clickButton(driver, 'Load the sample plan');
    await waitForText(driver, '.page-header h1', 'Overview');
    const url = await driver.getCurrentUrl();
    await driver.get(url.replace(/\/overview$/, '/osas'));
    await waitFor(driver, '.osa-outline');
  });

  after(async () => {
    await quit(driver);
  });

  it('shows the sample OSAs with progress, overdue labels and the key hints', async () => {
    const hints = await driver.findElement(By.css('#osa-hints')).getText();
    for (const k of ['Enter', 'Tab', 'Shift+Tab', 'Ctrl+Enter', 'Delete', 'F2']) assert.ok(hints.includes(k), `hint for ${k}`);
    const progress = await driver.executeScript(
      'return [...document.querySelectorAll(".osa-progress-text")].map((p) => p.textContent)',
    );
    assert.ok(progress.length > 0, 'objectives show progress');
    for (const p of progress) assert.match(p, /^(\d+ of \d+ actions done|No actions yet)$/);
    await screenshot(driver, '50-osas-sample');
  });

  it('builds an objective, a strategy and two actions from the keyboard; done moves progress to 1 of 2', async () => {
    await clickButton(driver, 'Add objective');
    await waitFor(driver, '.osa-draft input.osa-title');
    await typeHere(driver, 'Win the Hamburg hub', Key.ENTER);
    await typeHere(driver, Key.TAB, 'Pilot with the hub manager', Key.ENTER);
    await typeHere(driver, Key.TAB, 'Book the site visit', Key.ENTER);
    await typeHere(driver, 'Send the pilot offer', Key.ENTER);
    await waitProgress(driver, 'Win the Hamburg hub', '0 of 2 actions done');
    await screenshot(driver, '50-osas-typed');
    await typeHere(driver, Key.ESCAPE); // the empty new row goes away

    const levels = await driver.executeScript(
      `const items = [...document.querySelectorAll('.osa-item')];
       const i = items.findIndex((x) => x.querySelector('.osa-title')?.value === 'Win the Hamburg hub');
       return items.slice(i, i + 4).map((x) => x.getAttribute('aria-level') + ' ' + x.querySelector('.osa-title').value);`,
    );
    assert.deepEqual(levels, [
      '1 Win the Hamburg hub',
      '2 Pilot with the hub manager',
      '3 Book the site visit',
      '3 Send the pilot offer',
    ]);

    // Mark the first action done from the keyboard.
    const first = await driver.executeScript(
      `return [...document.querySelectorAll('.osa-action .osa-title')].find((t) => t.value === 'Book the site visit');`,
    );
    await first.click();
    await typeHere(driver, Key.chord(Key.CONTROL, Key.ENTER));
    await waitProgress(driver, 'Win the Hamburg hub', '1 of 2 actions done');
    await screenshot(driver, '50-osas-one-done');
  });

  it('opens the details of an objective with F2 and shows the core message at the field', async () => {
    const title = await driver.executeScript(
      `return [...document.querySelectorAll('.osa-objective .osa-title')].find((t) => t.value === 'Win the Hamburg hub');`,
    );
    await title.click();
    await typeHere(driver, Key.F2);
    await waitFor(driver, '.osa-detail .osa-field-starts_on input');
    const set = (field, value) =>
      driver.executeScript(
        `const el = document.querySelector('.osa-detail .osa-field-' + arguments[0] + ' input');
         el.value = arguments[1];
         el.dispatchEvent(new Event('change', { bubbles: true }));`,
        field,
        value,
      );
    await set('starts_on', '2026-06-01');
    await driver.wait(
      async () =>
        driver.executeScript(
          `const row = [...document.querySelectorAll('.osa-item.osa-objective')].find((r) => r.querySelector('.osa-title').value === 'Win the Hamburg hub');
           return Boolean(row && row.querySelector('.osa-meta').textContent.includes('From'));`,
        ),
      15000,
      'the start date was not saved',
    );
    await set('due_on', '2026-01-15');
    const error = await waitFor(driver, '.osa-field-due_on .field-error');
    assert.match(await error.getText(), /before the objective's start/);
    const value = await driver.findElement(By.css('.osa-field-due_on input')).getAttribute('value');
    assert.equal(value, '2026-01-15', 'the typed value stays');
    await screenshot(driver, '50-osas-details-error');
  });

  it('filters by owner and status', async () => {
    const owner = await driver.findElement(By.css('#osa-filter-status'));
    await owner.sendKeys('Blocked');
    await driver.executeScript(
      `const el = document.querySelector('#osa-filter-status'); el.value = 'blocked'; el.dispatchEvent(new Event('change', { bubbles: true }));`,
    );
    await waitForText(driver, '.osa-filter-count', 'hidden by filters');
    const statuses = await driver.executeScript(
      `return [...document.querySelectorAll('.osa-action')].map((r) => r.className.match(/osa-status-(\\w+)/)[1]);`,
    );
    assert.ok(statuses.length > 0);
    for (const st of statuses) assert.equal(st, 'blocked');
    await screenshot(driver, '50-osas-filtered');
    await clickButton(driver, 'Clear filters');
    await driver.wait(async () => (await driver.findElements(By.css('.osa-filter-count'))).length === 0, 5000);
  });

  it('asks before deleting an objective with children and offers undo', async () => {
    const row = await driver.executeScript(
      `return [...document.querySelectorAll('.osa-item.osa-objective')].find((r) => r.querySelector('.osa-title').value === 'Win the Hamburg hub');`,
    );
    await row.click();
    await driver.executeScript('arguments[0].focus()', row);
    await typeHere(driver, Key.DELETE);
    const dialog = await waitFor(driver, '.osa-confirm');
    assert.match(await dialog.getText(), /Delete objective .Win the Hamburg hub. with 1 strategy and 2 actions\?/);
    await screenshot(driver, '50-osas-confirm-delete');
    await typeHere(driver, Key.ENTER); // the Delete button has focus
    const undo = await waitForText(driver, '.toast', 'Deleted objective');
    await screenshot(driver, '50-osas-deleted');
    await clickButton(driver, 'Undo', undo);
    await waitProgress(driver, 'Win the Hamburg hub', '1 of 2 actions done');
  });
});
