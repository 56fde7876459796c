import { describe, expect, it } from 'vitest';
import ExcelJS from './exceljs.js';
import { readFirstSheet } from './read.js';

describe('reading a sheet', () => {
  it('keeps Chinese text intact across the stream\'s chunk boundaries (ExcelJS decoding fix)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('人员');
    const names = ['江川重型机械有限公司', '江川技师学院', '维修电工', '高级工'];
    const rows = 6000; // a sheet of several hundred KB: many chunks, many split characters
    for (let i = 0; i < rows; i++) ws.addRow([`员工${i}`, names[i % 4], `第${i}行`]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer({ useSharedStrings: false } as never));
    let n = 0;
    for await (const r of readFirstSheet(buf)) {
      expect(r.cells).toEqual([`员工${n}`, names[n % 4], `第${n}行`]);
      n++;
    }
    expect(n).toBe(rows);
  });
});
