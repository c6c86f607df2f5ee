import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDemo, saveScreenshot } from './browser.js';
import { resultOf, useDemo } from './fixture.js';

const demo = useDemo();
const phone = { width: 390, height: 844 };

/** Presses Tab until the element with `id` has focus, and fails after `limit` presses. */
async function tabTo(page: Page, id: string, limit = 25): Promise<void> {
  for (let presses = 0; presses < limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((target) => document.activeElement?.id === target, id)) return;
  }
  throw new Error(`#${id} was not reached with ${limit} presses of Tab.`);
}

/**
 * Returns every text element whose contrast with its background is below 4.5:1, the WCAG AA
 * minimum for normal text. Backgrounds are found by walking up to the first opaque ancestor.
 */
function findLowContrast(): string[] {
  const parse = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
  const luminance = ([r = 0, g = 0, b = 0]: number[]) => {
    const channel = (value: number) => {
      const c = value / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const background = (element: Element | null): number[] => {
    for (let node = element; node; node = node.parentElement) {
      const color = parse(getComputedStyle(node).backgroundColor);
      if (color.length === 3 || (color[3] ?? 0) > 0) return color;
    }
    return [255, 255, 255];
  };
  const failures: string[] = [];
  const selector = 'p, li, dt, dd, label, legend, summary, button, code, th, td, h1, h2, h3, h4';
  for (const element of document.querySelectorAll(selector)) {
    if (!element.textContent?.trim() || (element as HTMLElement).offsetParent === null) continue;
    if ((element as HTMLButtonElement).disabled) continue;
    const foreground = luminance(parse(getComputedStyle(element).color));
    const back = luminance(background(element));
    const ratio = (Math.max(foreground, back) + 0.05) / (Math.min(foreground, back) + 0.05);
    if (ratio < 4.5)
      failures.push(
        `${element.tagName} "${element.textContent.trim().slice(0, 30)}": ${ratio.toFixed(2)}`,
      );
  }
  return failures;
}

describe('accessibility and phone layout', () => {
  it('runs the walkthrough by keyboard on a phone', async () => {
    const { page, consoleErrors } = await openDemo(demo.browser, demo.url, phone);

    await tabTo(page, 'auth-submit');
    await page.keyboard.press('Enter');
    await resultOf(page, 'step-auth', 'client_id');

    await tabTo(page, 'token-submit');
    await page.keyboard.press('Enter');
    await resultOf(page, 'step-token', 'Got an access token');

    await tabTo(page, 'eligibility-submit');
    await page.keyboard.press('Enter');
    await resultOf(page, 'step-eligibility', 'is eligible');

    await tabTo(page, 'clearance-submit');
    await page.keyboard.press('Space');
    await resultOf(page, 'step-clearance', 'Vehicle data can be read now');

    await tabTo(page, 'vehicle-data-submit');
    await page.keyboard.press('Enter');
    await resultOf(page, 'step-vehicle-data', 'Odometer and speed');

    // Nothing may be wider than the phone's screen, or the page would scroll sideways.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'phone-walkthrough');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('labels every control', async () => {
    const { page } = await openDemo(demo.browser, demo.url, phone);
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll('input, select, textarea')]
        .filter((control) => (control as HTMLInputElement).labels?.length === 0)
        .map((control) => control.outerHTML),
    );
    expect(unlabelled).toEqual([]);
    const unnamedButtons = await page.evaluate(
      () =>
        [...document.querySelectorAll('button')].filter((button) => !button.textContent?.trim())
          .length,
    );
    expect(unnamedButtons).toBe(0);
    const liveRegions = await page
      .locator('.step [aria-live="polite"], .step [role="alert"]')
      .count();
    expect(liveRegions).toBeGreaterThanOrEqual(10);
    await page.context().close();
  });

  it('keeps text contrast at 4.5:1 or more', async () => {
    const { page } = await openDemo(demo.browser, demo.url);
    await page.getByRole('radio', { name: 'Rate limit' }).check();
    await page.getByRole('button', { name: 'Create credentials' }).click();
    await page.getByRole('button', { name: 'Get access token' }).click();
    await page.getByRole('button', { name: 'Check eligibility' }).click();
    await page
      .locator('#step-eligibility [role="alert"]')
      .getByText('Too many requests')
      .first()
      .waitFor();
    await page.locator('details').evaluateAll((elements) => {
      for (const element of elements) (element as HTMLDetailsElement).open = true;
    });
    expect(await page.evaluate(findLowContrast)).toEqual([]);

    // The check itself must catch light grey on white.
    await page.evaluate(() => {
      const probe = document.createElement('p');
      probe.textContent = 'Light grey probe';
      probe.style.color = '#bbbbbb';
      document.querySelector('#going-live')?.append(probe);
    });
    expect(await page.evaluate(findLowContrast)).toEqual([
      expect.stringMatching(/^P "Light grey probe": 1\.\d\d$/),
    ]);
    await page.context().close();
  });
});
