import { and, asc, count, eq, ilike, sql, type SQL } from 'drizzle-orm';
import { rowsOf } from '../../db/sql-helpers.js';
import type { z } from 'zod';
import { checkIdNumber } from '../../../shared/idcard.js';
import { mask } from '../../../shared/mask.js';
import type { PeopleQuery, Person, PersonInput, PersonUpdate, QualificationInput } from '../../../shared/contracts/people.js';
import { PersonInput as PersonInputSchema } from '../../../shared/contracts/people.js';
import { higherLevel, type Level } from '../../../shared/levels.js';
import { recordAudit } from '../audit/service.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { requireRole } from '../../policy.js';
import { trades } from '../trades/tables.js';
import { requireUnitExists } from '../units/service.js';
import { units } from '../units/tables.js';
import { readablePeopleUnit, writablePeopleUnit } from './policy.js';
import { people, qualificationRecords } from './tables.js';

/** A person ready to store: ID number already validated and normalized. */
export type NewPerson = z.output<typeof PersonInputSchema> & { unitId: number };

const listColumns = {
  id: people.id, name: people.name, gender: people.gender, birthYear: people.birthYear,
  idNumberMasked: people.idNumberMasked, phoneMasked: people.phoneMasked, unitId: people.unitId, unitName: units.name,
  tradeId: people.tradeId, tradeName: trades.name, level: people.level, frontLine: people.frontLine, yearsInTrade: people.yearsInTrade,
};

/** Rows for lists never carry the full ID number or phone: only the masked columns are selected. */
function presentPerson(r: { [K in keyof typeof listColumns]: unknown }): Person {
  return r as Person;
}

function personFilter(unitScope: number | 'all', q: Partial<PeopleQuery>): SQL | undefined {
  return and(
    unitScope === 'all' ? undefined : eq(people.unitId, unitScope),
    q.unitId ? eq(people.unitId, q.unitId) : undefined,
    q.tradeId ? eq(people.tradeId, q.tradeId) : undefined,
    q.level ? eq(people.level, q.level) : undefined,
    q.q ? ilike(people.name, `%${q.q}%`) : undefined,
  );
}

