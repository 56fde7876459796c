import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '../audit/tables.js';
import { buildAccount, buildTrade, call, login, sessionAs, makeTestEnv, type Session, type TestEnv } from '../../test/harness.js';

/** A fresh deployment (DEMO=0): no campaign until the organizers make one. */
let env: TestEnv;
let admin: Session;
let office: Session;
let competitionCommittee: Session;
let unit: Session;
let judge: Session;
let person: Session;
let tradeId: number;

const campaign = (over: Record<string, unknown> = {}) => ({
  name: '江川市2010年技能月活动', theme: '技能成就梦想', startsOn: '2010-05-01', endsOn: '2010-05-31', organizer: '江川市人力资源和社会保障局',
  coOrganizers: ['江川市总工会', '共青团江川市委员会'],
  committeeBodies: [
    { key: 'office', name: '组委会办公室', duties: '总体组织协调', members: [{ name: '王建国', title: '主任', unit: '市人社局职业能力建设处' }] },
    { name: '技能竞赛组委会', duties: '竞赛组织', members: [{ name: '李明', title: '副主任', unit: '市技师学院' }, { name: '赵丽' }] },
  ],
  contentAreas: ['宣传发动', '职业技能竞赛'],
  activities: [
    { name: '启动仪式', area: '宣传发动', plannedStart: '2010-05-06', plannedEnd: '2010-05-06', venue: '人民广场', owner: '组委会办公室' },
    { name: '职业技能大赛', area: '职业技能竞赛', plannedStart: '2010-05-22', plannedEnd: '2010-05-24', venue: '市技师学院', owner: '技能竞赛组委会', target: '参赛选手800名' },
  ],
  documents: [{ title: '关于开展2010年技能月活动的通知', number: '江人社发〔2010〕12号', issuedOn: '2010-04-15', body: '各区人社局……' }],
  ...over,
});
const competition = (over: Record<string, unknown> = {}) => ({
  tradeId, name: '车工竞赛', startsOn: '2010-05-22', endsOn: '2010-05-24', venue: '实训中心', stations: 10,
  registrationOpensAt: '2010-05-01T00:00:00+08:00', registrationClosesAt: '2010-05-15T17:00:00+08:00', ...over,
});

beforeAll(async () => {
  env = await makeTestEnv();
  admin = await sessionAs(env, 'admin');
  const o = await buildAccount(env, 'committee');
  await env.database.db.execute(`update accounts set committee_body = 'office' where id = ${o.id}`);
  office = await login(env, o.username);
  competitionCommittee = await sessionAs(env, 'committee');
  unit = await sessionAs(env, 'unit');
  judge = await sessionAs(env, 'judge');
  person = await login(env, (await buildAccount(env, 'person')).username);
  tradeId = (await buildTrade(env, '车工')).id;
});
afterAll(() => env.close());

