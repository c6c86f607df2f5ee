/** The failure a reader chose to see, or `none` for the happy path. */
export type ScenarioId =
  | 'none'
  | 'wrong-credentials'
  | 'invalid-vin'
  | 'rejected-clearance'
  | 'rate-limit';

/** A scenario as the page lists it, with the step where it shows. */
export interface Scenario {
  id: ScenarioId;
  label: string;
  description: string;
}

/** The scenarios in the order the page lists them. */
export const scenarios: readonly Scenario[] = [
  { id: 'none', label: 'Everything works', description: 'Every step succeeds.' },
  {
    id: 'wrong-credentials',
    label: 'Wrong credentials',
    description:
      'Step 1 makes credentials the mock does not accept (a wrong secret, or a key other than the registered one), so step 2 fails. Create the credentials again after choosing it.',
  },
  {
    id: 'invalid-vin',
    label: 'Invalid VIN',
    description:
      'Step 3 uses a VIN with the letter O, which VINs never contain, so the SDK rejects it before sending anything.',
  },
  {
    id: 'rejected-clearance',
    label: 'Clearance rejected',
    description: 'Step 4 ends with the clearance rejected instead of approved.',
  },
  {
    id: 'rate-limit',
    label: 'Rate limit',
    description: 'Step 3 gets HTTP 429 Too Many Requests from the mock.',
  },
];

/** Returns whether `value` names a scenario. */
export function isScenarioId(value: unknown): value is ScenarioId {
  return scenarios.some((scenario) => scenario.id === value);
}
