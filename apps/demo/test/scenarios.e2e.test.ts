import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDemo, saveScreenshot } from './browser.js';
import { errorOf, resultOf, useDemo } from './fixture.js';

const demo = useDemo();

/** Opens the demo with a scenario chosen and runs steps 1 and 2 with the given method. */
async function openWithScenario(scenario: string, method = 'Client secret'): Promise<Page> {
  const { page } = await openDemo(demo.browser, demo.url);
  await page.getByRole('radio', { name: scenario }).check();
  await page.getByLabel(method).check();
  await page.getByRole('button', { name: 'Create credentials' }).click();
  await resultOf(page, 'step-auth', 'client_id');
  await page.getByRole('button', { name: 'Get access token' }).click();
  return page;
}

async function exchangeSummaries(page: Page, step: string): Promise<string[]> {
  return page.locator(`#${step} .exchange summary`).allTextContents();
}

describe('error scenarios', () => {
  const methods = [
    ['client secret', 'Client secret'],
    ['private key', 'Private key (P-256, generated in this page)'],
  ] as const;
  for (const [name, method] of methods) {
    it(`shows rejected credentials with ${name}`, async () => {
      const page = await openWithScenario('Wrong credentials', method);
      const error = await errorOf(page, 'step-token', 'The credentials were not accepted');
      // The API rejects a wrong secret or signature with 400 invalid_request, not 401.
      expect(error).toContain('HTTP status: 400');
      expect(error).toMatch(/OAuth error: invalid_request: client_(secret|assertion)/);
      expect(await exchangeSummaries(page, 'step-token')).toEqual(['POST /v1/access_tokens → 400']);
      expect(await page.locator('#eligibility-submit').isDisabled()).toBe(true);
      await saveScreenshot(page, `scenario-wrong-credentials-${name.replace(' ', '-')}`);
      await page.context().close();
    });
  }

  it('rejects an invalid VIN before sending', async () => {
    const page = await openWithScenario('Invalid VIN');
    await resultOf(page, 'step-token', 'Got an access token');
    expect(await page.getByLabel(/^VIN/).inputValue()).toBe('2HM0000000000000O');

    await page.getByRole('button', { name: 'Check eligibility' }).click();
    const error = await errorOf(page, 'step-eligibility', 'The input is not valid');
    expect(error).toContain('Invalid VIN "2HM0000000000000O"');
    expect(error).toContain('Nothing was sent');
    expect(await exchangeSummaries(page, 'step-eligibility')).toEqual([]);
    await saveScreenshot(page, 'scenario-invalid-vin');
    await page.context().close();
  });

  it('ends a clearance as rejected', async () => {
    const page = await openWithScenario('Clearance rejected');
    await resultOf(page, 'step-token', 'Got an access token');
    await page.getByRole('button', { name: 'Check eligibility' }).click();
    await resultOf(page, 'step-eligibility', 'is eligible');

    await page.getByRole('button', { name: 'Request clearance' }).click();
    const result = await resultOf(page, 'step-clearance', 'A rejected clearance stays rejected');
    expect(await page.locator('#clearance-status').textContent()).toBe('rejected');
    expect(result).toContain('Rejected by the mock for the "Clearance rejected" scenario');
    expect(await page.locator('#vehicle-data-submit').isDisabled()).toBe(true);
    await saveScreenshot(page, 'scenario-rejected-clearance');
    await page.context().close();
  });

  it('explains a rate limit', async () => {
    const page = await openWithScenario('Rate limit');
    await resultOf(page, 'step-token', 'Got an access token');
    await page.getByRole('button', { name: 'Check eligibility' }).click();
    const error = await errorOf(page, 'step-eligibility', 'Too many requests');
    expect(error).toContain('HTTP status: 429');
    expect(error).toContain('Retry-After');

    const summaries = await exchangeSummaries(page, 'step-eligibility');
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.every((summary) => summary === 'POST /v1/eligibility → 429')).toBe(true);
    const exchangeText = await page.locator('#step-eligibility .exchange').first().textContent();
    expect(exchangeText).toContain('retry-after: 1');
    await saveScreenshot(page, 'scenario-rate-limit');
    await page.context().close();
  });
});
