import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import { ListedTreeSelect } from '../../app/ListedTreeSelect';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../api/problem';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import {
  type Indicator, type Settings, type Template, useOrgTreeForCycles, useSaveSettings, useSaveTemplate, useSettings, useTemplates,
} from './hooks';
import { listFieldErrors } from './listProblems';

const postTypes = ['head', 'deputy', 'staff'] as const;
const kinds = ['street', 'peer', 'resident', 'kpi'] as const;
const rules = ['higher-better', 'lower-better'] as const;

type TreeNode = { id: string; name: string; children?: readonly TreeNode[] };
type TreeData = { value: string; title: string; children: TreeData[] };
const toTree = (nodes: readonly TreeNode[]): TreeData[] =>
  nodes.map((n) => ({ value: n.id, title: n.name, children: toTree(n.children ?? []) }));

type TemplateForm = { orgUnitId?: string; postType: string; name: string; departmentShare: number; indicators: Indicator[] };

/** Puts a 400's errors under the fields (and indicator rows) they name; anything else is reported as a notification. */
function useFormProblem() {
  const report = useReportError();
  return <T,>(error: unknown, form: FormInstance<T>, topLevel: readonly string[], lists: Record<string, readonly string[]> = {}) => {
    if (error instanceof ApiError && error.problem?.errors) {
      const mapped = listFieldErrors(error.problem, topLevel, lists);
      form.setFields(mapped.fields.map((x) => ({ name: x.name as never, errors: x.errors })));
      if (mapped.unmatched.length === 0 && mapped.fields.length > 0) return;
    }
    report(error);
  };
}

/** 考核模板与设置: the templates per post type (indicators, weights, the department's share) and the module's settings. */
export function TemplatesPage() {
  const t = useT();
  const { role } = useCurrentUser();
  const canEdit = role === 'hr' || role === 'admin';
  const templates = useTemplates();
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const title = t('performance.templates.title');
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}
        extra={canEdit && <Button type="primary" onClick={() => setEditing('new')}>{t('performance.templates.create')}</Button>}
      >
        <ResponsiveTable<Template>
          rowKey="id"
          size="small"
          loading={templates.isFetching}
          dataSource={templates.data?.items ?? []}
          aria-label={title}
          pagination={false}
          columns={[
            { title: t('performance.templates.name'), dataIndex: 'name', cardTitle: true },
            { title: t('performance.templates.postType'), render: (_, x) => t(`performance.postType.${x.postType}` as 'performance.postType.staff') },
            {
              title: t('performance.templates.indicators'),
              render: (_, x) => (
                <Space size={[4, 4]} wrap>
                  {x.indicators.map((i) => <Tag key={i.code}>{`${i.name} ${i.weight}%`}</Tag>)}
                  <Tag color="blue">{`${t('performance.templates.departmentShare')} ${x.departmentShare}%`}</Tag>
                </Space>
              ),
            },
            {
              title: t('common.actions'),
              render: (_, x) =>
                canEdit && (
                  <Button size="small" aria-label={`${t('performance.templates.edit')} ${x.name}`} onClick={() => setEditing(x)}>
                    {t('performance.templates.edit')}
                  </Button>
                ),
            },
          ]}
        />
      </Card>
      <SettingsCard />
      {editing && <TemplateModal template={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Space>
  );
}

