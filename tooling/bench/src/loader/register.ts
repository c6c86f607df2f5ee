/**
 * Registers {@link ./hooks.ts} so that `node --import <this file> some.bench.ts` runs a
 * TypeScript benchmark file on Node 20, which cannot strip types by itself.
 */
import { register } from 'node:module';

register('./hooks.js', import.meta.url);
