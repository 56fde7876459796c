import { campaigns } from '../../core/campaign/tables.js';
import { selectionCandidates } from '../nominations/tables.js';
import type { SelectionRules } from '../../../shared/selection/rules.js';
import { defaultSelectionRules } from '../../../shared/selection/rules.js';
import { buildPerson, call, type Session, type TestEnv } from '../../test/harness.js';

/**
 * Test set-up for the exam and panel stages: a round whose stages are nomination, eligibility,
 * exam, review (raw) and interview (normalised), no cut between (so the candidates in play are the
 * eligible ones), and eligible candidates inserted directly.
 */
export function testRules(): SelectionRules {
  const d = defaultSelectionRules({ opensOn: '2009-05-04', closesOn: '2009-05-15' });
  const byKey = (k: string) => d.stages.find((s) => s.key === k)!;
  const review = byKey('review');
  return { ...d, stages: [byKey('nomination'), byKey('eligibility'), byKey('exam'), review.kind === 'panel' ? { ...review, reviewersPerCandidate: 2 } : review, byKey('interview')] };
}

export async function buildRound(env: TestEnv, admin: Session, rules: SelectionRules = testRules()) {
  const [c] = await env.database.db.insert(campaigns).values({
    name: '2009年技能月', theme: '技能成才', startsOn: '2009-05-01', endsOn: '2009-05-31', organizer: '江川市劳动和社会保障局',
    coOrganizers: [], committeeBodies: [], contentAreas: [],
  }).returning();
  const res = await call(env, admin, 'POST', '/api/selection/rounds', { campaignId: c!.id, name: '2009年市技术能手评选', nominationOpensOn: '2009-05-04', nominationClosesOn: '2009-05-15', rules });
  if (res.statusCode !== 200) throw new Error(res.body);
  return res.json() as { id: number; version: number };
}

export async function addCandidates(env: TestEnv, roundId: number, list: { unitId: number; name: string }[]) {
  const out: { id: number; personId: number; unitId: number; name: string }[] = [];
  for (const x of list) {
    const p = await buildPerson(env, x.unitId, { name: x.name });
    const now = new Date();
    const [c] = await env.database.db.insert(selectionCandidates).values({ roundId, personId: p.id, status: 'eligible', createdAt: now, updatedAt: now }).returning();
    out.push({ id: c!.id, personId: p.id, unitId: x.unitId, name: x.name });
  }
  return out;
}

/** Advances the round until `key` is open. */
export async function advanceTo(env: TestEnv, admin: Session, roundId: number, key: string) {
  for (let i = 0; i < 20; i++) {
    const r = (await call(env, admin, 'GET', `/api/selection/rounds/${roundId}`)).json();
    const open = r.stages.find((s: { state: string }) => s.state === 'open');
    if (open.key === key) return r;
    const adv = await call(env, admin, 'POST', `/api/selection/rounds/${roundId}/advance`, { version: r.version, expectStage: open.key });
    if (adv.statusCode !== 200) throw new Error(adv.body);
  }
  throw new Error(`stage ${key} not reached`);
}
