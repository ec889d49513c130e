import { Button, Card, Form, Input, InputNumber, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import { type Participant, useAppeals, useResolveAppeal } from './hooks';
import { GradeTag, gradeCodes } from './shared';

/** 考核申诉: appeals filed by workers; HR upholds (rescoring) or rejects them with a reason. */
export function AppealsPage() {
  const t = useT();
  const [params] = useSearchParams();
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useAppeals({ ...page, status: params.get('status') ?? undefined });
  const [resolving, setResolving] = useState<Participant | null>(null);
  const title = t('performance.appeals.title');
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}>
      <ResponsiveTable<Participant>
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data?.items ?? []}
        aria-label={title}
        pagination={{
          current: page.page, pageSize: page.pageSize, total: list.data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }), onChange: (p, pageSize) => setPage({ page: p, pageSize }),
        }}
        columns={[
          { title: t('performance.participants.name'), dataIndex: 'workerName', cardTitle: true },
          { title: t('performance.cycles.name'), dataIndex: 'cycleName' },
          { title: t('performance.participants.grade'), render: (_, p) => <GradeTag grade={p.grade} /> },
          { title: t('performance.participants.score'), dataIndex: 'score', ...noWrap },
          { title: t('performance.appeal.reason'), dataIndex: 'appealReason' },
          {
            title: t('common.actions'),
            render: (_, p) =>
              p.appealStatus === 'filed' ? (
                <Button size="small" aria-label={`${t('performance.appeals.resolve')} ${p.workerName}`} onClick={() => setResolving(p)}>
                  {t('performance.appeals.resolve')}
                </Button>
              ) : (
                <Tag>{t(`performance.appeal.status.${p.appealStatus ?? 'filed'}` as 'performance.appeal.status.filed')}</Tag>
              ),
          },
        ]}
      />
      {resolving && <ResolveModal participant={resolving} onClose={() => setResolving(null)} />}
    </Card>
  );
}

type ResolveForm = { outcome: string; reason: string; streetScore?: number; grade?: string };

function ResolveModal({ participant, onClose }: { participant: Participant; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<ResolveForm>();
  const resolve = useResolveAppeal();
  const report = useReportError();
  const outcome = Form.useWatch('outcome', form);
  return (
    <FormModal title={`${t('performance.appeals.resolve')}：${participant.workerName}`} okText={t('common.save')} loading={resolve.isPending} form={form} onClose={onClose}>
      <Form<ResolveForm>
        form={form}
        layout="vertical"
        initialValues={{ outcome: 'rejected' }}
        onFinish={(v) =>
          resolve.mutate(
            { id: participant.id, body: { ...v, version: participant.version } },
            { onSuccess: onClose, onError: (e) => report(e, form, ['outcome', 'reason', 'streetScore', 'grade']) },
          )
        }
      >
        <Form.Item name="outcome" label={t('performance.appeals.outcome')} rules={[{ required: true }]}>
          <Select
            options={[
              { value: 'upheld', label: t('performance.appeal.status.upheld') },
              { value: 'rejected', label: t('performance.appeal.status.rejected') },
            ]}
          />
        </Form.Item>
        <Form.Item name="reason" label={t('performance.appeals.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        {outcome === 'upheld' && (
          <>
            <Form.Item name="streetScore" label={t('performance.appeals.newStreet')}>
              <InputNumber min={0} max={100} style={{ width: '100%' }} />
            </Form.Item>
            <Form.Item name="grade" label={t('performance.appeals.newGrade')}>
              <Select allowClear options={gradeCodes.map((g) => ({ value: g, label: t(`performance.grade.${g}`) }))} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormModal>
  );
}
