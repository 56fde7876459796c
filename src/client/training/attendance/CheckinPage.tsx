import { useMutation } from '@tanstack/react-query';
import { Link, useSearch } from '@tanstack/react-router';
import { Button, Flex, Result, Spin } from 'antd';
import { useEffect, useRef } from 'react';
import type { CheckinResult } from '../../../shared/training/checkin-contracts';
import { api, ApiError } from '../../api';
import { useT } from '../../i18n';

/**
 * /checkin?c=…: what the trainee's phone opens from the QR. Signed in (the route sends the
 * anonymous to the login page and back), it posts the code once and says ✓ 已签到 or why not.
 */
export function CheckinPage() {
  const t = useT();
  const { c } = useSearch({ strict: false }) as { c?: string };
  const send = useMutation({ mutationFn: (code: string) => api.post<CheckinResult>('/api/training/checkin', { code }) });
  const sent = useRef(false);
  useEffect(() => {
    if (c && !sent.current) {
      sent.current = true;
      send.mutate(c);
    }
  }, [c, send]);
  const back = <Link to="/admin/training/my"><Button size="large">{t('training.attendance.toMy')}</Button></Link>;
  return (
    <Flex vertical align="center" justify="center" style={{ minHeight: '100vh', padding: 16 }}>
      {!c ? <Result status="warning" title={t('training.attendance.noCode')} extra={back} />
        : send.isSuccess ? (
          <Result status="success" data-testid="checkin-ok" title={<span style={{ fontSize: 32 }}>✓ {t(send.data.status === 'late' ? 'training.attendance.doneLate' : 'training.attendance.done')}</span>}
            subTitle={`${send.data.className} · ${send.data.topic} · ${send.data.day} ${send.data.startsAt}`} extra={back} />
        ) : send.isError ? (
          <Result status={send.error instanceof ApiError && send.error.message === '已签到' ? 'success' : 'error'} data-testid="checkin-refused"
            title={send.error instanceof ApiError && send.error.message === '已签到' ? `✓ ${t('training.attendance.done')}` : t('training.attendance.refused')}
            subTitle={send.error instanceof ApiError ? send.error.message : String(send.error)} extra={back} />
        ) : <Spin size="large" tip={t('training.attendance.checking')}><div style={{ width: 200, height: 120 }} /></Spin>}
    </Flex>
  );
}
