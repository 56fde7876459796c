import net from 'node:net';
import path from 'node:path';
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ADMIN_PASSWORD: z.string().min(8, 'ADMIN_PASSWORD must be at least 8 characters').optional(),
  DEMO: z.enum(['0', '1']).default('1'),
  SECRET_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/i, 'SECRET_KEY must be 64 hex characters (32 bytes)')
    .optional(),
  COOKIE_SECURE: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DB_WAIT_MS: z.coerce.number().int().min(100).max(600_000).default(15_000),
  TRUST_PROXY: z.string().optional(),
});

/** What Fastify's `trustProxy` gets: false (the default), a hop count, or the proxies' addresses/CIDRs. */
export type TrustProxy = false | number | string[];

function isAddressOrCidr(s: string): boolean {
  const [addr, bits, ...rest] = s.split('/');
  if (rest.length || !addr || !net.isIP(addr)) return false;
  if (bits === undefined) return true;
  const max = net.isIPv4(addr) ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/**
 * TRUST_PROXY: unset, empty, `0` or `false` — the client address is the connection's (headers
 * are ignored); a number n — trust n proxies in front (the address n hops back in X-Forwarded-For);
 * a comma list of addresses or CIDRs (`127.0.0.1,10.0.0.0/8`) — trust only those proxies.
 */
export function parseTrustProxy(raw: string | undefined): TrustProxy | { error: string } {
  const v = (raw ?? '').trim();
  if (v === '' || v === '0' || v.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    return n >= 1 && n <= 10 ? n : { error: 'a hop count must be 1 to 10' };
  }
  const list = v.split(',').map((x) => x.trim()).filter(Boolean);
  const bad = list.filter((x) => !isAddressOrCidr(x));
  if (bad.length) return { error: `not an IP address or CIDR: ${bad.join(', ')} (use a hop count such as 1, or addresses such as 127.0.0.1,10.0.0.0/8)` };
  return list;
}

export type Config = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  adminPassword: string | undefined;
  demo: boolean;
  secretKey: string | undefined;
  cookieSecure: boolean;
  logLevel: string;
  /** How long a request waits for a database connection before it is answered 503. */
  dbWaitMs: number;
  trustProxy: TrustProxy;
};

export class ConfigError extends Error {}

/** Reads the environment; a bad value stops the start with every problem named. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  if (typeof trustProxy === 'object' && !Array.isArray(trustProxy)) {
    throw new ConfigError(`Invalid configuration:\n  TRUST_PROXY: ${trustProxy.error}`);
  }
  if (e.DEMO === '0' && !e.ADMIN_PASSWORD) {
    throw new ConfigError('Invalid configuration:\n  ADMIN_PASSWORD: required when DEMO=0 (the initial password of the admin account)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    adminPassword: e.ADMIN_PASSWORD,
    demo: e.DEMO === '1',
    secretKey: e.SECRET_KEY,
    cookieSecure: e.COOKIE_SECURE === '1',
    logLevel: e.LOG_LEVEL,
    dbWaitMs: e.DB_WAIT_MS,
    trustProxy,
  };
}
