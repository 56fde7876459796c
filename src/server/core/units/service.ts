import { and, asc, count, eq, ilike, inArray, or } from 'drizzle-orm';
import { mask } from '../../../shared/mask.js';
import type { Unit, UnitInput, UnitKind } from '../../../shared/contracts/units.js';
import { normalizePhone } from '../../../shared/phone.js';
import { recordAudit } from '../audit/service.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, invalid, notFound } from '../../http/errors.js';
import { people } from '../people/tables.js';
import { REGISTRY_READERS, requireRole } from '../../policy.js';
import { units } from './tables.js';

type UnitRow = typeof units.$inferSelect;

/** Row → JSON: the contact phone leaves only masked. */
export function presentUnit(r: UnitRow, peopleCount: number): Unit {
  return {
    id: r.id, name: r.name, kind: r.kind, code: r.code, district: r.district, contactName: r.contactName,
    contactPhoneMasked: r.contactPhoneMasked, industryId: r.industryId, peopleCount,
  };
}

/** Unit accounts see only their own unit; admins and committee members see all. */
function scope(ctx: ServiceContext) {
  const actor = requireRole(ctx, ...REGISTRY_READERS);
  return actor.role === 'unit' ? eq(units.id, actor.unitId ?? -1) : undefined;
}

export async function listUnits(ctx: ServiceContext, q: { q?: string; kind?: UnitKind; page: number; pageSize: number }) {
  const where = and(
    scope(ctx),
    q.kind ? eq(units.kind, q.kind) : undefined,
    q.q ? or(ilike(units.name, `%${q.q}%`), ilike(units.code, `%${q.q}%`)) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(units).where(where).orderBy(asc(units.kind), asc(units.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(units).where(where),
  ]);
  // Counted per unit in one grouped query (a correlated subquery written with sql`` lost its table
  // names — "unit_id" = "id" inside the subquery compared people with themselves — and read 1 everywhere).
  const counts = rows.length
    ? await ctx.db.select({ unitId: people.unitId, n: count() }).from(people).where(inArray(people.unitId, rows.map((r) => r.id))).groupBy(people.unitId)
    : [];
  const byUnit = new Map(counts.map((c) => [c.unitId, c.n]));
  return { items: rows.map((r) => presentUnit(r, byUnit.get(r.id) ?? 0)), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

export async function getUnit(ctx: ServiceContext, id: number): Promise<Unit> {
  const [r] = await ctx.db.select().from(units).where(and(eq(units.id, id), scope(ctx)));
  if (!r) throw notFound('单位');
  const [n] = await ctx.db.select({ n: count() }).from(people).where(eq(people.unitId, id));
  return presentUnit(r, n?.n ?? 0);
}

function unitValues(ctx: Pick<ServiceContext, "pii">, input: UnitInput) {
  const phone = input.contactPhone ? normalizePhone(input.contactPhone) : null;
  return {
    name: input.name, kind: input.kind, code: input.code ?? null, district: input.district ?? null,
    contactName: input.contactName ?? null,
    industryId: input.industryId ?? null,
    contactPhoneEnc: phone ? ctx.pii.encrypt(phone) : null,
    contactPhoneMasked: mask('phone', phone),
  };
}

async function assertUnique(tx: DbOrTx, input: UnitInput, exceptId?: number) {
  if (input.industryId) {
    const [body] = await tx.select({ kind: units.kind }).from(units).where(eq(units.id, input.industryId));
    if (!body) throw invalid('industryId', '所属行业组织不存在');
    if (body.kind !== 'industry') throw invalid('industryId', '所属行业组织须为“行业组织”类单位');
    if (input.kind === 'industry') throw invalid('industryId', '行业组织不能隶属于另一个行业组织');
  }
  const clash = await tx.select({ id: units.id, name: units.name, code: units.code }).from(units)
    .where(or(eq(units.name, input.name), input.code ? eq(units.code, input.code) : undefined));
  for (const c of clash) {
    if (c.id === exceptId) continue;
    if (c.name === input.name) throw conflict(`单位名称“${input.name}”已存在`, 'name');
    throw conflict(`统一社会信用代码 ${input.code} 已被“${c.name}”使用`, 'code');
  }
}

/** Inserts units inside a transaction (used by the form, the importer and the demo loader). */
export async function insertUnits(tx: DbOrTx, ctx: Pick<ServiceContext, "pii">, inputs: UnitInput[]) {
  if (inputs.length === 0) return [];
  return tx.insert(units).values(inputs.map((i) => unitValues(ctx, i))).returning();
}

export async function createUnit(ctx: ServiceContext, input: UnitInput): Promise<Unit> {
  requireRole(ctx, 'admin');
  return ctx.db.transaction(async (tx) => {
    await assertUnique(tx, input);
    const [row] = await insertUnits(tx, ctx, [input]);
    await recordAudit(tx, ctx, { action: 'unit.create', entity: 'unit', entityId: row!.id, after: presentUnit(row!, 0) });
    return presentUnit(row!, 0);
  });
}

export async function updateUnit(ctx: ServiceContext, id: number, input: UnitInput): Promise<Unit> {
  requireRole(ctx, 'admin');
  return ctx.db.transaction(async (tx) => {
    const [before] = await tx.select().from(units).where(eq(units.id, id)).for('update');
    if (!before) throw notFound('单位');
    await assertUnique(tx, input, id);
    const [row] = await tx.update(units).set({ ...unitValues(ctx, input), updatedAt: ctx.clock.now() }).where(eq(units.id, id)).returning();
    await recordAudit(tx, ctx, { action: 'unit.update', entity: 'unit', entityId: id, before: presentUnit(before, 0), after: presentUnit(row!, 0) });
    const [n] = await tx.select({ n: count() }).from(people).where(eq(people.unitId, id));
    return presentUnit(row!, n?.n ?? 0);
  });
}

export async function requireUnitExists(tx: DbOrTx, id: number, field = 'unitId') {
  const [u] = await tx.select({ id: units.id }).from(units).where(eq(units.id, id));
  if (!u) throw invalid(field, '单位不存在');
}
