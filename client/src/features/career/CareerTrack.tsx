import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Card, Collapse, Descriptions, List, Space, Spin, Tag, Typography } from 'antd';
import { useT, useLocale } from '../../app/i18n';
import { useEligibility, useGrades, useMyWorkerId, type Eligibility } from './hooks';
import type { CareerMessageKey } from './i18n.zh-CN';
import { NextStepCard } from './NextStep';

export function postTypeKey(postType: string | null | undefined): CareerMessageKey {
  return postType === 'head' ? 'career.postType.head' : postType === 'deputy' ? 'career.postType.deputy' : 'career.postType.staff';
}

const criterionKeys: Record<string, CareerMessageKey> = {
  yearsInGrade: 'career.criterion.yearsInGrade',
  yearsInCommunityWork: 'career.criterion.yearsInCommunityWork',
  level: 'career.criterion.level',
  recentExcellent: 'career.criterion.recentExcellent',
  recentGrades: 'career.criterion.recentGrades',
  trainingHours: 'career.criterion.trainingHours',
  mandatoryCompliance: 'career.criterion.mandatoryCompliance',
  certificate: 'career.criterion.certificate',
  age: 'career.criterion.age',
};

function criterionLabel(t: ReturnType<typeof useT>, code: string): string {
  if (code.startsWith('competency:')) return t('career.criterion.competency', { code: code.slice('competency:'.length) });
  const key = criterionKeys[code];
  return key ? t(key) : code;
}

function StageCard({ stage }: { stage: Eligibility }) {
  const t = useT();
  const [locale] = useLocale();
  const missing = stage.criteria.filter((c) => !c.met);
  return (
    <List
      size="small"
      dataSource={stage.criteria}
      renderItem={(c) => (
        <List.Item>
          <Space align="start">
            {c.met
              ? <CheckCircleTwoTone twoToneColor="#52c41a" aria-label={t('career.path.met')} />
              : <CloseCircleTwoTone twoToneColor="#ff4d4f" aria-label={t('career.path.missing')} />}
            <Typography.Text>{c.met
              ? t('career.criterion.met', { criterion: criterionLabel(t, c.code), actual: c.actual, required: c.required })
              : (locale === 'en' ? c.missingEn : c.missingZh)}</Typography.Text>
          </Space>
        </List.Item>
      )}
      footer={missing.length > 0 ? <Typography.Text type="secondary">{t('career.path.notEligible', { count: missing.length })}</Typography.Text> : null}
    />
  );
}

/**
 * 我的职业发展 — the grade in force with its band and pay coefficient, when the next step is due and why, the path ahead
 * (each stage's criteria met or not, with what is missing), and the grade history. The worker's own page and the 职业发展
 * tab of a worker's profile.
 */
export function CareerTrack({ workerId, self = false }: { workerId: string; self?: boolean }) {
  const t = useT();
  const grades = useGrades(workerId);
  const eligibility = useEligibility(workerId);
  if (grades.isLoading || !grades.data) return <Spin />;
  const g = grades.data;
  const current = g.current;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Card size="small" title={t('career.grade.current')}>
        {current ? (
          <Descriptions column={{ xs: 1, sm: 2 }} size="small">
            <Descriptions.Item label={t('career.grade.current')}>
              <Typography.Text strong>{t('career.grade.level', { postType: t(postTypeKey(current.postType)), level: current.level })}</Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('career.grade.from')}>{current.fromDate}</Descriptions.Item>
            <Descriptions.Item label={t('career.ladder.band')}>{t('career.grade.band', { min: g.bandMin ?? '—', max: g.bandMax ?? '—' })}</Descriptions.Item>
            <Descriptions.Item label={t('career.ladder.coefficients')}>{t('career.grade.coefficient', { value: g.coefficient ?? '—' })}</Descriptions.Item>
            {g.nextStep && (
              <Descriptions.Item label={t('career.grade.next')} span={2}>
                <Space direction="vertical" size={0}>
                  <Typography.Text>{g.nextStep.explanation}</Typography.Text>
                  {g.nextStep.nextDueOn && <Typography.Text type="secondary">{t('career.grade.nextDue', { date: g.nextStep.nextDueOn })}</Typography.Text>}
                </Space>
              </Descriptions.Item>
            )}
          </Descriptions>
        ) : <Typography.Text type="secondary">{t('career.grade.none')}</Typography.Text>}
      </Card>
      {self && <NextStepCard workerId={workerId} />}
      <Card size="small" title={t('career.path.title')}>
        {eligibility.isLoading ? <Spin /> : (
          <Collapse
            items={(eligibility.data ?? []).map((s) => ({
              key: s.stageCode,
              label: (
                <Space wrap>
                  <Typography.Text strong>{s.stageNameZh}</Typography.Text>
                  {s.eligible
                    ? <Tag color="green">{t('career.path.eligible')}</Tag>
                    : <Tag color="orange">{t('career.path.notEligible', { count: s.criteria.length - s.metCount })}</Tag>}
                </Space>
              ),
              children: <StageCard stage={s} />,
            }))}
          />
        )}
      </Card>
      <Card size="small" title={t('career.grade.history')}>
        <List
          size="small"
          dataSource={g.history}
          renderItem={(h) => (
            <List.Item>
              <List.Item.Meta
                title={t('career.grade.level', { postType: t(postTypeKey(h.postType)), level: h.level })}
                description={`${h.fromDate} · ${h.reason}`}
              />
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}

/** The worker's own section of 我的档案. */
export default function MyCareer() {
  const t = useT();
  const me = useMyWorkerId();
  if (!me.data) return <Spin />;
  return (
    <Card title={t('career.my.title')}>
      <CareerTrack workerId={me.data} self />
    </Card>
  );
}
