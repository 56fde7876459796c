import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, AutoComplete, Button, Card, Col, DatePicker, Flex, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { Campaign } from '../../shared/contracts/campaign';
import { api } from '../api';
import { useT } from '../i18n';
import { applyNestedServerErrors } from './formErrors';

type Member = { name?: string; title?: string; unit?: string };
type Values = {
  name: string;
  theme?: string;
  startsOn?: Dayjs;
  endsOn?: Dayjs;
  organizer: string;
  coOrganizers: string[];
  contentAreas: string[];
  committeeBodies: { key?: string; name?: string; duties?: string; members?: Member[] }[];
  activities: {
    id?: number; key?: string; name?: string; area?: string; plannedStart?: Dayjs | null; plannedEnd?: Dayjs | null;
    venue?: string | null; owner?: string | null; target?: string | null; description?: string;
  }[];
  documents: { id?: number; title?: string; number?: string | null; issuedOn?: Dayjs; body?: string }[];
};

const TOP = new Set(['name', 'theme', 'startsOn', 'endsOn', 'organizer', 'coOrganizers', 'contentAreas']);
const LEAVES: Record<string, Set<string>> = {
  committeeBodies: new Set(['name', 'duties']),
  activities: new Set(['name', 'area', 'plannedStart', 'plannedEnd', 'venue', 'owner', 'target', 'description']),
  documents: new Set(['title', 'number', 'issuedOn', 'body']),
};

const day = (s: string | null | undefined) => (s ? dayjs(s) : undefined);
const iso = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);
const orNull = (s: string | null | undefined) => (s && s.trim() ? s : null);

function initialValues(c: Campaign | null): Values {
  if (!c) return { name: '', organizer: '', coOrganizers: [], contentAreas: [], committeeBodies: [], activities: [], documents: [] };
  return {
    name: c.name, theme: c.theme, startsOn: day(c.startsOn), endsOn: day(c.endsOn), organizer: c.organizer,
    coOrganizers: c.coOrganizers, contentAreas: c.contentAreas,
    committeeBodies: c.committeeBodies.map((b) => ({ ...b, members: b.members.map((m) => ({ ...m })) })),
    activities: c.activities.map((a) => ({ ...a, plannedStart: day(a.plannedStart), plannedEnd: day(a.plannedEnd) })),
    documents: c.documents.map((d) => ({ ...d, issuedOn: day(d.issuedOn) })),
  };
}

/**
 * 建立/修改技能月活动: the campaign as its plan states it — name, theme, period, organizers, the
 * committee's bodies with their members, the content areas and activities, the official documents.
 * The server checks everything again and its issues land on the fields they name.
 */
