import { describe, expect, it } from 'vitest';
import { buildCards, formatData, latestTimestamp } from '../src/vehicle-cards.js';

const at = (data: unknown, timestamp = '2026-01-01T10:00:00.000Z') => [{ data, timestamp }];

describe('formatData', () => {
  const cases: Array<[string, unknown, string]> = [
    ['odometer', { value: 12345, unit: 'kilometers' }, '12,345 km'],
    ['battery_level', 0.57, '57 %'],
    ['speed', 42, '42'],
    ['status', 'not_charging', 'not charging'],
    ['coordinates', { latitude: 52.52, longitude: 13.405 }, '52.52000, 13.40500'],
    ['locks', { location: 'front_left', lock_state: 'locked' }, 'front left: locked'],
    [
      'tire_pressures',
      { location: 'rear_right', pressure: { value: 2.6, unit: 'bars' } },
      'rear right: 2.6 bar',
    ],
    ['unknown_unit', { value: 3, unit: 'furlongs' }, '3 furlongs'],
    ['other', { a: 1, b: 2 }, '{"a":1,"b":2}'],
  ];
  for (const [property, data, expected] of cases) {
    it(`formats ${property}`, () => {
      expect(formatData(property, data)).toBe(expected);
    });
  }
});

describe('buildCards', () => {
  it('groups known properties and keeps the rest', () => {
    const cards = buildCards({
      vin: '2HM00000000000001',
      brand: 'sandbox',
      diagnostics: { odometer: at({ value: 100, unit: 'kilometers' }), engine_rpm: at(800) },
      doors: {
        locks: [
          { data: { location: 'front_left', lock_state: 'locked' } },
          { data: { location: 'front_right', lock_state: 'unlocked' } },
        ],
      },
    });
    expect(cards).toEqual([
      { title: 'Odometer and speed', rows: [['Odometer', '100 km']] },
      {
        title: 'Doors',
        rows: [
          ['Lock', 'front left: locked'],
          ['Lock', 'front right: unlocked'],
        ],
      },
      { title: 'More', rows: [['diagnostics: engine rpm', '800']] },
    ]);
  });

  it('shows failed properties with the reason', () => {
    const cards = buildCards({
      charging: {
        battery_level: [
          { failure: { reason: 'privacy_mode_active', description: 'Privacy mode is on' } },
        ],
      },
    });
    expect(cards).toEqual([
      { title: 'Battery and fuel', rows: [['Battery', 'unavailable (Privacy mode is on)']] },
    ]);
  });

  it('returns no cards for data without capabilities', () => {
    expect(buildCards({ vin: '2HM00000000000001', request_id: 'abc' })).toEqual([]);
  });
});

describe('latestTimestamp', () => {
  it('finds the newest value', () => {
    const data = {
      diagnostics: { speed: at(1, '2026-01-01T10:00:00.000Z') },
      doors: { locks_state: at('locked', '2026-01-02T08:00:00.000Z') },
    };
    expect(latestTimestamp(data)).toBe('2026-01-02T08:00:00.000Z');
    expect(latestTimestamp({})).toBeUndefined();
  });
});
