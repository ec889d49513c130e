import { Button, Card, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { type Participant, useAppeal, useMyResults, useWorkerAppraisals } from './hooks';
import { GradeTag, PartsTable } from './shared';

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** One published result with its explanation; the worker may appeal while the window is open. */
function ResultCard({ result, canAppeal }: { result: Participant; canAppeal: boolean }) {
  const t = useT();
  const [appealing, setAppealing] = useState(false);
  const open = canAppeal && result.cycleStatus === 'published' && !result.appealStatus && !!result.appealDeadline && result.appealDeadline >= today();
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{result.cycleName}</span>
          <GradeTag grade={result.grade} />
          <span>{result.score}</span>
        </Space>
      }
      extra={
        open && (
          <Button size="small" onClick={() => setAppealing(true)}>
            {t('performance.mine.appeal')}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {result.placementNote && <Typography.Text type="secondary">{result.placementNote}</Typography.Text>}
        {result.appealDeadline && result.cycleStatus === 'published' && (
          <Typography.Text type="secondary">{t('performance.mine.appealDeadline', { date: result.appealDeadline })}</Typography.Text>
        )}
        {result.appealStatus && (
          <Space>
            {t('performance.mine.appealStatus')}
            <Tag>{t(`performance.appeal.status.${result.appealStatus}` as 'performance.appeal.status.filed')}</Tag>
            {result.appealResolution}
          </Space>
        )}
        <PartsTable parts={result.parts} />
      </Space>
      {appealing && <AppealModal result={result} onClose={() => setAppealing(false)} />}
    </Card>
  );
}

function AppealModal({ result, onClose }: { result: Participant; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<{ reason: string }>();
  const appeal = useAppeal();
  const report = useReportError();
  return (
    <FormModal title={t('performance.appeal.title')} okText={t('performance.mine.appeal')} loading={appeal.isPending} form={form} onClose={onClose}>
      <Form form={form} layout="vertical" onFinish={(v) => appeal.mutate({ id: result.id, reason: v.reason }, { onSuccess: onClose, onError: (e) => report(e, form, ['reason']) })}>
        <Form.Item name="reason" label={t('performance.appeal.reason')} rules={[{ required: true }]}>
          <Input.TextArea rows={4} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}

/** 我的考核: the worker's published results over the years, each explained. */
export function MyAppraisalsPage() {
  const t = useT();
  const [params] = useSearchParams();
  const results = useMyResults(params.get('appealOpen') === 'true');
  const items = results.data?.items ?? [];
  return (
    <Card title={<Typography.Title level={4} style={{ margin: 0 }}>{t('performance.mine.title')}</Typography.Title>} loading={results.isPending}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('common.total', { total: results.data?.total ?? 0 })}</Typography.Text>
        {items.length === 0 && <Empty description={t('performance.mine.empty')} />}
        {items.map((r) => (
          <ResultCard key={r.id} result={r} canAppeal />
        ))}
      </Space>
    </Card>
  );
}

/** The 考核 tab of a worker's profile (HR and leaders in scope). */
export function AppraisalHistory({ workerId }: { workerId: string }) {
  const t = useT();
  const results = useWorkerAppraisals(workerId);
  const items = results.data?.items ?? [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {items.length === 0 && !results.isPending && <Empty description={t('performance.mine.empty')} />}
      {items.map((r) => (
        <ResultCard key={r.id} result={r} canAppeal={false} />
      ))}
    </Space>
  );
}
