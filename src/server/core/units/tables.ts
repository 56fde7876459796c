import { type AnyPgColumn, index, integer, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';

/** 单位: enterprise, vocational school, bureau department, district or industry body. */
export const units = pgTable(
  'units',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['enterprise', 'school', 'department', 'district', 'industry'] }).notNull(),
    code: text('code'),
    district: text('district'),
    /** 行业: the industry body (a unit of kind 'industry') this unit belongs to, which may nominate its people. */
    industryId: integer('industry_id').references((): AnyPgColumn => units.id),
    contactName: text('contact_name'),
    contactPhoneEnc: text('contact_phone_enc'),
    contactPhoneMasked: text('contact_phone_masked'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('units_name_uq').on(t.name), uniqueIndex('units_code_uq').on(t.code), index('units_industry_idx').on(t.industryId)],
);
