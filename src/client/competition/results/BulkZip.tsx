import { useQuery } from '@tanstack/react-query';
import { App, Button, Progress, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { CertificateJob } from '../../../shared/contracts/certificates';
import { api, download } from '../../api';
import { useT } from '../../i18n';
import type { Competition } from '../components/types';

/**
 * 批量下载: the server renders every certificate into one ZIP in the background; the bar follows
 * the job, and the ZIP downloads by itself once it is ready (and again from the button).
 */
export function BulkZip({ c, disabled }: { c: Competition; disabled: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const [jobId, setJobId] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const fetched = useRef<string | null>(null);
  const job = useQuery({
    queryKey: ['certificate-job', jobId],
    queryFn: () => api.get<CertificateJob>(`/api/certificate-jobs/${jobId}`),
    enabled: !!jobId,
    refetchInterval: (q) => (q.state.data?.status === 'running' || !q.state.data ? 500 : false),
  });

  const start = async () => {
    setStarting(true);
    try {
      const j = await api.post<CertificateJob>(`/api/competitions/${c.id}/certificates/zip`);
      fetched.current = null;
      setJobId(j.id);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setStarting(false);
    }
  };

  const fetchZip = (id: string) =>
    download(`/api/certificate-jobs/${id}/download`, `${c.name}-证书.zip`).catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));

  const status = job.data?.status;
  useEffect(() => {
    if (jobId && status === 'done' && fetched.current !== jobId) {
      fetched.current = jobId;
      void fetchZip(jobId);
    }
    // fetchZip is recreated each render; the job and its status decide.
  }, [jobId, status]);

  const j = job.data;
  const percent = j && j.total > 0 ? Math.floor((j.done / j.total) * 100) : j?.status === 'done' ? 100 : 0;
  return (
    <Space wrap align="center">
      <Button onClick={() => void start()} loading={starting || status === 'running'} disabled={disabled}>
        {t('cert.zip')}
      </Button>
      {j && (
        <>
          <Progress
            data-testid="zip-progress"
            percent={percent}
            size="small"
            status={j.status === 'failed' ? 'exception' : j.status === 'done' ? 'success' : 'active'}
            style={{ width: 200 }}
            format={() => `${j.done}/${j.total}`}
          />
          {j.status === 'done' && (
            <Button type="link" onClick={() => void fetchZip(j.id)}>
              {t('cert.zipDownload')}
            </Button>
          )}
          {j.error && <Typography.Text type="danger">{j.error}</Typography.Text>}
        </>
      )}
    </Space>
  );
}
