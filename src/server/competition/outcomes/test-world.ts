import { insertAccount } from '../../core/accounts/service.js';
import { buildCompetition, enterTheory, fillAllMarks, type CompetitionWorld } from '../../test/competition-fixture.js';
import { call, login, PASSWORD, type Session, type TestEnv } from '../../test/harness.js';

/**
 * A competition whose marks are locked, for appeals, notices and outcomes: every judge gives the
 * same marks, so totals differ by theory only — entry i (by id: unit A's, then unit B's) scores
 * 60 + 3i in theory, the last entry ranks first and the first ranks last.
 */
export async function lockedWorld(env: TestEnv, perUnit = 3): Promise<CompetitionWorld> {
  const w = await buildCompetition(env, 'marking', perUnit);
  await fillAllMarks(env, w);
  await enterTheory(env, w, (i) => 60 + 3 * i);
  await expectOk(await call(env, w.chief.session, 'POST', `/api/competitions/${w.competitionId}/signoff`, { criterionCode: '*' }), 'lock');
  return w;
}

export async function decode(env: TestEnv, w: CompetitionWorld) {
  await expectOk(await call(env, w.admin, 'POST', `/api/competitions/${w.competitionId}/decode`), 'decode');
}

/** A contestant's own account (role person), logged in. */
export async function personSession(env: TestEnv, personId: number): Promise<Session> {
  const username = `person_${personId}_${Math.random().toString(36).slice(2, 8)}`;
  await insertAccount(env.database.db, env, { username, displayName: username, role: 'person', personId, password: PASSWORD });
  return login(env, username);
}

export async function expectOk(res: { statusCode: number; body: string; json(): any }, what: string) {
  if (res.statusCode !== 200) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
  return res.json();
}
