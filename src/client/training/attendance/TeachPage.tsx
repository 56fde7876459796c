import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { App, Button, Card, Empty, Flex, List, Segmented, Space, Statistic, Switch, Tag, Typography } from 'antd';
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import type { RosterLine } from '../../../shared/training/checkin-contracts';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '../../../shared/training/rules';
import { api, ApiError } from '../../api';
import { QueryResult } from '../../components/QueryResult';
import { useT } from '../../i18n';
import { codeQuery, METHOD_KEYS, rosterQuery, STATUS_COLORS, STATUS_KEYS } from './queries';

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : String(e));

/** The QR as an image (data URL), redrawn whenever the code changes. */
function QrImage({ text, size }: { text: string; size: number }) {
  const [src, setSrc] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(text, { errorCorrectionLevel: 'M', margin: 2, width: size }).then((u) => live && setSrc(u));
    return () => {
      live = false;
    };
  }, [text, size]);
  return src ? <img src={src} width={size} height={size} alt={text} data-testid="checkin-qr" style={{ maxWidth: '100%', height: 'auto' }} /> : <div style={{ width: size, height: size }} />;
}

/**
 * 上课签到: the teacher's screen (a classroom projector or a phone). Open the window, show the
 * rotating QR (refreshed before it expires) and the count signed in; mark the roster by hand or
 * key in the paper sign-in sheet; print the sheet.
 */
export function TeachPage() {
  const t = useT();
  const { message } = App.useApp();
  const { id } = useParams({ strict: false }) as { id: string };
  const sessionId = Number(id);
  const qc = useQueryClient();
  const roster = useQuery(rosterQuery(sessionId));
  const open = roster.data?.session.checkinOpen ?? false;
  const code = useQuery(codeQuery(sessionId, open));
  const [sheetMode, setSheetMode] = useState(false);
  const wide = typeof window !== 'undefined' && window.innerWidth >= 768;

  const toggle = useMutation({
    mutationFn: (action: 'open' | 'close') => api.post(`/api/training/sessions/${sessionId}/checkin/${action}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['training', 'roster', sessionId] }),
    onError: (e) => void message.error(errorText(e)),
  });
  const mark = useMutation({
    mutationFn: ({ line, status }: { line: RosterLine; status: AttendanceStatus }) => api.put(`/api/training/sessions/${sessionId}/attendance`, {
      method: sheetMode ? 'sheet' : 'roster', entries: [{ enrolmentId: line.enrolmentId, status, ...(line.version != null ? { version: line.version } : {}) }],
    }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['training', 'roster', sessionId] }),
    onError: (e) => {
      void message.error(errorText(e));
      void qc.invalidateQueries({ queryKey: ['training', 'roster', sessionId] });
    },
  });

  return (
    <QueryResult query={roster}>
      {(r) => (
        <Flex vertical gap={16}>
          <Card size="small" title={`${r.session.className} · ${r.session.topic}`} extra={<Typography.Text type="secondary">{r.session.day} {r.session.startsAt}–{r.session.endsAt} {r.session.room}</Typography.Text>}>
            <Flex gap={24} wrap align="center" justify="space-between">
              <Statistic title={t('training.attendance.signedIn', { n: r.counts.present + r.counts.late, m: r.counts.enrolled })} value={r.counts.present + r.counts.late} suffix={`/ ${r.counts.enrolled}`} valueStyle={{ fontSize: 40 }} />
              <Space wrap>
                {open
                  ? <Button danger size="large" loading={toggle.isPending} onClick={() => toggle.mutate('close')}>{t('training.attendance.close')}</Button>
                  : <Button type="primary" size="large" loading={toggle.isPending} disabled={r.session.classStatus !== 'running' || r.session.status === 'cancelled'} onClick={() => toggle.mutate('open')}>{t('training.attendance.open')}</Button>}
                <Button href={`/api/training/sessions/${sessionId}/sheet.pdf`} target="_blank">{t('training.attendance.printSheet')}</Button>
              </Space>
            </Flex>
          </Card>
          {open ? (
            <Card size="small">
              <Flex vertical align="center" gap={8}>
                {code.data ? <QrImage text={code.data.url} size={wide ? 420 : 300} /> : <div style={{ height: 300 }} />}
                <Typography.Text type="secondary">{t('training.attendance.scanHint')}</Typography.Text>
                {code.data && (
                  <Typography.Text copyable style={{ wordBreak: 'break-all', fontSize: 12 }} data-testid="checkin-url" aria-label={t('training.attendance.urlText')}>{code.data.url}</Typography.Text>
                )}
              </Flex>
            </Card>
          ) : <Typography.Paragraph type="secondary">{t('training.attendance.closed')}</Typography.Paragraph>}
          <Card size="small" title={t('training.attendance.roster')} extra={<Space><Typography.Text>{t('training.attendance.sheetMode')}</Typography.Text><Switch checked={sheetMode} onChange={setSheetMode} /></Space>}>
            {r.lines.length === 0 ? <Empty description={t('training.attendance.noTrainees')} /> : (
              <List
                dataSource={r.lines}
                renderItem={(line, i) => (
                  <List.Item key={line.enrolmentId} data-testid={`roster-${line.enrolmentId}`}>
                    <Flex wrap gap={8} align="center" justify="space-between" style={{ width: '100%' }}>
                      <Space direction="vertical" size={0}>
                        <Typography.Text strong>{i + 1}. {line.name}</Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{line.idNumberMasked} {line.unitName ?? ''}</Typography.Text>
                      </Space>
                      <Space wrap>
                        {line.method && <Tag>{t(METHOD_KEYS[line.method])}</Tag>}
                        <Segmented
                          size="small"
                          value={line.status ?? ''}
                          disabled={r.session.classStatus !== 'running' || mark.isPending}
                          onChange={(v) => mark.mutate({ line, status: v as AttendanceStatus })}
                          options={ATTENDANCE_STATUSES.map((s) => ({ value: s, label: <span style={{ color: line.status === s ? STATUS_COLORS[s] : undefined }}>{t(STATUS_KEYS[s])}</span> }))}
                        />
                      </Space>
                    </Flex>
                  </List.Item>
                )}
              />
            )}
          </Card>
        </Flex>
      )}
    </QueryResult>
  );
}
