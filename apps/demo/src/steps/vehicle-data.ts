import { createHmClient } from '@hm-sdk/client';
import { byId, h, setReady } from '../dom.js';
import type { Session } from '../session.js';
import { vehicleDataSnippet } from '../snippets.js';
import { createStepView } from '../step-view.js';
import { buildCards, type Card, latestTimestamp, type VehicleData } from '../vehicle-cards.js';

function renderCard(card: Card): HTMLElement {
  const rows = card.rows.flatMap(([label, value]) => [h('dt', {}, label), h('dd', {}, value)]);
  return h(
    'article',
    { class: 'card' },
    h('h3', {}, card.title),
    h('dl', { class: 'fields' }, ...rows),
  );
}

/** Wires step 5: read the cleared vehicle's data and show it as cards. */
export function mountVehicleDataStep(session: Session): void {
  const view = createStepView('step-vehicle-data');
  const button = byId('vehicle-data-submit', HTMLButtonElement);
  view.setSnippet(vehicleDataSnippet('<vin>'));
  session.subscribe(() =>
    setReady(button, session.cleared !== undefined && session.tokenProvider !== undefined),
  );

  button.addEventListener('click', async () => {
    const { cleared: vin, tokenProvider } = session;
    if (vin === undefined || tokenProvider === undefined) return;
    view.setSnippet(vehicleDataSnippet(vin));
    await view.run(async () => {
      const client = createHmClient({ tokenProvider, baseUrl: session.baseUrl, fetch: view.fetch });
      const data = (await client.getVehicleData(vin)) as VehicleData;
      const updated = latestTimestamp(data);
      view.showResult(
        h('p', {}, `Data of ${vin}`, updated ? `, last updated ${updated}` : '', ':'),
        h('div', { class: 'cards' }, ...buildCards(data).map(renderCard)),
        h(
          'details',
          { class: 'panel' },
          h('summary', {}, 'The same data as JSON'),
          h('pre', { class: 'code' }, JSON.stringify(data, null, 2)),
        ),
      );
    });
  });
}
