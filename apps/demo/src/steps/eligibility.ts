import { createHmClient } from '@hm-sdk/client';
import { byId, h, setReady } from '../dom.js';
import type { Session } from '../session.js';
import { eligibilitySnippet } from '../snippets.js';
import { createStepView } from '../step-view.js';

/** Wires step 3: check whether the VIN in the form can be connected. */
export function mountEligibilityStep(session: Session): void {
  const view = createStepView('step-eligibility');
  const form = byId('eligibility-form', HTMLFormElement);
  const vinInput = byId('vin', HTMLInputElement);
  const brandSelect = byId('brand', HTMLSelectElement);
  const button = byId('eligibility-submit', HTMLButtonElement);
  view.setSnippet(eligibilitySnippet(vinInput.value, brandSelect.value));
  session.subscribe(() => setReady(button, session.tokenProvider !== undefined));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const tokenProvider = session.tokenProvider;
    if (tokenProvider === undefined) return;
    const vin = vinInput.value.trim();
    const brand = brandSelect.value;
    view.setSnippet(eligibilitySnippet(vin, brand));
    session.vehicle = undefined;
    session.cleared = undefined;
    await view.run(async () => {
      const client = createHmClient({ tokenProvider, baseUrl: session.baseUrl, fetch: view.fetch });
      const result = await client.checkEligibility({ vin, brand: brand as 'sandbox' });
      if (result.eligible) session.vehicle = { vin, brand };
      view.showResult(
        h(
          'p',
          { class: result.eligible ? 'verdict ok' : 'verdict no' },
          result.eligible
            ? `${result.vin} is eligible.`
            : `${result.vin} is not eligible, so clearance cannot be requested for it.`,
        ),
        h(
          'dl',
          { class: 'fields' },
          h('dt', {}, 'Data delivery'),
          h('dd', {}, result.data_delivery.length > 0 ? result.data_delivery.join(', ') : 'none'),
          h('dt', {}, 'Connectivity'),
          h('dd', {}, result.connectivity_status ?? 'not reported'),
          h('dt', {}, 'Primary user assigned'),
          h(
            'dd',
            {},
            result.primary_user_assigned === undefined
              ? 'not reported'
              : String(result.primary_user_assigned),
          ),
        ),
      );
    });
    session.notify();
  });
}
