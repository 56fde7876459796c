import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../shared/idcard.js';
import { DEMO_ACCOUNTS, DEMO_CAMPAIGN, DEMO_TRADES, DEMO_UNITS, demoPeople } from './data.js';

const CREDIT_RE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;
const MOBILE_RE = /^1[3-9]\d{9}$/;
const CAMPAIGN_DAY = new Date(Date.UTC(2009, 4, 1));

/** GB 32100 check character, written independently of the generator. */
function creditCheck(code: string): boolean {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += chars.indexOf(code[i]!) * weights[i]!;
  return chars[(31 - (sum % 31)) % 31] === code[17];
}

const people = demoPeople();
const tradeByCode = new Map(DEMO_TRADES.map((t) => [t.code, t]));

describe('demo campaign', () => {
  it('describes the 2009 Skills Month', () => {
    expect(DEMO_CAMPAIGN.startsOn).toBe('2009-05-01');
    expect(DEMO_CAMPAIGN.endsOn).toBe('2009-05-31');
    expect(DEMO_CAMPAIGN.theme).toBe('技能创造财富，技能改变人生');
    expect(DEMO_CAMPAIGN.coOrganizers).toHaveLength(9);
    expect(new Set(DEMO_CAMPAIGN.coOrganizers).size).toBe(9);
    expect(DEMO_CAMPAIGN.coOrganizers).toContain(DEMO_CAMPAIGN.organizer);
    expect(DEMO_CAMPAIGN.committeeBodies.map((b) => b.key)).toEqual(['office', 'publicity', 'supervision', 'competition', 'expertReview']);
    expect(DEMO_CAMPAIGN.contentAreas).toHaveLength(6);
  });

  it('has six activities, each in one of the content areas, with the seed dates', () => {
    const acts = DEMO_CAMPAIGN.activities;
    expect(acts).toHaveLength(6);
    expect(new Set(acts.map((a) => a.key)).size).toBe(6);
    for (const a of acts) expect(DEMO_CAMPAIGN.contentAreas).toContain(a.area);
    const byKey = new Map(acts.map((a) => [a.key, a]));
    expect(byKey.get('launch')).toMatchObject({ plannedStart: '2009-05-06', plannedEnd: '2009-05-06' });
    expect(byKey.get('launch')!.description).toContain('15:00');
    expect(byKey.get('lectureTour')).toMatchObject({ plannedStart: '2009-04-28', plannedEnd: '2009-05-19' });
    expect(byKey.get('competition')).toMatchObject({ plannedStart: '2009-05-22', plannedEnd: '2009-05-24' });
    expect(byKey.get('competition')!.target).toContain('980');
    for (const a of acts) if (a.plannedStart && a.plannedEnd) expect(a.plannedStart <= a.plannedEnd).toBe(true);
  });

  it('has the launching notice and the plan', () => {
    const notice = DEMO_CAMPAIGN.documents.find((d) => d.title === '关于开展2009年技能月活动的通知');
    expect(notice).toBeDefined();
    expect(notice!.number).toMatch(/^江人社发〔2009〕\d+号$/);
    expect(notice!.issuedOn).toMatch(/^2009-04-\d{2}$/);
    expect(notice!.body.split('\n').length).toBeGreaterThan(5);
    expect(DEMO_CAMPAIGN.documents.some((d) => d.title.includes('实施方案'))).toBe(true);
  });
});

describe('demo trades', () => {
  it('has unique codes and names and includes the four competition trades at level 3', () => {
    expect(new Set(DEMO_TRADES.map((t) => t.code)).size).toBe(DEMO_TRADES.length);
    expect(new Set(DEMO_TRADES.map((t) => t.name)).size).toBe(DEMO_TRADES.length);
    for (const name of ['车工', '维修电工', '工具钳工', '焊工']) {
      const t = DEMO_TRADES.find((x) => x.name === name);
      expect(t?.levels).toContain(3);
    }
  });
});

describe('demo units', () => {
  it('has 35 enterprises, 14 schools and 3 departments with unique names', () => {
    expect(DEMO_UNITS.filter((u) => u.kind === 'enterprise')).toHaveLength(35);
    expect(DEMO_UNITS.filter((u) => u.kind === 'school')).toHaveLength(14);
    expect(DEMO_UNITS.filter((u) => u.kind === 'department')).toHaveLength(3);
    expect(new Set(DEMO_UNITS.map((u) => u.name)).size).toBe(DEMO_UNITS.length);
  });

  it('gives every enterprise and school a valid, unique credit code and departments none', () => {
    const codes = new Set<string>();
    for (const u of DEMO_UNITS) {
      if (u.kind === 'department') {
        expect(u.code).toBeNull();
        continue;
      }
      expect(u.code).toMatch(CREDIT_RE);
      expect(creditCheck(u.code!)).toBe(true);
      codes.add(u.code!);
    }
    expect(codes.size).toBe(49);
  });

  it('gives every unit a contact with a valid mobile number', () => {
    for (const u of DEMO_UNITS) {
      expect(u.contactName.length).toBeGreaterThanOrEqual(2);
      expect(u.contactPhone).toMatch(MOBILE_RE);
    }
  });
});

