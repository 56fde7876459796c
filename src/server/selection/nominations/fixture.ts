import { eq } from 'drizzle-orm';
import { beijingDate } from '../../../shared/calendar/working-days.js';
import { insertAccount } from '../../core/accounts/service.js';
import { campaigns } from '../../core/campaign/tables.js';
import { people } from '../../core/people/tables.js';
import { units } from '../../core/units/tables.js';
import { buildPerson, buildUnit, call, login, PASSWORD, sessionAs, type Session, type TestEnv } from '../../test/harness.js';

const DAY = 86_400_000;
export const dayOffset = (env: TestEnv, days: number) => beijingDate(new Date(env.clock.now().getTime() + days * DAY));

/** A PDF, a PNG and a JPG as small as they come (only the first bytes matter to the store). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
export const JPG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(32, 2)]);

export async function personSession(env: TestEnv, personId: number): Promise<Session> {
  const username = `person_${personId}_${Math.random().toString(36).slice(2, 8)}`;
  await insertAccount(env.database.db, env, { username, displayName: username, role: 'person', password: PASSWORD, personId });
  return login(env, username);
}

export async function makeCampaign(env: TestEnv): Promise<number> {
  const [c] = await env.database.db.insert(campaigns).values({
    name: '2009年技能月', theme: '技能成才', startsOn: '2009-05-01', endsOn: '2009-05-31', organizer: '江川市劳动和社会保障局',
    coOrganizers: [], committeeBodies: [], contentAreas: [],
  }).returning();
  return c!.id;
}

export async function makeRound(env: TestEnv, admin: Session, campaignId: number, from = -5, to = 10) {
  const res = await call(env, admin, 'POST', '/api/selection/rounds', { campaignId, name: `技术能手评选${Math.random().toString(36).slice(2, 6)}`, nominationOpensOn: dayOffset(env, from), nominationClosesOn: dayOffset(env, to) });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as { id: number; version: number };
}

/**
 * The nominators' world: enterprise A (江北区, in industry body I), enterprise B (江南区, outside it),
 * a district body for 江北区, the industry body I; people in A and B at level 3 in the front line.
 */
export async function buildWorld(env: TestEnv) {
  const db = env.database.db;
  const industry = await buildUnit(env, { kind: 'industry' });
  const district = await buildUnit(env, { kind: 'district', district: '江北区' });
  const a = await buildUnit(env, { kind: 'enterprise', district: '江北区' });
  const b = await buildUnit(env, { kind: 'enterprise', district: '江南区' });
  await db.update(units).set({ industryId: industry.id }).where(eq(units.id, a.id));
  const person = async (unitId: number, name: string, level: number | null = 3) => {
    const p = await buildPerson(env, unitId, { name });
    await db.update(people).set({ level }).where(eq(people.id, p.id));
    return p;
  };
  return {
    units: { industry, district, a, b },
    a1: await person(a.id, '甲一'), a2: await person(a.id, '甲二'), a3: await person(a.id, '甲三'), a4: await person(a.id, '甲四'),
    b1: await person(b.id, '乙一'), b2: await person(b.id, '乙二', null),
    sessions: {
      admin: await sessionAs(env, 'admin'), committee: await sessionAs(env, 'committee'), judge: await sessionAs(env, 'judge'),
      unitA: await sessionAs(env, 'unit', { unitId: a.id }), unitB: await sessionAs(env, 'unit', { unitId: b.id }),
      district: await sessionAs(env, 'unit', { unitId: district.id }), industry: await sessionAs(env, 'unit', { unitId: industry.id }),
    },
  };
}
