import { index, integer, jsonb, numeric, pgTable, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import type { MarkingScheme } from '../../../shared/competition/scheme.js';
import { accounts } from '../../core/accounts/tables.js';
import { competitions } from '../competitions/tables.js';

/** 评分标准: one version of a competition's practical marking scheme; locked when marking starts. */
export const markingSchemes = pgTable(
  'marking_schemes',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    version: integer('version').notNull(),
    scheme: jsonb('scheme').$type<MarkingScheme>().notNull(),
    createdBy: integer('created_by').references(() => accounts.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('marking_schemes_version_uq').on(t.competitionId, t.version)],
);

/** The scheme's aspects as rows, so marks can reference them. */
export const schemeAspects = pgTable(
  'scheme_aspects',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    schemeId: integer('scheme_id').notNull().references(() => markingSchemes.id),
    competitionId: integer('competition_id').notNull().references(() => competitions.id),
    position: integer('position').notNull(),
    code: text('code').notNull(),
    criterionCode: text('criterion_code').notNull(),
    criterionName: text('criterion_name').notNull(),
    subCriterionCode: text('sub_criterion_code').notNull(),
    subCriterionName: text('sub_criterion_name').notNull(),
    description: text('description').notNull(),
    kind: text('kind', { enum: ['measurement', 'judgement'] }).notNull(),
    maxMark: numeric('max_mark', { precision: 6, scale: 2, mode: 'number' }).notNull(),
    bands: jsonb('bands').$type<{ label: string; mark: number }[] | null>(),
    levels: jsonb('levels').$type<string[] | null>(),
  },
  (t) => [uniqueIndex('scheme_aspects_code_uq').on(t.schemeId, t.code), index('scheme_aspects_competition_idx').on(t.competitionId)],
);
