// Exports through the real webview. The page never names a path: in this debug build the save
// dialog is replaced by the folder in ACCOUNT_PLANNER_TEST_SAVE_DIR (scripts/e2e.sh sets it),
// where each export is a new file under its default name.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { By, SAVE_DIR, clickButton, quit, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';

/** textContent: WebKitWebDriver's getText() misses text in `overflow: hidden` boxes. */
async function textOf(driver, el) {
  return (await driver.executeScript('return arguments[0].textContent', el)).trim();
}

describe('exports', { skip: !SAVE_DIR && 'ACCOUNT_PLANNER_TEST_SAVE_DIR is not set (run through scripts/e2e.sh)' }, () => {
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

  async function exportSummaryPdf() {
    await driver.get(planUrl.replace(/\/overview$/, '/export'));
    await waitFor(driver, '.export-form');
    await driver.findElement(By.css('.export-form input[value=summary]')).click();
    const openAfter = await driver.findElement(By.xpath("//label[contains(., 'Open after saving')]/input"));
    if (await openAfter.isSelected()) await openAfter.click();
    await driver.findElement(By.css('.export-form button[type=submit]')).click();
    await waitForText(driver, '.result-box', 'PDF saved');
    return textOf(driver, await driver.findElement(By.css('.result-box .path')));
  }

  it('saves the PDF as a new file each time, never over the last one', async () => {
    const first = await exportSummaryPdf();
    assert.equal(path.dirname(first), SAVE_DIR);
    assert.match(path.basename(first), /^Nordwind_Logistics_Group_FY\d{4}\.pdf$/);
    const firstBytes = fs.readFileSync(first);
    assert.equal(firstBytes.subarray(0, 5).toString(), '%PDF-');
    await screenshot(driver, '80-pdf-saved');

    const second = await exportSummaryPdf();
    assert.equal(second, first.replace(/\.pdf$/, '-2.pdf'));
    assert.deepEqual(fs.readFileSync(first), firstBytes);
    assert.equal(fs.readFileSync(second).subarray(0, 5).toString(), '%PDF-');
  });

  it('saves the white space as CSV', async () => {
    await driver.get(planUrl.replace(/\/overview$/, '/white-space'));
    await clickButton(driver, 'Export CSV');
    await waitForText(driver, '.ws-export-status', 'Saved to');
    const status = await textOf(driver, await driver.findElement(By.css('.ws-export-status')));
    const file = status.replace(/^Saved to /, '');
    assert.equal(path.dirname(file), SAVE_DIR);
    assert.match(fs.readFileSync(file, 'utf8').split('\n')[0], /^buying_center,offering,/);
  });
});
