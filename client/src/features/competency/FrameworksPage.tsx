import { App, Button, Card, Collapse, Empty, Form, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useReportError } from '../../app/problems';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useFramework, useFrameworkActions, useFrameworkDiff, useFrameworks, type DimensionInput, type FrameworkDetail, type FrameworkSummary } from './hooks';
import { useBilingual, useCt } from './i18n';
import { statusColor, statusKey } from './labels';
import { chineseIndicatorTemplate } from './labels';

/** HR's framework editor: versions, the content of one, a new draft from a published version, publish, diff. */
export function FrameworksPage() {
  const ct = useCt();
  const { role } = useCurrentUser();
  const canEdit = role === 'hr' || role === 'admin';
  const frameworks = useFrameworks();
  const [selected, setSelected] = useState<string>();
  const actions = useFrameworkActions();
  const report = useReportError();
  const { message } = App.useApp();
  const items = frameworks.data?.items ?? [];
  const current = selected ?? items.find((f) => f.status === 'draft')?.id ?? items.find((f) => f.status === 'published')?.id;

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Table<FrameworkSummary>
        rowKey="id"
        size="small"
        loading={frameworks.isLoading}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        onRow={(f) => ({ onClick: () => setSelected(f.id) })}
        rowClassName={(f) => (f.id === current ? 'ant-table-row-selected' : '')}
        columns={[
          { title: ct('competency.framework.nameZh'), render: (_, f) => `${f.nameZh}（${ct('competency.framework.version', { n: f.versionNo })}）` },
          { title: ct('competency.assessment.status'), render: (_, f) => <Tag color={statusColor[f.status]}>{ct(statusKey(f.status))}</Tag> },
          { title: '', render: (_, f) => ct('competency.framework.competencies', { n: f.competencyCount }) },
          {
            title: '',
            render: (_, f) =>
              canEdit && (
                <Space wrap>
                  {f.status === 'published' && (
                    <Button
                      size="small"
                      loading={actions.newDraft.isPending}
                      onClick={(e) => {
                        e.stopPropagation();
                        actions.newDraft.mutate(f.id, { onSuccess: (d) => setSelected(d.framework.id), onError: (err) => report(err) });
                      }}
                    >
                      {ct('competency.framework.newDraft')}
                    </Button>
                  )}
                  {f.status === 'draft' && (
                    <Button
                      size="small"
                      type="primary"
                      loading={actions.publish.isPending}
                      onClick={(e) => {
                        e.stopPropagation();
                        actions.publish.mutate(f, {
                          onSuccess: () => void message.success(ct('competency.framework.published', { n: f.versionNo })),
                          onError: (err) => report(err),
                        });
                      }}
                    >
                      {ct('competency.framework.publish')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {current && <FrameworkDetailCard id={current} canEdit={canEdit} />}
    </Space>
  );
}

function FrameworkDetailCard({ id, canEdit }: { id: string; canEdit: boolean }) {
  const ct = useCt();
  const name = useBilingual();
  const framework = useFramework(id);
  const data = framework.data;
  if (!data) return <Card loading />;
  const draft = data.framework.status === 'draft';
  return (
    <Card title={`${data.framework.nameZh} · ${ct('competency.framework.version', { n: data.framework.versionNo })}`}>
      {data.framework.basedOnId && <DiffView id={id} />}
      {draft && canEdit ? (
        <DraftEditor key={`${id}-${data.framework.version}`} framework={data} />
      ) : (
        <>
          {data.framework.status !== 'draft' && <Typography.Paragraph type="secondary">{ct('competency.framework.readOnly')}</Typography.Paragraph>}
          <Collapse
            items={data.dimensions.map((d) => ({
              key: d.id,
              label: `${name(d)}（${d.competencies.length}）`,
              children: (
                <List
                  dataSource={d.competencies}
                  renderItem={(c) => (
                    <List.Item>
                      <List.Item.Meta
                        title={name(c)}
                        description={c.levels.map((l) => (
                          <div key={l.level}>
                            {l.level}. {l.indicatorZh}
                          </div>
                        ))}
                      />
                    </List.Item>
                  )}
                />
              ),
            }))}
          />
        </>
      )}
    </Card>
  );
}

function DiffView({ id }: { id: string }) {
  const ct = useCt();
  const name = useBilingual();
  const diff = useFrameworkDiff(id);
  if (!diff.data) return null;
  const { added, removed, changed } = diff.data;
  const none = added.length + removed.length + changed.length === 0;
  return (
    <Card size="small" type="inner" title={ct('competency.framework.diff')} style={{ marginBottom: 16 }}>
      {none && <Typography.Text type="secondary">{ct('competency.framework.noChanges')}</Typography.Text>}
      <Space wrap>
        {added.map((c) => (
          <Tag key={`a-${c.code}`} color="green">{`${ct('competency.framework.added')}：${name(c)}`}</Tag>
        ))}
        {removed.map((c) => (
          <Tag key={`r-${c.code}`} color="red">{`${ct('competency.framework.removed')}：${name(c)}`}</Tag>
        ))}
        {changed.map((c) => (
          <Tag key={`c-${c.code}`} color="gold">{`${ct('competency.framework.changed')}：${name(c)}（${c.fields.join('、')}）`}</Tag>
        ))}
      </Space>
    </Card>
  );
}

interface NewCompetency {
  dimension: string;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** Edits a draft as a whole: rename or remove competencies, add one (its five indicators follow a pattern to refine later). */
function DraftEditor({ framework }: { framework: FrameworkDetail }) {
  const ct = useCt();
  const name = useBilingual();
  const { message } = App.useApp();
  const report = useReportError();
  const { save } = useFrameworkActions();
  const [dimensions, setDimensions] = useState<DimensionInput[]>(() =>
    framework.dimensions.map((d) => ({
      code: d.code,
      nameZh: d.nameZh,
      nameEn: d.nameEn,
      competencies: d.competencies.map((c) => ({ code: c.code, nameZh: c.nameZh, nameEn: c.nameEn, levels: c.levels })),
    })),
  );
  const [form] = Form.useForm<NewCompetency>();

  const rename = (d: number, c: number, nameZh: string) =>
    setDimensions((all) =>
      all.map((dim, i) =>
        i !== d ? dim : { ...dim, competencies: (dim.competencies ?? []).map((comp, j) => (j !== c ? comp : { ...comp, nameZh })) },
      ),
    );
  const remove = (d: number, c: number) =>
    setDimensions((all) => all.map((dim, i) => (i !== d ? dim : { ...dim, competencies: (dim.competencies ?? []).filter((_, j) => j !== c) })));
  const add = (v: NewCompetency) => {
    setDimensions((all) =>
      all.map((dim) =>
        dim.code !== v.dimension
          ? dim
          : {
              ...dim,
              competencies: [
                ...(dim.competencies ?? []),
                {
                  code: v.code,
                  nameZh: v.nameZh,
                  nameEn: v.nameEn,
                  levels: [1, 2, 3, 4, 5].map((level) => ({
                    level,
                    // The Chinese indicator is Chinese in either UI language: a template, not a translated message.
                    indicatorZh: chineseIndicatorTemplate(v.nameZh, level),
                    indicatorEn: `${v.nameEn}: level ${level} behaviour`,
                  })),
                },
              ],
            },
      ),
    );
    form.resetFields();
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {dimensions.map((d, di) => (
        <Card key={d.code ?? di} size="small" title={d.nameZh}>
          {(d.competencies ?? []).map((c, ci) => (
            <Space key={c.code ?? ci} wrap style={{ marginBottom: 8 }}>
              <Input
                aria-label={`${ct('competency.framework.nameZh')} ${c.code ?? ''}`}
                value={c.nameZh ?? ''}
                onChange={(e) => rename(di, ci, e.target.value)}
                style={{ width: 220 }}
              />
              <Typography.Text type="secondary">{c.code}</Typography.Text>
              <Button size="small" danger onClick={() => remove(di, ci)}>
                {ct('competency.framework.remove')}
              </Button>
            </Space>
          ))}
        </Card>
      ))}
      <Card size="small" title={ct('competency.framework.addCompetency')}>
        <Form form={form} layout="inline" onFinish={add}>
          <Form.Item name="dimension" label={ct('competency.framework.dimension')} rules={[{ required: true }]} initialValue={dimensions[0]?.code}>
            <select aria-label={ct('competency.framework.dimension')}>
              {framework.dimensions.map((d) => (
                <option key={d.code} value={d.code}>
                  {name(d)}
                </option>
              ))}
            </select>
          </Form.Item>
          <Form.Item name="code" label={ct('competency.framework.code')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]*$/ }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="nameZh" label={ct('competency.framework.nameZh')} rules={[{ required: true }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="nameEn" label={ct('competency.framework.nameEn')} rules={[{ required: true }]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Button htmlType="submit">{ct('competency.framework.addCompetency')}</Button>
        </Form>
      </Card>
      {dimensions.length === 0 && <Empty />}
      <Button
        type="primary"
        loading={save.isPending}
        onClick={() =>
          save.mutate(
            { id: framework.framework.id, version: framework.framework.version, nameZh: framework.framework.nameZh, nameEn: framework.framework.nameEn, dimensions },
            { onSuccess: () => void message.success(ct('competency.framework.saved')), onError: (err) => report(err) },
          )
        }
      >
        {ct('competency.framework.save')}
      </Button>
    </Space>
  );
}
