import { beijingTime } from '../../../shared/beijing-time.js';
import type { CertificateVerification } from '../../../shared/contracts/certificates.js';
import type { Lang } from '../../../shared/lang.js';
import { chineseDate } from './render.js';

/**
 * 证书查验页 (/verify/<serial>), what a certificate's QR code opens: plain server-rendered HTML,
 * no script, readable on a phone. Shows only what the certificate itself prints (the ID masked).
 */
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE = `*{box-sizing:border-box}body{margin:0;font:16px/1.6 -apple-system,"PingFang SC","Microsoft YaHei","Noto Sans SC",sans-serif;color:#222;background:#f5f5f5}
main{max-width:560px;margin:0 auto;padding:16px}h1{font-size:20px;margin:8px 0 16px}.card{background:#fff;border-radius:8px;padding:16px;margin-bottom:16px}
.badge{font-size:40px;font-weight:700;text-align:center;border-radius:8px;padding:12px;margin-bottom:12px;color:#fff}.valid{background:#237804}.revoked{background:#a8071a}
.note{font-size:15px;margin:0 0 8px}dl{margin:0}dt{color:#666;font-size:14px;margin-top:10px}dd{margin:0;font-size:17px;word-break:break-all}.title{font-size:20px;font-weight:700;color:#a4161a}
form{display:flex;gap:8px;flex-wrap:wrap}input{flex:1 1 220px;font-size:16px;padding:10px;border:1px solid #bbb;border-radius:6px}button{font-size:16px;padding:10px 18px;border:0;border-radius:6px;background:#1677ff;color:#fff}
footer{color:#888;font-size:13px;text-align:center}.lang{text-align:right;font-size:14px}.lang a{color:#1677ff}`;

/** The page's own words in each language (the certificate's content stays as issued, in Chinese). */
const TEXT = {
  zh: {
    htmlLang: 'zh-CN', heading: '证书查验', footer: '技能月 · 证书查验', typeSerial: '输入证书编号查验：', check: '查验',
    valid: '有效', validNote: '该证书由颁发单位签发，现行有效。', revoked: '已撤销',
    revokedNote: (on: string, why: string) => `该证书已于 ${on} 撤销，不再有效。撤销原因：${why}`,
    idNumber: '身份证号', serial: '证书编号', holder: '持证人', title: '奖项 / 等级', unit: '单位', trade: '工种', competition: '竞赛', selection: '评选', course: '课程', trainingClass: '培训班', plan: '创业计划书', programme: '培训项目', issuer: '颁发单位', issuedOn: '颁发日期',
    notFound: '未找到该证书', notFoundTitle: '证书查验：未找到', notFoundWhat: (s: string) => `未找到编号为「${s}」的证书。`,
    notFoundHelp: '请核对证书编号（共 24 位字母和数字，例如 SM09-XXXXX-XXXXX-XXXXX-XXXXX），或扫描证书上的二维码。',
    date: (iso: string) => chineseDate(iso),
  },
  en: {
    htmlLang: 'en', heading: 'Certificate verification', footer: 'Skills Month · certificate verification', typeSerial: 'Enter a certificate number to verify:', check: 'Verify',
    valid: 'Valid', validNote: 'This certificate was issued by the issuing body and is valid.', revoked: 'Revoked',
    revokedNote: (on: string, why: string) => `This certificate was revoked on ${on} and is no longer valid. Reason: ${why}`,
    idNumber: 'ID number', serial: 'Certificate number', holder: 'Holder', title: 'Award / level', unit: 'Unit', trade: 'Trade', competition: 'Competition', selection: 'Selection', course: 'Course', trainingClass: 'Class', plan: 'Business plan', programme: 'Programme', issuer: 'Issued by', issuedOn: 'Issued on',
    notFound: 'Certificate not found', notFoundTitle: 'Certificate verification: not found', notFoundWhat: (s: string) => `No certificate numbered "${s}" was found.`,
    notFoundHelp: 'Check the number (24 letters and digits, e.g. SM09-XXXXX-XXXXX-XXXXX-XXXXX), or scan the QR code on the certificate.',
    date: (iso: string) => iso,
  },
} as const;

