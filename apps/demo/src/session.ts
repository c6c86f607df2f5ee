import type { Credentials, TokenProvider } from '@hm-sdk/auth';
import type { DemoMock } from './mock.js';
import type { ScenarioId } from './scenarios.js';

/** The state the walkthrough has built so far. Each step reads what earlier steps stored. */
export interface Session {
  /**
   * The API base URL: the page's own origin. The msw worker handles requests to it, and any
   * request it does not handle reaches the page's server, never a High Mobility host.
   */
  readonly baseUrl: string;
  /** The mock and the service worker that serves it. */
  readonly mock: DemoMock;
  /** The failure the reader chose to see; steps read it when they run. */
  scenario: ScenarioId;
  credentials: Credentials | undefined;
  tokenProvider: TokenProvider | undefined;
  /** The vehicle that passed the eligibility check. */
  vehicle: { vin: string; brand: string } | undefined;
  /** The VIN whose clearance was approved, so its data can be read. */
  cleared: string | undefined;
  /** Called after a step changed the session, so later steps can enable their controls. */
  notify(): void;
  subscribe(listener: () => void): void;
}

/** Creates an empty session for a mock served at `baseUrl`. */
export function createSession(mock: DemoMock, baseUrl: string): Session {
  const listeners: Array<() => void> = [];
  return {
    baseUrl,
    mock,
    scenario: 'none',
    credentials: undefined,
    tokenProvider: undefined,
    vehicle: undefined,
    cleared: undefined,
    notify() {
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.push(listener);
      listener();
    },
  };
}
