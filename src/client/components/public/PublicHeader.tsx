import { Link } from '@tanstack/react-router';
import { Flex } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../i18n';
import { LanguageSwitch } from '../LanguageSwitch';

/** The public site's top line: home, the published results, the training timetable, language, sign-in. */
export function PublicHeader() {
  const t = useT();
  return (
    <Flex justify="space-between" align="center" wrap gap={8}>
      <Link to="/" style={{ fontWeight: 600, color: 'inherit' }}>
        {t('app.title')}
      </Link>
      <Flex gap={12} align="center" wrap>
        <Link to="/results">{t('public.results')}</Link>
        <Link to="/training">{t('training.public.nav')}</Link>
        <LanguageSwitch />
        <Link to="/login">{t('home.login')}</Link>
      </Flex>
    </Flex>
  );
}

/** A public page: narrow, padded for a phone. */
export function PublicPage({ children }: { children: ReactNode }) {
  return (
    <div style={{ maxWidth: 860, margin: '0 auto', padding: '12px 16px 48px' }}>
      <PublicHeader />
      {children}
    </div>
  );
}
