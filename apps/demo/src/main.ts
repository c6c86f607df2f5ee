import './styles.css';
import { byId } from './dom.js';
import { startDemoMock } from './mock.js';
import { createSession } from './session.js';
import { mountAuthStep } from './steps/auth.js';
import { mountEligibilityStep } from './steps/eligibility.js';
import { mountTokenStep } from './steps/token.js';

async function main(): Promise<void> {
  const status = byId('mock-status', HTMLElement);
  const baseUrl = window.location.origin;
  try {
    const mock = await startDemoMock(baseUrl);
    const session = createSession(mock, baseUrl);
    mountAuthStep(session);
    mountTokenStep(session);
    mountEligibilityStep(session);
    status.textContent = `The mock API is running in this page at ${baseUrl}.`;
    document.body.dataset.ready = 'true';
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    status.textContent = `The mock API could not start: ${reason}. Service workers need http://localhost, http://127.0.0.1 or https.`;
    status.classList.add('error');
  }
}

void main();
