import { eq } from 'drizzle-orm';
import { units } from '../../core/units/tables.js';
import type { ServiceContext } from '../../context.js';
import { renderPdf, type Pdf } from '../../pdf/document.js';
import { requireActor } from '../../policy.js';
import { requireTeacher } from '../programmes/policy.js';
import { enrolledTrainees, sessionAndClass } from './service.js';

const COLUMNS = [
  { title: '序号', width: 36 },
  { title: '姓名', width: 80 },
  { title: '身份证号', width: 140 },
  { title: '单位', width: 140 },
  { title: '签名', width: 99 },
] as const;
const ROW = 26;
const GAP = '\u3000';

/**
 * 签到表: the printable A4 sign-in sheet of one session — class, date, time, room, topic, teacher —
 * and its enrolled trainees (序号, 姓名, masked ID number, 单位) with a blank column to sign. The
 * signed sheet is keyed back on the roster screen (method 'sheet').
 */
export async function signInSheet(ctx: ServiceContext, sessionId: number): Promise<{ fileName: string; pdf: Buffer }> {
  requireActor(ctx);
  const { s, c } = await sessionAndClass(ctx.db, sessionId);
  await requireTeacher(ctx, c);
  const trainees = await enrolledTrainees(ctx.db, c.id);
  const [college] = c.collegeUnitId != null ? await ctx.db.select({ name: units.name }).from(units).where(eq(units.id, c.collegeUnitId)) : [];
  const place = [college?.name, c.venue, s.room].filter(Boolean).join(' · ');
  const pdf = await renderPdf((doc) => {
    const header = (page: number) => {
      doc.font('sc-bold').fontSize(16).fillColor('#000000').text(`${c.name} 签到表`, 50, 40, { width: 495, align: 'center' });
      doc.font('sc').fontSize(10.5);
      doc.text(`日期：${s.day}${GAP}时间：${s.startsAt}–${s.endsAt}${GAP}地点：${place || '—'}`, 50, 70, { width: 495 });
      doc.text(`课程：${s.topic}${GAP}授课教师：${s.teacherName || '—'}${GAP}应到：${trainees.length} 人${GAP}第 ${page} 页`, 50, 88, { width: 495 });
      return tableHeader(doc, 112);
    };
    let page = 1;
    let y = header(page);
    trainees.forEach((t, i) => {
      if (y + ROW > doc.page.height - 70) {
        doc.addPage();
        y = header(++page);
      }
      y = row(doc, y, [String(i + 1), t.name, t.idNumberMasked, t.unitName ?? '', '']);
    });
    doc.fontSize(10).text('实到：______ 人${GAP}${GAP}教师签字：______________${GAP}${GAP}日期：______________', 50, Math.min(y + 16, doc.page.height - 60), { width: 495 });
  }, { info: { Title: `${c.name} ${s.day} 签到表` } });
  return { fileName: `签到表-${c.name}-${s.day}.pdf`, pdf };
}

function tableHeader(doc: Pdf, y: number): number {
  doc.font('sc-bold');
  const next = row(doc, y, COLUMNS.map((k) => k.title));
  doc.font('sc');
  return next;
}

function row(doc: Pdf, y: number, cells: readonly string[]): number {
  let x = 50;
  doc.fontSize(10).lineWidth(0.7).strokeColor('#333333').fillColor('#000000');
  COLUMNS.forEach((col, i) => {
    doc.rect(x, y, col.width, ROW).stroke();
    doc.text(cells[i] ?? '', x + 4, y + 7, { width: col.width - 8, height: ROW - 8, lineBreak: false, ellipsis: true });
    x += col.width;
  });
  return y + ROW;
}
