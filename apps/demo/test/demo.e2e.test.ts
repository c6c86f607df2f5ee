import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDemo, saveScreenshot } from './browser.js';
import { fullJwtPattern, resultOf, useDemo } from './fixture.js';

const demo = useDemo();

/** Runs steps 2 to 5 after credentials exist, checking what each step shows. */
async function runTokenToVehicleData(page: Page, screenshotPrefix: string): Promise<void> {
  await page.getByRole('button', { name: 'Get access token' }).click();
  const token = await resultOf(page, 'step-token', 'Got an access token');
  expect(token).toContain('vehicle:eligibility-check');
  expect(token).toMatch(/Expires in \d+ min \d\d s/);
  expect(token).toContain('Token claims');

  await page.getByRole('button', { name: 'Check eligibility' }).click();
  const eligibility = await resultOf(page, 'step-eligibility', 'is eligible');
  expect(eligibility).toContain('2HM00000000000001 is eligible.');
  expect(eligibility).toContain('pull, push');
  expect(eligibility).toContain('activated');

  await page.getByRole('button', { name: 'Request clearance' }).click();
  await resultOf(page, 'step-clearance', 'pending');
  const clearance = await resultOf(page, 'step-clearance', 'Vehicle data can be read now');
  expect(await page.locator('#clearance-status').textContent()).toBe('approved');
  expect(clearance).toMatch(/pending at .*approved at/s);
  await saveScreenshot(page, `${screenshotPrefix}-4-clearance`);

  await page.getByRole('button', { name: 'Read vehicle data' }).click();
  const data = await resultOf(page, 'step-vehicle-data', 'Data of 2HM00000000000001');
  for (const title of ['Odometer and speed', 'Battery and fuel', 'Location', 'Doors', 'Tires']) {
    expect(data).toContain(title);
  }
  expect(data).toMatch(/Odometer[\d,]+ km/);
  expect(data).toMatch(/Battery\d+ %/);
  await saveScreenshot(page, `${screenshotPrefix}-5-vehicle-data`);
}

/** Opens every HTTP panel and returns the page's whole text, closed panels included. */
async function pageTextWithPanelsOpen(page: Page): Promise<string> {
  await page.locator('details').evaluateAll((elements) => {
    for (const element of elements) (element as HTMLDetailsElement).open = true;
  });
  return (await page.locator('body').textContent()) ?? '';
}

describe('demo walkthrough', () => {
  it('runs every step with a client secret', async () => {
    const { page, consoleErrors } = await openDemo(demo.browser, demo.url);

    await page.getByRole('button', { name: 'Create credentials' }).click();
    const credentials = await resultOf(page, 'step-auth', 'client_id');
    expect(credentials).toContain('[masked');

    // Reveal the secret once to learn it, then hide it again and make sure it is nowhere.
    const toggle = page.getByRole('button', { name: 'Show secret' });
    await toggle.click();
    const secret = (await page.locator('#client-secret-value').textContent()) ?? '';
    expect(secret.length).toBeGreaterThan(16);
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');

    await runTokenToVehicleData(page, 'client-secret');

    const text = await pageTextWithPanelsOpen(page);
    expect(text).toContain('POST /v1/access_tokens → 200');
    expect(text).toMatch(/"client_secret": "\S{4}…\[masked/);
    expect(text).not.toContain(secret);
    expect(text).not.toMatch(fullJwtPattern);
    await saveScreenshot(page, 'client-secret-http-exchanges');
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });

  it('runs every step with a private key', async () => {
    const { page, consoleErrors } = await openDemo(demo.browser, demo.url);

    await page.getByLabel('Private key (P-256, generated in this page)').check();
    await page.getByRole('button', { name: 'Create credentials' }).click();
    await resultOf(page, 'step-auth', 'inserted_at');
    const masked = JSON.parse((await page.locator('#credentials-json').textContent()) ?? '');
    expect(Object.keys(masked)).toEqual(['client_id', 'id', 'private_key', 'inserted_at']);
    expect(masked.private_key).toContain('[masked');

    await page.getByRole('button', { name: 'Show private key' }).click();
    const file = JSON.parse((await page.locator('#credentials-json').textContent()) ?? '');
    expect(file.private_key).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    expect(file.id).toBe(masked.id);
    await page.getByRole('button', { name: 'Show private key' }).click();
    await saveScreenshot(page, 'private-key-1-credentials');

    await runTokenToVehicleData(page, 'private-key');

    const text = await pageTextWithPanelsOpen(page);
    expect(text).toContain('urn:ietf:params:oauth:client-assertion-type:jwt-bearer');
    expect(text).toMatch(/"client_assertion": "eyJh…\[masked/);
    expect(text).not.toContain('PRIVATE KEY-----');
    expect(text).not.toMatch(fullJwtPattern);
    expect(consoleErrors).toEqual([]);
    await page.context().close();
  });
});
