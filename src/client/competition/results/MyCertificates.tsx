import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, Space, Typography } from 'antd';
import { useT } from '../../i18n';
import { QueryResult } from '../../components/QueryResult';
import { CertificateStatusTag } from './CertificateStatusTag';
import { certificatePdfPath, myCertificatesQuery, verifyPath } from './queries';

/** 我的证书: each certificate with its PDF and its public verification page. */
export function MyCertificates() {
  const t = useT();
  const query = useQuery(myCertificatesQuery);
  return (
    <Card title={t('my.certificates')}>
      <QueryResult query={query}>
        {(list) =>
          list.length === 0 ? (
            <Empty description={t('my.noCertificates')} />
          ) : (
            <Flex vertical gap={12} data-testid="my-certificates">
              {list.map((c) => (
                <Card key={c.id} size="small" title={c.title} extra={<CertificateStatusTag c={c} />}>
                  <Typography.Paragraph style={{ marginBottom: 4 }}>
                    {c.eventName} · {c.issuer} · {c.issuedOn}
                  </Typography.Paragraph>
                  <Space wrap>
                    <Typography.Text type="secondary" style={{ fontFamily: 'monospace' }}>
                      {c.serial}
                    </Typography.Text>
                    <Typography.Link href={certificatePdfPath(c.id)} target="_blank">
                      {t('cert.downloadPdf')}
                    </Typography.Link>
                    <Typography.Link href={verifyPath(c.serial)} target="_blank">
                      {t('cert.verify')}
                    </Typography.Link>
                  </Space>
                </Card>
              ))}
            </Flex>
          )
        }
      </QueryResult>
    </Card>
  );
}
