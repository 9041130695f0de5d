// The three engines through WebDriver: Chromium (chromedriver) and Firefox (geckodriver)
// with WebDriver BiDi for the page's errors, WebKitGTK (WebKitWebDriver, which starts its
// MiniBrowser) over classic WebDriver. Each driver is the one Debian or crates.io installed
// (scripts/setup.sh); selenium-webdriver is only the client and is told where the driver
// runs, so it never looks for, or downloads, a driver or a browser.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Builder, By, Key } from 'selenium-webdriver';
import LogInspector from 'selenium-webdriver/bidi/logInspector.js';
import { CHROMIUM_ARGS } from '../harness.mjs';

const MINIBROWSER = '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** What Safari ships switched on and WebKitGTK ships off: the Storage API and the origin
 * private file system. A WebKit session with them is closer to an iPhone's. */
export const SAFARI_FEATURES = '+StorageAPI,+StorageAPIEstimate,+FileSystem';

/** Each engine: its driver, how to start it on a port, and the session it is asked for. */
export const ENGINES = {
  chromium: {
    driver: 'chromedriver',
    args: (port) => [`--port=${port}`],
    bidi: true,
    capabilities: () => ({
      browserName: 'chrome',
      webSocketUrl: true,
      'goog:chromeOptions': { binary: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--headless=new', ...CHROMIUM_ARGS, '--window-size=1280,900'] },
    }),
  },
  firefox: {
    driver: 'geckodriver',
    args: (port) => ['--port', String(port)],
    bidi: true,
    capabilities: ({ prefs = {} } = {}) => ({
      browserName: 'firefox',
      webSocketUrl: true,
      'moz:firefoxOptions': {
        binary: '/usr/bin/firefox-esr',
        args: ['-headless', '-width', '1280', '-height', '900'],
        prefs: { 'intl.accept_languages': 'en-US', ...prefs },
      },
    }),
  },
  webkit: {
    driver: 'WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    bidi: false,
    capabilities: ({ features } = {}) => ({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation', ...(features ? [`--features=${features}`] : [])] },
    }),
  },
};

export const ENGINE = process.env.SSP_ENGINE ?? 'chromium';
if (!ENGINES[ENGINE]) throw new Error(`SSP_ENGINE must be one of ${Object.keys(ENGINES).join(', ')}`);

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts the engine's driver on a free loopback port; `stop()` ends it. */
export async function startDriver(engine = ENGINE) {
  const spec = ENGINES[engine];
  const port = await freePort();
  const child = spawn(spec.driver, spec.args(port), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`${spec.driver} exited: ${stderr}`);
    if (await fetch(`${url}/status`).then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    /** A new browser session; `options` reach the engine's capabilities (prefs, features). */
    async session(options) {
      const driver = await new Builder().usingServer(url).withCapabilities(spec.capabilities(options)).build();
      await driver.manage().setTimeouts({ script: 30000, pageLoad: 30000 });
      const errors = [];
      if (spec.bidi) {
        const log = await LogInspector(driver);
        await log.onJavascriptException((e) => errors.push(e.text));
        await log.onConsoleEntry((e) => e.level === 'error' && errors.push(e.text));
      }
      return new Browser(driver, errors);
    },
    stop() {
      child.kill();
    },
  };
}

/** Polls `probe` (run in the page, with `args`) until it returns something truthy. */
async function until(driver, what, probe, args = [], timeout = 10000) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await driver.executeScript(probe, ...args).catch((e) => ({ error: e.message }));
    if (last && !last.error) return last;
    if (Date.now() > end) {
      // What the page showed instead, to tell a slow page from a wrong one.
      const page = await driver.executeScript(`const a = document.activeElement;
        return location.pathname + location.search + ' | focus: ' + (a?.id || a?.tagName) + ' | fields: '
          + [...document.querySelectorAll('input, textarea')].map((f) => f.id + '=' + JSON.stringify(f.value)).join(' ')
          + ' | ' + (document.querySelector('main')?.innerText ?? document.body?.innerText ?? '').slice(0, 300)`).catch((e) => e.message);
      throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(last)}); the page: ${page}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

// In the page: the first element matching `selector`, shown, whose text matches `pattern`
// (and inside the first `scope` element whose text matches `scopePattern`, if given).
const FIND = `const [selector, source, scope, scopeSource] = arguments;
  const shown = (e) => e.offsetParent !== null || e.getClientRects().length > 0;
  const matches = (e, source) => { if (source === null) return true; const p = new RegExp(source);
    return p.test(e.innerText ?? e.textContent) || p.test(e.value ?? '') || p.test(e.getAttribute('aria-label') ?? ''); };
  const roots = scope ? [...document.querySelectorAll(scope)].filter((e) => shown(e) && matches(e, scopeSource)).slice(0, 1) : [document];
  return roots.flatMap((r) => [...r.querySelectorAll(selector)]).find((e) => shown(e) && matches(e, source)) ?? null;`;

