/**
 * A competition taken through set-up, registration, approval, staffing, the draw and the start of
 * marking over the API, as the organizer would (the same flow as src/server/test/competition-fixture.ts,
 * but against a running server). New names carry a suffix, so it can run more than once per server.
 */
import { request, type APIRequestContext } from 'playwright-core';
import type { MarkingSchemeDraft } from '../../src/shared/competition/scheme';
import { makeIdNumber } from '../../src/shared/idcard';

/** A signed-in API session: the cookie lives in the request context, the CSRF token is sent on writes. */
export class ApiSession {
  private constructor(
    readonly api: APIRequestContext,
    private readonly csrf: string,
    readonly accountId: number,
  ) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiSession> {
    const api = await request.newContext({ baseURL: baseUrl });
    const res = await api.post('/api/auth/login', { data: { login: username, password } });
    if (res.status() !== 200) throw new Error(`login ${username}: ${res.status()} ${await res.text()}`);
    const me = (await res.json()) as { id: number; csrfToken: string };
    return new ApiSession(api, me.csrfToken, me.id);
  }

  private async send<T>(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown): Promise<T> {
    const headers: Record<string, string> = method === 'GET' ? {} : { 'x-csrf-token': this.csrf };
    const res = await this.api.fetch(path, { method, headers, ...(data === undefined ? {} : { data }) });
    if (res.status() !== 200) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    return (await res.json()) as T;
  }

  get = <T = any>(path: string) => this.send<T>('GET', path);
  post = <T = any>(path: string, data?: unknown) => this.send<T>('POST', path, data);
  put = <T = any>(path: string, data: unknown) => this.send<T>('PUT', path, data);
  dispose = () => this.api.dispose();
}

/** One measured criterion (A, 60) and one judged criterion (B, a single judgement aspect of 40). */
export const E2E_SCHEME: MarkingSchemeDraft = {
  criteria: [
    {
      code: 'A', name: '尺寸精度', subCriteria: [{
        code: 'A1', name: '外圆', aspects: [
          { code: 'A1.1', description: '外圆直径 Φ40±0.02', kind: 'measurement', maxMark: 30 },
          { code: 'A1.2', description: '长度 80±0.05', kind: 'measurement', maxMark: 30, bands: [{ label: '合格', mark: 30 }, { label: '超差', mark: 15 }, { label: '不合格', mark: 0 }] },
        ],
      }],
    },
    {
      code: 'B', name: '工艺与规范', subCriteria: [{
        code: 'B1', name: '表面质量', aspects: [
          { code: 'B1.1', description: '表面粗糙度与外观', kind: 'judgement', maxMark: 40, levels: ['明显缺陷，未达到要求', '基本达到要求', '达到要求', '优秀，超出要求'] },
        ],
      }],
    },
  ],
};

export interface JudgeLogin {
  id: number;
  username: string;
  password: string;
  displayName: string;
}

export interface CompetitionSetup {
  competitionId: number;
  name: string;
  judges: JudgeLogin[];
  chief: JudgeLogin;
  aspects: { id: number; code: string; kind: string; criterionCode: string }[];
  seedCommitment: string | null;
}

export const JUDGE_PASSWORD = 'Judge2024e2e';

/**
 * Builds a competition (up to 'drawn' or 'marking') with `perUnit` contestants in each of two new
 * units and three judges plus a chief judge from a third (judging) unit, so nobody recuses.
 * 'registration' stops once registration is open (with the scheme saved, nobody entered, no staff).
 */
