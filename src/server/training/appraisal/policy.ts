import type { Actor, ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';
import { conflict, forbidden, notFound } from '../../http/errors.js';
import { requireActor } from '../../policy.js';
import { isCollegeOf, isTrainingReader, isTrainingStaff, programmeRow } from '../programmes/policy.js';
import type { ClassRow, ProgrammeRow } from '../programmes/tables.js';

/** 财政局: the committee's finance body reviews subsidy claims (and administrators). */
export const isFinance = (a: Actor | null): boolean => !!a && (a.role === 'admin' || (a.role === 'committee' && a.committeeBody === 'finance'));

/** Who records appraisals and computes or submits a claim: training staff and the class's college. */
export function requireStaffOrCollege(ctx: ServiceContext, c: ClassRow, doing: string): Actor {
  const a = requireActor(ctx);
  if (isTrainingStaff(a) || isCollegeOf(c, a)) return a;
  if (a.role === 'unit' || a.role === 'judge' || a.role === 'person') throw notFound('培训班');
  throw forbidden(`只有培训组或承训院校可以${doing}`);
}

/** Who reads a class's appraisals: every committee reader and the class's college (another college: not found). */
export function requireAppraisalReader(ctx: ServiceContext, c: ClassRow): Actor {
  const a = requireActor(ctx);
  if (isTrainingReader(a) || isCollegeOf(c, a)) return a;
  throw notFound('培训班');
}

/** Who reads a claim and its payment list: training staff, the finance body, the class's college. */
export function requireClaimReader(ctx: ServiceContext, c: ClassRow): Actor {
  const a = requireActor(ctx);
  if (isTrainingStaff(a) || isFinance(a) || isCollegeOf(c, a)) return a;
  if (a.role === 'committee') throw forbidden('只有培训组、财政部门或承训院校可以查看补贴申请');
  throw notFound('培训班');
}

/** Appraisal and subsidy are the new-technician programme's; the class must be running or finished. */
export async function requireNewTechnicianClass(db: DbOrTx, c: ClassRow, doing: string): Promise<ProgrammeRow> {
  const p = await programmeRow(db, c.programmeId);
  if (p.kind !== 'new-technician') throw conflict(`「${c.name}」不是新技师培养班，不能${doing}`);
  if (c.status !== 'running' && c.status !== 'finished') {
    throw conflict(`培训班「${c.name}」${c.status === 'cancelled' ? '已取消' : '尚未开班'}，开班后（培训中或已结业）才能${doing}`);
  }
  return p;
}