function TemplateModal({ template, onClose }: { template: Template | null; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<TemplateForm>();
  const save = useSaveTemplate();
  const tree = useOrgTreeForCycles();
  const onProblem = useFormProblem();
  const indicators = Form.useWatch('indicators', form) ?? template?.indicators ?? [];
  const share = Form.useWatch('departmentShare', form) ?? template?.departmentShare ?? 0;
  const total = indicators.reduce((sum, i) => sum + (Number(i?.weight) || 0), 0) + (Number(share) || 0);
  const titleText = template ? t('performance.templates.editTitle', { name: template.name }) : t('performance.templates.create');
  return (
    <FormModal title={titleText} okText={t('common.save')} loading={save.isPending} form={form} onClose={onClose} width={860}>
      <Form<TemplateForm>
        form={form}
        layout="vertical"
        initialValues={{
          postType: template?.postType ?? 'staff',
          name: template?.name ?? '',
          departmentShare: template?.departmentShare ?? 10,
          indicators: template?.indicators.map((i) => ({ ...i })) ?? [
            { code: 'street', kind: 'street', name: t('performance.indicatorKind.street'), weight: 30 },
            { code: 'peer', kind: 'peer', name: t('performance.indicatorKind.peer'), weight: 10 },
            { code: 'resident', kind: 'resident', name: t('performance.indicatorKind.resident'), weight: 50 },
          ],
        }}
        onFinish={(v) =>
          save.mutate(
            {
              id: template?.id,
              body: {
                orgUnitId: template ? undefined : v.orgUnitId, postType: v.postType, name: v.name, departmentShare: v.departmentShare,
                indicators: (v.indicators ?? []).map((i) => ({ ...i, target: i.kind === 'kpi' ? i.target : null, rule: i.kind === 'kpi' ? i.rule : null })),
                version: template?.version,
              },
            },
            {
              onSuccess: onClose,
              onError: (e) =>
                onProblem(e, form, ['orgUnitId', 'postType', 'name', 'departmentShare', 'indicators'], {
                  indicators: ['code', 'kind', 'name', 'weight', 'target', 'rule'],
                }),
            },
          )
        }
      >
        <Space wrap align="start">
          {!template && (
            <Form.Item name="orgUnitId" label={t('performance.templates.unit')} rules={[{ required: true }]} style={{ minWidth: 260 }}>
              <ListedTreeSelect treeData={toTree(tree.data ?? [])} showSearch treeNodeFilterProp="title" treeDefaultExpandAll={false} />
            </Form.Item>
          )}
          <Form.Item name="postType" label={t('performance.templates.postType')} rules={[{ required: true }]}>
            <Select
              disabled={template !== null}
              style={{ width: 140 }}
              options={postTypes.map((p) => ({ value: p, label: t(`performance.postType.${p}`) }))}
            />
          </Form.Item>
          <Form.Item name="name" label={t('performance.templates.name')} rules={[{ required: true }]} style={{ minWidth: 260 }}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="departmentShare" label={t('performance.templates.departmentShareLabel')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} suffix="%" />
          </Form.Item>
        </Space>
        <Alert
          type={total === 100 ? 'success' : 'warning'}
          showIcon
          style={{ marginBottom: 16 }}
          title={t('performance.templates.total', { total })}
        />
        <Form.List name="indicators">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => {
                const kind = indicators[index]?.kind;
                const n = index + 1;
                return (
                  <Space key={field.key} wrap align="start" style={{ display: 'flex', borderBottom: '1px solid #f0f0f0', marginBottom: 8 }}>
                    <Form.Item name={[field.name, 'kind']} label={t('performance.templates.kind', { n })} rules={[{ required: true }]}>
                      <Select style={{ width: 150 }} options={kinds.map((k) => ({ value: k, label: t(`performance.indicatorKind.${k}`) }))} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'code']} label={t('performance.templates.code', { n })} rules={[{ required: true }]}>
                      <Input maxLength={40} style={{ width: 110 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'name']} label={t('performance.templates.indicatorName', { n })} rules={[{ required: true }]}>
                      <Input maxLength={100} style={{ width: 190 }} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'weight']} label={t('performance.templates.weight', { n })} rules={[{ required: true }]}>
                      <InputNumber min={1} max={100} suffix="%" style={{ width: 110 }} />
                    </Form.Item>
                    {kind === 'kpi' && (
                      <>
                        <Form.Item name={[field.name, 'target']} label={t('performance.templates.target', { n })} rules={[{ required: true }]}>
                          <InputNumber min={0} style={{ width: 100 }} />
                        </Form.Item>
                        <Form.Item name={[field.name, 'rule']} label={t('performance.templates.rule', { n })} rules={[{ required: true }]}>
                          <Select style={{ width: 130 }} options={rules.map((r) => ({ value: r, label: t(`performance.kpiRule.${r}`) }))} />
                        </Form.Item>
                      </>
                    )}
                    <Button style={{ marginTop: 30 }} aria-label={t('performance.templates.removeRow', { n })} onClick={() => remove(field.name)}>
                      {t('performance.calendar.remove')}
                    </Button>
                  </Space>
                );
              })}
              <Form.ErrorList errors={errors} />
              <Button onClick={() => add({ code: `kpi${fields.length + 1}`, kind: 'kpi', name: '', weight: 10, target: 100, rule: 'higher-better' })}>
                {t('performance.templates.addIndicator')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}

/** The module's settings: admin edits them (they apply to every street); HR and leaders read them. */
function SettingsCard() {
  const t = useT();
  const { role } = useCurrentUser();
  const settings = useSettings();
  const save = useSaveSettings();
  const onProblem = useFormProblem();
  const [form] = Form.useForm<Settings>();
  const canEdit = role === 'admin';
  const s = settings.data;
  return (
    <Card title={<Typography.Title level={5} style={{ margin: 0 }}>{t('performance.settings.title')}</Typography.Title>} loading={!s}>
      {s && (
        <Form<Settings>
          form={form}
          layout="vertical"
          disabled={!canEdit}
          initialValues={s}
          key={s.version}
          onFinish={(v) =>
            save.mutate(
              { ...v, version: s.version },
              {
                onError: (e) =>
                  onProblem(e, form, ['minRatings', 'rectificationWorkingDays', 'appealWorkingDays', 'excellentQuotaPercent', 'moverRule']),
              },
            )
          }
        >
          {!canEdit && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('performance.settings.adminOnly')} />}
          <Space wrap align="start" size="large">
            <Form.Item name="minRatings" label={t('performance.settings.minRatings')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} />
            </Form.Item>
            <Form.Item name="rectificationWorkingDays" label={t('performance.settings.rectificationDays')} rules={[{ required: true }]}>
              <Select style={{ width: 140 }} options={[5, 15].map((d) => ({ value: d, label: t('performance.rect.workingDays', { days: d }) }))} />
            </Form.Item>
            <Form.Item name="excellentQuotaPercent" label={t('performance.settings.quota')} rules={[{ required: true }]}>
              <InputNumber min={1} max={100} suffix="%" />
            </Form.Item>
            <Form.Item name="appealWorkingDays" label={t('performance.settings.appealDays')} rules={[{ required: true }]}>
              <InputNumber min={1} max={60} />
            </Form.Item>
            <Form.Item name="moverRule" label={t('performance.settings.moverRule')} rules={[{ required: true }]}>
              <Select
                style={{ width: 220 }}
                options={['most-days', 'period-end'].map((r) => ({ value: r, label: t(`performance.settings.mover.${r}` as 'performance.settings.mover.most-days') }))}
              />
            </Form.Item>
          </Space>
          {canEdit && (
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          )}
        </Form>
      )}
    </Card>
  );
}
