// Plans: snapshot (read-only), roll forward, completeness links, the export panel.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Key } from 'selenium-webdriver';
import { By, clickButton, quit, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';


/** textContent: WebKitWebDriver's getText() misses text in `overflow: hidden` boxes. */
async function textOf(driver, el) {
  return (await driver.executeScript('return arguments[0].textContent', el)).trim();
}

async function clickLink(driver, text, root = driver) {
  for (const a of await root.findElements(By.css('a'))) {
    if ((await textOf(driver, a)) === text) {
      await a.click();
      return a;
    }
  }
  throw new Error(`no visible link "${text}"`);
}

describe('plans', () => {
  /** @type {import('selenium-webdriver').WebDriver | undefined} */
  let driver;
  let planUrl = '';

  before(async () => {
    driver = await startApp({ dataDir: tempDataDir() });
    await waitFor(driver, '.welcome');
    await clickButton(driver, 'Load the sample plan');
    await waitForText(driver, '.page-header h1', 'Overview');
    planUrl = await driver.getCurrentUrl();
  });

  after(async () => {
    await quit(driver);
  });

  it('reaches the controls by Tab, with a visible focus ring', async () => {
    // Start where a keyboard user starts: the first stop, the skip link.
    await driver.executeScript('document.querySelector(".skip-link").focus();');
    const seen = [];
    for (let i = 0; i < 12; i++) {
      await driver.actions().sendKeys(Key.TAB).perform();
      const info = await driver.executeScript(`
        const el = document.activeElement;
        const cs = getComputedStyle(el);
        const name = (el.labels && el.labels[0] ? el.labels[0].textContent : el.tagName === 'SELECT' ? '' : el.textContent) || el.getAttribute('aria-label') || '';
        return { tag: el.tagName, text: name.trim().slice(0, 30),
                 ring: cs.outlineStyle !== 'none' && cs.outlineWidth !== '0px' || cs.boxShadow !== 'none' };`);
      seen.push(info);
      if (info.text === 'Overview') await screenshot(driver, '11-keyboard-focus');
    }
    const texts = seen.map((s) => s.text);
    assert.ok(texts.includes('Portfolio'), `Tab order: ${texts.join(' | ')}`);
    assert.ok(texts.includes('Take snapshot'), `Tab order: ${texts.join(' | ')}`);
    assert.ok(texts.includes('Overview'), `Tab order: ${texts.join(' | ')}`);
    for (const s of seen) assert.ok(s.ring, `no visible focus on ${s.tag} "${s.text}"`);
  });

  it('takes a snapshot and opens it read-only', async () => {
    await clickButton(driver, 'Take snapshot');
    const label = await waitFor(driver, '.snapshot-form input');
    assert.match(await label.getAttribute('value'), /^QBR /);
    await label.clear();
    await label.sendKeys('QBR <i>Q1</i>', Key.ENTER);
    const link = await waitFor(driver, '.snapshot-list a');
    assert.match(await textOf(driver, link), /QBR <i>Q1<\/i>$/);
    assert.equal((await driver.findElements(By.css('.snapshot-list i'))).length, 0);
    await screenshot(driver, '11-snapshot-taken');
    await link.click();
    const banner = await waitForText(driver, '.snapshot-banner', 'frozen, read-only');
    assert.match(await textOf(driver, banner), /^Snapshot of .+ — frozen, read-only/);
    const fieldset = await driver.findElement(By.css('fieldset.readonly-fieldset'));
    assert.equal(await fieldset.getAttribute('disabled'), 'true');
    await screenshot(driver, '11-snapshot-readonly');
    await clickLink(driver, 'Open the live plan');
    await waitForText(driver, '.page-header h1', 'Overview');
  });

  it('links each completeness item to its area', async () => {
    await clickLink(driver, 'Completeness and health', await driver.findElement(By.css('.area-nav')));
    await waitFor(driver, '.checklist');
    await screenshot(driver, '11-completeness');
    const hrefs = await driver.executeScript(
      'return [...document.querySelectorAll(".check-link")].map((a) => a.getAttribute("href"))',
    );
    assert.ok(hrefs.length > 0);
    for (const h of hrefs) assert.match(h, /^#\/plan\/[^/]+\/(overview|buying-centers|opportunities|relationship-map)$/);
    const marks = await driver.executeScript(
      'return [...document.querySelectorAll(".check-item .state")].map((s) => s.textContent)',
    );
    for (const m of marks) assert.ok(m === 'Done' || m === 'Missing');
    const bc = hrefs.find((h) => h.endsWith('/buying-centers'));
    if (bc) {
      await driver.findElement(By.css(`.check-link[href="${bc}"]`)).click();
      await waitForText(driver, '.page-header h1', 'Buying centers');
    }
  });

  it('shows the export panel', async () => {
    await clickLink(driver, 'Export', await driver.findElement(By.css('.area-nav')));
    await waitFor(driver, '.export-form');
    const boxes = await driver.findElements(By.css('.export-form .sections input[type=checkbox]'));
    // Every section of the full plan, "Since last QBR" included.
    assert.equal(boxes.length, 11);
    for (const b of boxes) assert.equal(await b.isSelected(), true);
    await driver.findElement(By.css('.export-form input[value=summary]')).click();
    assert.equal(await boxes[0].isEnabled(), false);
    await screenshot(driver, '11-export');
    const button = await driver.findElement(By.css('.export-form button[type=submit]'));
    assert.equal((await button.getText()).trim(), 'Export PDF…');
  });

  it('rolls forward to the next period', async () => {
    await driver.get(planUrl);
    await waitForText(driver, '.page-header h1', 'Overview');
    const before = await driver.findElement(By.css('.period-select')).getAttribute('value');
    await clickButton(driver, 'Roll forward to next period');
    // It asks first (what it will carry over is said after).
    await waitFor(driver, '.roll-ask:not(.hidden)');
    await clickButton(driver, 'Roll forward');
    await driver.wait(async () => {
      const v = await driver.findElement(By.css('.period-select')).getAttribute('value');
      return v && v !== before;
    }, 15000, 'the new plan did not open');
    await driver.wait(async () => (await driver.findElements(By.css('.period-select option'))).length === 2, 10000);
    assert.match(await driver.getCurrentUrl(), /#\/plan\/[^/]+\/overview$/);
    await screenshot(driver, '11-rolled-forward');
  });
});
