/**
 * The review page in a real browser: Debian's Chromium (/usr/bin/chromium), driven by
 * playwright-core, never a downloaded browser. Skipped only when Chromium is absent outside CI;
 * in CI (.ci/run installs it) it always runs.
 */
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/project.js';

/** The browser globals the in-page callbacks use (the project's tsconfig has no DOM lib). */
interface DomElement {
  getBoundingClientRect(): { top: number; bottom: number; height: number };
  closest(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  parentElement: DomElement | null;
  firstElementChild: DomElement | null;
  textContent: string | null;
  cellIndex: number;
}
declare const window: {
  innerHeight: number;
  scrollTo(x: number, y: number): void;
  location: { hash: string };
  getComputedStyle(element: DomElement): { backgroundColor: string };
};

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
const skip = !available && !process.env.CI;
if (skip)
  console.warn(
    `report.browser.test.ts: skipped: ${CHROMIUM} is not installed (apt-get install -y chromium). In CI (CI set) this test runs and fails without it.`,
  );

/** The change whose cell the test looks for: SR 8.2, SMETS1, On-Demand, for an existing role. */
const CHANGE = 'trt:8.2:other-user:1:on-demand';

describe.skipIf(skip)('the review page in Chromium', () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  const requests: string[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'sec-rules-review-'));
    const run = await runCli(['report', '--out', dir], ROOT);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(pathToFileURL(path.join(dir, 'index.html')).href);
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('fetches nothing but the page itself', () => {
    expect(requests).toEqual([pathToFileURL(path.join(dir, 'index.html')).href]);
  });

  it('shows the intent check result at the top', async () => {
    const banner = page.locator('#intent');
    await expect(banner.getAttribute('class')).resolves.toContain('intent-pass');
    expect(await banner.innerText()).toContain('Intent check passed');
    const top = await banner.boundingBox();
    expect(top!.y).toBeLessThan(200);
  });

  it("highlights SR 8.2's SMETS1 on-demand cell for the existing roles with 16 → 30", async () => {
    const cell = page.locator(`td[data-changes~="${CHANGE}"]`);
    await expect(cell.count()).resolves.toBe(1);
    expect(await cell.getAttribute('class')).toContain('change-changed');
    expect(await cell.locator('del').innerText()).toBe('16 secs');
    expect(await cell.locator('ins').innerText()).toContain('30 secs');
    expect(await cell.locator('.change-badge').innerText()).toBe('16 s → 30 s [^ab-fn5]');
    // The highlight is visible: the cell's background is not the page's.
    const background = await cell.evaluate((element) => window.getComputedStyle(element as unknown as DomElement).backgroundColor);
    expect(background).not.toBe('rgba(0, 0, 0, 0)');
    expect(background).not.toBe('rgb(255, 255, 255)');
    // It is the cell under `Eligible User Roles / SMETS1 / On-Demand` in the row of SR 8.2.
    const column = await cell.evaluate((element) => {
      const td = element as unknown as DomElement;
      const header = td.closest('table')!.querySelectorAll('th')[td.cellIndex]!;
      return { header: header.textContent, row: td.parentElement!.firstElementChild!.textContent };
    });
    expect(column).toEqual({ header: 'Eligible User Roles / SMETS1 / On-Demand', row: '8.2' });
  });

  it('jumps from the change set to the cell', async () => {
    const cell = page.locator(`td[data-changes~="${CHANGE}"]`);
    const id = await cell.getAttribute('id');
    await page.evaluate(() => window.scrollTo(0, 0));
    const inView = () =>
      cell.evaluate((element) => {
        const box = (element as unknown as DomElement).getBoundingClientRect();
        return box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0;
      });
    expect(await inView()).toBe(false);
    const link = page.locator(`.change-list li[data-change="${CHANGE}"] a`);
    expect(await link.innerText()).toBe('TRT SR 8.2, other-user, SMETS1, on-demand: 16 s → 30 s [^ab-fn5]');
    await link.click();
    await page.waitForFunction((expected) => window.location.hash === `#${expected}`, id);
    expect(await page.evaluate(() => window.location.hash)).toBe(`#${id}`);
    expect(await inView()).toBe(true);
    // Kept after the run (its own temp folder) so a person can look at it.
    const shot = path.join(await mkdtemp(path.join(tmpdir(), 'sec-rules-review-shot-')), 'review-sr-8-2.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(10_000);
    console.log(`report.browser.test.ts: screenshot saved to ${shot}`);
  });
});
