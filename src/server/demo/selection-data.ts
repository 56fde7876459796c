import { makeIdNumber } from '../../shared/idcard.js';
import { DEFAULT_CONDITIONS, type NominationChannel } from '../../shared/selection/rules.js';
import {
  BIRTH_REGIONS, chineseName, DEMO_DISTRICTS, DEMO_UNITS, demoPeople, demoUnitProfile, int, mulberry32, pick, randomDate,
  uniquePhone, weighted, workerCareer, WORKER_BIRTH_YEARS, type DemoPerson, type Rng,
} from './data.js';

/**
 * The 2009 Technical Expert selection (技术能手评选) of the demo: "broad nomination, central exam,
 * comprehensive review". Several hundred nominations through the five channels — some people
 * nominated twice (one candidate, both channels), some ineligible with their reasons, some returned
 * and corrected — an exam, the published top 200, review, re-test and interview, 50, then 20,
 * committee approval, the public notice on the 2009 working-day calendar, and the commendation.
 * Deterministic: the same plan on every start.
 */

export const SELECTION_ROUND = {
  name: '2009年江川市技术能手评选',
  nominationOpensOn: '2009-05-04',
  nominationClosesOn: '2009-05-12',
};

const at = (s: string) => new Date(`${s}+08:00`);

/** Beijing times of each step (the notice runs over 端午: 28–30 May are holidays, Sunday 31 May a working day). */
export const SELECTION_TIMELINE = {
  created: at('2009-04-27T10:00:00'),
  nominationsFrom: at('2009-05-04T09:00:00'),
  eligibilityOpens: at('2009-05-13T09:00:00'),
  verified: at('2009-05-13T15:00:00'),
  corrected: at('2009-05-14T10:00:00'),
  reverified: at('2009-05-14T16:00:00'),
  examOpens: at('2009-05-15T09:00:00'),
  examDay: '2009-05-16',
  scoresImported: at('2009-05-18T16:00:00'),
  cut200: at('2009-05-19T10:00:00'),
  review: at('2009-05-20T09:00:00'),
  retest: at('2009-05-21T09:00:00'),
  interview: at('2009-05-25T09:00:00'),
  cut50: at('2009-05-26T10:00:00'),
  cut20: at('2009-05-26T11:00:00'),
  approval: at('2009-05-26T15:00:00'),
  notice: at('2009-05-27T09:00:00'),
  /** The sweep after the period (27 May, 31 May, 1–3 June) ends. */
  final: at('2009-06-04T00:30:00'),
  commendation: at('2009-06-05T10:00:00'),
};

/** 地区: each district's labour bureau nominates through a district account (unit kind 'district'). */
export const SELECTION_DISTRICT_UNITS = DEMO_DISTRICTS.map((d) => ({
  name: `江川市${d.name}人力资源和社会保障局`, kind: 'district' as const, district: d.name,
}));

/** 行业: two industry bodies and the enterprise profiles that belong to them. */
export const SELECTION_INDUSTRY_UNITS = [
  { name: '江川市机械工业行业协会', kind: 'industry' as const, district: '江北区', profiles: ['machining', 'heavy', 'tooling'] },
  { name: '江川市电力行业协会', kind: 'industry' as const, district: '江南区', profiles: ['electric', 'process'] },
];

/** The accounts the selection adds (passwords as the other demo accounts: printed at start). */
export const SELECTION_ACCOUNTS = {
  district: { username: 'district01', password: 'District2009demo', unitName: SELECTION_DISTRICT_UNITS[0]!.name },
  industry: { username: 'industry01', password: 'Industry2009demo', unitName: SELECTION_INDUSTRY_UNITS[0]!.name },
  /** 技术能手评审委员会: the committee members who approve the final list (5 approvals needed). */
  reviewCommittee: ['王国华', '陈立新', '刘志强', '杨晓梅', '赵德明', '孙建平', '周海燕'].map((displayName, i) => ({
    username: `review0${i + 1}`, displayName: `技术能手评审委员会 ${displayName}`, password: 'Review2009demo',
  })),
  finance: { username: 'finance01', displayName: '市财政局 社保科 吴敏', password: 'Finance2009demo' },
  /** 评审专家: judge accounts on the review, re-test and interview panels (some from nominating units). */
  experts: ['郑国强', '冯建军', '褚文斌', '卫红梅', '蒋志刚', '沈明华', '韩永胜', '朱立平', '秦海波', '尤建英', '许德胜', '何小龙'].map((displayName, i) => ({
    username: `expert${String(i + 1).padStart(2, '0')}`, displayName, password: 'Expert2009demo',
  })),
  /** A self-nominated candidate who ends among the 20: signs in to see the status, title and certificate. */
  candidate: { username: 'candidate01', password: 'Person2009demo' },
};

export interface DemoNominee {
  /** 'existing': an index into demoPeople(); 'new': an index into selectionPeople(). */
  from: 'existing' | 'new';
  index: number;
  /** The channels that nominate the person, the first the primary one. */
  channels: NominationChannel[];
  conditions: string[];
  /**
   * eligible; level (below 高级工, no claim); equivalent_yes / equivalent_no (an equivalent-skill
   * claim the verifier accepts / rejects); front_line (not in front-line production);
   * no_evidence (claims without evidence); returned (consent form missing → returned → corrected).
   */
  story: 'eligible' | 'level' | 'equivalent_yes' | 'equivalent_no' | 'front_line' | 'no_evidence' | 'returned';
}

