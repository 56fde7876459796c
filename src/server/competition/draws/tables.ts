import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { accounts } from '../../core/accounts/tables.js';
import { competitions } from '../competitions/tables.js';

/**
 * 抽签: the seed's SHA-256 is committed (and shown) before the draw; the seed is kept encrypted.
 * The seed and the input list rebuild the code → contestant mapping, so they are revealed with
 * the decoding (解密); from then on anyone can re-run the draw and check it (npm run draw:verify).
 */
export const draws = pgTable('draws', {
  competitionId: integer('competition_id').primaryKey().references(() => competitions.id),
  seedCommitment: text('seed_commitment').notNull(),
  seedEnc: text('seed_enc').notNull(),
  committedBy: integer('committed_by').references(() => accounts.id),
  committedAt: timestamp('committed_at', { withTimezone: true }).notNull(),
  /** Set at the draw: the revealed seed, the input (approved entry ids) and the result. */
  seed: text('seed'),
  entryIds: jsonb('entry_ids').$type<number[]>(),
  result: jsonb('result').$type<{ entryId: number; code: string; station: number; round: number }[]>(),
  drawnBy: integer('drawn_by').references(() => accounts.id),
  drawnAt: timestamp('drawn_at', { withTimezone: true }),
});
