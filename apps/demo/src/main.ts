import './styles.css';
import proxySource from '../examples/sandbox-proxy.mjs?raw';
import { byId } from './dom.js';
import { approvalDelayFrom, startDemoMock } from './mock.js';
import { createSession } from './session.js';
import { mountAuthStep } from './steps/auth.js';
import { mountClearanceStep } from './steps/clearance.js';
import { mountEligibilityStep } from './steps/eligibility.js';
import { mountScenarioPicker } from './steps/scenario.js';
import { mountTokenStep } from './steps/token.js';
import { mountVehicleDataStep } from './steps/vehicle-data.js';

async function main(): Promise<void> {
  byId('proxy-source', HTMLElement).textContent = proxySource;
  const status = byId('mock-status', HTMLElement);
  const baseUrl = window.location.origin;
  try {
    const mock = await startDemoMock(baseUrl, approvalDelayFrom(window.location.search));
    const session = createSession(mock, baseUrl);
    mountScenarioPicker(session);
    mountAuthStep(session);
    mountTokenStep(session);
    mountEligibilityStep(session);
    mountClearanceStep(session);
    mountVehicleDataStep(session);
    status.textContent = `The mock API is running in this page at ${baseUrl}.`;
    document.body.dataset.ready = 'true';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    status.textContent = `The mock API could not start: ${reason}. Service workers need http://localhost, http://127.0.0.1 or https.`;
    status.classList.add('error');
  }
}

void main();
