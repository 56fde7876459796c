import { PrinterOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { getRouteApi } from '@tanstack/react-router';
import { Alert, Button, Spin } from 'antd';
import { api } from '../../api';
import { competitionKeys, competitionQuery, drawQuery, schemeQuery, sheetQuery } from '../components/common';
import type { AssignmentView, Competition, SchemeAspectRow, SheetAspect } from '../components/types';
import { formatRange } from '../../components/dates';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMe } from '../../session';
import { closePrintPage } from '../../components/PrintLayout';
import '../../styles/print.css';

const route = getRouteApi('/print/competitions/$id/sheet');

/** What one printed sheet needs of an aspect: a judge's sheet aspect or a scheme row. */
type PrintAspect = Pick<SheetAspect, 'aspectId' | 'code' | 'criterionCode' | 'criterionName' | 'description' | 'kind' | 'maxMark' | 'bands' | 'levels'> & {
  codes: string[];
  /** Columns to mark in: one per judge of the panel on the organizer's sheet, one on a judge's own. */
  seats: string[];
};

/**
 * 评分表 for paper marking: per aspect, the contestant codes in the same order as the phone
 * screen, with empty boxes. A judge prints their own sheet; an organizer prints the whole panel's.
 */
export function ScoreSheetPage() {
  const me = useMe();
  const { id } = route.useParams();
  const competition = useQuery(competitionQuery(Number(id)));
  if (competition.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (competition.isError) return <Alert type="error" showIcon title={competition.error.message} style={{ margin: 16 }} />;
  return me.role === 'judge' ? <JudgeSheets c={competition.data} /> : <PanelSheets c={competition.data} />;
}

function useFilter() {
  const { aspectId, criterion } = route.useSearch();
  return (a: { aspectId: number; criterionCode: string }) => (!aspectId || a.aspectId === aspectId) && (!criterion || a.criterionCode === criterion);
}

function JudgeSheets({ c }: { c: Competition }) {
  const t = useT();
  const me = useMe();
  const keep = useFilter();
  const sheet = useQuery(sheetQuery(c.id));
  if (sheet.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (sheet.isError) return <Alert type="error" showIcon title={sheet.error.message} style={{ margin: 16 }} />;
  const aspects: PrintAspect[] = sheet.data.aspects.filter(keep).map((a) => ({ ...a, codes: a.contestants.map((x) => x.code), seats: [t('sheet.score')] }));
  return <Sheets c={c} aspects={aspects} judgeName={me.displayName} empty={t('sheet.emptyJudge')} />;
}

function PanelSheets({ c }: { c: Competition }) {
  const t = useT();
  const keep = useFilter();
  const scheme = useQuery(schemeQuery(c.id));
  const draw = useQuery(drawQuery(c.id));
  const teams = useQuery({ queryKey: competitionKeys.part(c.id, 'assignments'), queryFn: () => api.get<AssignmentView>(`/api/competitions/${c.id}/assignments`) });
  if (scheme.isPending || draw.isPending) return <Spin style={{ display: 'block', margin: 48 }} />;
  if (scheme.isError || draw.isError) return <Alert type="error" showIcon title={(scheme.error ?? draw.error)?.message} style={{ margin: 16 }} />;
  const codes = draw.data.lots.map((l) => l.code);
  const seatsOf = (a: SchemeAspectRow) => {
    const team = teams.data?.aspects.find((x) => x.aspectId === a.id)?.team ?? [];
    const n = a.kind === 'judgement' ? 3 : 1;
    return Array.from({ length: n }, (_, i) => team[i]?.name ?? t('sheet.seat', { n: i + 1 }));
  };
  const aspects: PrintAspect[] = (scheme.data?.aspects ?? [])
    .map((a) => ({ ...a, aspectId: a.id }))
    .filter(keep)
    .map((a) => ({ ...a, codes, seats: seatsOf(a) }));
  return <Sheets c={c} aspects={aspects} empty={codes.length ? t('sheet.emptyScheme') : t('sheet.notDrawn')} />;
}

function Sheets({ c, aspects, judgeName, empty }: { c: Competition; aspects: PrintAspect[]; judgeName?: string; empty: string }) {
  const t = useT();
  const labels = useLabels();
  return (
    <div className="print-page" data-testid="score-sheet">
      <div className="print-toolbar">
        <Button onClick={closePrintPage}>{t('common.close')}</Button>
        <Button type="primary" icon={<PrinterOutlined aria-hidden />} onClick={() => window.print()} disabled={aspects.length === 0}>
          {t('sheet.printNow')}
        </Button>
      </div>
      {aspects.length === 0 && <Alert type="info" showIcon title={empty} />}
      {aspects.map((a) => (
        <section key={a.aspectId} className="print-section">
          <h1>
            {c.name} {t('sheet.title')}
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
          <h2>
            {a.code} {a.description}
          </h2>
          <div className="print-meta">
            <span>
              {t('sheet.criterion')}：{a.criterionCode} {a.criterionName}
            </span>
            <span>
              {t('scheme.kind')}：{labels.aspectKind(a.kind)}
            </span>
            <span>{t('marking.maxMark', { n: a.maxMark })}</span>
          </div>
          {a.kind === 'judgement' && a.levels && (
            <ul className="print-legend">
              {a.levels.map((l, i) => (
                <li key={i}>
                  <strong>{i}</strong>：{l}
                </li>
              ))}
            </ul>
          )}
          {a.kind === 'measurement' && a.bands && <p className="print-legend">{a.bands.map((b) => `${b.label} ${b.mark}`).join('  /  ')}</p>}
          <table className="print-table">
            <thead>
              <tr>
                <th style={{ width: '8%' }}>{t('sheet.no')}</th>
                <th>{t('draw.code')}</th>
                {a.seats.map((s, i) => (
                  <th key={i}>{s}</th>
                ))}
                <th style={{ width: '22%' }}>{t('sheet.remark')}</th>
              </tr>
            </thead>
            <tbody>
              {a.codes.map((code, i) => (
                <tr key={code}>
                  <td>{i + 1}</td>
                  <td className="print-code">{code}</td>
                  {a.seats.map((_, s) => (
                    <td key={s}>
                      {a.kind === 'judgement' ? (
                        <span className="print-choices">
                          {[0, 1, 2, 3].map((n) => (
                            <span key={n}>{n}</span>
                          ))}
                        </span>
                      ) : a.bands?.length ? (
                        <span className="print-choices">
                          {a.bands.map((b) => (
                            <span key={b.mark} style={{ width: 'auto', borderRadius: 4, padding: '0 4px' }}>
                              {b.mark}
                            </span>
                          ))}
                        </span>
                      ) : (
                        <span className="print-box" />
                      )}
                    </td>
                  ))}
                  <td />
                </tr>
              ))}
            </tbody>
          </table>
          <div className="print-sign">
            <span>
              {t('sheet.judgeSignature')}：{judgeName ? `${judgeName}  ` : ''}________________
            </span>
            <span>{t('sheet.date')}：________________</span>
          </div>
        </section>
      ))}
    </div>
  );
}
