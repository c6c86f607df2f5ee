import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  type ApiError,
  type Clearance,
  type ClearanceFilter,
  type ClearanceRecordStatus,
  type ClearanceStatus,
  type OperationId,
  openApiDocument,
  type paths,
} from '../src/index.js';

describe('package entry', () => {
  it('exposes the document with every operation', () => {
    const operations = Object.entries(openApiDocument.paths).flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => key !== 'parameters')
        .map((method) => `${method.toUpperCase()} ${path}`),
    );

    expect(openApiDocument.openapi).toMatch(/^3\.0\./);
    expect(operations).toEqual(
      expect.arrayContaining([
        'POST /v1/access_tokens',
        'POST /v1/eligibility',
        'POST /v1/fleets/vehicles',
        'GET /v1/fleets/vehicles',
        'GET /v1/fleets/vehicles/{vin}',
        'GET /v1/vehicle-data/autoapi-13/{vin}',
        'DELETE /v1/access_tokens',
        'DELETE /v1/fleets/vehicles/{vin}',
        'POST /v1/telematics_status',
        'GET /v1/vehicle-static-data/{vin}/data',
      ]),
    );
  });

  it('types the clearance status enums', () => {
    expectTypeOf<ClearanceRecordStatus>().toExtend<ClearanceStatus>();
    expectTypeOf<'error'>().toExtend<ClearanceStatus>();
    expectTypeOf<'error'>().not.toExtend<ClearanceRecordStatus>();
    expectTypeOf<Clearance['status']>().toEqualTypeOf<ClearanceRecordStatus>();
  });

  it('types the error bodies of operations', () => {
    type NotFound =
      paths['/v1/fleets/vehicles/{vin}']['get']['responses'][404]['content']['application/json'];
    expectTypeOf<NotFound>().toEqualTypeOf<ApiError>();
    expectTypeOf<'getClearance'>().toExtend<OperationId>();
  });

  it('types the clearance filter operators', () => {
    expectTypeOf<{ vin: { operator: 'in'; value: string[] } }>().toExtend<ClearanceFilter>();
    expectTypeOf<{ approved_at: { operator: 'gte'; value: string } }>().toExtend<ClearanceFilter>();
    expectTypeOf<{
      tags: { operator: 'contains'; value: { depot: string } };
    }>().toExtend<ClearanceFilter>();
    // `in` takes a list, dates have no `in` operator, and stored clearances never have `error`.
    expectTypeOf<{ vin: { operator: 'in'; value: string } }>().not.toExtend<ClearanceFilter>();
    expectTypeOf<{
      inserted_at: { operator: 'in'; value: string[] };
    }>().not.toExtend<ClearanceFilter>();
    expectTypeOf<{ status: { operator: 'eq'; value: 'error' } }>().not.toExtend<ClearanceFilter>();
  });
});
