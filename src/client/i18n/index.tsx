import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { en } from './en';
import { zh, type MessageKey } from './zh';

export type Lang = 'zh' | 'en';
export type { MessageKey };
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

const STORAGE_KEY = 'skillmonth.lang';
const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { zh, en };

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => {} });

/** The server writes some texts itself (the /verify page…): it reads the choice from this cookie. */
function rememberForServer(l: Lang) {
  try {
    document.cookie = `lang=${l}; path=/; max-age=31536000; samesite=lax`;
  } catch {
    /* no cookies: the server goes by Accept-Language */
  }
}

export function LangProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => {
    const l = initialLang();
    rememberForServer(l);
    return l;
  });
  const setLang = useCallback((l: Lang) => {
    setLangState(l);
    rememberForServer(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode: the choice lasts this visit */
    }
  }, []);
  const value = useMemo(() => ({ lang, setLang }), [lang, setLang]);
  return <LangContext.Provider value={value}>{children}</LangContext.Provider>;
}

export function useLang() {
  return useContext(LangContext);
}

/** t('key', { n: 3 }) fills `{n}` in the current language's text. */
export function useT(): Translate {
  const { lang } = useLang();
  return useCallback<Translate>(
    (key, vars) => {
      const text = DICTIONARIES[lang][key];
      return vars ? text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : text;
    },
    [lang],
  );
}
