import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Award } from '../../../shared/selection/commendation';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { BankDetailsModal } from './BankDetailsModal';
import { PromotionTag } from './PromotionTag';
import { myAwardsQuery } from './queries';

/**
 * 我的技术能手称号 (role person): the title, the promotion, the award and its bank account; the
 * certificate itself is listed with the person's other certificates (MyCertificates).
 */
export function MyAwards() {
  const t = useT();
  const q = useQuery(myAwardsQuery);
  const [editing, setEditing] = useState<Award | null>(null);
  if (q.data?.length === 0) return null;
  return (
    <Card title={t('commend.mine')}>
      <QueryResult query={q}>
        {(list) => (
          <Flex vertical gap={12} data-testid="my-awards">
            {list.map((a) => (
              <Card key={a.id} size="small" title={a.title} extra={<PromotionTag a={a} />}>
                <Typography.Paragraph style={{ marginBottom: 4 }}>
                  {t('commend.mineIntro', { round: a.roundName, title: a.title, amount: a.amount.toLocaleString('zh-CN') })} · {t('commend.decidedOn', { date: a.decidedOn })}
                </Typography.Paragraph>
                {a.bankAccountMasked ? (
                  <Space wrap>
                    <Typography.Text type="secondary">{t('commend.bank')}</Typography.Text>
                    <span>{a.bankName} {a.bankAccountMasked}</span>
                    <Button size="small" type="link" onClick={() => setEditing(a)}>{t('commend.changeBank')}</Button>
                  </Space>
                ) : (
                  <Alert type="warning" showIcon message={t('commend.mineBankNeeded')} action={<Button size="small" type="primary" onClick={() => setEditing(a)}>{t('commend.enterBank')}</Button>} />
                )}
              </Card>
            ))}
          </Flex>
        )}
      </QueryResult>
      <BankDetailsModal award={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}