export async function listPeople(ctx: ServiceContext, q: PeopleQuery) {
  const { unitId } = readablePeopleUnit(ctx);
  const where = personFilter(unitId, q);
  const [rows, [total]] = await Promise.all([
    ctx.db.select(listColumns).from(people).innerJoin(units, eq(units.id, people.unitId)).leftJoin(trades, eq(trades.id, people.tradeId))
      .where(where).orderBy(asc(people.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(people).where(where),
  ]);
  return { items: rows.map(presentPerson), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Rows per page of an export: small enough that reading one (on PGlite, in this thread) takes a few milliseconds. */
export const EXPORT_PAGE_ROWS = 500;

/**
 * Every matching person (for export), in pages by id (never the whole list in memory), still
 * masked: an export never decrypts, it shows the masked columns the lists show. Who may read is
 * checked now, before the first page (so a refusal is a clear answer, not a cut download).
 */
export function allPeople(ctx: ServiceContext, q: Partial<PeopleQuery>, pageRows = EXPORT_PAGE_ROWS): AsyncGenerator<Person[]> {
  const { unitId } = readablePeopleUnit(ctx);
  return (async function* pages() {
    let after = 0;
    for (;;) {
      const rows = await ctx.db.select(listColumns).from(people).innerJoin(units, eq(units.id, people.unitId))
        .leftJoin(trades, eq(trades.id, people.tradeId))
        .where(and(personFilter(unitId, q), sql`${people.id} > ${after}`)).orderBy(asc(people.id)).limit(pageRows);
      if (rows.length === 0) return;
      yield rows.map(presentPerson);
      if (rows.length < pageRows) return;
      after = rows[rows.length - 1]!.id;
    }
  })();
}

async function readablePerson(ctx: ServiceContext, db: DbOrTx, id: number) {
  const { unitId } = readablePeopleUnit(ctx);
  const [row] = await db.select(listColumns).from(people).innerJoin(units, eq(units.id, people.unitId))
    .leftJoin(trades, eq(trades.id, people.tradeId))
    .where(and(eq(people.id, id), unitId === 'all' ? undefined : eq(people.unitId, unitId)));
  // Out of scope reads as not found: a unit account cannot even learn that the id exists.
  if (!row) throw notFound('人员');
  return presentPerson(row);
}

export async function getPerson(ctx: ServiceContext, id: number) {
  const person = await readablePerson(ctx, ctx.db, id);
  const quals = await ctx.db.select({
    id: qualificationRecords.id, level: qualificationRecords.level, tradeId: qualificationRecords.tradeId, tradeName: trades.name,
    obtainedOn: qualificationRecords.obtainedOn, source: qualificationRecords.source, recordedAt: qualificationRecords.recordedAt,
  }).from(qualificationRecords).leftJoin(trades, eq(trades.id, qualificationRecords.tradeId))
    .where(eq(qualificationRecords.personId, id)).orderBy(asc(qualificationRecords.obtainedOn), asc(qualificationRecords.id));
  return { ...person, qualifications: quals.map((q) => ({ ...q, recordedAt: q.recordedAt.toISOString() })) };
}

/** The encrypted and hashed personal fields of a person, as sealed in bulk by an import. */
export interface SealedPersonFields {
  idNumberEnc: string;
  idNumberHash: string;
  phoneEnc: string | null;
  phoneHash: string | null;
}

/**
 * Column values for a validated person; encrypts and hashes the personal fields, unless the
 * caller sealed them already (the import does, many at a time: PiiCipher.sealMany) — then of
 * exactly the ID number and phone given here.
 */
export function personValues(ctx: Pick<ServiceContext, 'pii'>, p: NewPerson, sealed?: SealedPersonFields) {
  const id = checkIdNumber(p.idNumber);
  if (!id.ok) throw invalid('idNumber', '身份证号无效');
  const phone = p.phone ?? null;
  if (sealed && (id.value !== p.idNumber || !sealed.phoneEnc !== !phone)) throw new Error('sealed fields of another person');
  const s = sealed ?? {
    idNumberEnc: ctx.pii.encrypt(id.value), idNumberHash: ctx.pii.hash('idNumber', id.value),
    phoneEnc: phone ? ctx.pii.encrypt(phone) : null, phoneHash: phone ? ctx.pii.hash('phone', phone) : null,
  };
  return {
    name: p.name, gender: p.gender ?? id.gender, birthYear: Number(id.birthDate.slice(0, 4)),
    idNumberEnc: s.idNumberEnc, idNumberHash: s.idNumberHash, idNumberMasked: mask('idNumber', id.value)!,
    phoneEnc: s.phoneEnc, phoneHash: s.phoneHash, phoneMasked: mask('phone', phone),
    unitId: p.unitId, tradeId: p.tradeId ?? null, level: p.level ?? null, frontLine: p.frontLine ?? true, yearsInTrade: p.yearsInTrade ?? null,
  };
}

/**
 * ID-number hashes among `hashes` that are already registered. The list goes as one text
 * parameter (hashes are base64url: no commas), split in the database and joined to the unique
 * index: one statement for 100k keys, the same on PGlite and PostgreSQL.
 */
export async function registeredIdHashes(db: DbOrTx, hashes: string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  const list = hashes.join(',');
  if (!/^[\w,-]*$/.test(list)) throw new Error('an ID-number hash is not base64url');
  const rows = await rowsOf<{ h: string }>(db, sql`select p.id_number_hash as h from string_to_table(${list}, ',') k join ${people} p on p.id_number_hash = k`);
  return new Set(rows.map((r) => r.h));
}

export async function createPerson(ctx: ServiceContext, input: NewPerson | (Omit<NewPerson, 'unitId'> & { unitId?: number })): Promise<Person> {
  const unitId = writablePeopleUnit(ctx, input.unitId);
  const values = personValues(ctx, { ...input, unitId });
  return ctx.db.transaction(async (tx) => {
    await requireUnitExists(tx, unitId);
    if (values.tradeId) await requireTradeExists(tx, values.tradeId);
    if ((await registeredIdHashes(tx, [values.idNumberHash])).size) throw conflict('该身份证号已登记', 'idNumber');
    const [row] = await tx.insert(people).values(values).returning({ id: people.id });
    const person = await readablePerson(ctx, tx, row!.id);
    await recordAudit(tx, ctx, { action: 'person.create', entity: 'person', entityId: row!.id, after: person });
    return person;
  });
}

export async function updatePerson(ctx: ServiceContext, id: number, input: z.output<typeof PersonUpdate>): Promise<Person> {
  requireRole(ctx, 'admin', 'unit');
  return ctx.db.transaction(async (tx) => {
    // Scoped read: another unit's person is not found, so it cannot be edited either.
    const before = await readablePerson(ctx, tx, id);
    if (input.tradeId) await requireTradeExists(tx, input.tradeId);
    const phone = input.phone;
    await tx.update(people).set({
      ...(input.name !== undefined && { name: input.name }),
      ...(input.tradeId !== undefined && { tradeId: input.tradeId }),
      ...(input.frontLine !== undefined && { frontLine: input.frontLine }),
      ...(input.yearsInTrade !== undefined && { yearsInTrade: input.yearsInTrade }),
      ...(phone !== undefined && {
        phoneEnc: phone ? ctx.pii.encrypt(phone) : null, phoneHash: phone ? ctx.pii.hash('phone', phone) : null, phoneMasked: mask('phone', phone),
      }),
      updatedAt: ctx.clock.now(),
    }).where(eq(people.id, id));
    const after = await readablePerson(ctx, tx, id);
    await recordAudit(tx, ctx, { action: 'person.update', entity: 'person', entityId: id, before, after });
    return after;
  });
}

/** Shows an ID number and phone in full: admins only, and every look is audited. */
export async function revealPerson(ctx: ServiceContext, id: number) {
  requireRole(ctx, 'admin');
  const [row] = await ctx.db.select({ enc: people.idNumberEnc, phone: people.phoneEnc }).from(people).where(eq(people.id, id));
  if (!row) throw notFound('人员');
  await ctx.db.transaction((tx) => recordAudit(tx, ctx, { action: 'person.reveal', entity: 'person', entityId: id }));
  return { id, idNumber: ctx.pii.decrypt(row.enc), phone: row.phone ? ctx.pii.decrypt(row.phone) : null };
}

/** Adds a qualification record; the person's current level rises if the new one is higher, never falls. */
export async function addQualification(ctx: ServiceContext, personId: number, input: z.output<typeof QualificationInput>) {
  requireRole(ctx, 'admin');
  return ctx.db.transaction(async (tx) => {
    const before = await readablePerson(ctx, tx, personId);
    if (input.tradeId) await requireTradeExists(tx, input.tradeId);
    const [rec] = await tx.insert(qualificationRecords).values({ personId, level: input.level, tradeId: input.tradeId ?? null, obtainedOn: input.obtainedOn, source: input.source, recordedAt: ctx.clock.now() }).returning();
    const level = higherLevel(before.level as Level | null, input.level as Level);
    if (level !== before.level) await tx.update(people).set({ level, updatedAt: ctx.clock.now() }).where(eq(people.id, personId));
    await recordAudit(tx, ctx, { action: 'person.qualification.add', entity: 'person', entityId: personId, before: { level: before.level }, after: { record: rec, level } });
    return getPerson({ ...ctx, db: tx as never }, personId);
  });
}

async function requireTradeExists(tx: DbOrTx, id: number) {
  const [t] = await tx.select({ id: trades.id }).from(trades).where(eq(trades.id, id));
  if (!t) throw invalid('tradeId', '工种不存在');
}

export type { PersonInput };
