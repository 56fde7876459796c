import { boolean, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { trades } from '../trades/tables.js';
import { units } from '../units/tables.js';

/**
 * People: contestants, candidates, trainees. The ID number and phone are stored encrypted
 * (`*_enc`), with a keyed hash for look-up and de-duplication (`*_hash`) and the masked form
 * that lists show (`*_masked`); a database dump exposes neither in clear.
 */
export const people = pgTable(
  'people',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['M', 'F'] }).notNull(),
    birthYear: smallint('birth_year').notNull(),
    idNumberEnc: text('id_number_enc').notNull(),
    idNumberHash: text('id_number_hash').notNull(),
    idNumberMasked: text('id_number_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneHash: text('phone_hash'),
    phoneMasked: text('phone_masked'),
    unitId: integer('unit_id').notNull().references(() => units.id),
    tradeId: integer('trade_id').references(() => trades.id),
    level: smallint('level'),
    frontLine: boolean('front_line').notNull().default(true),
    yearsInTrade: smallint('years_in_trade'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('people_id_number_hash_uq').on(t.idNumberHash),
    index('people_unit_idx').on(t.unitId),
    index('people_trade_level_idx').on(t.tradeId, t.level),
    index('people_name_idx').on(t.name),
  ],
);

/** A level obtained, with its trade, date and source ("2009 competition, 1st place", an appraisal...). */
export const qualificationRecords = pgTable(
  'qualification_records',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id').notNull().references(() => people.id),
    level: smallint('level').notNull(),
    tradeId: integer('trade_id').references(() => trades.id),
    obtainedOn: date('obtained_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('qualification_records_person_idx').on(t.personId)],
);

/**
 * 资格: what a person may sit without the usual wait — e.g. a Technical Expert who is a 技师 may
 * sit the 高级技师 evaluation early (破格). Written by the module that grants it, with its source.
 */
export const qualificationEligibilities = pgTable(
  'qualification_eligibilities',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    personId: integer('person_id').notNull().references(() => people.id),
    /** The level the person may be evaluated for. */
    level: smallint('level').notNull(),
    early: boolean('early').notNull(),
    tradeId: integer('trade_id').references(() => trades.id),
    grantedOn: date('granted_on', { mode: 'string' }).notNull(),
    source: text('source').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('qualification_eligibilities_person_idx').on(t.personId)],
);
