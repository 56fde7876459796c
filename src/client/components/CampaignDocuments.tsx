import { Collapse, Typography } from 'antd';
import type { Campaign } from '../../shared/contracts/campaign';
import { useT } from '../i18n';

/** Official documents: title and number, the body unfolds on demand. */
export function CampaignDocuments({ documents }: { documents: Campaign['documents'] }) {
  const t = useT();
  return (
    <Collapse
      items={documents.map((d) => ({
        key: d.id,
        label: (
          <span>
            {d.title}
            {d.number && <Typography.Text type="secondary"> {d.number}</Typography.Text>}
          </span>
        ),
        children: (
          <>
            <Typography.Paragraph type="secondary">
              {t('campaign.issuedOn')}: {d.issuedOn}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{d.body}</Typography.Paragraph>
          </>
        ),
      }))}
    />
  );
}