/** A pattern's source for the page: a RegExp as it is, text matched literally. */
export function pattern(text) {
  if (text === null || text === undefined) return null;
  return text instanceof RegExp ? text.source : text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A browser session, and what tests do with its current tab, as a person does it: keys
 * typed, clicks on what is shown, and waits for what the page then shows. */
export class Browser {
  constructor(driver, errors) {
    this.driver = driver;
    /** Exceptions and console errors of every tab (BiDi engines only). */
    this.errors = errors;
  }

  async goto(url) {
    await this.driver.get(url);
    // The route's own page has replaced the boot page.
    await this.find('main h1');
  }

  /** The element for `selector` (with `text` matching, if given), once it is shown. */
  async find(selector, text = null) {
    const source = pattern(text);
    return until(this.driver, `${selector}${text ? ` with ${source}` : ''}`, FIND, [selector, source, null, null]);
  }

  async click(selector, text) {
    await (await this.find(selector, text)).click();
  }

  /** Clicks `selector` (with `text`) inside the first `scope` whose text matches `scopeText`. */
  async clickIn(scope, scopeText, selector, text) {
    const args = [selector, pattern(text), scope, pattern(scopeText)];
    await (await until(this.driver, `${selector} in ${scope} with ${args[3]}`, FIND, args)).click();
  }

  /** Replaces the field's value by typing, as a person does: select all, then the keys. */
  async fill(selector, value) {
    const field = await this.find(selector);
    await field.click();
    // What is typed replaces the selection. Delete, not Backspace: a Backspace that lands
    // outside a field means "back" to WebKitGTK.
    await field.sendKeys(Key.chord(Key.CONTROL, 'a'));
    // A line break as the Enter key: WebKitWebDriver drops a typed "\n".
    await field.sendKeys(value === '' ? Key.DELETE : value.replaceAll('\n', Key.ENTER));
  }

  async press(selector, key) {
    await (await this.find(selector)).sendKeys(key);
  }

  /** Chooses the option whose value is `value`. */
  async select(selector, value) {
    const select = await this.find(selector);
    await select.findElement(By.css(`option[value="${value}"]`)).click();
  }

  /** The shown text of `selector` (the first with `text` matching, if given). */
  async text(selector, text = null) {
    // The engine's own innerText: WebKitWebDriver's element text runs table cells together.
    return this.driver.executeScript('return arguments[0].innerText.trim()', await this.find(selector, text));
  }

  async value(selector) {
    return (await this.find(selector)).getAttribute('value');
  }

  async count(selector) {
    return (await this.driver.findElements(By.css(selector))).length;
  }

  async url() {
    return this.driver.getCurrentUrl();
  }

  async waitUrl(pattern) {
    await until(this.driver, `an address matching ${pattern}`, 'return new RegExp(arguments[0]).test(location.href)', [pattern.source]);
  }

  /** Waits until `script` (a function body, in the page) returns something truthy. */
  async waitFor(what, script, ...args) {
    return until(this.driver, what, script, args);
  }

  async run(script, ...args) {
    return this.driver.executeScript(script, ...args);
  }

  async runAsync(script, ...args) {
    return this.driver.executeAsyncScript(script, ...args);
  }

  async reload() {
    await this.driver.navigate().refresh();
    await this.find('main h1');
  }

  /** Opens a new tab and moves to it; returns the handle of the tab left. */
  async newTab() {
    const left = await this.driver.getWindowHandle();
    await this.driver.switchTo().newWindow('tab');
    return left;
  }

  async switchTo(handle) {
    await this.driver.switchTo().window(handle);
  }

  /** What went wrong in the test's tabs — errors seen over BiDi, and the page's own alert
   * that it stopped (after a panic), which every engine shows — then one tab is left for
   * the next test. */
  async finish() {
    const problems = [...this.errors];
    const handles = await this.driver.getAllWindowHandles();
    for (const [i, handle] of handles.entries()) {
      await this.driver.switchTo().window(handle);
      const stopped = await this.driver.executeScript("return document.getElementById('crashed')?.textContent ?? null").catch(() => null);
      if (stopped) problems.push(`the page stopped: ${stopped}`);
      if (i > 0) await this.driver.close();
    }
    await this.driver.switchTo().window(handles[0]);
    this.errors.length = 0;
    return problems;
  }

  async quit() {
    await this.driver.quit();
  }
}
