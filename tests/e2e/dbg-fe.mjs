import { Key } from 'selenium-webdriver';
import { By, quit, screenshot, startApp, tempDataDir, waitFor, waitForText } from './harness.mjs';
const driver = await startApp({ dataDir: tempDataDir() });
try {
  await waitFor(driver, '.welcome');
  for (const b of await driver.findElements(By.css('button'))) if ((await b.getText()) === 'Create an account') await b.click();
  const input = await waitFor(driver, 'input[name=account-name]');
  await input.sendKeys('Test <b>x</b> account with a long name to clip', Key.ENTER);
  await waitForText(driver, '.page-header h1', 'Overview');
  const id = await driver.executeScript(`return [...document.querySelectorAll('label')].find((x) => x.textContent.trim() === 'Currency').htmlFor`);
  const cur = await driver.findElement(By.id(id));
  console.log('attr value', JSON.stringify(await cur.getAttribute('value')), 'prop', await driver.executeScript('return arguments[0].value', cur));
  await cur.clear();
  await cur.sendKeys('XYZ');
  await driver.executeScript('arguments[0].blur(); arguments[0].dispatchEvent(new Event("change"));', cur);
  await new Promise((r) => setTimeout(r, 2000));
  console.log('status', await driver.findElement(By.css('.save-status')).getText());
  console.log('field html', await driver.executeScript('return arguments[0].closest(".field").outerHTML', cur));
  await screenshot(driver, 'dbg-fe-currency');
  await driver.findElement(By.css('.nav-portfolio')).click();
  await waitFor(driver, '.portfolio-table tbody tr.row');
  await driver.findElement(By.css('.portfolio-table td.actions button')).click();
  const c = await waitFor(driver, '.confirm-text');
  console.log('confirm', JSON.stringify(await c.getText()), await driver.executeScript('return arguments[0].textContent', c));
  await screenshot(driver, 'dbg-fe-confirm');
} catch (e) { console.error(e); await screenshot(driver, 'dbg-fe-fail'); }
await quit(driver);