describe('a fresh deployment', () => {
  it('refuses a competition until a campaign exists, then the admin creates one and the competition joins it', async () => {
    const before = await call(env, admin, 'POST', '/api/competitions', competition());
    expect(before.statusCode).toBe(400);
    expect(before.json().error.message).toBe('请先建立技能月活动');
    expect((await call(env, admin, 'GET', '/api/campaign')).statusCode).toBe(404);

    const res = await call(env, admin, 'POST', '/api/campaigns', campaign());
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json();
    expect(c).toMatchObject({
      name: '江川市2010年技能月活动', current: true, version: 1, coOrganizers: ['江川市总工会', '共青团江川市委员会'],
      committeeBodies: [
        { key: 'office', name: '组委会办公室', members: [{ name: '王建国', title: '主任', unit: '市人社局职业能力建设处' }] },
        { key: 'body1', name: '技能竞赛组委会', members: [{ name: '李明' }, { name: '赵丽', title: '', unit: '' }] },
      ],
      activities: [{ name: '启动仪式', owner: '组委会办公室', venue: '人民广场' }, { name: '职业技能大赛', target: '参赛选手800名' }],
      documents: [{ number: '江人社发〔2010〕12号', issuedOn: '2010-04-15' }],
    });
    expect((await call(env, unit, 'GET', '/api/campaign')).json().id).toBe(c.id);
    expect((await call(env, null, 'GET', '/api/public/campaign')).json().name).toBe(c.name);

    const comp = await call(env, admin, 'POST', '/api/competitions', competition());
    expect(comp.statusCode, comp.body).toBe(200);
    expect(comp.json().campaignId).toBe(c.id);

    const audit = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'campaign.create'));
    expect(audit.map((a) => a.entityId)).toEqual([String(c.id)]);
  });

  it('validates at the edge, naming the field and the reason', async () => {
    const bad: [Record<string, unknown>, string, string][] = [
      [{ endsOn: '2010-04-30' }, 'endsOn', '结束日期不能早于开始日期'],
      [{ startsOn: '2010-02-30' }, 'startsOn', '日期不存在'],
      [{ name: '  ' }, 'name', '请填写活动名称'],
      [{ organizer: '' }, 'organizer', '请填写主办单位'],
      [{ name: '技能月\u202e活动' }, 'name', '不可见字符'],
      [{ activities: [{ name: '讲座', area: '宣传', plannedStart: '2010-05-10', plannedEnd: '2010-05-09' }] }, 'activities.0.plannedEnd', '结束日期不能早于开始日期'],
      [{ documents: [{ title: '通知', issuedOn: '2010-13-01' }] }, 'documents.0.issuedOn', ''],
      [{ committeeBodies: [{ name: '办公室', members: [{ name: '' }] }] }, 'committeeBodies.0.members.0.name', '请填写成员姓名'],
      [{ contentAreas: ['宣传', '宣传'] }, 'contentAreas.1', '重复'],
    ];
    for (const [over, field, text] of bad) {
      const res = await call(env, admin, 'POST', '/api/campaigns', campaign({ name: '另一个活动', ...over }));
      expect(res.statusCode, JSON.stringify(over)).toBe(400);
      expect(res.json().error.message).toContain(text);
      expect(res.json().error.issues.map((i: { field: string }) => i.field), JSON.stringify(over)).toContain(field);
    }
  });

  it('lets only admins and the committee office create and edit a campaign; every signed-in role reads it', async () => {
    const expected: [Session | null, number][] = [[office, 200], [competitionCommittee, 403], [unit, 403], [judge, 403], [person, 403], [null, 401]];
    for (const [who, status] of expected) {
      const res = await call(env, who, 'POST', '/api/campaigns', campaign({ name: `活动${status}-${who?.accountId ?? 'anon'}`, startsOn: '2008-05-01', endsOn: '2008-05-31' }));
      expect(res.statusCode, `${who?.accountId}: ${res.body}`).toBe(status);
    }
    const [current] = (await call(env, admin, 'GET', '/api/campaigns')).json();
    for (const [who, status] of expected) {
      const res = await call(env, who, 'PUT', `/api/campaigns/${current.id}`, { ...campaign(), theme: '改', version: 1 });
      if (status !== 200) expect(res.statusCode).toBe(status);
    }
    for (const who of [admin, office, competitionCommittee, unit, judge, person]) {
      expect((await call(env, who, 'GET', '/api/campaigns')).statusCode).toBe(200);
      expect((await call(env, who, 'GET', `/api/campaigns/${current.id}`)).statusCode).toBe(200);
    }
    expect((await call(env, null, 'GET', '/api/campaigns')).statusCode).toBe(401);
    expect((await call(env, null, 'GET', `/api/campaigns/${current.id}`)).statusCode).toBe(401);
  });

  it('edits a campaign at the version read: activities and documents keep their ids, removed ones go, a stale edit is refused', async () => {
    const c = (await call(env, admin, 'GET', '/api/campaign')).json();
    const [launch] = c.activities;
    const body = {
      ...campaign(), theme: '技能让生活更美好', version: c.version,
      activities: [{ ...launch, venue: '市体育中心' }, { name: '技能大师巡回演讲', area: '宣传发动', plannedStart: '2010-05-08', plannedEnd: '2010-05-19', venue: null, owner: '宣传策划部' }],
      documents: [{ ...c.documents[0], number: '江人社发〔2010〕13号' }],
    };
    const res = await call(env, admin, 'PUT', `/api/campaigns/${c.id}`, body);
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after.version).toBe(c.version + 1);
    expect(after.theme).toBe('技能让生活更美好');
    expect(after.activities.map((a: { id: number; name: string; venue: string | null }) => [a.name, a.venue])).toEqual([['启动仪式', '市体育中心'], ['技能大师巡回演讲', null]]);
    expect(after.activities[0].id).toBe(launch.id);
    expect(after.documents).toEqual([{ ...c.documents[0], number: '江人社发〔2010〕13号' }]);

    const stale = await call(env, admin, 'PUT', `/api/campaigns/${c.id}`, { ...body, version: c.version });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('已被他人修改');
    const dupe = await call(env, admin, 'POST', '/api/campaigns', campaign());
    expect(dupe.statusCode).toBe(409);
    expect(dupe.json().error.issues[0].field).toBe('name');

    const audit = await env.database.db.select().from(auditLog).where(eq(auditLog.action, 'campaign.update'));
    const last = audit.at(-1)!;
    expect([last.entityId, (last.before as { theme: string }).theme, (last.after as { theme: string }).theme]).toEqual([String(c.id), '改', '技能让生活更美好']);
  });

  it('keeps past campaigns readable; the latest is current; a competition can join a chosen campaign', async () => {
    const list = (await call(env, unit, 'GET', '/api/campaigns')).json();
    expect(list[0]).toMatchObject({ name: '江川市2010年技能月活动', current: true, competitions: 1 });
    const past = list.find((c: { startsOn: string }) => c.startsOn === '2008-05-01');
    expect(past.current).toBe(false);
    const read = await call(env, unit, 'GET', `/api/campaigns/${past.id}`);
    expect(read.json()).toMatchObject({ id: past.id, current: false });

    const chosen = await call(env, admin, 'POST', '/api/competitions', competition({ campaignId: past.id, name: '2008车工竞赛' }));
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().campaignId).toBe(past.id);
    const byCampaign = (await call(env, admin, 'GET', `/api/competitions?campaignId=${past.id}`)).json();
    expect(byCampaign.map((c: { name: string }) => c.name)).toEqual(['2008车工竞赛']);
    const missing = await call(env, admin, 'POST', '/api/competitions', competition({ campaignId: 999999, name: '无' }));
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues[0].field).toBe('campaignId');
    expect((await call(env, unit, 'GET', '/api/campaigns/999999')).statusCode).toBe(404);
  });
});
