// Relationship map: the sample plan's org chart (fit to window, 100%), three contacts added in
// a chain, a card dragged to a new manager, a line of influence, a coverage gap that appears
// and disappears as the owner is set, a reports-to cycle refused with the back end's message,
// and a 150-person chart.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { By, clickButton, nextFrames, quit, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';


/**
 * Waits until some element matching `css` contains `text` and returns that text. Re-queries on
 * every poll: a save re-renders the area, so an element found before it would go stale.
 */
async function waitText(driver, css, text, timeoutMs = 15000) {
  return driver.wait(
    () =>
      driver.executeScript(
        'return [...document.querySelectorAll(arguments[0])].map((e) => e.textContent).find((t) => t.includes(arguments[1])) ?? false;',
        css,
        text,
      ),
    timeoutMs,
    `timed out waiting for "${text}" in ${css}`,
  );
}

/** Picks an option of a <select> by value, as a user would (fires `change`). */
async function choose(driver, select, value) {
  await driver.executeScript(
    'arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event("change", { bubbles: true }));',
    select,
    value,
  );
}

/** The value of the option whose text starts with `text`. */
async function optionValue(driver, select, text) {
  const v = await driver.executeScript(
    'return [...arguments[0].options].find((o) => o.text.startsWith(arguments[1]))?.value ?? null;',
    select,
    text,
  );
  assert.ok(v !== null, `no option "${text}"`);
  return v;
}

// The card's background rect: WebKitWebDriver will not click an SVG <g> itself.
const card = (id) => By.css(`.rm-card[data-contact-id="${id}"] .rm-card-bg`);

async function cardCount(driver) {
  return (await driver.findElements(By.css('.rm-svg .rm-card'))).length;
}

/**
 * Clicks an element after scrolling it to the middle of its scroll box: the side panel scrolls
 * on its own and keeps its Save bar stuck to its bottom, which would cover a button scrolled
 * just into view.
 */
async function clickCss(driver, css) {
  const el = await driver.findElement(By.css(css));
  await driver.executeScript('arguments[0].scrollIntoView({ block: "center" })', el);
  await el.click();
  return el;
}

/** Brings the chart's stage to the middle of the window (clear of the sticky app header). */
async function showStage(driver) {
  await driver.executeScript('document.querySelector(".rm-stage").scrollIntoView({ block: "center" })');
}

async function clickCard(driver, id) {
  await showStage(driver);
  await driver.findElement(card(id)).click();
}

async function drag(driver, fromId, toId) {
  await showStage(driver);
  const from = await driver.findElement(card(fromId));
  const to = await driver.findElement(card(toId));
  await driver
    .actions({ async: true })
    .move({ origin: from })
    .press()
    .move({ origin: from, x: 12, y: 12, duration: 100 })
    .move({ origin: to, duration: 300 })
    .move({ origin: to, x: 2, y: 2, duration: 50 })
    .release()
    .perform();
}

/** Adds a contact through the panel form; returns its id. */
async function addContact(driver, { name, title, reportsTo, role, influence }) {
  await driver.findElement(By.css('.rm-add')).click();
  const form = await waitFor(driver, '.rm-panel .rm-contact-form');
  const [nameIn, titleIn] = await form.findElements(By.css('input[type=text]'));
  await nameIn.sendKeys(name);
  if (title) await titleIn.sendKeys(title);
  if (reportsTo) await choose(driver, await form.findElement(By.css('.rm-reports-to')), reportsTo);
  const selects = await form.findElements(By.css('select'));
  // buying center, reports to, dotted add, role, influence, attitude
  if (role) await choose(driver, selects[3], role);
  if (influence) await choose(driver, selects[4], influence);
  await clickCss(driver, '.rm-panel .rm-save');
  await waitText(driver, '.rm-panel h2', name);
  await waitText(driver, '.rm-flash', `Added ${name}`);
  const id = await driver.findElement(By.css('.rm-panel')).getAttribute('data-contact-id');
  assert.ok(id);
  return id;
}

