import type { ClearanceFilter } from '@hm-sdk/openapi';
import { assertValidVin } from '../vin.js';

/** The clearance filter with every field required, so `Conditions[Field]` is a condition type. */
export type Conditions = Required<ClearanceFilter>;

/** A field that `GET /v1/fleets/vehicles` can filter on. */
export type ClearanceFilterField = keyof Conditions;

/** The filter fields whose values are date-times, so their builder methods also take `Date`. */
export type DateField = 'approved_at' | 'inserted_at';

/** The operator names that a field's condition type allows, such as `'eq' | 'in'`. */
export type OperatorOf<Condition> = Condition extends { operator: infer Operator extends string }
  ? Operator
  : never;

/** The value type that a field's condition takes with `Operator`, or `never` if not allowed. */
export type ValueOf<Condition, Operator> = Condition extends {
  operator: infer Allowed;
  value: infer Value;
}
  ? Operator extends Allowed
    ? Value
    : never
  : never;

/** The value a builder method accepts: the wire value, plus `Date` for the date fields. */
export type InputOf<Field, Value> = Field extends DateField ? Value | Date : Value;

/**
 * The operators the contract allows on one field, each taking the value type that operator
 * needs. Date fields also take `Date` objects.
 */
export type ConditionBuilder<Field extends ClearanceFilterField> = {
  [Operator in OperatorOf<Conditions[Field]>]: (
    value: InputOf<Field, ValueOf<Conditions[Field], Operator>>,
  ) => ClearanceFilterBuilder;
};

const operatorsByField: { readonly [Field in ClearanceFilterField]: readonly string[] } = {
  vin: ['eq', 'in'],
  status: ['eq', 'in'],
  brand: ['eq', 'in'],
  tags: ['eq', 'contains'],
  approved_at: ['eq', 'lt', 'gt', 'lte', 'gte'],
  inserted_at: ['eq', 'lt', 'gt', 'lte', 'gte'],
};

function normaliseValue(field: ClearanceFilterField, operator: string, value: unknown): unknown {
  if (operator === 'in' && !Array.isArray(value)) {
    throw new TypeError(
      `Invalid value for ${field} in: pass an array, got ${JSON.stringify(value)}.`,
    );
  }
  if (field === 'vin') {
    for (const vin of Array.isArray(value) ? value : [value]) assertValidVin(vin);
  }
  if (field === 'approved_at' || field === 'inserted_at') return toDateTime(field, value);
  if (field === 'tags' && (typeof value !== 'object' || value === null || Array.isArray(value))) {
    throw new TypeError(
      `Invalid value for tags ${operator}: pass an object of tag names to values.`,
    );
  }
  // Copies, so later changes to the caller's array or object do not alter the filter.
  if (Array.isArray(value)) return [...value];
  if (typeof value === 'object' && value !== null) return { ...value };
  return value;
}

function toDateTime(field: string, value: unknown): string {
  const time = value instanceof Date ? value.getTime() : Date.parse(String(value));
  if (Number.isNaN(time)) {
    throw new TypeError(
      `Invalid date for ${field}: ${JSON.stringify(value)}. Pass a Date or an ISO 8601 date-time such as 2024-03-31T00:00:00Z.`,
    );
  }
  return value instanceof Date ? value.toISOString() : String(value);
}

/**
 * Builds the `filter` of `GET /v1/fleets/vehicles` with the operators the contract allows per
 * field. Each call returns a new builder; a second condition on the same field replaces the
 * first, because the API takes one condition per field. All conditions must hold.
 *
 * @example
 * ```ts
 * const filter = clearanceFilter()
 *   .where('status').in(['approved', 'pending'])
 *   .where('approved_at').gte(new Date('2024-01-01T00:00:00Z'));
 * const clearances = await client.listClearances(filter);
 * ```
 */
export class ClearanceFilterBuilder {
  readonly #conditions: Readonly<ClearanceFilter>;

  constructor(conditions: ClearanceFilter = {}) {
    this.#conditions = Object.freeze({ ...conditions });
  }

  /** Starts a condition on `field`; call one of the returned operators to finish it. */
  where<Field extends ClearanceFilterField>(field: Field): ConditionBuilder<Field> {
    const operators = operatorsByField[field];
    if (operators === undefined) {
      throw new TypeError(
        `Unknown clearance filter field ${JSON.stringify(field)}; use one of ${Object.keys(operatorsByField).join(', ')}.`,
      );
    }
    const methods: Record<string, (value: unknown) => ClearanceFilterBuilder> = {};
    for (const operator of operators) {
      methods[operator] = (value) =>
        new ClearanceFilterBuilder({
          ...this.#conditions,
          [field]: { operator, value: normaliseValue(field, operator, value) },
        });
    }
    return methods as ConditionBuilder<Field>;
  }

  /** Returns the filter object, ready for `listClearances` or the `filter` query parameter. */
  build(): ClearanceFilter {
    return structuredClone(this.#conditions) as ClearanceFilter;
  }

  /** Returns the filter object, so `JSON.stringify(builder)` gives the wire format. */
  toJSON(): ClearanceFilter {
    return this.build();
  }
}

/** Starts an empty {@link ClearanceFilterBuilder}. */
export function clearanceFilter(): ClearanceFilterBuilder {
  return new ClearanceFilterBuilder();
}
