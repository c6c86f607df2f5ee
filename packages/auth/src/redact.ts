/** Key that Node's `util.inspect` looks up for a custom representation; no Node import needed. */
export const inspectSymbol: unique symbol = Symbol.for('nodejs.util.inspect.custom') as never;

export { REDACTED } from './errors.js';
