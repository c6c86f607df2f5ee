import type { ClearanceRecord } from './state/clearances.js';

/** Operators of the `filter` query parameter of `GET /v1/fleets/vehicles`. */
export const filterOperators = ['eq', 'in', 'contains', 'lt', 'gt', 'lte', 'gte'] as const;

/** Fields the `filter` query parameter can test. */
export const filterFields = [
  'vin',
  'status',
  'brand',
  'tags',
  'approved_at',
  'inserted_at',
] as const;

type FilterField = (typeof filterFields)[number];
type FilterOperator = (typeof filterOperators)[number];

interface Condition {
  field: FilterField;
  operator: FilterOperator;
  value: unknown;
}

/** A parsed filter: the clearance predicate, or the message that explains what is wrong. */
export type ParsedFilter =
  | { ok: true; matches: (record: ClearanceRecord) => boolean }
  | { ok: false; message: string };

const textFields: ReadonlySet<FilterField> = new Set(['vin', 'status', 'brand']);
const dateFields: ReadonlySet<FilterField> = new Set(['approved_at', 'inserted_at']);

const allowedOperators: Record<FilterField, readonly FilterOperator[]> = {
  vin: ['eq', 'in', 'contains'],
  status: ['eq', 'in'],
  brand: ['eq', 'in'],
  tags: ['eq', 'contains'],
  approved_at: ['eq', 'lt', 'gt', 'lte', 'gte'],
  inserted_at: ['eq', 'lt', 'gt', 'lte', 'gte'],
};

/**
 * Parses the URL-decoded `filter` value, a JSON object such as
 * `{"status":{"operator":"in","value":["approved","rejected"]}}`. All conditions must hold.
 */
export function parseFilter(raw: string | null): ParsedFilter {
  if (raw === null || raw === '') return { ok: true, matches: () => true };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return {
      ok: false,
      message:
        'filter must be URL-encoded JSON, for example {"vin":{"operator":"eq","value":"..."}}',
    };
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    return { ok: false, message: 'filter must be a JSON object keyed by field name' };
  }
  const conditions: Condition[] = [];
  for (const [field, spec] of Object.entries(parsed)) {
    const condition = parseCondition(field, spec);
    if (typeof condition === 'string') return { ok: false, message: condition };
    conditions.push(condition);
  }
  return {
    ok: true,
    matches: (record) => conditions.every((condition) => test(condition, record)),
  };
}

function parseCondition(field: string, spec: unknown): Condition | string {
  if (!(filterFields as readonly string[]).includes(field)) {
    return `filter field "${field}" is not supported; use one of ${filterFields.join(', ')}`;
  }
  const key = field as FilterField;
  const { operator, value } = (spec ?? {}) as { operator?: unknown; value?: unknown };
  if (!allowedOperators[key].includes(operator as FilterOperator)) {
    return `filter operator "${String(operator)}" is not supported on ${field}; use one of ${allowedOperators[key].join(', ')}`;
  }
  const op = operator as FilterOperator;
  if (op === 'in' && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
    return `filter ${field} with operator in needs an array of strings as value`;
  }
  if (key === 'tags' && (value === null || typeof value !== 'object' || Array.isArray(value))) {
    return 'filter tags needs an object of tag names to values as value';
  }
  if (textFields.has(key) && op !== 'in' && typeof value !== 'string') {
    return `filter ${field} with operator ${op} needs a string value`;
  }
  if (dateFields.has(key) && Number.isNaN(Date.parse(String(value)))) {
    return `filter ${field} needs an ISO 8601 date-time value, got ${JSON.stringify(value)}`;
  }
  return { field: key, operator: op, value };
}

function test(condition: Condition, record: ClearanceRecord): boolean {
  const { field, operator, value } = condition;
  if (field === 'tags') return testTags(operator, value as Record<string, unknown>, record.tags);
  if (dateFields.has(field)) {
    const actual = field === 'approved_at' ? record.approvedAt : record.insertedAt;
    return actual !== undefined && compare(operator, actual, Date.parse(String(value)));
  }
  const actual = record[field as 'vin' | 'status' | 'brand'];
  if (operator === 'in') return (value as string[]).includes(actual);
  if (operator === 'contains') return actual.includes(value as string);
  return actual === value;
}

function testTags(
  operator: FilterOperator,
  expected: Record<string, unknown>,
  tags: Record<string, string>,
): boolean {
  const entries = Object.entries(expected);
  const subset = entries.every(([name, value]) => tags[name] === value);
  if (operator === 'contains') return subset;
  return subset && entries.length === Object.keys(tags).length;
}

function compare(operator: FilterOperator, actual: number, expected: number): boolean {
  switch (operator) {
    case 'lt':
      return actual < expected;
    case 'gt':
      return actual > expected;
    case 'lte':
      return actual <= expected;
    case 'gte':
      return actual >= expected;
    default:
      return actual === expected;
  }
}