/** Experienced workers added for the selection (the registry then holds 980 + 330 people, and the training's trainees). */
export const SELECTION_PEOPLE_COUNT = 330;
const NEW_PEOPLE = SELECTION_PEOPLE_COUNT;
const SEED = 0x20090504;
const TRADES = ['T01', 'T02', 'T03', 'T04', 'T05', 'T06', 'T07', 'T08'] as const;

/**
 * Experienced workers nominated for the selection who did not enter the competition: enterprise
 * staff of every trade, mostly 高级工 and 技师 (their careers run until they reach a target level).
 */
export function selectionPeople(): DemoPerson[] {
  const rng = mulberry32(SEED);
  const phones = new Set<string>();
  const ids = new Set(demoPeople().map((p) => p.idNumber));
  const enterprises = DEMO_UNITS.flatMap((u, i) => (u.kind === 'enterprise' ? [i] : []));
  const out: DemoPerson[] = [];
  for (let n = 0; n < NEW_PEOPLE; n++) {
    const target = weighted(rng, [[3, 60], [2, 28], [1, 5], [4, 7]] as const);
    const tradeCode = pick(rng, TRADES);
    const gender: 'M' | 'F' = rng() < 0.1 ? 'F' : 'M';
    let career = workerCareer(rng, weighted(rng, WORKER_BIRTH_YEARS.filter(([y]) => y < 1984)), tradeCode);
    for (let k = 0; k < 40 && career.level !== target; k++) career = workerCareer(rng, int(rng, 1960, 1980), tradeCode);
    const birthYear = 2009 - career.yearsInTrade - int(rng, 18, 21);
    let seq = int(rng, 0, 499) * 2 + (gender === 'M' ? 1 : 0);
    const birth = randomDate(rng, birthYear);
    const region = weighted(rng, BIRTH_REGIONS);
    let idNumber = makeIdNumber(region, birth, seq, gender);
    while (ids.has(idNumber)) {
      seq = (seq + 2) % 1000;
      idNumber = makeIdNumber(region, birth, seq, gender);
    }
    ids.add(idNumber);
    out.push({
      name: chineseName(rng, gender), gender, idNumber, phone: uniquePhone(rng, phones), unitIndex: pick(rng, enterprises), tradeCode,
      level: career.level, frontLine: rng() < 0.96, yearsInTrade: career.yearsInTrade, qualifications: career.qualifications,
    });
  }
  return out;
}

/** The nominations: who, through which channels, claiming what, and how each one's check ends. */
export function selectionNominees(): DemoNominee[] {
  const rng = mulberry32(SEED + 1);
  const existing = demoPeople();
  const fresh = selectionPeople();
  const out: DemoNominee[] = [];
  const conditions = () => {
    const k = weighted(rng, [[1, 55], [2, 35], [3, 10]] as const);
    const keys = new Set<string>();
    while (keys.size < k) keys.add(weighted(rng, DEFAULT_CONDITIONS.map((c, i) => [c.key, 10 - i] as const)));
    return [...keys];
  };
  const channel = (): NominationChannel => weighted(rng, [['unit', 70], ['district', 10], ['industry', 8], ['society', 7], ['self', 3]] as const);
  // Competition contestants in enterprises with 高级工 or above: 90 of them are nominated.
  const seasoned = existing.flatMap((p, i) => (p.level !== null && p.level <= 3 && p.frontLine && DEMO_UNITS[p.unitIndex]!.kind === 'enterprise' ? [i] : []));
  for (const index of seasoned.slice(0, 90)) out.push({ from: 'existing', index, channels: [channel()], conditions: conditions(), story: 'eligible' });
  fresh.forEach((p, index) => {
    const story: DemoNominee['story'] = !p.frontLine ? 'front_line'
      : p.level === null || p.level > 3 ? (rng() < 0.35 ? (rng() < 0.4 ? 'equivalent_yes' : 'equivalent_no') : 'level')
        : rng() < 0.02 ? 'no_evidence' : rng() < 0.03 ? 'returned' : 'eligible';
    out.push({ from: 'new', index, channels: [channel()], conditions: conditions(), story });
  });
  // Some are nominated twice: by their employer and by their district or industry body.
  for (const n of out) {
    if (n.channels[0] === 'unit' && rng() < 0.07) n.channels.push(rng() < 0.6 ? 'district' : 'industry');
  }
  return out.map((n) => ({ ...n, channels: n.channels.filter((c) => c !== 'industry' || industryOf(n, existing, fresh) !== null) }))
    .map((n) => ({ ...n, channels: n.channels.length ? n.channels : ['unit'] }));
}

/** The industry body a nominee's employer belongs to (index into SELECTION_INDUSTRY_UNITS), or null. */
export function industryOf(n: Pick<DemoNominee, 'from' | 'index'>, existing = demoPeople(), fresh = selectionPeople()): number | null {
  const p = n.from === 'existing' ? existing[n.index]! : fresh[n.index]!;
  const profile = demoUnitProfile(p.unitIndex);
  const i = SELECTION_INDUSTRY_UNITS.findIndex((u) => u.profiles.includes(profile));
  return i < 0 ? null : i;
}

/** A candidate's ability and a reviewer's severity, for marks that look like a real panel's. */
export function demoAbility(rng: Rng): number {
  return Math.min(0.98, Math.max(0.35, 0.72 + (rng() + rng() + rng() - 1.5) * 0.22));
}

/** A minimal valid PDF (ASCII text) standing for a scanned certificate or a signed form. */
export function demoPdf(text: string): Buffer {
  const stream = `BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
