// Plan health: load the sample plan (CLI, headless), see the portfolio's Health column and
// filter, open the account's "Completeness and health" screen with its fix-first list, follow a
// fix link to the OSAs, mark the overdue actions done, and see the health improve (fewer risks,
// no overdue action among them) on the screen and in the portfolio.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { APP_BIN, By, quit, retryStale, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';

const cli = (dir, ...args) => execFileSync(APP_BIN, ['--data-dir', dir, ...args], { encoding: 'utf8' });

/** What the health card says: status word, headline, fix-first lines and every risk's kind. */
function healthCard(driver) {
  return driver.executeScript(`
    const card = document.querySelector('.health-card');
    if (!card) return null;
    return {
      status: card.querySelector('.health-word')?.textContent,
      icon: card.querySelector('.health-icon')?.textContent,
      headline: card.querySelector('.health-headline')?.textContent,
      fixFirst: [...card.querySelectorAll('.fix-first li')].map((li) => ({
        severity: li.querySelector('.severity').textContent,
        message: li.querySelector('.risk-message').textContent,
        href: li.querySelector('a').getAttribute('href'),
      })),
      kinds: [...card.querySelectorAll('.risk-item')].map((li) => li.dataset.kind),
      completeness: document.querySelector('#cmp-score')?.textContent,
    };`);
}

/** The portfolio's Health cell of the first row and the names shown. */
function portfolioState(driver) {
  return driver.executeScript(`
    const headers = [...document.querySelectorAll('.portfolio-table thead th')].map((th) => th.textContent.trim());
    const rows = [...document.querySelectorAll('.portfolio-table tbody tr.row')];
    return {
      headers,
      names: rows.map((tr) => tr.querySelector('th.name').textContent),
      health: rows.map((tr) => tr.querySelector('[data-health]')?.textContent ?? tr.textContent),
      count: document.querySelector('.count-line')?.textContent,
    };`);
}

async function chooseHealthFilter(driver, value) {
  await retryStale(async () => {
    const select = await driver.findElement(By.css('select[name=health-filter]'));
    await select.findElement(By.css(`option[value="${value}"]`)).click();
  });
}

describe('plan health', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let planId;
  let risksBefore;

  before(async () => {
    const dir = tempDataDir();
    cli(dir, 'sample');
    cli(dir, 'sample'); // a second account, to filter between
    const rows = JSON.parse(cli(dir, 'list', '--json'));
    planId = rows[0].current_plan_id;
    assert.equal(rows[0].health_status, 'critical', 'the sample is complete but critical');
    risksBefore = rows[0].risk_count;
    assert.ok(risksBefore > 0);
    driver = await startApp({ dataDir: dir });
    await waitFor(driver, '.portfolio-table tbody tr.row');
  });

  after(async () => {
    await quit(driver);
  });

  it('shows a Health column in words and filters the portfolio by health', async () => {
    const state = await portfolioState(driver);
    assert.ok(state.headers.some((h) => h.startsWith('Health')), `headers: ${state.headers}`);
    assert.equal(state.names.length, 2);
    for (const cell of state.health) assert.match(cell, new RegExp(`Critical${risksBefore}$`));
    await screenshot(driver, '13-health-portfolio');

    await chooseHealthFilter(driver, 'healthy');
    await waitForText(driver, '.count-line', '0 of 2 accounts');
    await waitForText(driver, '.portfolio .empty-state', 'No account with health \u201cHealthy\u201d.');
    await chooseHealthFilter(driver, 'critical');
    await waitForText(driver, '.count-line', '2 of 2 accounts');
    await screenshot(driver, '13-health-portfolio-critical');
    await chooseHealthFilter(driver, 'all');
    await waitForText(driver, '.count-line', '2 accounts');
  });

  it('shows the account’s health, completeness said with the risks, and the fix-first list', async () => {
    await driver.executeScript('location.hash = arguments[0]', `#/plan/${planId}/completeness`);
    await waitFor(driver, '.health-card .fix-first li');
    const card = await healthCard(driver);
    assert.equal(card.status, 'Critical');
    assert.equal(card.icon, '\u2716');
    assert.match(card.headline, new RegExp(`^100% complete, ${risksBefore} risks to fix \\(\\d+ critical\\)$`));
    assert.equal(card.completeness, `Completeness: ${card.headline}`);
    assert.equal(card.fixFirst.length, 3);
    assert.equal(card.fixFirst[0].severity, 'Critical');
    assert.equal(card.kinds.length, risksBefore);
    assert.ok(card.kinds.includes('overdue_action'), `the sample has overdue actions: ${card.kinds}`);
    assert.ok(card.fixFirst.every((r) => r.href.startsWith(`#/plan/${planId}/`)));
    await screenshot(driver, '13-health-account');
  });

  it('marks the overdue actions done in the OSAs and sees the health improve', async () => {
    const overdueBefore = (await healthCard(driver)).kinds.filter((k) => k === 'overdue_action').length;
    await driver.executeScript('location.hash = arguments[0]', `#/plan/${planId}/osas`);
    await waitFor(driver, '.osa-outline');
    for (let i = 0; i < overdueBefore; i++) {
      // Each save re-renders the outline: find the next overdue action's checkbox afresh.
      await retryStale(async () => {
        const box = await driver.findElement(By.css('.osa-is-overdue input.osa-done'));
        await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', box);
        await box.click();
      });
      await driver.wait(
        async () =>
          (await driver.executeScript('return document.querySelectorAll(".osa-is-overdue").length')) ===
          overdueBefore - i - 1,
        15000,
        'the overdue action stayed overdue after being marked done',
      );
    }
    await screenshot(driver, '13-health-osas-done');

    await driver.executeScript('location.hash = arguments[0]', `#/plan/${planId}/completeness`);
    await waitFor(driver, '.health-card');
    const card = await healthCard(driver);
    assert.ok(!card.kinds.includes('overdue_action'), `no overdue action left: ${card.kinds}`);
    assert.equal(card.kinds.length, risksBefore - overdueBefore);
    assert.match(card.headline, new RegExp(`^100% complete, ${risksBefore - overdueBefore} risks? to fix`));
    await screenshot(driver, '13-health-account-improved');

    // The portfolio's stored summary follows the edit.
    await driver.executeScript('location.hash = "#/"');
    await waitFor(driver, '.portfolio-table tbody tr.row');
    await driver.wait(
      async () => (await portfolioState(driver)).health.some((h) => h.endsWith(String(risksBefore - overdueBefore))),
      15000,
      'the portfolio never showed the lower risk count',
    );
    await screenshot(driver, '13-health-portfolio-after');
  });
});
