// Benchmark (not a test): scroll the portfolio of a large store in the real webview and report
// frame times. Needs a tauri-driver listening (TAURI_DRIVER_URL) and a data dir holding the
// accounts (e.g. 10,000 imported with `account-planner import`).
//   node tests/bench/portfolio-scroll.mjs DATA_DIR
import { quit, startApp, waitFor } from '../e2e/harness.mjs';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: node tests/bench/portfolio-scroll.mjs DATA_DIR');
  process.exit(2);
}
const t0 = Date.now();
const driver = await startApp({ dataDir });
try {
  await waitFor(driver, '.portfolio-table tbody tr.row', 120000);
  const firstRows = Date.now() - t0;
  await driver.manage().setTimeouts({ script: 120000 });
  const result = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    const scroller = document.querySelector('.portfolio-scroll');
    const rows = document.querySelectorAll('.portfolio-table tbody tr').length;
    const frames = [];
    const idle = [];
    let last = performance.now();
    let step = 0;
    let idleLeft = 60; // first a second without scrolling: the webview's own frame floor here
    const total = scroller.scrollHeight - scroller.clientHeight;
    const steps = 600; // 10 s at 60 Hz: the whole list, top to bottom
    function tick(now) {
      if (idleLeft > 0) {
        idle.push(now - last);
        last = now;
        idleLeft -= 1;
        requestAnimationFrame(tick);
        return;
      }
      frames.push(now - last);
      last = now;
      step += 1;
      scroller.scrollTop = Math.round((total * step) / steps);
      if (step < steps) requestAnimationFrame(tick);
      else done({ frames, idle, rows, total, rowsAfter: document.querySelectorAll('.portfolio-table tbody tr').length });
    }
    requestAnimationFrame((now) => { last = now; requestAnimationFrame(tick); });
  `);
  const f = result.frames.slice(1).sort((a, b) => a - b);
  const q = (p) => f[Math.min(f.length - 1, Math.floor(p * f.length))];
  const long = f.filter((x) => x > 50).length;
  const idle = result.idle.slice(1).sort((a, b) => a - b);
  console.log(`idle frames (no scrolling): p50 ${idle[Math.floor(idle.length / 2)].toFixed(1)} ms`);
  console.log(`accounts listed and first rows shown after ${firstRows} ms (app start included)`);
  console.log(`rows in the DOM: ${result.rows} (of a ${result.total}px tall list); after scrolling: ${result.rowsAfter}`);
  console.log(`frames while scrolling top to bottom: ${f.length}; p50 ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${f[f.length - 1].toFixed(1)} ms; frames over 50 ms: ${long}`);
  // The webview's own floor for scrolling on this machine: a plain div of text, same steps.
  const floor = await driver.executeAsyncScript(`
    const done = arguments[arguments.length - 1];
    const d = document.createElement('div');
    d.style.position = 'fixed'; d.style.inset = '0'; d.style.overflow = 'auto'; d.style.background = 'white'; d.style.zIndex = '9999';
    for (let i = 0; i < 3000; i++) { const p = document.createElement('div'); p.textContent = 'Plain line ' + i; d.appendChild(p); }
    document.body.appendChild(d);
    const frames = []; let last = 0; let step = 0;
    function tick(now) {
      if (last) frames.push(now - last);
      last = now; step += 1; d.scrollTop = step * 40;
      if (step < 120) requestAnimationFrame(tick);
      else { d.remove(); frames.sort((a, b) => a - b); done(frames[Math.floor(frames.length / 2)]); }
    }
    requestAnimationFrame(tick);
  `);
  console.log(`floor: a plain div of text scrolled the same way, p50 ${floor.toFixed(1)} ms; portfolio / floor = ${(q(0.5) / floor).toFixed(2)}`);
} finally {
  await quit(driver);
}
