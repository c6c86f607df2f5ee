import { createHmClient, type HmClient } from '@hm-sdk/client';
import { byId, h, setReady } from '../dom.js';
import type { Session } from '../session.js';
import { clearanceSnippet } from '../snippets.js';
import { createStepView, type StepView } from '../step-view.js';

/** Statuses after which a clearance no longer changes by itself. */
const finalStatuses = new Set(['approved', 'rejected', 'revoked', 'canceled', 'error']);

/** Statuses of a clearance that is over, so that a new request starts a new one. */
const removedStatuses = new Set(['rejected', 'revoked', 'canceled']);

/** A clearance as `GET /v1/fleets/vehicles/{vin}` returns it, reduced to what the page shows. */
interface ClearanceView {
  status: string;
  changelog?: Array<{ status: string; timestamp: string; reason?: string }> | undefined;
}

/** Thrown into the wait when the clearance reached a final status other than approved. */
class ClearanceSettled extends Error {
  constructor(readonly clearance: ClearanceView) {
    super(`The clearance ended as ${clearance.status}.`);
  }
}

function renderClearance(view: StepView, vin: string, clearance: ClearanceView): void {
  const entries = (clearance.changelog ?? []).map((entry) =>
    h(
      'li',
      {},
      h('strong', {}, entry.status),
      ` at ${entry.timestamp}`,
      entry.reason ? `: ${entry.reason}` : '',
    ),
  );
  let verdictClass = 'verdict';
  let ending = '. Waiting for a change…';
  if (clearance.status === 'approved') {
    verdictClass = 'verdict ok';
    ending = '. Vehicle data can be read now.';
  } else if (finalStatuses.has(clearance.status)) {
    verdictClass = 'verdict no';
    ending = '.';
  }
  view.showResult(
    h(
      'p',
      { class: verdictClass },
      `Clearance for ${vin}: `,
      h('span', { id: 'clearance-status' }, clearance.status),
      ending,
    ),
    ...(clearance.status === 'rejected'
      ? [
          h(
            'p',
            {},
            'A rejected clearance stays rejected: no vehicle data can be read for it. Check the VIN and brand, then request clearance again, or ask High Mobility support about the VIN.',
          ),
        ]
      : []),
    h('h3', {}, 'Changelog'),
    h('ol', { class: 'changelog' }, ...entries),
  );
}

/**
 * Prepares the mock for the chosen scenario. A VIN with an active clearance keeps it when
 * clearance is requested again, so the rejection scenario first ends that clearance.
 */
function prepareOutcome(session: Session, vin: string): void {
  const mock = session.mock.api;
  if (session.scenario !== 'rejected-clearance') {
    mock.setClearanceOutcome(vin, { status: 'approved' });
    return;
  }
  mock.setClearanceOutcome(vin, {
    status: 'rejected',
    reason: 'Rejected by the mock for the "Clearance rejected" scenario',
  });
  const existing = mock.getClearance(vin);
  if (existing && !removedStatuses.has(existing.status)) mock.setClearanceStatus(vin, 'revoked');
}

/**
 * Follows the clearance with the SDK's `waitForClearance`, showing every status change. The
 * helper waits for one status, so a final status other than approved aborts the wait.
 */
async function watchClearance(
  client: HmClient,
  view: StepView,
  vin: string,
): Promise<ClearanceView> {
  const stop = new AbortController();
  try {
    return await client.waitForClearance(vin, {
      timeoutMs: 30_000,
      intervalMs: 500,
      signal: stop.signal,
      onChange: (update) => {
        renderClearance(view, vin, update);
        if (finalStatuses.has(update.status) && update.status !== 'approved') {
          stop.abort(new ClearanceSettled(update));
        }
      },
    });
  } catch (error) {
    if (error instanceof ClearanceSettled) return error.clearance;
    throw error;
  }
}

/** Wires step 4: request clearance for the eligible VIN and follow its status. */
export function mountClearanceStep(session: Session): void {
  const view = createStepView('step-clearance');
  const button = byId('clearance-submit', HTMLButtonElement);
  view.setSnippet(clearanceSnippet('<vin>', 'sandbox'));
  session.subscribe(() =>
    setReady(button, session.vehicle !== undefined && session.tokenProvider !== undefined),
  );

  button.addEventListener('click', async () => {
    const { vehicle, tokenProvider } = session;
    if (vehicle === undefined || tokenProvider === undefined) return;
    const { vin, brand } = vehicle;
    view.setSnippet(clearanceSnippet(vin, brand));
    session.cleared = undefined;
    session.notify();
    await view.run(async () => {
      prepareOutcome(session, vin);
      const client = createHmClient({ tokenProvider, baseUrl: session.baseUrl, fetch: view.fetch });
      await client.requestClearance([{ vin, brand: brand as 'sandbox' }]);
      const clearance = await watchClearance(client, view, vin);
      if (clearance.status === 'approved') session.cleared = vin;
    });
    session.notify();
  });
}
