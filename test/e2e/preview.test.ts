// The preview as a reader uses it: every page in one scrolling column, zoom, the pager following the scroll,
// the edited section kept in view, and a layout that holds at 1024×700.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.js';
import { browserOrSkipReason, SCREENSHOTS, useHarness, type Harness } from './harness.js';
import { previewCurrentPage, previewPageText, previewUpToDate } from './preview.js';

const browser = browserOrSkipReason();
const example = path.resolve('assets/examples/t12-issue-brief.brief');

describe.skipIf('skip' in browser)('preview in Chromium', () => {
  let h: Harness;
  useHarness(browser as { path: string }, (x) => (h = x));

  const pageWidth = (n: number) => h.page.locator(`.pdf-page[data-page="${n}"]`).evaluate((el) => el.getBoundingClientRect().width);
  const frameWidth = () => h.page.locator('.preview-frame').evaluate((el) => el.clientWidth);

  it('scrolls through every page, zooms, and keeps the edited section in view', async () => {
    const { page } = h;
    h.openQueue.push(example);
    await page.locator('body').press('Control+o');
    await expect.poll(() => page.locator('.outline-title').count()).toBeGreaterThan(5);
    const pages = await previewUpToDate(page);
    expect(pages).toBeGreaterThan(3);
    // One column holds every page; pages far from view are placeholders of the same size.
    expect(await page.locator('.pdf-page').count()).toBe(pages);
    expect(await previewPageText(page, 1)).toContain('T12');

    // Scrolling moves the pager; the last page is drawn when it comes into view.
    await page.locator('.preview-frame').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect.poll(() => previewCurrentPage(page)).toBe(pages);
    await page.waitForFunction((n) => document.querySelector(`.pdf-page[data-page="${n}"]`)?.hasAttribute('data-drawn'), pages);

    // Zoom: fit width fills the frame, 100% is the page's real size (8.5 in at 96 px per inch), Zoom in goes up a step.
    expect(Math.abs((await pageWidth(1)) - ((await frameWidth()) - 24))).toBeLessThanOrEqual(1);
    const zoom = page.getByRole('combobox', { name: 'Zoom' });
    await zoom.selectOption('1');
    await expect.poll(() => pageWidth(1)).toBe(816);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(() => pageWidth(1)).toBe(1020);
    expect(await zoom.inputValue()).toBe('1.25');
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await expect.poll(() => pageWidth(1)).toBe(612);
    // The keyboard works inside the preview too: 0 is fit width.
    await page.locator('.preview-frame').focus();
    await page.keyboard.press('0');
    await expect.poll(async () => Math.abs((await pageWidth(1)) - ((await frameWidth()) - 24)) <= 1).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // The edited section stays in view: open a section in the middle, scroll the preview away, type; the new PDF
    // brings the preview back to the section.
    const middle = Math.floor((await page.locator('.outline-select').count()) / 2);
    const title = (await page.locator('.outline-title').nth(middle).textContent())!;
    await page.locator('.outline-select').nth(middle).click();
    await expect.poll(async () => previewPageText(page, await previewCurrentPage(page)), { timeout: 20_000 }).toContain(title);
    const sectionPage = await previewCurrentPage(page);
    expect(sectionPage).toBeGreaterThan(1);
    await page.getByRole('button', { name: 'Previous page' }).focus();
    await page.locator('.page-input input').fill('1');
    await expect.poll(() => previewCurrentPage(page)).toBe(1);
    await page.locator('.cm-content').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' One more sentence.');
    await previewUpToDate(page);
    await expect.poll(() => previewCurrentPage(page), { timeout: 20_000 }).toBeGreaterThanOrEqual(sectionPage);
  });

  it('holds its layout at 1024×700: the preview keeps a readable width and nothing scrolls sideways', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 1024, height: 700 });
    await previewUpToDate(page);
    expect(await frameWidth()).toBeGreaterThanOrEqual(340);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'composer-1024x700.png') });
    expect(await axeViolations(page)).toEqual([]);
  });
});
