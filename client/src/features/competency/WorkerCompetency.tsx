import { Card, Col, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { AssessmentForm } from './AssessmentForm';
import { CompetencyRadar } from './charts';
import { useAssessment, useAssessments, useCertifications, useWorkerCompetency } from './hooks';
import { useBilingual, useCt } from './i18n';

/** A worker's competency profile: radar against the post's requirement, the gaps, the 全岗通 lines. */
export function WorkerCompetencyTab({ workerId }: { workerId: string }) {
  const ct = useCt();
  const name = useBilingual();
  const profile = useWorkerCompetency(workerId);
  const certifications = useCertifications(workerId);
  const data = profile.data;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={14}>
        <Card title={ct('competency.my.radar')} loading={profile.isLoading}>
          {data && data.items.length > 0 ? (
            <>
              {data.fitScore != null && <Tag color="blue">{ct('competency.my.fit', { fit: data.fitScore })}</Tag>}
              <CompetencyRadar
                label={ct('competency.my.radar')}
                requiredLabel={ct('competency.my.required')}
                assessedLabel={ct('competency.my.assessed')}
                items={data.items.map((i) => ({ name: name(i), required: i.requiredLevel, assessed: i.assessedLevel }))}
              />
            </>
          ) : (
            <Empty description={ct('competency.my.none')} />
          )}
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Card title={ct('competency.my.gaps')}>
            {data && data.items.length > 0 && data.gaps.length === 0 && <Typography.Text type="success">{ct('competency.my.noGaps')}</Typography.Text>}
            <List
              dataSource={data?.gaps ?? []}
              renderItem={(g) => (
                <List.Item>
                  <Space wrap>
                    <Typography.Text>{name(g)}</Typography.Text>
                    <Tag color="red">{ct('competency.gap', { n: g.gap })}</Tag>
                    <Typography.Text type="secondary">{`${g.assessedLevel} / ${g.requiredLevel}`}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </Card>
          <Card title={ct('competency.my.lines')} loading={certifications.isLoading}>
            {(certifications.data?.items.length ?? 0) === 0 ? (
              <Typography.Text type="secondary">{ct('competency.my.noLines')}</Typography.Text>
            ) : (
              <Space wrap>
                {certifications.data?.items.map((c) => (
                  <Tag key={c.id} color={c.valid ? 'green' : 'default'}>
                    {`${name({ nameZh: c.lineNameZh, nameEn: c.lineNameEn })} · ${c.valid ? ct('competency.my.valid') : ct('competency.my.lapsed')} · ${c.expiresOn}`}
                  </Tag>
                ))}
              </Space>
            )}
          </Card>
        </Space>
      </Col>
    </Row>
  );
}

/** The worker's own page: self-assessments waiting, then their competency profile. */
export function MyCompetencyPage() {
  const ct = useCt();
  const { me } = useCurrentUser();
  const workerId = me.workerId ?? undefined;
  const waiting = useAssessments({ waiting: 'self' }, workerId !== undefined);
  const first = waiting.data?.items[0]?.id;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      {first && (
        <Card title={`${ct('competency.my.todo')}：${waiting.data?.items[0]?.campaignName ?? ''}`}>
          <SelfAssessment id={first} />
        </Card>
      )}
      {workerId ? <WorkerCompetencyTab workerId={workerId} /> : <Empty />}
    </Space>
  );
}

function SelfAssessment({ id }: { id: string }) {
  const assessment = useAssessment(id);
  if (!assessment.data) return <Card loading />;
  return <AssessmentForm key={`${id}-${assessment.data.assessment.version}`} assessment={assessment.data} who="self" />;
}
