/**
 * The reader's language for texts the server writes (the verification page, and any server text
 * that has both): an explicit `?lang=` first, then the `lang` cookie the console sets when the
 * user switches language, then the browser's Accept-Language (the first of zh or en it names,
 * weighed by q). Chinese when nothing says otherwise.
 */
export type Lang = 'zh' | 'en';

const asLang = (v: string | undefined | null): Lang | null => {
  const s = (v ?? '').trim().toLowerCase();
  if (s === 'en' || s.startsWith('en-')) return 'en';
  if (s === 'zh' || s.startsWith('zh-')) return 'zh';
  return null;
};

export function pickLang(from: { query?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Lang {
  const explicit = asLang(from.query) ?? asLang(from.cookie);
  if (explicit) return explicit;
  const ranked = (from.acceptLanguage ?? '')
    .split(',')
    .map((part, i) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { lang: asLang(tag), q: Number.isFinite(q) ? q : 0, i };
    })
    .filter((x): x is { lang: Lang; q: number; i: number } => x.lang !== null && x.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  return ranked[0]?.lang ?? 'zh';
}
