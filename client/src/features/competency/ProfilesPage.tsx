import { App, Button, Card, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useReportError } from '../../app/problems';
import { useCreateProfile, useFramework, useFrameworks, useProfiles, type Profile } from './hooks';
import { useBilingual, useCt } from './i18n';
import { postTypeKey, postTypes, weightSum } from './labels';

interface ProfileForm {
  name: string;
  frameworkId: string;
  postType: string;
  postTitle?: string;
  levelFrom: number;
  levelTo: number;
}

/** Requirement profiles per post type and grade band (optionally one post title): a level and weight per competency. */
export function ProfilesPage() {
  const ct = useCt();
  const name = useBilingual();
  const { role } = useCurrentUser();
  const profiles = useProfiles();
  const [creating, setCreating] = useState(false);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {(role === 'hr' || role === 'admin') && !creating && (
        <Button type="primary" onClick={() => setCreating(true)}>
          {ct('competency.profile.new')}
        </Button>
      )}
      {creating && <ProfileEditor onDone={() => setCreating(false)} />}
      <Table<Profile>
        rowKey="id"
        size="small"
        loading={profiles.isLoading}
        dataSource={profiles.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        expandable={{
          expandedRowRender: (p) => (
            <Space wrap>
              {p.items.map((i) => (
                <Tag key={i.competencyId}>{`${name(i)} ≥ ${i.requiredLevel} · ${i.weight}%`}</Tag>
              ))}
            </Space>
          ),
        }}
        columns={[
          { title: ct('competency.profile.name'), dataIndex: 'name' },
          { title: ct('competency.profile.postType'), render: (_, p) => ct(postTypeKey(p.postType)) },
          { title: ct('competency.profile.postTitle'), render: (_, p) => p.postTitle ?? '—' },
          { title: ct('competency.profile.levelFrom'), render: (_, p) => `${p.levelFrom}–${p.levelTo}` },
          { title: ct('competency.profile.framework'), render: (_, p) => ct('competency.framework.version', { n: p.frameworkVersionNo }) },
        ]}
      />
    </Space>
  );
}

function ProfileEditor({ onDone }: { onDone: () => void }) {
  const ct = useCt();
  const name = useBilingual();
  const { message } = App.useApp();
  const report = useReportError();
  const frameworks = useFrameworks();
  const published = (frameworks.data?.items ?? []).filter((f) => f.status === 'published');
  const [form] = Form.useForm<ProfileForm>();
  const frameworkId = Form.useWatch('frameworkId', form) ?? published[0]?.id;
  const framework = useFramework(frameworkId);
  const competencies = useMemo(
    () => (framework.data?.dimensions ?? []).flatMap((d) => d.competencies),
    [framework.data],
  );
  const [levels, setLevels] = useState<Record<string, number>>({});
  const [weights, setWeights] = useState<Record<string, number>>({});
  const items = competencies
    .filter((c) => (weights[c.id] ?? 0) > 0)
    .map((c) => ({ competencyId: c.id, requiredLevel: levels[c.id] ?? 3, weight: weights[c.id] ?? 0 }));
  const sum = weightSum(items);
  const create = useCreateProfile();

  return (
    <Card title={ct('competency.profile.new')}>
      <Form<ProfileForm>
        form={form}
        layout="vertical"
        initialValues={{ postType: 'staff', levelFrom: 1, levelTo: 12 }}
        onFinish={(v) =>
          create.mutate(
            { ...v, frameworkId: v.frameworkId ?? frameworkId, postTitle: v.postTitle?.trim() || null, items },
            {
              onSuccess: () => {
                void message.success(ct('competency.profile.created'));
                onDone();
              },
              onError: (err) => report(err, form, ['name', 'frameworkId', 'postType', 'postTitle', 'levelFrom', 'levelTo']),
            },
          )
        }
      >
        <Space wrap align="start">
          <Form.Item name="name" label={ct('competency.profile.name')} rules={[{ required: true, max: 100 }]}>
            <Input style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="frameworkId" label={ct('competency.profile.framework')}>
            <select aria-label={ct('competency.profile.framework')}>
              {published.map((f) => (
                <option key={f.id} value={f.id}>{`${f.nameZh} ${ct('competency.framework.version', { n: f.versionNo })}`}</option>
              ))}
            </select>
          </Form.Item>
          <Form.Item name="postType" label={ct('competency.profile.postType')} rules={[{ required: true }]}>
            <select aria-label={ct('competency.profile.postType')}>
              {postTypes.map((p) => (
                <option key={p} value={p}>{ct(postTypeKey(p))}</option>
              ))}
            </select>
          </Form.Item>
          <Form.Item name="postTitle" label={ct('competency.profile.postTitle')} rules={[{ max: 100 }]}>
            <Input style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="levelFrom" label={ct('competency.profile.levelFrom')} rules={[{ required: true }]}>
            <InputNumber min={1} max={18} />
          </Form.Item>
          <Form.Item name="levelTo" label={ct('competency.profile.levelTo')} rules={[{ required: true }]}>
            <InputNumber min={1} max={18} />
          </Form.Item>
        </Space>
        <Typography.Title level={5}>{ct('competency.profile.items')}</Typography.Title>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={competencies}
          columns={[
            { title: ct('competency.framework.nameZh'), render: (_, c) => name(c) },
            {
              title: ct('competency.profile.required'),
              render: (_, c) => (
                <InputNumber
                  aria-label={`${ct('competency.profile.required')} ${c.nameZh}`}
                  min={1}
                  max={5}
                  value={levels[c.id] ?? 3}
                  onChange={(v) => setLevels((all) => ({ ...all, [c.id]: v ?? 3 }))}
                />
              ),
            },
            {
              title: ct('competency.profile.weight'),
              render: (_, c) => (
                <InputNumber
                  aria-label={`${ct('competency.profile.weight')} ${c.nameZh}`}
                  min={0}
                  max={100}
                  value={weights[c.id] ?? 0}
                  onChange={(v) => setWeights((all) => ({ ...all, [c.id]: v ?? 0 }))}
                />
              ),
            },
          ]}
        />
        <Typography.Paragraph type={sum === 100 ? 'success' : 'danger'} style={{ marginTop: 12 }}>
          {ct('competency.profile.weightSum', { sum })}
        </Typography.Paragraph>
        <Space>
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {ct('competency.profile.new')}
          </Button>
          <Button onClick={onDone}>×</Button>
        </Space>
      </Form>
    </Card>
  );
}
