// White space: load the sample plan (CLI, headless), open the matrix, score a cell from the
// keyboard, see the heat map and the ranking change, turn a play into an opportunity and see
// the cell become In pipeline; the back end's message lands at the field in the detail panel.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { Key } from 'selenium-webdriver';
import { APP_BIN, By, quit, screenshot, startApp, tempDataDir, waitFor } from './harness.mjs';

const cli = (dir, ...args) => execFileSync(APP_BIN, ['--data-dir', dir, ...args], { encoding: 'utf8' });

/** The matrix cell's letter, score and classes, by position. */
function cellState(driver, r, c) {
  return driver.executeScript(
    `const td = document.querySelector('td.ws-cell[data-r="' + arguments[0] + '"][data-c="' + arguments[1] + '"]');
     if (!td) return null;
     return { letter: td.querySelector('.ws-letter').textContent, score: td.querySelector('.ws-score').textContent,
              cls: td.className, label: td.getAttribute('aria-label') };`,
    r,
    c,
  );
}

async function waitCell(driver, r, c, pred, what) {
  let last;
  await driver.wait(
    async () => {
      last = await cellState(driver, r, c);
      return last && pred(last);
    },
    15000,
    `cell ${r},${c} never showed ${what}`,
  ).catch((e) => {
    throw new Error(`${e.message}; last: ${JSON.stringify(last)}`);
  });
  return last;
}

const playIds = (driver) =>
  driver.executeScript('return [...document.querySelectorAll("tr.ws-play")].map((tr) => tr.dataset.cellId)');

const focusCell = (driver, r, c) =>
  driver.executeScript(
    `const td = document.querySelector('td.ws-cell[data-r="' + arguments[0] + '"][data-c="' + arguments[1] + '"]');
     td.scrollIntoView({ block: 'center', inline: 'center' }); td.focus(); return td;`,
    r,
    c,
  );

const typeHere = (driver, ...keys) => driver.switchTo().activeElement().sendKeys(...keys);

