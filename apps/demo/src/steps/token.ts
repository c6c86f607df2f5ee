import { createTokenProvider } from '@hm-sdk/auth';
import { startCountdown } from '../countdown.js';
import { byId, h, setReady } from '../dom.js';
import { decodeJwt } from '../jwt.js';
import { maskSecret } from '../mask.js';
import type { Session } from '../session.js';
import { tokenSnippet } from '../snippets.js';
import { createStepView } from '../step-view.js';

/**
 * Meanings of the registered JWT claims (RFC 7519, section 4.1), OAuth's `scope`, and the JWS
 * header parameters (RFC 7515, section 4.1).
 */
const claimMeanings: Record<string, string> = {
  iss: 'issuer',
  sub: 'subject',
  aud: 'audience',
  exp: 'expires at',
  nbf: 'not valid before',
  iat: 'issued at',
  jti: 'token id',
  scope: 'what the token allows',
  alg: 'signature algorithm',
  typ: 'token type',
  kid: 'signing key id',
};

/** Claims whose values are seconds since the epoch, shown as dates as well. */
const timeClaims = new Set(['iat', 'exp', 'nbf', 'auth_time']);

function formatClaim(name: string, value: unknown): string {
  if (timeClaims.has(name) && typeof value === 'number') {
    return `${value} (${new Date(value * 1000).toISOString()})`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function claimsTable(caption: string, claims: Record<string, unknown>): HTMLTableElement {
  const rows = Object.entries(claims).map(([name, value]) => {
    const meaning = claimMeanings[name];
    const label = meaning ? [name, h('span', { class: 'claim-meaning' }, meaning)] : [name];
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, ...label),
      h('td', {}, h('code', {}, formatClaim(name, value))),
    );
  });
  return h(
    'table',
    { class: 'claims' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Value')),
    ),
    h('tbody', {}, ...rows),
  );
}

/** Decodes the access token for display. An opaque token is valid too, so it gets a note. */
function decodedToken(accessToken: string): HTMLElement[] {
  try {
    const { header, payload } = decodeJwt(accessToken);
    return [claimsTable('Token header', header), claimsTable('Token claims', payload)];
  } catch {
    return [h('p', {}, 'The access token is not a JWT, so it has no claims to show.')];
  }
}

/** Wires step 2: get an access token with the credentials from step 1. */
export function mountTokenStep(session: Session): void {
  const view = createStepView('step-token');
  const button = byId('token-submit', HTMLButtonElement);
  view.setSnippet(tokenSnippet());
  session.subscribe(() => setReady(button, session.credentials !== undefined));

  button.addEventListener('click', async () => {
    const credentials = session.credentials;
    if (credentials === undefined) return;
    session.tokenProvider = undefined;
    await view.run(async () => {
      const provider = createTokenProvider({
        credentials,
        baseUrl: session.baseUrl,
        fetch: view.fetch,
      });
      const token = await provider.getToken();
      session.tokenProvider = provider;
      const countdown = h('p', { class: 'countdown', role: 'timer', 'aria-live': 'off' });
      view.showResult(
        h(
          'p',
          {},
          'Got an access token: ',
          h('code', { id: 'access-token' }, maskSecret(token.accessToken)),
        ),
        h(
          'dl',
          { class: 'fields' },
          h('dt', {}, 'Type'),
          h('dd', {}, token.tokenType),
          h('dt', {}, 'Scopes'),
          h('dd', { id: 'token-scopes' }, token.scopes.join(' ')),
          h('dt', {}, 'Expires at'),
          h('dd', {}, token.expiresAt.toISOString()),
        ),
        countdown,
        ...decodedToken(token.accessToken),
      );
      startCountdown(countdown, token.expiresAt);
    });
    session.notify();
  });
}
