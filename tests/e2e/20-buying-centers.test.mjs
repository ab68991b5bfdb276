// Buying centers and opportunities, end to end: add a buying center, edit its wallet, revenue
// and goal and see the core's share and gap; restart on the same data and find them; a
// negative wallet gets the back end's message at the field; an opportunity moves the
// weighted pipeline. (WebKitWebDriver does not turn "\n" into the Enter key: \uE007 is Enter.)
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { By, clickButton, quit, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';


/** Opens a plan area from the sidebar (e.g. "buying-centers"). */
async function openArea(driver, area, title) {
  const link = await waitFor(driver, `.area-nav a[href$="/${area}"]`);
  await link.click();
  await waitForText(driver, '.page-header h1', title);
}

/** The control whose aria-label is exactly `label` (labels may hold quotes, so no CSS). */
async function byAria(driver, label, timeoutMs = 15000) {
  return driver.wait(
    async () => {
      const el = await driver.executeScript(
        'return [...document.querySelectorAll("[aria-label]")].find((e) => e.getAttribute("aria-label") === arguments[0]) || null;',
        label,
      );
      return el || false;
    },
    timeoutMs,
    `no control labelled "${label}"`,
  );
}

/** Focuses a cell (its text selected, as on entering a spreadsheet cell) and types `keys`. */
async function typeInCell(driver, label, ...keys) {
  const el = await byAria(driver, label);
  await driver.executeScript('arguments[0].focus(); arguments[0].select();', el);
  await el.sendKeys(...keys);
  return el;
}

/** Text of a calculated cell of a buying center's row. */
async function figure(driver, name, col) {
  return driver.executeScript(
    `const g = [...document.querySelectorAll('tbody.bc-group')].find((t) =>
       t.querySelector('input[aria-label^="Name of buying center"]')?.value === arguments[0]);
     return g ? g.querySelector('td[data-col="' + arguments[1] + '"]').textContent : null;`,
    name,
    col,
  );
}

async function waitFigure(driver, name, col, pattern) {
  let last = null;
  await driver.wait(
    async () => {
      last = await figure(driver, name, col);
      return last !== null && pattern.test(last);
    },
    15000,
    `${col} of ${name} never matched ${pattern}`,
  ).catch((err) => {
    throw new Error(`${err.message} (last: ${JSON.stringify(last)})`);
  });
  return last;
}

async function waitSaved(driver) {
  await driver.wait(
    async () => {
      const el = await driver.findElements(By.css('.save-status'));
      if (!el.length) return true;
      const t = (await el[0].getText()).trim();
      return /^Saved/.test(t) || /^Not saved/.test(t);
    },
    15000,
    'the save state never settled',
  );
}

describe('buying centers and opportunities', () => {
  const dataDir = tempDataDir();
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let bcUrl = '';

  after(async () => {
    await quit(driver);
  });

  it('adds a buying center and shows the share and gap the core computes', async () => {
    driver = await startApp({ dataDir });
    await waitForText(driver, '.welcome h1', 'Welcome');
    await clickButton(driver, 'Create an account');
    const id = await driver.executeScript(
      `const l = [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === 'Account name');
       return l ? l.htmlFor : null;`,
    );
    await driver.findElement(By.id(id)).sendKeys('Initech');
    await clickButton(driver, 'Create');
    await waitForText(driver, '.page-header h1', 'Overview');
    await openArea(driver, 'buying-centers', 'Buying centers');
    await waitFor(driver, '.bc-table');
    await screenshot(driver, '20-bc-empty');

    await typeInCell(driver, 'Name of a new buying center (Enter adds it)', 'Finance', '\uE007');
    await byAria(driver, 'Total wallet of Finance');
    // The add field is empty again and keeps the focus, ready for the next one.
    const add = await byAria(driver, 'Name of a new buying center (Enter adds it)');
    assert.equal(await add.getAttribute('value'), '');

    await typeInCell(driver, 'Total wallet of Finance', '1,000,000', '\uE004'); // Tab saves and moves on
    await waitFigure(driver, 'Finance', 'headroom', /1,000,000/);
    await typeInCell(driver, 'Our revenue of Finance', '250000', '\uE007');
    await waitFigure(driver, 'Finance', 'wallet_share', /^25\s?%$/);
    await typeInCell(driver, 'Sales goal of Finance', '400,000', '\uE007');
    await waitFigure(driver, 'Finance', 'gap_to_goal', /150,000/);
    assert.match(await figure(driver, 'Finance', 'headroom'), /750,000/);
    await waitSaved(driver);
    bcUrl = await driver.getCurrentUrl();
    await screenshot(driver, '20-bc-edited');
  });

  it('finds the values again after a restart on the same data', async () => {
    await quit(driver);
    driver = await startApp({ dataDir });
    await waitFor(driver, 'h1');
    await driver.get(bcUrl);
    await waitForText(driver, '.page-header h1', 'Buying centers');
    const wallet = await byAria(driver, 'Total wallet of Finance');
    assert.match(await wallet.getAttribute('value'), /1,000,000/);
    assert.match(await (await byAria(driver, 'Our revenue of Finance')).getAttribute('value'), /250,000/);
    assert.match(await figure(driver, 'Finance', 'wallet_share'), /^25\s?%$/);
    assert.match(await figure(driver, 'Finance', 'gap_to_goal'), /150,000/);
    await screenshot(driver, '20-bc-after-restart');
  });

  it('shows the back end\u2019s message at a negative wallet and keeps what was typed', async () => {
    const wallet = await typeInCell(driver, 'Total wallet of Finance', '-5', '\uE007');
    const message = await driver.wait(
      async () => {
        const text = await driver.executeScript(
          'return arguments[0].closest("td").querySelector(".field-error:not([hidden])")?.textContent ?? "";',
          wallet,
        );
        return text || false;
      },
      15000,
      'no message at the wallet',
    );
    assert.match(message, /cannot be negative/);
    assert.equal(await wallet.getAttribute('value'), '-5');
    assert.equal(await wallet.getAttribute('aria-invalid'), 'true');
    await screenshot(driver, '20-bc-negative-wallet');
    // Escape puts the saved value back; nothing was saved.
    await wallet.sendKeys('\uE00C');
    assert.match(await wallet.getAttribute('value'), /1,000,000/);
    assert.match(await figure(driver, 'Finance', 'wallet_share'), /^25\s?%$/);
  });

  it('adds an opportunity and sees the forecast count it once it closes in the period', async () => {
    await openArea(driver, 'opportunities', 'Opportunities');
    const name = await waitFor(driver, '#opp-new-name');
    const bc = await driver.findElement(By.css('#opp-new-bc'));
    await driver.executeScript(
      'const s = arguments[0]; s.value = [...s.options].find((o) => o.textContent === "Finance").value; s.dispatchEvent(new Event("change"));',
      bc,
    );
    await name.sendKeys('Ledger migration', '\uE007');
    await typeInCell(driver, 'Amount of Ledger migration', '100,000', '\uE007');
    // Defaults: 10% probability, so 10,000 weighted.
    await driver.wait(
      async () => /10,000/.test(await driver.findElement(By.css('[data-figure="weighted_pipeline"] strong')).getText()),
      15000,
      'the weighted pipeline did not change',
    );
    assert.match(await driver.findElement(By.css('[data-figure="open_pipeline"] strong')).getText(), /100,000/);

    // No close date yet: the deal is pipeline, but not in the forecast for the period.
    await openArea(driver, 'buying-centers', 'Buying centers');
    await waitFor(driver, '.bc-forecast-panel');
    assert.match(await figure(driver, 'Finance', 'gap_to_goal'), /150,000/);
    assert.match(await driver.findElement(By.css('.bc-forecast-panel')).getText(), /without a close date/);

    // A close date inside the plan period (today is in the current fiscal year) counts it.
    await openArea(driver, 'opportunities', 'Opportunities');
    const close = await byAria(driver, 'Close date of Ledger migration');
    const today = new Date();
    const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
    await driver.executeScript(
      'const i = arguments[0]; i.focus(); i.value = arguments[1]; i.dispatchEvent(new Event("input", { bubbles: true })); i.dispatchEvent(new Event("change", { bubbles: true }));',
      close,
      iso,
    );
    await close.sendKeys('\uE007');
    await screenshot(driver, '20-opportunity-added');

    await openArea(driver, 'buying-centers', 'Buying centers');
    await waitFigure(driver, 'Finance', 'forecast', /260,000/);
    assert.match(await figure(driver, 'Finance', 'gap_to_goal'), /140,000/);
    const panel = await driver.findElement(By.css('.bc-forecast-panel'));
    assert.match(await panel.getText(), /Weighted pipeline closing in the period\s*€?10,000/);
    const chart = await waitFor(driver, '.goal-chart');
    await driver.executeScript('arguments[0].scrollIntoView()', chart);
    assert.match(await chart.getText(), /Gap 140K/);
    await screenshot(driver, '20-bc-charts');
  });
});
