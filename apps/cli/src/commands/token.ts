import type { AccessToken } from '@hm-sdk/auth';
import {
  connectionOptions,
  connectionOptionsHelp,
  outputOptions,
  outputOptionsHelp,
  runCommand,
} from '../command.js';
import { withConnection } from '../connection/lazy.js';
import { renderFields } from '../format/table.js';
import type { Output } from '../output.js';

const help = `Usage: hm token [--decode] [--show-token]

Gets an access token with the configured credentials and shows its type, expiry and scopes.
The token itself is printed only with --show-token.

Options:
  --decode               also show the token's JWT header and claims (not the signature)
  --show-token           print the raw access token; without --json, print only the token

${connectionOptionsHelp}

${outputOptionsHelp}`;

const options = {
  ...outputOptions,
  ...connectionOptions,
  decode: { type: 'boolean' },
  'show-token': { type: 'boolean' },
} as const;

/** The decoded JSON parts of a JWT, or undefined when the token is not a JWT. */
interface DecodedJwt {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

function decodeSegment(segment: string | undefined): Record<string, unknown> | undefined {
  if (segment === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Decodes the header and claims of a JWT without verifying it; the signature is dropped. */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const [header, claims] = token
    .split('.')
    .map((part, index) => (index < 2 ? decodeSegment(part) : undefined));
  return header && claims ? { header, claims } : undefined;
}

function formatClaim(name: string, value: unknown): string {
  // `exp`, `iat` and `nbf` are seconds since the epoch (RFC 7519, section 2).
  if ((name === 'exp' || name === 'iat' || name === 'nbf') && typeof value === 'number') {
    return `${value} (${new Date(value * 1000).toISOString()})`;
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function printToken(output: Output, token: AccessToken, baseUrl: string, decoded?: DecodedJwt) {
  const { style } = output;
  const seconds = Math.round((token.expiresAt.getTime() - Date.now()) / 1000);
  output.out(
    renderFields(
      [
        ['API', baseUrl],
        ['type', token.tokenType],
        ['expires', `${token.expiresAt.toISOString()} (in ${seconds} s)`],
        ['scopes', token.scopes.join(' ') || style.dim('none granted')],
      ],
      style,
    ),
  );
  if (decoded === undefined) return;
  output.out(`\n${style.bold('Header')}`);
  output.out(
    renderFields(
      Object.entries(decoded.header).map(([k, v]) => [k, formatClaim(k, v)]),
      style,
    ),
  );
  output.out(`\n${style.bold('Claims')}`);
  output.out(
    renderFields(
      Object.entries(decoded.claims).map(([k, v]) => [k, formatClaim(k, v)]),
      style,
    ),
  );
}

/** Runs `hm token`. */
export function run(argv: string[]): Promise<number> {
  return runCommand(
    argv,
    { name: 'token', help, options, positionals: { min: 0, max: 0, names: '' } },
    async ({ values, output }) =>
      withConnection(values, output, async ({ tokenProvider, baseUrl }) => {
        const token = await tokenProvider.getToken();
        const decoded = values.decode ? decodeJwt(token.accessToken) : undefined;
        if (values.decode && decoded === undefined) {
          output.err('The access token is not a JWT, so it has no claims to decode.');
        }
        const showToken = values['show-token'] === true;
        if (output.json) {
          output.printJson({
            baseUrl,
            tokenType: token.tokenType,
            scopes: token.scopes,
            expiresAt: token.expiresAt.toISOString(),
            expiresInSeconds: Math.round((token.expiresAt.getTime() - Date.now()) / 1000),
            ...(decoded === undefined ? {} : { header: decoded.header, claims: decoded.claims }),
            ...(showToken ? { accessToken: token.accessToken } : {}),
          });
        } else if (showToken) {
          output.out(token.accessToken);
        } else {
          printToken(output, token, baseUrl, decoded);
        }
        return 0;
      }),
  );
}
