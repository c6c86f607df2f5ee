/** The failure a reader chose to see, or `none` for the happy path. */
export type ScenarioId =
  | 'none'
  | 'wrong-credentials'
  | 'invalid-vin'
  | 'rejected-clearance'
  | 'rate-limit';

/** The scenarios in the order the page lists them, with the step where each one shows. */
export const scenarios: ReadonlyArray<{ id: ScenarioId; label: string; where: string }> = [
  { id: 'none', label: 'Everything works', where: 'every step succeeds' },
  {
    id: 'wrong-credentials',
    label: 'Wrong credentials',
    where: 'step 2 fails: the secret or the key does not match the registered app',
  },
  {
    id: 'invalid-vin',
    label: 'Invalid VIN',
    where: 'step 3 fails: the VIN field is filled with a VIN that has a letter O',
  },
  {
    id: 'rejected-clearance',
    label: 'Clearance rejected',
    where: 'step 4 ends with the clearance rejected',
  },
  {
    id: 'rate-limit',
    label: 'Rate limit',
    where: 'step 3 answers HTTP 429 until the retries are used up',
  },
];

/** Returns whether `value` names a scenario. */
export function isScenarioId(value: unknown): value is ScenarioId {
  return scenarios.some((scenario) => scenario.id === value);
}
