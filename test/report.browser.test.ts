/**
 * The review page in a real browser: Debian's Chromium (/usr/bin/chromium), driven by
 * playwright-core, never a downloaded browser. Skipped only when Chromium is absent outside CI;
 * in CI (.ci/run installs it) it always runs.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from './support/project.js';

/** The browser globals the in-page callbacks use (the project's tsconfig has no DOM lib). */
interface DomElement {
  getBoundingClientRect(): { top: number; bottom: number; left: number; right: number; height: number; width: number };
  scrollTop: number;
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
const PDFTOTEXT = '/usr/bin/pdftotext';
const available = existsSync(CHROMIUM);
const skip = !available && !process.env.CI;
if (skip)
  console.warn(
    `report.browser.test.ts: skipped: ${CHROMIUM} is not installed (apt-get install -y chromium). In CI (CI set) this test runs and fails without it.`,
  );
const skipPdf = skip || (!existsSync(PDFTOTEXT) && !process.env.CI);
if (skipPdf && !skip)
  console.warn(
    `report.browser.test.ts: the PDF check is skipped: ${PDFTOTEXT} is not installed (apt-get install -y poppler-utils). In CI it runs.`,
  );

/** The change whose cell the test looks for: SR 8.2, SMETS1, On-Demand, for an existing role. */
const CHANGE = 'trt/8.2/other-user/smets1/on-demand';

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
    // Before → after as the cell spells it, the footnote by its number, and the modification, all without hovering.
    const badge = cell.locator('.change-badge');
    expect((await badge.innerText()).replace(/\s+/g, ' ')).toBe('16 secs → 30 secs2 MP162');
    expect(await badge.isVisible()).toBe(true);
    expect(await cell.locator('ins sup a').innerText()).toBe('2');
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
    // One line for the seven existing User Roles (not seven lines), in the words of the text.
    const line = page.locator(`.change-list li[data-changes~="${CHANGE}"]`);
    await expect(line.count()).resolves.toBe(1);
    expect((await line.innerText()).replace(/\s+/g, ' ')).toMatch(
      /^SR 8\.2 Read Inventory, SMETS1 On-Demand: 16 secs → 30 secs ?2 for all Users MP162/,
    );
    expect((await line.getAttribute('data-changes'))!.split(' ')).toHaveLength(7);
    const link = line.locator('a').first();
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

  it("keeps Appendix E's inserted Meter Data Retriever column one click away at 1400 px, with the SR column and the header in view", async () => {
    const table = page.locator('#section-appendix-e .table-scroll').first();
    const header = page.locator('#section-appendix-e th.cell-inserted').first();
    expect((await header.innerText()).replace(/\s+/g, ' ')).toBe('Meter Data Retriever Column inserted by MP162');
    const visible = () =>
      header.evaluate((element) => {
        const cell = (element as unknown as DomElement).getBoundingClientRect();
        const box = (element as unknown as DomElement).closest('.table-scroll')!.getBoundingClientRect();
        const inside = (a: number, b: number, from: number, to: number) => a >= from - 1 && b <= to + 1;
        return (
          cell.width > 0 &&
          inside(cell.left, cell.right, box.left, box.right) &&
          inside(cell.top, cell.bottom, Math.max(box.top, 0), Math.min(box.bottom, window.innerHeight))
        );
      });
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('#section-appendix-e .inserted-columns a', { hasText: 'Meter Data Retriever' }).click();
    expect(await visible()).toBe(true);
    // The SR column stays at the left of the box while the table is scrolled sideways.
    const srHeader = table.locator('th').first();
    const [srBox, tableBox] = [await srHeader.boundingBox(), await table.boundingBox()];
    expect(await srHeader.innerText()).toBe('SR');
    expect(Math.abs(srBox!.x - tableBox!.x)).toBeLessThan(3);
    // Scrolled down inside its box, the header row stays at its top.
    await table.evaluate((element) => {
      (element as unknown as DomElement).scrollTop = 2000;
    });
    const [headerBox, boxAfter] = [await header.boundingBox(), await table.boundingBox()];
    expect(Math.abs(headerBox!.y - boxAfter!.y)).toBeLessThan(3);
    expect(await header.getAttribute('class')).toContain('cell-inserted');
  });

  it.skipIf(skipPdf)("prints to a readable PDF that carries the redline (Chromium's print, read back with pdftotext)", async () => {
    const pdf = path.join(dir, 'review.pdf');
    await writeFile(pdf, await page.pdf({ format: 'A4' }));
    // pdftotext in reading order, whitespace collapsed: what a reader (or a search) gets from the printed page.
    const text = execFileSync(PDFTOTEXT, [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    // The change list comes first, folded and in words.
    expect(text).toMatch(/SR 8\.2 Read Inventory, SMETS1 On-Demand: 16 secs → 30 secs ?2 for all Users MP162/);
    expect(text.indexOf('SR 8.2 Read Inventory, SMETS1 On-Demand')).toBeLessThan(text.indexOf('AB2.1 Target Response Time table '));
    // Appendix AB's cell of SR 8.2: the deleted 16 secs printed with the inserted 30 secs, and the badge with the modification.
    expect(text).toMatch(/16 secs ?30 secs/);
    expect(text).toMatch(/16 secs → 30 ?secs ?2 ?MP162/);
    // Every inserted column is marked (four in Appendix AB, one in Appendix E, whose header repeats on each page).
    expect((text.match(/Column inserted by MP162/g) ?? []).length).toBeGreaterThanOrEqual(5);
    // No column is cut off: Appendix E's row of SR 8.2 has all 13 flag and User Role cells, the inserted one last.
    expect(text).toMatch(/8\.2 Read Inventory(?: (?:Yes|No)){13}(?! (?:Yes|No)\b)/);
    // Inserted blocks say so in print too.
    expect(text).toMatch(/INSERTED BY MP162 H3\.13A Scheduled retrieval of MHHS data/);
  });
});
