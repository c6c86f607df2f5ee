/** One value of a property, as the vehicle data endpoint returns it (Auto API 13). */
export interface PropertyValue {
  data?: unknown;
  timestamp?: string;
  failure?: { reason?: string; description?: string };
}

/**
 * The vehicle data response: capability, then property, then a list of values. The same object
 * has top-level strings (`vin`, `brand`, `request_id`), which are not capabilities.
 */
export type VehicleData = Record<string, unknown>;

/** Returns the capabilities of the response as [capability, property, values] entries. */
function propertiesOf(data: VehicleData): Array<[string, string, PropertyValue[]]> {
  const entries: Array<[string, string, PropertyValue[]]> = [];
  for (const [capability, properties] of Object.entries(data)) {
    if (typeof properties !== 'object' || properties === null || Array.isArray(properties))
      continue;
    for (const [property, values] of Object.entries(properties)) {
      if (Array.isArray(values)) entries.push([capability, property, values as PropertyValue[]]);
    }
  }
  return entries;
}

/** A card on the page: a title and label/value rows, all plain text. */
export interface Card {
  title: string;
  rows: Array<[label: string, value: string]>;
}

/** The properties each card shows, as [capability, property, label]. */
const cardSpecs: ReadonlyArray<{ title: string; fields: Array<[string, string, string]> }> = [
  {
    title: 'Odometer and speed',
    fields: [
      ['diagnostics', 'odometer', 'Odometer'],
      ['diagnostics', 'speed', 'Speed'],
    ],
  },
  {
    title: 'Battery and fuel',
    fields: [
      ['charging', 'battery_level', 'Battery'],
      ['charging', 'estimated_range', 'Range'],
      ['charging', 'status', 'Charging'],
      ['charging', 'plugged_in', 'Plug'],
      ['diagnostics', 'fuel_level', 'Fuel'],
      ['diagnostics', 'battery_voltage', '12 V battery'],
    ],
  },
  {
    title: 'Location',
    fields: [
      ['vehicle_location', 'coordinates', 'Coordinates'],
      ['vehicle_location', 'heading', 'Heading'],
      ['vehicle_location', 'altitude', 'Altitude'],
    ],
  },
  {
    title: 'Doors',
    fields: [
      ['doors', 'locks_state', 'All doors'],
      ['doors', 'locks', 'Lock'],
      ['doors', 'positions', 'Door'],
    ],
  },
  { title: 'Tires', fields: [['diagnostics', 'tire_pressures', 'Pressure']] },
  {
    title: 'Ignition and motion',
    fields: [
      ['ignition', 'state', 'Ignition'],
      ['race', 'vehicle_moving', 'Moving'],
    ],
  },
];

/** Properties whose numbers are fractions from 0 to 1, which the page shows as percentages. */
const fractionProperties = new Set(['battery_level', 'fuel_level', 'adblue_level']);

const unitSymbols: Record<string, string> = {
  kilometers: 'km',
  miles: 'mi',
  meters: 'm',
  kilometers_per_hour: 'km/h',
  miles_per_hour: 'mph',
  volts: 'V',
  bars: 'bar',
  kilopascals: 'kPa',
  pounds_force_per_square_inch: 'psi',
  degrees: '°',
  celsius: '°C',
  liters: 'l',
};

/** Turns an enum value such as `not_charging` into `not charging`. */
function humanize(text: string): string {
  return text.replace(/_/g, ' ');
}

function formatNumber(value: number): string {
  return value.toLocaleString('en-GB', { maximumFractionDigits: 5 });
}

/** Formats one `data` value: a measure, coordinates, a located value, an enum or a number. */
export function formatData(property: string, data: unknown): string {
  if (typeof data === 'number') {
    return fractionProperties.has(property) ? `${Math.round(data * 100)} %` : formatNumber(data);
  }
  if (typeof data === 'string') return humanize(data);
  if (typeof data !== 'object' || data === null) return String(data);
  const record = data as Record<string, unknown>;
  if (typeof record.value === 'number' && typeof record.unit === 'string') {
    const symbol = unitSymbols[record.unit] ?? humanize(record.unit);
    return `${formatNumber(record.value)} ${symbol}`;
  }
  if (typeof record.latitude === 'number' && typeof record.longitude === 'number') {
    return `${record.latitude.toFixed(5)}, ${record.longitude.toFixed(5)}`;
  }
  const values = Object.entries(record).filter(([key]) => key !== 'location');
  if (typeof record.location === 'string' && values.length === 1 && values[0]) {
    return `${humanize(record.location)}: ${formatData(values[0][0], values[0][1])}`;
  }
  return JSON.stringify(data);
}

function formatValue(property: string, value: PropertyValue): string {
  if (value.failure) {
    const reason = value.failure.description ?? value.failure.reason ?? 'no reason given';
    return `unavailable (${reason})`;
  }
  return formatData(property, value.data);
}

/** Returns the rows of one property: one row per value, because some have one per location. */
function rowsFor(label: string, property: string, values: PropertyValue[]): Card['rows'] {
  return values.map((value) => [label, formatValue(property, value)]);
}

/**
 * Arranges vehicle data into cards for the page. Properties no card names go to a last card
 * named "More", so nothing the API sent is hidden.
 */
export function buildCards(data: VehicleData): Card[] {
  const properties = new Map(
    propertiesOf(data).map(([capability, property, values]) => [
      `${capability}.${property}`,
      values,
    ]),
  );
  const cards: Card[] = [];
  for (const spec of cardSpecs) {
    const rows: Card['rows'] = [];
    for (const [capability, property, label] of spec.fields) {
      const key = `${capability}.${property}`;
      const values = properties.get(key);
      properties.delete(key);
      if (values) rows.push(...rowsFor(label, property, values));
    }
    if (rows.length > 0) cards.push({ title: spec.title, rows });
  }

  const more: Card['rows'] = [];
  for (const [key, values] of properties) {
    const [capability = '', property = ''] = key.split('.');
    more.push(...rowsFor(`${humanize(capability)}: ${humanize(property)}`, property, values));
  }
  if (more.length > 0) cards.push({ title: 'More', rows: more });
  return cards;
}

/** Returns the newest timestamp in the data, or undefined when no value has one. */
export function latestTimestamp(data: VehicleData): string | undefined {
  let latest: string | undefined;
  for (const [, , values] of propertiesOf(data)) {
    for (const value of values) {
      if (value.timestamp && (latest === undefined || value.timestamp > latest)) {
        latest = value.timestamp;
      }
    }
  }
  return latest;
}