describe('relationship map', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let bcId = '';
  const ids = { alpha: '', bravo: '', charlie: '' };

  before(async () => {
    driver = await startApp({ dataDir: tempDataDir() });
    await driver.manage().window().setRect({ width: 1360, height: 860 });
    await waitFor(driver, '.welcome');
    await clickButton(driver, 'Load the sample plan');
    await waitText(driver, '.page-header h1', 'Overview');
    await driver.findElement(By.css('.area-nav a[href$="/relationship-map"]')).click();
    await waitFor(driver, '.rm-svg .rm-card');
  });

  after(async () => {
    await quit(driver);
  });

  it("draws the sample plan's whole org chart, fitted to the window", async () => {
    await nextFrames(driver);
    const n = await cardCount(driver);
    assert.ok(n >= 20, `expected the sample's people, got ${n} cards`);
    await screenshot(driver, '30-sample-chart-initial');
    await driver.findElement(By.css('.rm-fit')).click();
    await screenshot(driver, '30-sample-chart-fit');
    // Every card is inside the stage after fitting.
    const inside = await driver.executeScript(`
      const stage = document.querySelector('.rm-stage').getBoundingClientRect();
      return [...document.querySelectorAll('.rm-card .rm-card-bg')].every((r) => {
        const b = r.getBoundingClientRect();
        return b.left >= stage.left - 1 && b.right <= stage.right + 1 && b.top >= stage.top - 12 && b.bottom <= stage.bottom + 1;
      });`);
    assert.equal(inside, true, 'fit to window leaves cards outside the stage');
    const kinds = await driver.executeScript(
      'return [...new Set([...document.querySelectorAll(".rm-edge")].map((e) => e.dataset.kind))].sort()',
    );
    assert.deepEqual(kinds, ['conflict', 'dotted_line', 'influence', 'reports_to']);
    const legend = await driver.findElement(By.css('.rm-legend')).getText();
    for (const w of ['Champion', 'Supporter', 'Neutral', 'Skeptic', 'Opponent']) assert.ok(legend.includes(w), w);
    // 100% for a close look at the cards.
    await driver.findElement(By.css('.rm-zoom-level')).click();
    await screenshot(driver, '30-sample-chart-100');
  });

  it('shows the contact list and who knows whom', async () => {
    await driver.findElement(By.css('.rm-tab[data-tab="list"]')).click();
    await waitFor(driver, '.rm-contacts tbody tr[data-contact-id]');
    await screenshot(driver, '30-contact-list');
    const search = await driver.findElement(By.css('.rm-search'));
    await search.sendKeys('zzzz-nobody');
    await waitText(driver, '.rm-count', '0 of');
    await search.clear();
    await search.sendKeys(' ');
    await driver.findElement(By.css('.rm-tab[data-tab="grid"]')).click();
    await waitFor(driver, '.rm-grid-table tbody tr');
    await screenshot(driver, '30-who-knows-whom');
    await driver.findElement(By.css('.rm-tab[data-tab="chart"]')).click();
    await waitFor(driver, '.rm-svg .rm-card');
  });

  it('adds three contacts in a chain; a key person without an owner is a coverage gap', async () => {
    const filter = await driver.findElement(By.css('.rm-chart-filter'));
    bcId = await driver.executeScript('return arguments[0].options[1].value', filter);
    await choose(driver, filter, bcId);
    await waitFor(driver, '.rm-svg .rm-card');
    ids.alpha = await addContact(driver, { name: 'E2E Alpha', title: 'Chief <b>Ops</b>', role: 'decision_maker', influence: 'high' });
    // The gap appears: a decision maker nobody on our team owns.
    await waitFor(driver, '.rm-contact-gaps li[data-kind="no_owner"]');
    const title = await driver.findElement(By.css(`.rm-card[data-contact-id="${ids.alpha}"] title`)).getAttribute('textContent');
    assert.match(title, /has no owner on our team/);
    assert.equal((await driver.findElements(By.css('.rm-panel b'))).length, 0, 'markup in a title must stay text');
    ids.bravo = await addContact(driver, { name: 'E2E Bravo', title: 'Director', reportsTo: ids.alpha });
    ids.charlie = await addContact(driver, { name: 'E2E Charlie', title: 'Manager', reportsTo: ids.bravo });
    await driver.findElement(By.css('.rm-fit')).click();
    await waitFor(driver, `.rm-edge[data-kind="reports_to"][data-from="${ids.alpha}"][data-to="${ids.bravo}"]`);
    await waitFor(driver, `.rm-edge[data-kind="reports_to"][data-from="${ids.bravo}"][data-to="${ids.charlie}"]`);
    await screenshot(driver, '30-chain-added');
  });

  it('sets the owner and the gap disappears', async () => {
    await clickCard(driver, ids.alpha);
    await waitText(driver, '.rm-panel h2', 'E2E Alpha');
    await waitFor(driver, '.rm-contact-gaps li[data-kind="no_owner"]');
    await screenshot(driver, '30-gap-no-owner');
    await clickCss(driver, '.rm-panel .rm-add-rel');
    await waitFor(driver, '.rm-panel .rm-rel-row');
    await clickCss(driver, '.rm-panel .rm-save');
    await waitText(driver, '.rm-flash', 'Saved E2E Alpha');
    assert.equal((await driver.findElements(By.css('.rm-contact-gaps li[data-kind="no_owner"]'))).length, 0);
    const title = await driver.findElement(By.css(`.rm-card[data-contact-id="${ids.alpha}"] title`)).getAttribute('textContent');
    assert.doesNotMatch(title, /has no owner/);
    assert.match(title, /Owner: /);
    await screenshot(driver, '30-gap-gone');
    await clickCss(driver, '.rm-panel .rm-close');
  });

  it('drags a card onto a new manager', async () => {
    await driver.findElement(By.css('.rm-fit')).click();
    await drag(driver, ids.charlie, ids.alpha);
    await waitText(driver, '.rm-flash', 'E2E Charlie now reports to E2E Alpha');
    await waitFor(driver, `.rm-edge[data-kind="reports_to"][data-from="${ids.alpha}"][data-to="${ids.charlie}"]`);
    assert.equal(
      (await driver.findElements(By.css(`.rm-edge[data-kind="reports_to"][data-from="${ids.bravo}"][data-to="${ids.charlie}"]`))).length,
      0,
    );
    await screenshot(driver, '30-dragged');
  });

  it('adds a line of influence', async () => {
    await clickCard(driver, ids.bravo);
    await waitText(driver, '.rm-panel h2', 'E2E Bravo');
    await choose(driver, await driver.findElement(By.css('.rm-line-kind')), 'influences');
    await choose(driver, await driver.findElement(By.css('.rm-line-person')), ids.charlie);
    await clickCss(driver, '.rm-line-add');
    await waitFor(driver, `.rm-edge[data-kind="influence"][data-from="${ids.bravo}"][data-to="${ids.charlie}"]`);
    await waitText(driver, '.rm-lines', 'Influences E2E Charlie');
    // The same line again is refused by the back end, with its message at the picker.
    await choose(driver, await driver.findElement(By.css('.rm-line-kind')), 'influences');
    await choose(driver, await driver.findElement(By.css('.rm-line-person')), ids.charlie);
    await clickCss(driver, '.rm-line-add');
    await waitText(driver, '.field[data-field="line_person"] .field-error', 'already drawn');
    await screenshot(driver, '30-line-added');
  });

  it('refuses a reports-to cycle with the names of the people in the loop', async () => {
    await clickCard(driver, ids.alpha);
    await waitText(driver, '.rm-panel h2', 'E2E Alpha');
    const nameIn = await driver.findElement(By.css('.rm-panel input[type=text]'));
    await nameIn.sendKeys(' (edited)');
    await choose(driver, await driver.findElement(By.css('.rm-panel .rm-reports-to')), ids.bravo);
    await clickCss(driver, '.rm-panel .rm-save');
    const msg = await waitText(driver, '.field[data-field="reports_to"] .field-error', 'loop');
    assert.match(msg, /E2E Alpha/);
    assert.match(msg, /E2E Bravo/);
    // The user's input stays.
    assert.equal(await nameIn.getAttribute('value'), 'E2E Alpha (edited)');
    await screenshot(driver, '30-cycle-field');
    await clickCss(driver, '.rm-panel .rm-cancel');
    // By drag: Alpha onto Charlie (who reports to Alpha).
    await drag(driver, ids.alpha, ids.charlie);
    const banner = await waitText(driver, '.rm-flash.error', 'loop');
    assert.match(banner, /E2E Charlie/);
    await waitFor(driver, `.rm-edge[data-kind="reports_to"][data-from="${ids.alpha}"][data-to="${ids.charlie}"]`);
    await screenshot(driver, '30-cycle-banner');
  });

  it('asks where the reports go when a manager is deleted', async () => {
    await clickCard(driver, ids.alpha);
    await waitText(driver, '.rm-panel h2', 'E2E Alpha');
    await clickCss(driver, '.rm-panel .rm-delete');
    const dialog = await waitFor(driver, 'dialog.rm-delete-dialog[open]');
    const text = await driver.executeScript('return arguments[0].textContent', dialog);
    assert.match(text, /2 people report to E2E Alpha/);
    const where = await dialog.findElement(By.css('.rm-delete-where'));
    const thomas = await optionValue(driver, where, 'Thomas Brenner');
    await choose(driver, where, thomas);
    await screenshot(driver, '30-delete-dialog');
    await dialog.findElement(By.css('.rm-delete-confirm')).click();
    await waitText(driver, '.rm-flash', 'Deleted E2E Alpha');
    assert.equal((await driver.findElements(By.css(`.rm-card[data-contact-id="${ids.alpha}"]`))).length, 0);
    await waitFor(driver, `.rm-edge[data-kind="reports_to"][data-from="${thomas}"][data-to="${ids.bravo}"]`);
    await waitFor(driver, `.rm-edge[data-kind="reports_to"][data-from="${thomas}"][data-to="${ids.charlie}"]`);
    assert.equal((await driver.findElements(By.css('dialog.rm-delete-dialog'))).length, 0);
  });

  it('stays readable with 150 people', async () => {
    const url = await driver.getCurrentUrl();
    const planId = decodeURIComponent(url.match(/#\/plan\/([^/]+)\//)[1]);
    const existing = await driver.executeScript('return Number(document.querySelector(".rm-tab[data-tab=list]").textContent.match(/\\d+/)[0])');
    const error = await driver.executeAsyncScript(
      `const [planId, bcId, n] = arguments; const done = arguments[arguments.length - 1];
       const ids = Array.from({ length: n }, () => crypto.randomUUID());
       const attitudes = ['champion', 'supporter', 'neutral', 'skeptic', 'opponent'];
       const upserts = ids.map((id, i) => ({ kind: 'contact', item: {
         id, buying_center_id: bcId, name: 'Person ' + String(i + 1).padStart(3, '0'),
         title: ['Director', 'Manager', 'Team lead', 'Analyst'][i % 4] + ' ' + (i + 1),
         reports_to: i === 0 ? null : ids[Math.floor((i - 1) / 4)], dotted_line_to: [],
         role: i % 9 === 0 ? 'decision_maker' : 'user', influence: i % 7 === 0 ? 'high' : 'low',
         attitude: attitudes[i % 5], relationships: [], last_contact_on: null, verified_on: null,
         email: '', phone: '', notes: '' } }));
       window.__TAURI_INTERNALS__.invoke('save_items', { planId, upserts, deletes: [] })
         .then(() => done(null), (e) => done(JSON.stringify(e)));`,
      planId,
      bcId,
      150 - existing,
    );
    assert.equal(error, null);
    await driver.navigate().refresh();
    await waitFor(driver, '.rm-svg .rm-card');
    await driver.wait(async () => (await cardCount(driver)) >= 150, 15000, 'the 150 cards did not render');
    await nextFrames(driver);
    await driver.findElement(By.css('.rm-fit')).click();
    await screenshot(driver, '30-150-fit');
    // Between "fit" and readable cards, cards show just the name, large.
    for (let i = 0; i < 6; i++) await driver.findElement(By.css('.rm-zoom-in')).click();
    const k = Number((await driver.findElement(By.css('.rm-zoom-level')).getText()).replace('%', '')) / 100;
    assert.ok(k >= 0.3 && k < 0.55, `zoom ${k} is not in the names-only range`);
    assert.equal(await driver.executeScript('return document.querySelector(".rm-svg").classList.contains("rm-zoom-far")'), true);
    await screenshot(driver, '30-150-names-only');
    // Opening someone from the gaps panel brings their card into view at a readable zoom.
    await driver.findElement(By.css('.rm-gap[data-contact-id]:not(.hidden) .rm-gap-link')).click();
    await waitFor(driver, '.rm-panel');
    await screenshot(driver, '30-150-person');
    const started = Date.now();
    await driver.findElement(By.css('.rm-tab[data-tab="list"]')).click();
    await driver.findElement(By.css('.rm-tab[data-tab="chart"]')).click();
    await waitFor(driver, '.rm-svg .rm-card');
    assert.ok(Date.now() - started < 5000, 'switching to the 150-person chart is slow');
  });
});