describe('demo people', () => {
  it('has exactly 980 people', () => {
    expect(people).toHaveLength(980);
  });

  it('is deterministic', () => {
    const again = demoPeople();
    expect(again).toEqual(people);
    expect(JSON.stringify(again)).toBe(JSON.stringify(people));
    expect(again).not.toBe(people);
  });

  it('generates quickly', () => {
    const t0 = performance.now();
    demoPeople();
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('has valid, unique ID numbers whose gender and birth date match', () => {
    const ids = new Set<string>();
    for (const p of people) {
      const r = checkIdNumber(p.idNumber, CAMPAIGN_DAY);
      expect(r.ok, p.idNumber).toBe(true);
      if (!r.ok) continue;
      expect(r.value).toBe(p.idNumber);
      expect(r.gender).toBe(p.gender);
      const year = Number(r.birthDate.slice(0, 4));
      const kind = DEMO_UNITS[p.unitIndex]!.kind;
      if (kind === 'school') {
        expect(year).toBeGreaterThanOrEqual(1988);
        expect(year).toBeLessThanOrEqual(1991);
      } else {
        expect(year).toBeGreaterThanOrEqual(1960);
        expect(year).toBeLessThanOrEqual(1991);
      }
      ids.add(p.idNumber);
    }
    expect(ids.size).toBe(people.length);
  });

  it('has valid phones, unique among people and unit contacts', () => {
    const phones = new Set(DEMO_UNITS.map((u) => u.contactPhone));
    for (const p of people) {
      expect(p.phone).toMatch(MOBILE_RE);
      expect(phones.has(p.phone)).toBe(false);
      phones.add(p.phone);
    }
    expect(phones.size).toBe(people.length + DEMO_UNITS.length);
  });

  it('places people only in enterprises and schools, at least one in each', () => {
    const perUnit = new Map<number, number>();
    for (const p of people) {
      const u = DEMO_UNITS[p.unitIndex];
      expect(u && (u.kind === 'enterprise' || u.kind === 'school')).toBe(true);
      perUnit.set(p.unitIndex, (perUnit.get(p.unitIndex) ?? 0) + 1);
    }
    DEMO_UNITS.forEach((u, i) => {
      if (u.kind === 'enterprise' || u.kind === 'school') expect(perUnit.get(i) ?? 0, u.name).toBeGreaterThanOrEqual(1);
    });
  });

  it('has plausible names, no namesakes within a unit', () => {
    const seen = new Set<string>();
    for (const p of people) {
      expect(p.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      const key = `${p.unitIndex}:${p.name}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
    }
  });

  it('puts everyone in a known trade that has level 3', () => {
    for (const p of people) expect(tradeByCode.get(p.tradeCode)?.levels).toContain(3);
    const byTrade = new Map<string, number>();
    for (const p of people) byTrade.set(p.tradeCode, (byTrade.get(p.tradeCode) ?? 0) + 1);
    expect(Object.fromEntries(byTrade)).toEqual({ T01: 280, T02: 260, T03: 200, T04: 240 });
  });

  it('keeps the level equal to the highest qualification record, all dated before the campaign', () => {
    for (const p of people) {
      const highest = p.qualifications.length ? Math.min(...p.qualifications.map((q) => q.level)) : null;
      expect(p.level).toBe(highest);
      for (const q of p.qualifications) {
        expect(q.obtainedOn < '2009-05-01').toBe(true);
        expect(q.obtainedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(q.source.length).toBeGreaterThan(0);
        expect(tradeByCode.get(q.tradeCode)?.levels).toContain(q.level);
        const birthYear = Number(p.idNumber.slice(6, 10));
        expect(Number(q.obtainedOn.slice(0, 4)) - birthYear).toBeGreaterThanOrEqual(15);
      }
      // records go up over time
      const sorted = [...p.qualifications].sort((a, b) => a.obtainedOn.localeCompare(b.obtainedOn));
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.level).toBeLessThan(sorted[i - 1]!.level);
    }
  });

  it('makes school people students: not front-line, level null, 5 or 4', () => {
    for (const p of people) {
      if (DEMO_UNITS[p.unitIndex]!.kind !== 'school') continue;
      expect(p.frontLine).toBe(false);
      expect([null, 5, 4]).toContain(p.level);
    }
  });

  it('has plausible years in trade', () => {
    for (const p of people) {
      const age = 2009 - Number(p.idNumber.slice(6, 10));
      expect(p.yearsInTrade).toBeGreaterThanOrEqual(0);
      expect(p.yearsInTrade).toBeLessThanOrEqual(age - 15);
    }
  });
});

describe('demo accounts', () => {
  it('has admin, unit, judge and committee accounts pointing at the right units', () => {
    const by = new Map(DEMO_ACCOUNTS.map((a) => [a.username, a]));
    expect(by.get('admin')).toMatchObject({ role: 'admin', password: '' });
    expect(by.get('unit01')).toMatchObject({ role: 'unit', unitIndex: 0, password: 'Unit2009demo' });
    expect(DEMO_UNITS[0]!.kind).toBe('enterprise');
    const judge = by.get('judge01')!;
    expect(judge).toMatchObject({ role: 'judge', password: 'Judge2009demo' });
    expect(DEMO_UNITS[judge.unitIndex!]!.kind).toBe('school');
    expect(by.get('committee01')).toMatchObject({ role: 'committee', committeeBody: 'competition', password: 'Committee2009demo' });
  });
});
