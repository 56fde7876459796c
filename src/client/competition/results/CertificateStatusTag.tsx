import { Tag, Typography } from 'antd';
import type { Certificate } from '../../../shared/contracts/certificates';
import { useT } from '../../i18n';
import { formatDate } from '../../components/dates';

/** 有效, or 已撤销 with when and why. */
export function CertificateStatusTag({ c }: { c: Pick<Certificate, 'status' | 'revokedAt' | 'revokeReason'> }) {
  const t = useT();
  if (c.status === 'valid') return <Tag color="green">{t('cert.valid')}</Tag>;
  return (
    <>
      <Tag color="red">{t('cert.revokedTag')}</Tag>
      <Typography.Text type="secondary">
        {formatDate(c.revokedAt)} {c.revokeReason}
      </Typography.Text>
    </>
  );
}
