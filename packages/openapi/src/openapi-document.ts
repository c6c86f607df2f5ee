/**
 * The parts of an OpenAPI 3.0 document that this package describes by type.
 * Everything deeper stays `unknown`, because the precise request and response
 * types come from the generated `paths` and `components`.
 */
export interface OpenApiDocument {
  /** OpenAPI version of the document, such as `3.0.3`. */
  openapi: string;
  info: { title: string; version: string; description?: string; [key: string]: unknown };
  servers?: Array<{ url: string; description?: string }>;
  /** Path items keyed by path template, such as `/v1/fleets/vehicles/{vin}`. */
  paths: Record<string, Record<string, unknown>>;
  /** Reusable objects keyed by kind (`schemas`, `responses`, ...) and then by name. */
  components?: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}
