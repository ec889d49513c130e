import { App, Alert, Button, Card, List, Progress, Space, Spin, Tag, Typography } from 'antd';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { useCancelEnrollment, useEnrol, useMyWorkerId, useTrack, type Recommendation } from './hooks';
import type { TrainingMessageKey } from './i18n.zh-CN';
import { CertificateTable, EnrollmentStatus, when } from './TrainingWorkspace';

/**
 * 培训档案 — a worker's training track: this year's hours against the requirement, overdue mandatory courses, sessions
 * ahead (cancel), completed training, certificates with expiry, and recommended courses (enrol). The worker's own
 * page and the 培训 tab of a worker's profile.
 */
export function TrainingTrack({ workerId, self }: { workerId: string; self: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const track = useTrack(workerId);
  const enrol = useEnrol();
  const cancel = useCancelEnrollment();
  if (track.isLoading || !track.data) return <Spin />;
  const { compliance, upcoming, completed, certificates, recommendations } = track.data;
  const percent = Math.round(compliance.progress * 100);
  const enrolIn = (r: Recommendation) => {
    if (!r.nextSessionId) return;
    enrol.mutate({ sessionId: r.nextSessionId, workerIds: self ? [] : [workerId] }, {
      onSuccess: (res) => void message.success(t('training.track.enrolledOk', {
        outcome: t(`training.outcome.${res.results[0]?.outcome ?? 'refused'}` as TrainingMessageKey),
      })),
      onError: (e) => report(e),
    });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('training.track.progress', { year: compliance.year, done: compliance.hoursDone, required: compliance.hoursRequired })}>
        <Progress percent={percent} status={compliance.compliant ? 'success' : 'active'} aria-label={t('training.track.progress', {
          year: compliance.year, done: compliance.hoursDone, required: compliance.hoursRequired,
        })} />
        {compliance.overdueMandatory.length > 0 && (
          <Alert type="warning" showIcon title={t('training.track.overdue', { courses: compliance.overdueMandatory.map((c) => c.courseTitle).join('、') })} />
        )}
      </Card>
      <Card size="small" title={t('training.track.upcoming')}>
        <List
          dataSource={upcoming}
          locale={{ emptyText: t('training.track.none') }}
          renderItem={(e) => (
            <List.Item actions={e.attended == null ? [
              <Button key="cancel" size="small" danger onClick={() => cancel.mutate(e.id, { onError: (err) => report(err) })}>{t('training.roster.cancel')}</Button>,
            ] : []}>
              <List.Item.Meta title={e.courseTitle} description={`${when(e.startsAt)} · ${e.place}`} />
              <EnrollmentStatus enrollment={e} />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('training.track.recommended')}>
        <List
          dataSource={recommendations}
          locale={{ emptyText: t('training.track.none') }}
          renderItem={(r) => (
            <List.Item actions={[
              r.nextSessionId && (!self || r.nextSessionOpenEnrolment)
                ? <Button key="enrol" size="small" type="primary" loading={enrol.isPending} onClick={() => enrolIn(r)}>{t('training.track.enrol')}</Button>
                : <Typography.Text key="none" type="secondary">{t('training.track.noSession')}</Typography.Text>,
            ]}>
              <List.Item.Meta
                title={<Space wrap>{r.courseTitle}<Tag color={r.reason === 'gap' ? 'purple' : r.reason === 'mandatory' ? 'red' : 'blue'}>
                  {t(`training.reason.${r.reason}` as TrainingMessageKey)}</Tag></Space>}
                description={`${r.why}${r.nextSessionStartsAt ? ` · ${when(r.nextSessionStartsAt)}` : ''}`}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={t('training.track.certificates')}>
        <CertificateTable rows={certificates} loading={false} />
      </Card>
      <Card size="small" title={t('training.track.completed')}>
        <List
          dataSource={completed}
          locale={{ emptyText: t('training.track.none') }}
          renderItem={(e) => (
            <List.Item>
              <List.Item.Meta title={e.courseTitle} description={e.completedOn} />
              <EnrollmentStatus enrollment={e} />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

/** The worker's own track on 'my profile'. */
export function MyTrainingSection() {
  const t = useT();
  const me = useMyWorkerId();
  if (!me.data) return null;
  return (
    <section aria-label={t('training.track.title')}>
      <Typography.Title level={4}>{t('training.track.title')}</Typography.Title>
      <TrainingTrack workerId={me.data} self />
    </section>
  );
}

export default MyTrainingSection;