export function CampaignForm({ campaign, onSaved }: { campaign: Campaign | null; onSaved: (c: Campaign) => void }) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);
  const areas = (Form.useWatch('contentAreas', form) as string[] | undefined) ?? [];

  const submit = async (v: Values) => {
    setBusy(true);
    setError(null);
    const body = {
      name: v.name, theme: v.theme ?? '', startsOn: iso(v.startsOn), endsOn: iso(v.endsOn), organizer: v.organizer,
      coOrganizers: v.coOrganizers ?? [], contentAreas: v.contentAreas ?? [],
      committeeBodies: (v.committeeBodies ?? []).map((b) => ({
        key: b.key || undefined, name: b.name ?? '', duties: b.duties ?? '',
        members: (b.members ?? []).map((m) => ({ name: m.name ?? '', title: m.title ?? '', unit: m.unit ?? '' })),
      })),
      activities: (v.activities ?? []).map((a) => ({
        id: a.id, key: a.key || undefined, name: a.name ?? '', area: a.area ?? '', plannedStart: iso(a.plannedStart), plannedEnd: iso(a.plannedEnd),
        venue: orNull(a.venue), owner: orNull(a.owner), target: orNull(a.target), description: a.description ?? '',
      })),
      documents: (v.documents ?? []).map((d) => ({ id: d.id, title: d.title ?? '', number: orNull(d.number), issuedOn: iso(d.issuedOn), body: d.body ?? '' })),
    };
    try {
      const saved = campaign
        ? await api.put<Campaign>(`/api/campaigns/${campaign.id}`, { ...body, version: campaign.version })
        : await api.post<Campaign>('/api/campaigns', body);
      onSaved(saved);
    } catch (e) {
      const r = applyNestedServerErrors(form, e, (path) => {
        if (path.length === 1) return TOP.has(String(path[0]));
        const [list, i, leaf, j, memberLeaf] = path;
        const items = (form.getFieldValue(String(list) as keyof Values) as unknown[] | undefined) ?? [];
        if (typeof i !== 'number' || i >= items.length) return false;
        if (path.length === 3) return !!LEAVES[String(list)]?.has(String(leaf));
        return list === 'committeeBodies' && leaf === 'members' && path.length === 5 && typeof j === 'number' && ['name', 'title', 'unit'].includes(String(memberLeaf));
      });
      setError({ message: r.message, lines: r.unplaced });
    } finally {
      setBusy(false);
    }
  };

  const remove = (onClick: () => void) => <Button icon={<DeleteOutlined aria-hidden />} aria-label={t('common.delete')} onClick={onClick} />;

  return (
    <Form<Values> form={form} name="campaign" layout="vertical" initialValues={initialValues(campaign)} onFinish={(v) => void submit(v)}>
      {error && (
        <Alert
          type="error"
          showIcon
          title={error.message}
          description={error.lines.length ? <ul style={{ margin: 0, paddingLeft: 20 }}>{error.lines.map((l) => <li key={l}>{l}</li>)}</ul> : undefined}
          style={{ marginBottom: 16 }}
        />
      )}
      <Typography.Title level={5} style={{ marginTop: 0 }}>{t('campaign.basics')}</Typography.Title>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          <Form.Item label={t('campaign.name')} name="name" rules={[{ required: true, whitespace: true, message: t('campaign.nameRequired') }]}>
            <Input maxLength={100} placeholder={t('campaign.namePlaceholder')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('campaign.theme')} name="theme">
            <Input maxLength={200} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item label={t('campaign.startsOn')} name="startsOn" rules={[{ required: true, message: t('campaign.dateRequired') }]}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={12} md={6}>
          <Form.Item
            label={t('campaign.endsOn')}
            name="endsOn"
            dependencies={['startsOn']}
            rules={[
              { required: true, message: t('campaign.dateRequired') },
              ({ getFieldValue }) => ({
                validator: (_, v?: Dayjs) => (!v || !getFieldValue('startsOn') || !v.isBefore(getFieldValue('startsOn'), 'day') ? Promise.resolve() : Promise.reject(new Error(t('campaign.endBeforeStart')))),
              }),
            ]}
          >
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('campaign.organizer')} name="organizer" rules={[{ required: true, whitespace: true, message: t('campaign.organizerRequired') }]}>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('campaign.coOrganizers')} name="coOrganizers" extra={t('campaign.tagsHelp')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', ',', '，']} aria-label={t('campaign.coOrganizers')} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item label={t('campaign.contentAreas')} name="contentAreas" extra={t('campaign.tagsHelp')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['、', ',', '，']} aria-label={t('campaign.contentAreas')} />
          </Form.Item>
        </Col>
      </Row>

      <Typography.Title level={5}>{t('campaign.committee')}</Typography.Title>
      <Form.List name="committeeBodies">
        {(bodies, { add, remove: removeBody }) => (
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            {bodies.map((b, bi) => (
              <Card key={b.key} size="small" title={t('campaign.bodyN', { n: bi + 1 })} extra={remove(() => removeBody(b.name))}>
                <Form.Item name={[b.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} md={8}>
                    <Form.Item label={t('campaign.bodyNameField')} name={[b.name, 'name']} rules={[{ required: true, whitespace: true, message: t('campaign.bodyNameRequired') }]}>
                      <Input maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={16}>
                    <Form.Item label={t('campaign.duties')} name={[b.name, 'duties']}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                    </Form.Item>
                  </Col>
                </Row>
                <Form.List name={[b.name, 'members']}>
                  {(members, { add: addMember, remove: removeMember }) => (
                    <>
                      {members.map((m) => (
                        <Row key={m.key} gutter={8} wrap={false} align="top">
                          <Col flex="1 1 0">
                            <Form.Item name={[m.name, 'name']} rules={[{ required: true, whitespace: true, message: t('campaign.memberNameRequired') }]} style={{ marginBottom: 8 }}>
                              <Input maxLength={50} placeholder={t('campaign.memberName')} aria-label={t('campaign.memberName')} />
                            </Form.Item>
                          </Col>
                          <Col flex="1 1 0">
                            <Form.Item name={[m.name, 'title']} style={{ marginBottom: 8 }}>
                              <Input maxLength={100} placeholder={t('campaign.memberTitle')} aria-label={t('campaign.memberTitle')} />
                            </Form.Item>
                          </Col>
                          <Col flex="1.4 1 0">
                            <Form.Item name={[m.name, 'unit']} style={{ marginBottom: 8 }}>
                              <Input maxLength={100} placeholder={t('campaign.memberUnit')} aria-label={t('campaign.memberUnit')} />
                            </Form.Item>
                          </Col>
                          <Col flex="none">{remove(() => removeMember(m.name))}</Col>
                        </Row>
                      ))}
                      <Button size="small" icon={<PlusOutlined aria-hidden />} onClick={() => addMember({ name: '', title: '', unit: '' })}>
                        {t('campaign.addMember')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <div>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', duties: '', members: [] })}>
                {t('campaign.addBody')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>

      <Typography.Title level={5}>{t('campaign.activities')}</Typography.Title>
      <Form.List name="activities">
        {(items, { add, remove: removeItem }) => (
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            {items.map((a, ai) => (
              <Card key={a.key} size="small" title={t('campaign.activityN', { n: ai + 1 })} extra={remove(() => removeItem(a.name))}>
                <Form.Item name={[a.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item name={[a.name, 'key']} hidden>
                  <Input />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item label={t('campaign.activity')} name={[a.name, 'name']} rules={[{ required: true, whitespace: true, message: t('campaign.activityRequired') }]}>
                      <Input maxLength={100} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item label={t('campaign.area')} name={[a.name, 'area']} rules={[{ required: true, whitespace: true, message: t('campaign.areaRequired') }]}>
                      <AutoComplete options={areas.map((x) => ({ value: x }))} maxLength={50} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item label={t('campaign.plannedStart')} name={[a.name, 'plannedStart']}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item label={t('campaign.plannedEnd')} name={[a.name, 'plannedEnd']}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item label={t('campaign.venue')} name={[a.name, 'venue']}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item label={t('campaign.owner')} name={[a.name, 'owner']}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={24} md={12}>
                    <Form.Item label={t('campaign.target')} name={[a.name, 'target']}>
                      <Input maxLength={500} />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item label={t('campaign.description')} name={[a.name, 'description']} style={{ marginBottom: 0 }}>
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <div>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ name: '', area: areas[0] ?? '', description: '' })}>
                {t('campaign.addActivity')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>

      <Typography.Title level={5}>{t('campaign.documents')}</Typography.Title>
      <Form.List name="documents">
        {(docs, { add, remove: removeDoc }) => (
          <Flex vertical gap={12} style={{ marginBottom: 16 }}>
            {docs.map((d, di) => (
              <Card key={d.key} size="small" title={t('campaign.documentN', { n: di + 1 })} extra={remove(() => removeDoc(d.name))}>
                <Form.Item name={[d.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Row gutter={16}>
                  <Col xs={24} md={12}>
                    <Form.Item label={t('campaign.documentTitle')} name={[d.name, 'title']} rules={[{ required: true, whitespace: true, message: t('campaign.documentTitleRequired') }]}>
                      <Input maxLength={200} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item label={t('campaign.documentNumber')} name={[d.name, 'number']}>
                      <Input maxLength={100} placeholder="〔2010〕12号" />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={6}>
                    <Form.Item label={t('campaign.issuedOn')} name={[d.name, 'issuedOn']} rules={[{ required: true, message: t('campaign.dateRequired') }]}>
                      <DatePicker style={{ width: '100%' }} />
                    </Form.Item>
                  </Col>
                  <Col xs={24}>
                    <Form.Item label={t('campaign.documentBody')} name={[d.name, 'body']} style={{ marginBottom: 0 }}>
                      <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} maxLength={50_000} />
                    </Form.Item>
                  </Col>
                </Row>
              </Card>
            ))}
            <div>
              <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({ title: '', body: '' })}>
                {t('campaign.addDocument')}
              </Button>
            </div>
          </Flex>
        )}
      </Form.List>

      <Button type="primary" htmlType="submit" loading={busy}>
        {campaign ? t('common.save') : t('campaign.create')}
      </Button>
    </Form>
  );
}
