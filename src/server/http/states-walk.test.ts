import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPETITION_STATUSES, type CompetitionStatus } from '../../shared/competition/states.js';
import { sessions } from '../core/accounts/tables.js';
import { entries } from '../competition/entries/tables.js';
import { finalizeDueNotices } from '../core/notices/finality.js';
import { decode, expectOk, lockedWorld, personSession } from '../competition/outcomes/test-world.js';
import { buildCompetition, type CompetitionWorld } from '../test/competition-fixture.js';
import { buildTrade, call, makeTestEnv, type Session, type TestEnv } from '../test/harness.js';
import { openApiWalk, within, type JsonSchema, type OpenApiWalk } from '../test/openapi-walk.js';

/**
 * Every write route, in every status a competition can reach, by every role that can reach it —
 * the judge, the chief judge, the unit, the contestant, the public (and the organizer last):
 * each request is answered within a bound, never with a 5xx, and the server keeps answering.
 * The worst defect so far was one such request (a judge's mark on a locked competition) that froze
 * the whole server; the bodies here are plausible (real ids and codes of the competition), so the
 * requests reach deep into the services rather than stopping at validation.
 */

const ANSWER_WITHIN_MS = 10_000;

interface World {
  status: CompetitionStatus;
  w: CompetitionWorld | null;
  competitionId: number;
  code: string | null;
  personId: number | null;
  noticeId: number | null;
  roles: { name: string; session: Session | null }[];
}

let env: TestEnv;
let walker: OpenApiWalk;
const worlds = new Map<CompetitionStatus, World>();

/** A plausible value: the competition's own ids and codes where the field names one. */
function sample(world: World, name: string, schema: JsonSchema | undefined): unknown {
  const w = world.w;
  return walker.sample(name, schema, {
    ids: {
      aspectId: w?.aspects[0]?.id, entryId: w?.entriesA[0], personId: world.personId ?? undefined, unitId: w?.unitA.id,
      accountId: w?.judges[1]?.id, judgeId: w?.judges[1]?.id, tradeId: w?.tradeId, competitionId: world.competitionId,
    },
    numbers: { expectedVersion: 0, value: 2 },
    strings: { code: world.code ?? undefined, criterionCode: 'A' },
    now: env.clock.now(),
  });
}

function url(world: World, path: string): string {
  return path.replace(/\{(\w+)\}/g, (_, p: string) => {
    if (p === 'id') {
      if (path.startsWith('/api/competitions/')) return String(world.competitionId);
      if (path.startsWith('/api/judges/')) return String(world.w?.judges[1]?.id ?? 1);
      if (path.includes('/notices/')) return String(world.noticeId ?? 1);
      return '1';
    }
    if (p === 'entryId') return String(world.w?.entriesA[0] ?? 1);
    if (p === 'day') return '2009-05-25';
    if (p === 'kind') return 'people';
    return '1';
  });
}

/** Sessions live 12 hours; the walk travels in time, so they are kept alive as a user's would be. */
const keepSessionsAlive = () => env.database.db.update(sessions).set({ expiresAt: sql`${sessions.expiresAt} + interval '60 days'` });

async function status(competitionId: number, admin: Session) {
  return (await expectOk(await call(env, admin, 'GET', `/api/competitions/${competitionId}`), 'get')).status as CompetitionStatus;
}

async function codeOf(entryId: number) {
  const [e] = await env.database.db.select({ code: entries.code }).from(entries).where(eq(entries.id, entryId));
  return e?.code ?? null;
}

async function rolesOf(w: CompetitionWorld, personId: number | null) {
  return [
    { name: 'public', session: null },
    { name: 'contestant', session: personId ? await personSession(env, personId) : null },
    { name: 'unit', session: w.unitA.session },
    ...(w.judges.length ? [{ name: 'judge', session: w.judges[1]!.session }, { name: 'chief', session: w.chief.session }] : []),
    { name: 'organizer', session: w.admin },
  ];
}

async function worldAt(target: CompetitionStatus, w: CompetitionWorld, noticeId: number | null = null): Promise<World> {
  const [first] = await env.database.db.select({ personId: entries.personId }).from(entries).where(inArray(entries.id, w.entriesB.length ? w.entriesB : [-1]));
  const personId = first?.personId ?? null;
  const world: World = {
    status: target, w, competitionId: w.competitionId, code: await codeOf(w.entriesB[0] ?? -1), personId, noticeId, roles: await rolesOf(w, personId),
  };
  expect(await status(w.competitionId, w.admin)).toBe(target);
  return world;
}