describe('white space', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let planId;

  before(async () => {
    const dir = tempDataDir();
    cli(dir, 'sample');
    const rows = JSON.parse(cli(dir, 'list', '--json'));
    planId = rows[0].current_plan_id;
    assert.ok(planId, 'the sample has a current plan');
    driver = await startApp({ dataDir: dir });
    await waitFor(driver, 'body');
    await driver.executeScript('location.hash = arguments[0]', `#/plan/${planId}/white-space`);
    await waitFor(driver, 'table.ws-matrix');
  });

  after(async () => {
    await quit(driver);
  });

  it('shows the sample matrix with letters, scores, the legend, the chart and the ranked plays', async () => {
    const info = await driver.executeScript(`return {
      rows: document.querySelectorAll('table.ws-matrix tbody tr').length,
      families: [...document.querySelectorAll('.ws-families th.ws-family')].map((t) => t.textContent),
      letters: [...new Set([...document.querySelectorAll('td.ws-cell .ws-letter')].map((s) => s.textContent))],
      plays: document.querySelectorAll('tr.ws-play').length,
      bubbles: document.querySelectorAll('svg.ws-chart g.ws-bubble').length,
      quadrants: [...document.querySelectorAll('svg.ws-chart .ws-quadrant-label')].map((t) => t.textContent),
      hint: document.querySelector('.ws-hint').textContent,
    }`);
    assert.ok(info.rows > 0, 'buying centers as rows');
    assert.ok(info.families.length > 0, 'family header row');
    assert.ok(info.letters.includes('I') && info.letters.includes('O'), `letters: ${info.letters}`);
    assert.ok(info.plays > 0, 'ranked plays');
    assert.equal(info.bubbles, info.plays, 'one bubble per play');
    assert.deepEqual(info.quadrants.sort(), ["Deprioritize", "Don't force-fit", 'Nurture', 'Pursue']);
    assert.match(info.hint, /Shift/);
    await screenshot(driver, '40-white-space-sample');
  });

  it('scores an unassessed cell from the keyboard; heat map and ranking follow', async () => {
    const target = await driver.executeScript(
      `const td = document.querySelector('td.ws-cell.st-none:not(.retired)');
       return td ? [Number(td.dataset.r), Number(td.dataset.c)] : null;`,
    );
    assert.ok(target, 'the sample leaves some cells unassessed');
    const [r, c] = target;
    const before = await playIds(driver);
    await focusCell(driver, r, c);
    await typeHere(driver, '5');
    await waitCell(driver, r, c, (s) => s.letter === 'O' && s.label.includes('value to us 5'), 'value to us 5');
    await typeHere(driver, Key.chord(Key.SHIFT, '5'));
    const scored = await waitCell(driver, r, c, (s) => s.score === '25', 'score 25');
    assert.match(scored.cls, /heat-5/);
    // Focus stayed on the cell through the re-render: arrows keep working.
    const focused = await driver.executeScript('const a = document.activeElement; return a && a.dataset ? [a.dataset.r, a.dataset.c] : null');
    assert.deepEqual(focused, [String(r), String(c)]);
    const after = await playIds(driver);
    assert.equal(after.length, before.length + 1, 'the scored cell joins the ranked plays');
    await screenshot(driver, '40-white-space-scored');

    // The new play ranks first (25 is the top score) only if nothing else scores 25 with more revenue;
    // either way it is in the table and in the chart.
    const cellId = after.find((id) => !before.includes(id));
    const bubble = await driver.findElements(By.css(`g.ws-bubble[data-cell-id="${cellId}"]`));
    assert.equal(bubble.length, 1);

    // 'm' swaps the digit mode; 2 now lowers the customer's value: score 10.
    await typeHere(driver, 'm', '2');
    await waitCell(driver, r, c, (s) => s.score === '10', 'score 10');
    await typeHere(driver, 'm');
    const ranked = await playIds(driver);
    assert.ok(ranked.indexOf(cellId) > 0, 'the play moved down the ranking');
  });

  it('creates an opportunity from a play and the cell turns In pipeline', async () => {
    const play = await driver.executeScript(
      `const tr = [...document.querySelectorAll('tr.ws-play')].find((t) => t.querySelector('.ws-play-action button'));
       tr.scrollIntoView({ block: 'center' });
       return tr.dataset.cellId;`,
    );
    assert.ok(play, 'a play offers "Create opportunity"');
    const btn = await driver.findElement(By.css(`tr.ws-play[data-cell-id="${play}"] .ws-play-action button`));
    await btn.click();
    // The view re-renders after the save, so read the notice afresh each time (no stale node).
    await driver.wait(
      async () =>
        /is now In pipeline/.test(
          await driver.executeScript("return document.querySelector('.ws-notice.banner')?.textContent || ''"),
        ),
      15000,
      'notice says In pipeline',
    );
    const status = await driver.executeScript(
      `const tr = document.querySelector('tr.ws-play[data-cell-id="' + arguments[0] + '"]');
       return tr.querySelector('.ws-status-badge').textContent;`,
      play,
    );
    assert.equal(status, 'In pipeline');
    const letters = await driver.executeScript(
      `return [...document.querySelectorAll('td.ws-cell')].filter((td) => td.querySelector('.ws-letter').textContent === 'P').length`,
    );
    assert.ok(letters > 0);
    await driver.executeScript('document.querySelector(".ws-plays-card").scrollIntoView({ block: "start" })');
    await screenshot(driver, '40-white-space-opportunity');
    await driver.executeScript('document.querySelector(".ws-chart-card").scrollIntoView({ block: "start" })');
    await screenshot(driver, '40-white-space-chart-plays');
  });

  it('opens a cell with Enter and shows the back end message at the field', async () => {
    const [r, c] = await driver.executeScript(
      `const td = document.querySelector('td.ws-cell.st-open, td.ws-cell.st-competitor');
       return [Number(td.dataset.r), Number(td.dataset.c)];`,
    );
    await focusCell(driver, r, c);
    await typeHere(driver, Key.ENTER);
    const input = await waitFor(driver, '.ws-detail input[name="value_to_us"]');
    await input.clear();
    await input.sendKeys('7');
    await (await driver.findElement(By.css('.ws-detail button[type="submit"]'))).click();
    const err = await waitFor(driver, '.ws-detail [data-field="value_to_us"] .field-error');
    assert.match(await err.getText(), /1/);
    await screenshot(driver, '40-white-space-detail-error');
    // A negative revenue: the back end's message lands at the revenue field.
    await input.clear();
    await input.sendKeys('3');
    const revenue = await driver.findElement(By.css('.ws-detail input[name="estimated_revenue"]'));
    await revenue.clear();
    await revenue.sendKeys('-5');
    await (await driver.findElement(By.css('.ws-detail button[type="submit"]'))).click();
    const revErr = await waitFor(driver, '.ws-detail [data-field="estimated_revenue"] .field-error');
    assert.ok((await revErr.getText()).length > 0);
    assert.equal((await driver.findElements(By.css('.ws-detail [data-field="value_to_us"] .field-error'))).length, 0);
    await typeHere(driver, Key.ESCAPE);
    await driver.wait(async () => (await driver.findElements(By.css('.ws-detail'))).length === 0, 5000);
  });

  it('shows the catalog tab', async () => {
    await driver.executeScript('window.scrollTo(0, 0); document.querySelector(".content")?.scrollTo(0, 0)');
    await (await driver.findElement(By.css('.ws-tab[data-tab="catalog"]'))).click();
    await waitFor(driver, 'table.off-table tbody tr');
    await screenshot(driver, '40-white-space-catalog');
  });
});
