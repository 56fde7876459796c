import { beijingTime } from '../../shared/beijing-time.js';
import type { CertificateVerification } from '../../shared/contracts/certificates.js';
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
footer{color:#888;font-size:13px;text-align:center}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">`
    + `<meta name="robots" content="noindex"><title>${esc(title)}</title><style>${STYLE}</style></head><body><main>${body}`
    + `<footer>技能月 · 证书查验</footer></main></body></html>`;
}

function searchForm(value = ''): string {
  return `<section class="card"><form action="/verify" method="get"><label for="serial" class="note">输入证书编号查验：</label>`
    + `<input id="serial" name="serial" value="${esc(value)}" placeholder="SM09-XXXXX-XXXXX-XXXXX-XXXXX" autocomplete="off" autocapitalize="characters" maxlength="64">`
    + `<button type="submit">查验</button></form></section>`;
}

export function verificationPage(v: CertificateVerification): string {
  const revoked = v.status === 'revoked';
  const badge = revoked
    ? `<div class="badge revoked">已撤销</div><p class="note">该证书已于 ${esc(v.revokedAt ? beijingTime(new Date(v.revokedAt)).slice(0, 10) : '')} 撤销，不再有效。撤销原因：${esc(v.revokeReason ?? '')}</p>`
    : `<div class="badge valid">有效</div><p class="note">该证书由颁发单位签发，现行有效。</p>`;
  const holder = v.holderIdMasked ? `${v.holderName}（身份证号 ${v.holderIdMasked}）` : v.holderName;
  const rows: [string, string, string?][] = [
    ['证书编号', v.serial], ['持证人', holder], ['奖项 / 等级', v.title, 'title'], ['单位', v.unitName], ['工种', v.tradeName],
    ['竞赛', v.competitionName], ['颁发单位', v.issuer], ['颁发日期', chineseDate(v.issuedOn)],
  ];
  const dl = rows.map(([k, val, cls]) => `<dt>${k}</dt><dd${cls ? ` class="${cls}"` : ''}>${esc(val)}</dd>`).join('');
  return page(`证书查验 ${v.serial}`, `<h1>证书查验</h1><section class="card">${badge}<dl>${dl}</dl></section>${searchForm()}`);
}

export function notFoundPage(typed: string): string {
  const what = typed ? `未找到编号为「${esc(typed.slice(0, 64))}」的证书。` : '';
  return page('证书查验：未找到', `<h1>证书查验</h1><section class="card"><div class="badge revoked" style="font-size:28px">未找到该证书</div>`
    + `<p class="note">${what}请核对证书编号（共 24 位字母和数字，例如 SM09-XXXXX-XXXXX-XXXXX-XXXXX），或扫描证书上的二维码。</p></section>${searchForm(typed.slice(0, 64))}`);
}

export function searchPage(): string {
  return page('证书查验', `<h1>证书查验</h1>${searchForm()}`);
}
