import { Button, Card, Form, Input, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import { type Rectification, useRectifications, useUpdateRectification } from './hooks';

type Filter = 'all' | 'open' | 'overdue' | 'closed';
const isFilter = (v: string | null): v is Filter => v === 'all' || v === 'open' || v === 'overdue' || v === 'closed';

/** 差评整改: the cases bad ratings opened, their working-day deadlines, return visits and outcomes. */
export function RectificationsPage() {
  const t = useT();
  const { role } = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const raw = params.get('status');
  const filter: Filter = isFilter(raw) ? raw : 'all';
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const list = useRectifications({ ...page, status: filter === 'all' ? undefined : filter });
  const [closing, setClosing] = useState<Rectification | null>(null);
  const title = t('performance.rect.title');
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}>
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <Segmented<Filter>
          value={filter}
          onChange={(v) => {
            setParams(v === 'all' ? {} : { status: v }, { replace: true });
            setPage((p) => ({ ...p, page: 1 }));
          }}
          options={(['all', 'open', 'overdue', 'closed'] as const).map((f) => ({ value: f, label: t(`performance.rect.${f}`) }))}
        />
        <ResponsiveTable<Rectification>
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
            { title: t('performance.ratings.item'), dataIndex: 'serviceItem' },
            { title: t('performance.rect.openedOn'), dataIndex: 'openedOn', ...noWrap },
            {
              title: t('performance.rect.dueOn'),
              render: (_, r) => (
                <Space size={4}>
                  <span style={{ whiteSpace: 'nowrap' }}>{r.dueOn}</span>
                  {r.overdue && <Tag color="red">{t('performance.rect.overdue')}</Tag>}
                  {r.calendarMissing && (
                    <Tooltip title={t('performance.rect.calendarMissing')}>
                      <Tag color="orange">!</Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            { title: t('performance.rect.outcome'), dataIndex: 'outcome' },
            {
              title: t('common.actions'),
              render: (_, r) =>
                r.status === 'open' && (role === 'hr' || role === 'admin') ? (
                  <Button size="small" aria-label={`${t('performance.rect.close')} ${r.workerName} ${r.ratingExternalId}`} onClick={() => setClosing(r)}>
                    {t('performance.rect.close')}
                  </Button>
                ) : (
                  <Tag>{t(r.status === 'open' ? 'performance.rect.open' : 'performance.rect.closed')}</Tag>
                ),
            },
          ]}
        />
      </Space>
      {closing && <CloseModal rectification={closing} onClose={() => setClosing(null)} />}
    </Card>
  );
}

function CloseModal({ rectification, onClose }: { rectification: Rectification; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ returnVisit: string; outcome: string }>();
  const update = useUpdateRectification();
  const report = useReportError();
  return (
    <FormModal title={t('performance.rect.close')} okText={t('common.save')} loading={update.isPending} form={form} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ returnVisit: rectification.returnVisit ?? '', outcome: rectification.outcome ?? '' }}
        onFinish={(v) =>
          update.mutate(
            { id: rectification.id, body: { ...v, close: true, version: rectification.version } },
            { onSuccess: onClose, onError: (e) => report(e, form, ['returnVisit', 'outcome']) },
          )
        }
      >
        <Form.Item name="returnVisit" label={t('performance.rect.returnVisit')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
        <Form.Item name="outcome" label={t('performance.rect.outcome')} rules={[{ required: true }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
