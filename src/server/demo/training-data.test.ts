import { describe, expect, it } from 'vitest';
import { checkIdNumber } from '../../shared/idcard.js';
import { attended, NEW_TECHNICIAN_MIN_LEVEL } from '../../shared/training/rules.js';
import { DEMO_UNITS, demoPeople } from './data.js';
import { selectionPeople } from './selection-data.js';
import {
  classAttendance, DEMO_PLAN_PANEL, demoAppraisals, demoBusinessPlans, demoTrainingClasses, GRADUATES, LOW_ATTENDANCE, NEW_TECHNICIANS, STUDENTS,
  TOWNSHIP_CLASS, TRAINING_ORGANIZERS, TRAINING_PEOPLE_COUNT, TRAINING_UNITS, trainingPeople,
} from './training-data.js';

const classes = demoTrainingClasses();
const existing = [...demoPeople(), ...selectionPeople()];
const trainees = trainingPeople({ ids: existing.map((p) => p.idNumber), phones: existing.map((p) => p.phone) });
const group = (g: string) => classes.filter((c) => c.targetGroup === g);
const sum = (xs: { size: number }[]) => xs.reduce((a, c) => a + c.size, 0);
const HOLIDAYS = ['2009-04-04', '2009-04-05', '2009-04-06', '2009-05-01', '2009-05-02', '2009-05-03', '2009-05-28', '2009-05-29', '2009-05-30'];

describe('the demo training plan (pure data)', () => {
  it('has the seed figures: 500+ migrant workers, 11 graduates\' classes with 381, 300 students, the first batch 50 planned vs 83', () => {
    expect(sum(group('migrant-workers'))).toBeGreaterThanOrEqual(500);
    const graduates = group('graduates');
    expect(graduates).toHaveLength(GRADUATES.classes);
    expect(sum(graduates)).toBe(381);
    expect(graduates.every((c) => c.plannedStartOn === '2009-03-28' && c.graduationOn === '2009-05-27' && c.sessions[0]!.day === '2009-03-28')).toBe(true);
    expect(sum(group('students'))).toBe(STUDENTS.trained);
    const [first, second] = group('new-technicians');
    expect(first).toMatchObject({ plannedSize: 50, size: 83, plannedStartOn: '2009-05-13', tradeCodes: ['T02', 'T03'], status: 'finished' });
    expect(first!.sessions).toHaveLength(NEW_TECHNICIANS.days);
    expect(second).toMatchObject({ status: 'planned', size: 0, plannedSize: 100 });
    expect(first!.college).not.toBe(second!.college);
    expect(TRAINING_PEOPLE_COUNT).toBe(trainees.length);
  });

  it('opens the township class on 18 May with the labour bureau, the agriculture office and the finance bureau', () => {
    const c = classes.find((x) => x.key === TOWNSHIP_CLASS.key)!;
    expect(c).toMatchObject({ plannedStartOn: '2009-05-18', college: null, venue: TOWNSHIP_CLASS.venue, targetGroup: 'migrant-workers' });
    expect(c.sessions[0]!.day).toBe('2009-05-18');
    expect(c.organizers).toEqual([...TRAINING_ORGANIZERS]);
  });

  it('schedules sessions on working days (no holidays; Sundays only for the graduates\' weekend classes), each with a topic and a time', () => {
    for (const c of classes) {
      expect(new Set(c.sessions.map((s) => `${s.day} ${s.startsAt}`)).size).toBe(c.sessions.length);
      for (const s of c.sessions) {
        expect(HOLIDAYS).not.toContain(s.day);
        expect(s.topic.length).toBeGreaterThan(0);
        expect(s.endsAt > s.startsAt).toBe(true);
        if (c.targetGroup !== 'graduates') expect(new Date(`${s.day}T00:00:00Z`).getUTCDay()).not.toBe(0);
      }
      if (c.status === 'finished') expect(c.sessions.length).toBeGreaterThan(0);
    }
  });

  it('makes every trainee a new, valid person; the new technicians are 高级工 of enterprises, within the unit quota', () => {
    const ids = new Set(existing.map((p) => p.idNumber));
    for (const p of trainees) {
      expect(checkIdNumber(p.idNumber).ok, p.idNumber).toBe(true);
      expect(ids.has(p.idNumber)).toBe(false);
      ids.add(p.idNumber);
    }
    const units = new Set([...DEMO_UNITS.map((u) => u.name), ...TRAINING_UNITS.map((u) => u.name)]);
    expect(trainees.every((p) => units.has(p.unitName))).toBe(true);
    const techs = trainees.filter((p) => p.classKey === 'new-technicians-1');
    expect(techs).toHaveLength(83);
    const enterprises = new Set(DEMO_UNITS.filter((u) => u.kind === 'enterprise').map((u) => u.name));
    for (const p of techs) {
      expect(p.level).toBeLessThanOrEqual(NEW_TECHNICIAN_MIN_LEVEL);
      expect(enterprises.has(p.unitName)).toBe(true);
      expect(p.qualifications.at(-1)).toMatchObject({ level: 3, tradeCode: p.tradeCode });
    }
    const perUnit = new Map<string, number>();
    for (const p of techs) perUnit.set(p.unitName, (perUnit.get(p.unitName) ?? 0) + 1);
    expect(Math.max(...perUnit.values())).toBeLessThanOrEqual(NEW_TECHNICIANS.unitQuota);
  });

  it('is deterministic', () => {
    expect(trainingPeople({ ids: existing.map((p) => p.idNumber), phones: existing.map((p) => p.phone) })).toEqual(trainees);
    expect(demoBusinessPlans()).toEqual(demoBusinessPlans());
    const first = classes.find((c) => c.key === 'new-technicians-1')!;
    expect(classAttendance(first)).toEqual(classAttendance(first));
  });

  it('takes attendance by all three methods; five first-batch trainees fall under 80 %, trainee01 attends everything', () => {
    const first = classes.find((c) => c.key === 'new-technicians-1')!;
    const grid = classAttendance(first);
    const rate = (t: number) => grid.filter((line) => attended(line[t]!.status)).length / grid.length;
    const under = Array.from({ length: first.size }, (_, t) => t).filter((t) => rate(t) < 0.8);
    expect(under).toEqual(LOW_ATTENDANCE);
    expect(grid.every((line) => line[0]!.status === 'present')).toBe(true);
    expect(new Set(grid.flat().map((a) => a.method))).toEqual(new Set(['qr', 'roster', 'sheet']));
    // Nobody is signed in by QR when absent: the teacher marks them by roster.
    expect(grid.flat().filter((a) => a.method === 'qr' && !attended(a.status))).toHaveLength(0);
  });

  it('commends the 64 best of the graduates\' business plans; the appraisal passes most of the first batch, trainee01 included', () => {
    const plans = demoBusinessPlans(classes);
    const commended = plans.filter((p) => p.commended);
    expect(commended).toHaveLength(GRADUATES.commended);
    expect(commended.every((p) => p.classKey.startsWith('graduates-'))).toBe(true);
    expect(DEMO_PLAN_PANEL.commendCount).toBe(GRADUATES.commended);
    const appraisals = demoAppraisals();
    expect(appraisals).toHaveLength(83);
    expect(new Set(appraisals.map((a) => a.examNumber)).size).toBe(83);
    expect(appraisals.filter((a) => a.passed).length).toBeGreaterThan(83 * 0.8);
    expect(appraisals[0]!.passed).toBe(true);
    expect(appraisals.filter((a) => a.absent).every((a) => !a.passed && a.theory === null)).toBe(true);
  });
});
