import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Button, Spin } from 'antd';
import { competitionQuery, drawQuery } from '../components/common';
import { formatDateTime, formatRange } from '../../components/dates';
import { useT } from '../../i18n';
import { closePrintPage } from '../../components/PrintLayout';
import '../../styles/print.css';

const route = getRouteApi('/print/competitions/$id/draw');

/** 抽签结果: code → station and round, with the seed commitment, for the notice board and the file. */
export function DrawPrintPage() {
  const t = useT();
  const { id } = route.useParams();
  const competition = useQuery(competitionQuery(Number(id)));
  const draw = useQuery(drawQuery(Number(id)));
  if (competition.isPending || draw.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (competition.isError || draw.isError) return <Alert type="error" showIcon title={(competition.error ?? draw.error)?.message} style={{ margin: 16 }} />;
  const c = competition.data;
  const d = draw.data;
  return (
    <div className="print-page" data-testid="draw-print">
      <div className="print-toolbar">
        <Button onClick={closePrintPage}>{t('common.close')}</Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} disabled={d.lots.length === 0}>
          {t('sheet.printNow')}
        </Button>
      </div>
      <h1>
        {c.name} {t('draw.printTitle')}
      </h1>
      <div className="print-meta">
        <span>
          {t('comp.trade')}：{c.tradeName}
        </span>
        <span>
          {t('comp.dates')}：{formatRange(c.startsOn, c.endsOn)}
        </span>
        <span>
          {t('comp.venue')}：{c.venue}
        </span>
      </div>
      <div className="print-meta">
        <span>
          {t('draw.drawnAt')}：{formatDateTime(d.drawnAt) || t('common.dash')}
        </span>
        <span>
          {t('draw.algorithm')}：{d.algorithm}
        </span>
      </div>
      <p style={{ wordBreak: 'break-all', fontSize: 12 }}>
        {t('draw.commitment')}：{d.seedCommitment ?? t('common.dash')}
      </p>
      {d.lots.length === 0 ? (
        <Alert type="info" showIcon title={t('sheet.notDrawn')} />
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th>{t('draw.code')}</th>
              <th>{t('draw.station')}</th>
              <th>{t('draw.round')}</th>
            </tr>
          </thead>
          <tbody>
            {d.lots.map((l) => (
              <tr key={l.code}>
                <td className="print-code">{l.code}</td>
                <td>{l.station}</td>
                <td>{l.round}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="print-sign">
        <span>{t('draw.signDrawer')}：________________</span>
        <span>{t('draw.signWitness')}：________________</span>
        <span>{t('sheet.date')}：______年____月____日</span>
      </div>
    </div>
  );
}