beforeAll(async () => {
  env = await makeTestEnv();
  env.clock.t = new Date('2009-05-22T01:00:00Z'); // Friday 09:00 in Beijing
  walker = await openApiWalk(env);

  // A competition in each status, built through the API as its users would.
  const admin = (await buildCompetition(env, 'registration', 1)).admin;
  const trade = await buildTrade(env);
  const now = env.clock.now().getTime();
  const draft = await expectOk(await call(env, admin, 'POST', '/api/competitions', {
    tradeId: trade.id, name: `${trade.name}竞赛`, startsOn: '2009-05-22', endsOn: '2009-05-24', venue: '实训中心', stations: 4, codePrefix: 'D',
    registrationOpensAt: new Date(now - 86_400_000).toISOString(), registrationClosesAt: new Date(now + 86_400_000).toISOString(), defaultQuota: 5,
  }), 'draft');
  worlds.set('draft', { status: 'draft', w: null, competitionId: draft.id, code: null, personId: null, noticeId: null, roles: [{ name: 'public', session: null }, { name: 'organizer', session: admin }] });

  worlds.set('registration', await worldAt('registration', await buildCompetition(env, 'registration', 2)));
  const closed = await buildCompetition(env, 'approved', 2);
  const cur = await expectOk(await call(env, closed.admin, 'GET', `/api/competitions/${closed.competitionId}`), 'get');
  await expectOk(await call(env, closed.admin, 'POST', `/api/competitions/${closed.competitionId}/registration`, { to: 'closed', version: cur.version }), 'close');
  worlds.set('closed', await worldAt('closed', closed));
  const drawnW = await buildCompetition(env, 'approved', 2);
  const c2 = await expectOk(await call(env, drawnW.admin, 'GET', `/api/competitions/${drawnW.competitionId}`), 'get');
  await expectOk(await call(env, drawnW.admin, 'POST', `/api/competitions/${drawnW.competitionId}/registration`, { to: 'closed', version: c2.version }), 'close');
  await expectOk(await call(env, drawnW.admin, 'POST', `/api/competitions/${drawnW.competitionId}/draw/commit`), 'commit');
  await expectOk(await call(env, drawnW.admin, 'POST', `/api/competitions/${drawnW.competitionId}/draw/run`), 'draw');
  worlds.set('drawn', await worldAt('drawn', drawnW));
  worlds.set('marking', await worldAt('marking', await buildCompetition(env, 'marking', 2)));
  worlds.set('locked', await worldAt('locked', await lockedWorld(env, 2)));
  const decodedW = await lockedWorld(env, 2);
  await decode(env, decodedW);
  worlds.set('decoded', await worldAt('decoded', decodedW));
  // Notice and final: decoded now, published once the appeal window has passed (see the walk).
  const noticeW = await lockedWorld(env, 2);
  await decode(env, noticeW);
  const finalW = await lockedWorld(env, 2);
  await decode(env, finalW);
  worlds.set('notice', { status: 'notice', w: noticeW, competitionId: noticeW.competitionId, code: null, personId: null, noticeId: null, roles: [] });
  worlds.set('final', { status: 'final', w: finalW, competitionId: finalW.competitionId, code: null, personId: null, noticeId: null, roles: [] });
}, 600_000);
afterAll(() => env.close());

/** Publishes the notice of a decoded world (after the appeal window) and, for `final`, lets it end. */
async function advance(world: World) {
  const w = world.w!;
  env.clock.advance(3 * 3_600_000);
  await keepSessionsAlive();
  const notice = await expectOk(await call(env, w.admin, 'POST', `/api/competitions/${w.competitionId}/notice`, { workingDays: 5 }), 'notice');
  if (world.status === 'final') {
    env.clock.advance(12 * 86_400_000);
    await keepSessionsAlive();
    await finalizeDueNotices(env.database.db, env.clock, env.pii);
  }
  return worldAt(world.status, w, notice.id);
}

async function walk(world: World, onlyCompetitionRoutes: boolean) {
  const seen: string[] = [];
  const statuses: Record<number, number> = {};
  for (const role of world.roles) {
    for (const op of walker.ops) {
      if (onlyCompetitionRoutes && !op.path.startsWith('/api/competitions/{id}') && !op.path.startsWith('/api/notices') && !op.path.startsWith('/api/public')) continue;
      const body = op.schema ? sample(world, 'body', op.schema) : undefined;
      const what = `${world.status} · ${role.name} · ${op.method} ${op.path}`;
      const res = await within(ANSWER_WITHIN_MS, call(env, role.session, op.method, url(world, op.path), body), what);
      statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
      if (res.statusCode >= 500) seen.push(`${what} → ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    const health = await within(2000, env.app.inject({ method: 'GET', url: '/api/health' }), `${world.status} · after ${role.name}: /api/health`);
    expect(health.statusCode).toBe(200);
  }
  console.log(`walk ${world.status}: ${JSON.stringify(statuses)}`);
  return seen;
}

describe('every write route in every competition status, by every role', () => {
  it('has a competition in each status to walk', () => {
    expect([...worlds.keys()].sort()).toEqual([...COMPETITION_STATUSES].sort());
    expect(walker.ops.length).toBeGreaterThan(40);
  });

  for (const target of COMPETITION_STATUSES) {
    it(`answers every write in status ${target} with no 5xx and no hang`, async () => {
      let world = worlds.get(target)!;
      if (target === 'notice' || target === 'final') world = await advance(world);
      // A judge's mark where marks are not accepted: a clear 409 within a second, first of all.
      if (world.w?.judges.length && target !== 'marking') {
        const t0 = Date.now();
        const res = await within(1000, call(env, world.w.judges[1]!.session, 'POST', `/api/competitions/${world.competitionId}/marks`, {
          code: world.code ?? 'C001', aspectId: world.w.aspects[0]!.id, value: 2, expectedVersion: 1,
        }), `${target}: judge's mark`);
        expect(res.statusCode, res.body).toBe(409);
        expect(Date.now() - t0).toBeLessThan(1000);
      }
      const problems = await walk(world, target !== 'registration');
      expect(problems).toEqual([]);
    }, 300_000);
  }
});
