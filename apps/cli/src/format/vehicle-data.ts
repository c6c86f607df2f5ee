import type { Styles } from '../output.js';
import { renderTable } from './table.js';

/** One reading of a property as the vehicle data endpoint returns it. */
interface Reading {
  data?: unknown;
  timestamp?: string;
  failure?: { reason?: string; description?: string };
}

/** Fields of the vehicle data response that are not capabilities. */
const metadataFields = new Set(['vin', 'brand', 'request_id']);

/** Lists the capability names in a vehicle data response. */
export function capabilityNames(data: Record<string, unknown>): string[] {
  return Object.keys(data).filter(
    (key) => !metadataFields.has(key) && typeof data[key] === 'object' && data[key] !== null,
  );
}

/** Formats one value of the Auto API shape as short text, such as `2.4 bars` or `52.52, 13.40`. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value !== 'object') return String(value);
  const fields = value as Record<string, unknown>;
  if ('value' in fields && 'unit' in fields) return `${fields.value} ${fields.unit}`;
  if ('latitude' in fields && 'longitude' in fields) {
    return `${fields.latitude}, ${fields.longitude}`;
  }
  // Per-position readings such as tyre pressures carry a `location` beside one other field.
  const others = Object.entries(fields).filter(([key]) => key !== 'location');
  if (typeof fields.location === 'string' && others.length === 1) {
    return `${fields.location}: ${formatValue(others[0]?.[1])}`;
  }
  return Object.entries(fields)
    .map(([key, item]) => `${key}: ${formatValue(item)}`)
    .join(', ');
}

function formatReading(reading: Reading): string {
  if (reading.failure !== undefined) {
    const { reason, description } = reading.failure;
    return `unavailable (${[reason, description].filter(Boolean).join(': ')})`;
  }
  return formatValue(reading.data);
}

/**
 * Renders vehicle data as a table of capability, property, value and reading time. A property
 * with several readings (one per tyre, door...) gets one row per reading.
 */
export function renderVehicleData(data: Record<string, unknown>, style: Styles): string {
  const rows: string[][] = [];
  for (const capability of capabilityNames(data)) {
    const properties = data[capability] as Record<string, unknown>;
    let first = true;
    for (const [property, value] of Object.entries(properties)) {
      const readings = (Array.isArray(value) ? value : [value]) as Reading[];
      readings.forEach((reading, index) => {
        rows.push([
          first ? style.bold(capability) : '',
          index === 0 ? property : '',
          formatReading(reading),
          style.dim(reading.timestamp ?? '-'),
        ]);
        first = false;
      });
    }
  }
  return renderTable(['CAPABILITY', 'PROPERTY', 'VALUE', 'UPDATED'], rows, style);
}
