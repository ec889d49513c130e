import { Alert, App, Button, Card, DatePicker, Form, Input, List, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { FormModal } from '../../app/FormModal';
import { useLocale, useT } from '../../app/i18n';
import { useMutationForm } from '../../app/useMutationForm';
import { postTypeKey } from './CareerTrack';
import { useEligibility, useFileApplication, useGrades, useMyOpenApplications, useStages } from './hooks';
import type { CareerMessageKey } from './i18n.zh-CN';

const nextPostType: Record<string, string | undefined> = { staff: 'deputy', deputy: 'head' };

/**
 * 我的下一步 — the next post type up (staff → deputy → head): what is still missing in words, and the button to apply for
 * it (the application goes to HR's review, then the street leader). An open application is shown instead of the button.
 */
export function NextStepCard({ workerId }: { workerId: string }) {
  const t = useT();
  const [locale] = useLocale();
  const grades = useGrades(workerId);
  const stages = useStages();
  const eligibility = useEligibility(workerId);
  const open = useMyOpenApplications(workerId);
  const [applying, setApplying] = useState(false);
  const target = nextPostType[grades.data?.current?.postType ?? ''];
  const stage = (stages.data ?? []).filter((s) => s.postType === target).sort((a, b) => a.sortOrder - b.sortOrder)[0];
  const result = (eligibility.data ?? []).find((e) => e.stageCode === stage?.code);
  if (!target || !stage || !result) return null;
  const missing = result.criteria.filter((c) => !c.met);
  const pending = open.data?.[0];
  return (
    <Card size="small" title={t('career.next.title', { stage: locale === 'en' ? stage.nameEn : stage.nameZh })}>
      <Space direction="vertical" style={{ width: '100%' }}>
        {missing.length === 0
          ? <Alert type="success" showIcon title={t('career.next.ready')} />
          : (
            <>
              <Typography.Text>{t('career.next.missing', { count: missing.length })}</Typography.Text>
              <List size="small" dataSource={missing} renderItem={(c) => <List.Item>{locale === 'en' ? c.missingEn : c.missingZh}</List.Item>} />
            </>
          )}
        {pending ? (
          <Space wrap>
            <Tag color="gold">{t(`career.next.status.${pending.status === 'reviewed' ? 'reviewed' : 'submitted'}` as CareerMessageKey)}</Tag>
            <Typography.Text>{t('career.next.pending', { to: `${t(postTypeKey(pending.toPostType))} ${pending.toLevel}` })}</Typography.Text>
          </Space>
        ) : (
          <Button type="primary" onClick={() => setApplying(true)}>{t('career.next.apply')}</Button>
        )}
      </Space>
      {applying && <ApplyForm workerId={workerId} toPostType={target} stageCode={stage.code} missing={missing.length} onClose={() => setApplying(false)} />}
    </Card>
  );
}

function ApplyForm({ workerId, toPostType, stageCode, missing, onClose }: {
  workerId: string; toPostType: string; stageCode: string; missing: number; onClose: () => void;
}) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const { submit, pending } = useMutationForm(useFileApplication(), form, ['effectiveOn', 'reason', 'toPostType', 'toLevel', 'kind']);
  return (
    <FormModal title={t('career.next.apply')} okText={t('career.next.submit')} loading={pending} form={form} onClose={onClose}>
      {missing > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} title={t('career.next.warnMissing', { count: missing })} />}
      <Form form={form} layout="vertical" initialValues={{ effectiveOn: dayjs() }}
        onFinish={(v: { effectiveOn: Dayjs; reason: string }) => submit({
          workerId, kind: 'promotion', targetStage: stageCode, toPostType, effectiveOn: v.effectiveOn.format('YYYY-MM-DD'), reason: v.reason,
        }, () => { void message.success(t('career.next.filed')); onClose(); })}>
        <Form.Item label={t('career.next.to')}><Typography.Text strong>{t(postTypeKey(toPostType))}</Typography.Text></Form.Item>
        <Form.Item name="effectiveOn" label={t('career.next.effectiveOn')} rules={[{ required: true, message: t('career.reserve.required') }]}><DatePicker /></Form.Item>
        <Form.Item name="reason" label={t('career.next.reason')} rules={[{ required: true, message: t('career.reserve.required') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
