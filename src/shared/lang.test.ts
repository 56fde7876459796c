import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickLang } from './lang';

describe('pickLang', () => {
  it('takes ?lang=, then the cookie, then Accept-Language, else Chinese', () => {
    expect(pickLang({})).toBe('zh');
    expect(pickLang({ acceptLanguage: 'en-US,en;q=0.9' })).toBe('en');
    expect(pickLang({ acceptLanguage: 'zh-CN,zh;q=0.9,en;q=0.8' })).toBe('zh');
    expect(pickLang({ acceptLanguage: 'fr-FR, en;q=0.5, zh;q=0.4' })).toBe('en');
    expect(pickLang({ acceptLanguage: 'fr-FR' })).toBe('zh');
    expect(pickLang({ cookie: 'en', acceptLanguage: 'zh-CN' })).toBe('en');
    expect(pickLang({ query: 'zh', cookie: 'en' })).toBe('zh');
    expect(pickLang({ query: 'xx', cookie: 'en' })).toBe('en');
  });

  it('always answers zh or en, whatever the headers say', () => {
    fc.assert(fc.property(fc.option(fc.string()), fc.option(fc.string()), fc.option(fc.string()), (query, cookie, acceptLanguage) => {
      expect(['zh', 'en']).toContain(pickLang({ query, cookie, acceptLanguage }));
    }));
  });
});
