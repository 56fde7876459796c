import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import ExcelJS, { type Row } from './exceljs.js';
import { readFirstSheet, readTable } from './read.js';
import { buildTemplate } from './write.js';
import { headerMatch } from '../../shared/excel/sheet.js';
import { PEOPLE_SHEET } from '../../shared/excel/people-sheet.js';
import { makeZip } from '../test/xlsx.js';

describe('reading a sheet', () => {
  it('keeps Chinese text intact across the stream\'s chunk boundaries', async () => {
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

    // ExcelJS's own streaming reader, with our parse-sax fix (exceljs.ts), reads it the same.
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([buf]), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', entries: 'emit' });
    let m = 0;
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<Row>) {
        expect((row.values as unknown[]).slice(1)).toEqual([`员工${m}`, names[m % 4], `第${m}行`]);
        m++;
      }
    }
    expect(m).toBe(rows);
  });
});

describe('finding the table', () => {
  it('reads a filled template (data sheet, hidden lists, instructions) whole while the other sheets are checked', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await buildTemplate(PEOPLE_SHEET, { trade: ['车工', '钳工'] })) as never);
    const ws = wb.worksheets[0]!;
    ws.spliceRows(1, 0, ['2026 年人员名单'], []); // a title and an empty row above the header
    for (let i = 0; i < 5000; i++) ws.addRow([`员工${i}`, '男', `id${i}`, '', '江川技师学院']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const rows: number[] = [];
    for await (const r of readTable(buf, (cells) => headerMatch(PEOPLE_SHEET, cells))) rows.push(r.number);
    expect(rows).toHaveLength(1 + 5000);
    expect(rows[0]).toBe(3);
    expect(rows.at(-1)).toBe(5003);
  });
});

describe('reading a sheet as Excel writes it', () => {
  const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n${s}`);
  const workbook = (parts: Record<string, string>) => makeZip([
    { name: '[Content_Types].xml', data: xml('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'xl/workbook.xml', data: xml(`<workbook ${NS}><sheets><sheet name="人员" sheetId="2" r:id="rId2"/><sheet name="说明" sheetId="1" r:id="rId1"/></sheets></workbook>`) },
    { name: 'xl/_rels/workbook.xml.rels', data: xml('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
      + '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
      + '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/>'
      + '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>') },
    // Excel writes the sheets before the shared strings.
    ...Object.entries(parts).map(([name, s]) => ({ name, data: xml(s) })),
  ]);
  const read = async (buf: Buffer) => {
    const rows: unknown[] = [];
    for await (const r of readFirstSheet(buf)) rows.push([r.number, r.cells]);
    return rows;
  };

  it('takes the first sheet in the workbook\'s order, with shared, rich, inline and typed cells', async () => {
    const buf = workbook({
      'xl/worksheets/sheet1.xml': `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>not this sheet</t></is></c></row></sheetData></worksheet>`,
      'xl/worksheets/sheet2.xml': `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:dimension ref="A1:F4"/><x:sheetData>
        <x:row r="1" spans="1:6"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="s" s="3"><x:v>2</x:v></x:c></x:row>
        <x:row r="3"><x:c r="A3" t="inlineStr"><x:is><x:r><x:t xml:space="preserve">张 </x:t></x:r><x:r><x:rPr><x:b/></x:rPr><x:t>三&amp;&#x4E00;&#19968;</x:t></x:r></x:is></x:c>
          <x:c r="B3" t="b"><x:v>1</x:v></x:c><x:c r="C3"><x:f>1+1</x:f><x:v>2</x:v></x:c><x:c r="D3" t="e"><x:v>#N/A</x:v></x:c>
          <x:c r="E3" t="str"><x:f>A1</x:f><x:v><![CDATA[a<b]]></x:v></x:c><x:c r="F3" s="2"><x:v>43968</x:v></x:c></x:row>
        <x:row r="4"><x:c><x:v>7</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c></x:row>
        <x:row r="5"><x:c r="B5" s="1"/><x:c r="C5" t="s"><x:v>4</x:v></x:c></x:row>
      </x:sheetData><!-- a comment --></x:worksheet>`,
      'xl/sharedStrings.xml': `<sst ${NS} count="5" uniqueCount="5"><si><t>姓名</t></si><si><r><t>身份</t></r><r><rPr><b/></rPr><t>证号</t></r></si>`
        + '<si><t>单位</t><rPh sb="0" eb="1"><t>ダンイ</t></rPh><phoneticPr fontId="1"/></si><si><t>0012</t></si><si><t/></si></sst>',
    });
    expect(await read(buf)).toEqual([
      [1, ['姓名', '身份证号', '单位']],
      [3, ['张 三&一一', true, 2, null, 'a<b', 43968]],
      [4, [7, '0012']],
    ]);
  });

  it('refuses what is not well-formed XML, and DTDs, as unreadable', async () => {
    for (const sheet of [
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="str"><v>x</c></row></sheetData></worksheet>`,
      `<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="str"><v>&a;</v></c></row></sheetData></worksheet>`,
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row></sheetData></worksheet>`,
      `<worksheet ${NS}><sheetData><row r="1"><c r=A1><v>1</v></c></row></sheetData></worksheet>`,
      `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="str"><v>x</v></c></row></sheetData>`,
    ]) {
      const buf = workbook({ 'xl/worksheets/sheet2.xml': sheet });
      await expect(read(buf)).rejects.toMatchObject({ code: 'BAD_FILE', message: expect.stringContaining('无法读取') });
    }
  });
});
