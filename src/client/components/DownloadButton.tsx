import { DownloadOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useState, type ReactNode } from 'react';
import { download } from '../api';

type Props = { path: string; fileName: string; query?: Record<string, string | number | undefined>; children: ReactNode };

/** Downloads an .xlsx (export or template) with the session cookie. */
export function DownloadButton({ path, fileName, query, children }: Props) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const onClick = async () => {
    setBusy(true);
    try {
      await download(path, fileName, query);
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined aria-hidden />} loading={busy} onClick={() => void onClick()}>
      {children}
    </Button>
  );
}
