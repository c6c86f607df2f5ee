import { createCredentials, parseCredentialsJson } from '@hm-sdk/auth';
import { byId, h } from '../dom.js';
import { type CredentialsFile, generateKeyPair } from '../keys.js';
import { maskSecret } from '../mask.js';
import type { Session } from '../session.js';
import { clientSecretSnippet, privateKeySnippet } from '../snippets.js';
import { createStepView, type StepView } from '../step-view.js';

/**
 * A toggle button that shows or hides a secret. The secret stays masked until the reader presses
 * the button, and `aria-pressed` exposes the button's state to screen readers.
 */
function revealToggle(label: string, target: HTMLElement, masked: string, clear: string) {
  const button = h(
    'button',
    { type: 'button', class: 'secondary', 'aria-pressed': 'false' },
    label,
  );
  target.textContent = masked;
  button.addEventListener('click', () => {
    const reveal = button.getAttribute('aria-pressed') !== 'true';
    button.setAttribute('aria-pressed', String(reveal));
    target.textContent = reveal ? clear : masked;
  });
  return button;
}

function useClientSecret(session: Session, view: StepView): void {
  const app = session.mock.api.registerApp();
  // The "wrong credentials" scenario keeps the registered app but sends another secret.
  const secret =
    session.scenario === 'wrong-credentials' ? `${app.clientSecret}x` : app.clientSecret;
  session.credentials = createCredentials({ clientId: app.clientId, clientSecret: secret });

  const secretValue = h('code', { id: 'client-secret-value' });
  view.showResult(
    h(
      'p',
      {},
      'The mock registered an app. The console shows these values once, when the app is created:',
    ),
    h(
      'dl',
      { class: 'fields' },
      h('dt', {}, 'client_id'),
      h('dd', {}, h('code', { id: 'client-id-value' }, app.clientId)),
      h('dt', {}, 'client_secret'),
      h(
        'dd',
        {},
        secretValue,
        ' ',
        revealToggle('Show secret', secretValue, maskSecret(secret), secret),
      ),
    ),
  );
  view.setSnippet(clientSecretSnippet(app.clientId));
}

async function usePrivateKey(session: Session, view: StepView): Promise<void> {
  const { clientId } = session.mock.api.registerApp();
  const generated = await generateKeyPair();
  // The "wrong credentials" scenario registers another key, so the page's signatures fail.
  const registeredKey =
    session.scenario === 'wrong-credentials'
      ? (await generateKeyPair()).publicKey
      : generated.publicKey;
  const { privateKeyId } = session.mock.api.registerPrivateKey({
    clientId,
    publicKey: registeredKey,
  });
  const file: CredentialsFile = {
    client_id: clientId,
    id: privateKeyId,
    private_key: generated.privateKeyPem,
    inserted_at: new Date().toISOString(),
  };
  session.credentials = parseCredentialsJson(JSON.stringify(file));

  const clear = JSON.stringify(file, null, 2);
  const masked = JSON.stringify({ ...file, private_key: maskSecret(file.private_key) }, null, 2);
  const json = h('code', { id: 'credentials-json' });
  view.showResult(
    h(
      'p',
      {},
      'The page generated a P-256 key pair with Web Crypto and registered the public key with the mock. The console hands out the private half as this JSON file:',
    ),
    h('pre', { class: 'code' }, json),
    revealToggle('Show private key', json, masked, clear),
  );
  view.setSnippet(privateKeySnippet());
}

/** Wires step 1: register an app with the mock and build credentials of the chosen kind. */
export function mountAuthStep(session: Session): void {
  const view = createStepView('step-auth');
  const form = byId('auth-form', HTMLFormElement);
  view.setSnippet(clientSecretSnippet('<client id>'));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const method = new FormData(form).get('auth-method');
    // New credentials invalidate everything later steps built on the old ones.
    session.credentials = undefined;
    session.tokenProvider = undefined;
    await view.run(async () => {
      if (method === 'private_key') await usePrivateKey(session, view);
      else useClientSecret(session, view);
    });
    session.notify();
  });
}
