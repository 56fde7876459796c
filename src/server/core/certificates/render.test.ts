import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import type { Certificate } from '../../../shared/contracts/certificates.js';
import { renderCertificate, verifyUrl } from './render.js';
import { pdfText, qrModulesDiffering } from './testing.js';

const SAMPLE: Certificate = {
  id: 1, serial: 'SM09-ABCDE-FGHJK-MNPQR-STVWX', source: 'competition-outcome', kind: 'award', holderName: '王建国', holderIdMasked: '330***********1234',
  unitName: '杭州机床厂', tradeName: '车工', eventName: '2009年技能月车工职业技能竞赛', title: '车工 第1名',
  issuer: '市劳动和社会保障局', issuedOn: '2009-06-02', status: 'valid', revokedAt: null, revokeReason: null,
};

describe('the certificate PDF', () => {
  it('prints the Chinese heading, holder, award, unit, trade, issuer, date and serial (read back by pdftotext)', async () => {
    const text = pdfText(await renderCertificate(SAMPLE, 'https://jineng.example.cn'));
    for (const s of ['荣誉证书', '王建国', '车工 第1名', '杭州机床厂', '2009年技能月车工职业技能竞赛', '市劳动和社会保障局', '2009年6月2日', SAMPLE.serial, '330***********1234', '扫码查验']) {
      expect(text).toContain(s);
    }
  });

  it('heads a level 职业资格证明, a unit award with the unit, and marks a revoked one 已撤销', async () => {
    const level = pdfText(await renderCertificate({ ...SAMPLE, kind: 'level', title: '高级工（国家职业资格三级）' }, 'http://x'));
    expect(level).toContain('职业资格证明');
    expect(level).toContain('高级工（国家职业资格三级）');
    const team = pdfText(await renderCertificate({ ...SAMPLE, kind: 'team', holderName: '杭州机床厂', holderIdMasked: null, title: '团体第1名' }, 'http://x'));
    expect(team).toContain('杭州机床厂：');
    expect(team).not.toContain('身份证号');
    const revoked = pdfText(await renderCertificate({ ...SAMPLE, status: 'revoked', revokedAt: '2009-06-10T02:00:00Z', revokeReason: '错误' }, 'http://x'));
    expect(revoked).toContain('本证书已于 2009-06-10 撤销，不再有效。错误');
  });

  it('prints a selection award (市技术能手) with the round where a competition would be, and the competition as before', async () => {
    const selection = pdfText(await renderCertificate({ ...SAMPLE, source: 'selection-award', kind: 'title', eventName: '2009年市技术能手评选', title: '市技术能手' }, 'http://x'));
    for (const s of ['荣誉证书', '在2009年市技术能手评选中被评为', '市技术能手', '特发此证']) expect(selection).toContain(s);
    expect(selection).toMatch(/评\s+选\s+2009年市技术能手评选/);
    expect(selection).not.toMatch(/竞\s+赛/);
    const competition = pdfText(await renderCertificate(SAMPLE, 'http://x'));
    expect(competition).toContain('在2009年技能月车工职业技能竞赛中荣获');
    expect(competition).toMatch(/竞\s+赛\s+2009年技能月车工职业技能竞赛/);
  });

  it('leaves no lone character on a sentence’s last line (a certificate ended on "得" by itself)', async () => {
    const long = { ...SAMPLE, kind: 'level' as const, eventName: '江川市2009年职业技能大赛（工具钳工）', title: '高级工（国家职业资格三级）' };
    const text = pdfText(await renderCertificate(long, 'http://x'));
    const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines.filter((l) => [...l].length === 1)).toEqual([]);
    const end = lines.find((l) => l.endsWith('经评定取得'));
    expect(end && [...end].length).toBeGreaterThanOrEqual(3);
  });

  it('draws a QR code whose modules are exactly those of the verification URL', async () => {
    const url = verifyUrl('https://jineng.example.cn/', SAMPLE.serial);
    expect(url).toBe(`https://jineng.example.cn/verify/${SAMPLE.serial}`);
    const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
    expect(qr.segments.map((s) => Buffer.from(s.data as Uint8Array).toString('utf8')).join('')).toBe(url);

    const pdf = await renderCertificate(SAMPLE, 'https://jineng.example.cn');
    expect(qrModulesDiffering(pdf, url)).toBe(0);
    expect(qrModulesDiffering(pdf, 'https://jineng.example.cn/verify/SM09-00000-00000-00000-00000')).toBeGreaterThan(50);
  });
});
