import { readFile } from 'node:fs/promises';
import { type Credentials, parseCredentialsJson } from '../credentials/credentials.js';

/** Reads a credentials JSON file downloaded from the console. */
export async function loadCredentialsFile(path: string): Promise<Credentials> {
  return parseCredentialsJson(await readFile(path, 'utf8'));
}
