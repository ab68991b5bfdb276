// Since last QBR: load the sample (CLI, headless), take a snapshot with a label of our own (the
// form offers the fiscal quarter first), change five things through the app's own save command
// (a wallet figure, a contact's attitude, a cell's score, an opportunity won, an action done),
// then open the comparison from the snapshot's "Compare with now" and see each of them with its
// arrow and words.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { APP_BIN, By, clickButton, quit, retryStale, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';

const cli = (dir, ...args) => execFileSync(APP_BIN, ['--data-dir', dir, ...args], { encoding: 'utf8' });

const LABEL = 'QBR Q3 review';

/** Five edits in one save, through the same command the screens use; returns what was changed. */
const FIVE_CHANGES = `
  const [planId] = arguments; const done = arguments[arguments.length - 1];
  const invoke = window.__TAURI_INTERNALS__.invoke;
  invoke('get_plan_view', { planId }).then((v) => {
    const bc = { ...v.buying_centers[0] };
    // Four points more of the wallet: "up 4 pts".
    bc.our_revenue = bc.our_revenue + Math.round(bc.total_wallet * 0.04);
    const contact = { ...v.contacts.find((c) => c.attitude === 'skeptic') };
    contact.attitude = 'supporter';
    const cellView = v.white_space.cells.find((c) => c.cell.value_to_us !== null && c.cell.value_to_us < 5 && c.cell.value_to_customer !== null);
    const cell = { ...cellView.cell, value_to_us: 5 };
    const opp = { ...v.opportunities.find((o) => o.status === 'open') };
    opp.status = 'won'; opp.stage = 'closed'; opp.probability_pct = 100;
    // An action's view is the action itself plus its overdue flag.
    const action = { ...v.objectives.flatMap((o) => o.strategies).flatMap((s) => s.actions).find((a) => a.status === 'open') };
    delete action.overdue;
    action.status = 'done';
    const upserts = [
      { kind: 'buying_center', item: bc },
      { kind: 'contact', item: contact },
      { kind: 'cell', item: cell },
      { kind: 'opportunity', item: opp },
      { kind: 'action', item: action },
    ];
    return invoke('save_items', { planId, upserts, deletes: [] }).then(() =>
      done({ ok: true, bc: bc.name, contact: contact.name, cell: cell.id, opp: opp.name, action: action.what }));
  }).catch((e) => done({ ok: false, error: e instanceof Error ? e.message : JSON.stringify(e) }));`;

/** The text of each change in a section of the comparison. */
const sectionItems = (driver, key) =>
  driver.executeScript(
    `return [...document.querySelectorAll('[data-section="' + arguments[0] + '"] li.change')].map((li) => ({
       text: li.textContent, tone: li.className, kind: li.dataset.kind }));`,
    key,
  );

describe('since last QBR', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let planId;
  let changed;

  before(async () => {
    const dir = tempDataDir();
    cli(dir, 'sample');
    planId = JSON.parse(cli(dir, 'list', '--json'))[0].current_plan_id;
    assert.ok(planId, 'the sample has a current plan');
    driver = await startApp({ dataDir: dir });
    await waitFor(driver, 'body');
    await driver.executeScript('location.hash = arguments[0]', `#/plan/${planId}/overview`);
    await waitFor(driver, '.snapshot-list');
  });

  after(async () => {
    await quit(driver);
  });

  it('offers the fiscal quarter as the label and takes a snapshot under the label typed', async () => {
    await clickButton(driver, 'Take snapshot');
    const input = await waitFor(driver, '.snapshot-form input');
    await driver.wait(async () => /^QBR Q[1-4] \d{4}$/.test(await input.getAttribute('value')), 10000, 'no suggested label');
    const suggested = await input.getAttribute('value');
    await screenshot(driver, '14-snapshot-label');
    await input.clear();
    await input.sendKeys(LABEL);
    await clickButton(driver, 'Save snapshot');
    // textContent: the sidebar may have scrolled the list out of view.
    await driver.wait(
      async () => (await driver.executeScript(`return document.querySelector('.snapshot-list')?.textContent ?? ''`)).includes(LABEL),
      15000,
      'the new snapshot is not listed',
    );
    assert.match(suggested, /^QBR Q[1-4] 20\d\d$/);
  });

  it('changes five things in the plan', async () => {
    changed = await driver.executeAsyncScript(FIVE_CHANGES, planId);
    assert.equal(changed.ok, true, changed.error);
  });

  it('shows each change from the snapshot list’s "Compare with now"', async () => {
    await retryStale(async () => {
      const link = await driver.findElement(By.css('.snapshot-list a.snap-compare'));
      await link.click();
    });
    await waitFor(driver, '.comparison');
    await waitForText(driver, '.compare-intro', LABEL);
    const nav = await driver.executeScript(
      `return document.querySelector('.area-nav a[aria-current="page"]')?.textContent`,
    );
    assert.equal(nav, 'Since last QBR', 'the screen is in the plan navigation');
    const from = await driver.executeScript(`const s = document.querySelector('select.compare-from'); return s.options[s.selectedIndex].textContent`);
    assert.ok(from.startsWith(LABEL), from);

    const bcRow = await driver.executeScript(
      `return [...document.querySelectorAll('table.compare-figures tbody tr')].find((tr) => tr.querySelector('th').textContent === arguments[0])?.textContent`,
      changed.bc,
    );
    assert.match(bcRow, /▲ up 4 pts/, bcRow);

    const people = await sectionItems(driver, 'people');
    const person = people.find((p) => p.text.includes(changed.contact));
    assert.ok(person, JSON.stringify(people));
    assert.match(person.text, /▲ .*attitude Skeptic to Supporter/);
    assert.match(person.tone, /tone-good/);

    const cells = await sectionItems(driver, 'white_space');
    assert.ok(cells.some((c) => c.kind === 'cell_score' && /▲ .*score up \d+ to \d+/.test(c.text)), JSON.stringify(cells));

    const opps = await sectionItems(driver, 'opportunities');
    assert.ok(opps.some((o) => o.text.includes(changed.opp) && o.text.endsWith(': won') && o.text.startsWith('▲')), JSON.stringify(opps));

    const actions = await sectionItems(driver, 'actions');
    assert.ok(actions.some((a) => a.text.includes(changed.action) && a.text.endsWith(': done')), JSON.stringify(actions));

    // Nothing about campaigns moved on the same day: the section says so in words.
    await waitForText(driver, '[data-section="campaigns"] .no-change', 'No change');
    await screenshot(driver, '14-compare-top');
    await driver.executeScript(`document.querySelector('[data-section="opportunities"]').scrollIntoView()`);
    await screenshot(driver, '14-compare-lists');
  });
});