export async function setUpCompetition(admin: ApiSession, options: { stage?: 'registration' | 'drawn' | 'marking'; perUnit?: number; tag?: string } = {}): Promise<CompetitionSetup> {
  const stage = options.stage ?? 'marking';
  const perUnit = options.perUnit ?? 1;
  const tag = options.tag ?? Date.now().toString(36).slice(-5);
  const trades = await admin.get<{ id: number; name: string }[]>('/api/trades');
  const trade = trades.find((t) => t.name === '车工') ?? trades[0]!;

  const now = Date.now();
  const name = `${trade.name}技能竞赛（测试${tag}）`;
  const created = await admin.post<{ id: number; version: number }>('/api/competitions', {
    tradeId: trade.id, level: 3, name, startsOn: '2009-05-22', endsOn: '2009-05-24', venue: '市技师学院实训中心', stations: 4, codePrefix: 'C',
    registrationOpensAt: new Date(now - 86_400_000).toISOString(), registrationClosesAt: new Date(now + 86_400_000).toISOString(), defaultQuota: 10,
  });
  const id = created.id;
  await admin.post(`/api/competitions/${id}/registration`, { to: 'registration', version: created.version });
  const scheme = await admin.put<{ aspects: CompetitionSetup['aspects'] }>(`/api/competitions/${id}/scheme`, E2E_SCHEME);
  if (stage === 'registration') return { competitionId: id, name, judges: [], chief: null as never, aspects: scheme.aspects, seedCommitment: null };

  const unit = (name: string, kind: string) => admin.post<{ id: number }>('/api/units', { name, kind });
  const unitA = await unit(`测试机械厂${tag}`, 'enterprise');
  const unitB = await unit(`测试技工学校${tag}`, 'school');
  const judgingUnit = await unit(`测试裁判学院${tag}`, 'school');

  const personIds: number[] = [];
  // Ages and sequence numbers vary with the tag; a number someone already holds is skipped.
  let n = Number.parseInt(tag, 36);
  const idNumber = () => {
    n = (n * 7919 + 104_729) % 1_000_003;
    const birth = new Date(Date.UTC(1975, 0, 1) + (n % 9000) * 86_400_000).toISOString().slice(0, 10);
    return makeIdNumber('330106', birth, n % 1000, 'M');
  };
  for (const u of [unitA, unitB]) {
    for (let i = 0; i < perUnit; i++) {
      for (let attempt = 0; ; attempt++) {
        try {
          const p = await admin.post<{ id: number }>('/api/people', {
            name: `选手${u.id}${String.fromCharCode(0x7532 + i)}`, idNumber: idNumber(), unitId: u.id, tradeId: trade.id, level: 4, frontLine: true,
          });
          personIds.push(p.id);
          break;
        } catch (e) {
          if (attempt > 5 || !String(e).includes('409')) throw e;
        }
      }
    }
  }
  const reg = await admin.post<{ entryIds: number[] }>(`/api/competitions/${id}/entries`, { personIds });
  await admin.post(`/api/competitions/${id}/entries/decide`, { entryIds: reg.entryIds, decision: 'approved' });

  const account = async (username: string, displayName: string): Promise<JudgeLogin> => {
    const r = await admin.post<{ account: { id: number } }>('/api/accounts', { username, displayName, role: 'judge', unitId: judgingUnit.id, password: JUDGE_PASSWORD });
    return { id: r.account.id, username, password: JUDGE_PASSWORD, displayName };
  };
  const judges = [await account(`j1${tag}`, '裁判甲'), await account(`j2${tag}`, '裁判乙'), await account(`j3${tag}`, '裁判丙')];
  const chief = await account(`chief${tag}`, '裁判长丁');
  for (const j of judges) await admin.post(`/api/competitions/${id}/staff`, { accountId: j.id, role: 'judge' });
  await admin.post(`/api/competitions/${id}/staff`, { accountId: chief.id, role: 'chief' });
  await admin.post(`/api/competitions/${id}/staff`, { accountId: admin.accountId, role: 'decoder' });
  await admin.put(`/api/competitions/${id}/assignments`, { aspectIds: scheme.aspects.map((a) => a.id), judgeIds: judges.map((j) => j.id) });

  const current = await admin.get<{ version: number }>(`/api/competitions/${id}`);
  await admin.post(`/api/competitions/${id}/registration`, { to: 'closed', version: current.version });
  const draw = await admin.post<{ seedCommitment: string }>(`/api/competitions/${id}/draw/commit`);
  await admin.post(`/api/competitions/${id}/draw/run`);
  if (stage === 'marking') await admin.post(`/api/competitions/${id}/marking/start`);
  return { competitionId: id, name, judges, chief, aspects: scheme.aspects, seedCommitment: draw.seedCommitment };
}
