import { byId, h } from '../dom.js';
import { applyScenario, demoVin } from '../mock.js';
import { isScenarioId, type Scenario, scenarios } from '../scenarios.js';
import type { Session } from '../session.js';

/** A VIN with the letter O, which VINs never contain, so the SDK rejects it before sending. */
export const invalidVin = '2HM0000000000000O';

function scenarioOption({ id, label, description }: Scenario): HTMLLabelElement {
  const input = h('input', { type: 'radio', name: 'scenario', value: id });
  if (id === 'none') input.checked = true;
  return h('label', {}, input, h('span', {}, h('strong', {}, label), ': ', description));
}

/** Wires the scenario picker: the chosen failure is set up in the mock or in the form. */
export function mountScenarioPicker(session: Session): void {
  const form = byId('scenario-form', HTMLFormElement);
  const fieldset = byId('scenario-options', HTMLFieldSetElement);
  const status = byId('scenario-status', HTMLElement);
  const vinInput = byId('vin', HTMLInputElement);
  for (const scenario of scenarios) fieldset.append(scenarioOption(scenario));

  form.addEventListener('change', () => {
    const value = new FormData(form).get('scenario');
    if (!isScenarioId(value)) return;
    const previous = session.scenario;
    session.scenario = value;
    applyScenario(session.mock, value);

    // The invalid VIN goes into the field, where the reader sees it, and leaves with its scenario.
    if (value === 'invalid-vin') vinInput.value = invalidVin;
    else if (previous === 'invalid-vin') vinInput.value = demoVin;

    const chosen = scenarios.find((scenario) => scenario.id === value);
    status.textContent = `Scenario: ${chosen?.label}. ${chosen?.description}`;
  });
}