/** 中文 | English: the same page in the other language (the choice is remembered in a cookie). */
function langSwitch(lang: Lang): string {
  const link = (l: Lang, label: string) => (l === lang ? `<strong>${label}</strong>` : `<a href="?lang=${l}" hreflang="${l === 'zh' ? 'zh-CN' : 'en'}" lang="${l === 'zh' ? 'zh-CN' : 'en'}">${label}</a>`);
  return `<nav class="lang" aria-label="语言 Language">${link('zh', '中文')} | ${link('en', 'English')}</nav>`;
}

function page(lang: Lang, title: string, body: string): string {
  const T = TEXT[lang];
  return `<!doctype html><html lang="${T.htmlLang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${langSwitch(lang)}${body}`
    + `<footer>${T.footer}</footer></main></body></html>`;
}

function searchForm(lang: Lang, value = ''): string {
  const T = TEXT[lang];
  return `<section class="card"><form action="/verify" method="get"><label for="serial" class="note">${T.typeSerial}</label>`
    + `<input id="serial" name="serial" value="${esc(value)}" placeholder="SM09-XXXXX-XXXXX-XXXXX-XXXXX" autocomplete="off" autocapitalize="characters" maxlength="64">`
    + `<button type="submit">${T.check}</button></form></section>`;
}

/** What the certificate's subject and event lines are, by source (a trade and a competition; a course and a class; a plan and a programme). */
const SUBJECT = { 'competition-outcome': 'trade', 'selection-award': 'trade', 'training-completion': 'course', 'training-plan': 'plan' } as const;
const EVENT = { 'competition-outcome': 'competition', 'selection-award': 'selection', 'training-completion': 'trainingClass', 'training-plan': 'programme' } as const;

export function verificationPage(v: CertificateVerification, lang: Lang = 'zh'): string {
  const T = TEXT[lang];
  const revoked = v.status === 'revoked';
  const badge = revoked
    ? `<div class="badge revoked">${T.revoked}</div><p class="note">${esc(T.revokedNote(v.revokedAt ? beijingTime(new Date(v.revokedAt)).slice(0, 10) : '', v.revokeReason ?? ''))}</p>`
    : `<div class="badge valid">${T.valid}</div><p class="note">${T.validNote}</p>`;
  const holder = v.holderIdMasked ? `${v.holderName}（${T.idNumber} ${v.holderIdMasked}）` : v.holderName;
  const rows: [string, string, string?][] = [
    [T.serial, v.serial], [T.holder, holder], [T.title, v.title, 'title'], [T.unit, v.unitName], [T[SUBJECT[v.source]], v.tradeName],
    [T[EVENT[v.source]], v.eventName], [T.issuer, v.issuer], [T.issuedOn, T.date(v.issuedOn)],
  ];
  const dl = rows.map(([k, val, cls]) => `<dt>${k}</dt><dd${cls ? ` class="${cls}"` : ''}>${esc(val)}</dd>`).join('');
  return page(lang, `${T.heading} ${v.serial}`, `<h1>${T.heading}</h1><section class="card">${badge}<dl>${dl}</dl></section>${searchForm(lang)}`);
}

export function notFoundPage(typed: string, lang: Lang = 'zh'): string {
  const T = TEXT[lang];
  const what = typed ? esc(T.notFoundWhat(typed.slice(0, 64))) : '';
  return page(lang, T.notFoundTitle, `<h1>${T.heading}</h1><section class="card"><div class="badge revoked" style="font-size:28px">${T.notFound}</div>`
    + `<p class="note">${what}${T.notFoundHelp}</p></section>${searchForm(lang, typed.slice(0, 64))}`);
}

export function searchPage(lang: Lang = 'zh'): string {
  return page(lang, TEXT[lang].heading, `<h1>${TEXT[lang].heading}</h1>${searchForm(lang)}`);
}
