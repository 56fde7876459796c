import { customType } from 'drizzle-orm/pg-core';

/** Binary column: node-postgres gives a Buffer, PGlite a Uint8Array; both read back as a Buffer. */
export const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (v) => (Buffer.isBuffer(v) ? v : Buffer.from(v.buffer, v.byteOffset, v.byteLength)),
});
