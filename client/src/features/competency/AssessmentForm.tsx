import { App, Button, Input, Radio, Space, Tag, Tooltip, Typography } from 'antd';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import { useState } from 'react';
import { useReportError } from '../../app/problems';
import { useAssessmentActions, type Assessment } from './hooks';
import { useBilingual, useCt } from './i18n';
import { statusColor, statusKey } from './labels';

type Score = Assessment['scores'][number];

/**
 * One assessment, competency by competency: a level 1–5 (the behavioural indicator of each level as a hint) and
 * evidence notes. `who` decides which side is edited; a finalised assessment is read-only.
 */
export function AssessmentForm({ assessment, who, canFinalise }: { assessment: Assessment; who: 'self' | 'supervisor' | 'none'; canFinalise?: boolean }) {
  const ct = useCt();
  const name = useBilingual();
  const { message } = App.useApp();
  const report = useReportError();
  const { submit, finalise } = useAssessmentActions();
  const a = assessment.assessment;
  const locked = a.status === 'finalised' || who === 'none';
  const initial = (s: Score) => (who === 'self' ? s.selfLevel : s.supervisorLevel) ?? null;
  const [levels, setLevels] = useState<Record<string, number | null>>(() =>
    Object.fromEntries(assessment.scores.map((s) => [s.competencyId, initial(s)])),
  );
  const [evidence, setEvidence] = useState<Record<string, string>>(() =>
    Object.fromEntries(assessment.scores.map((s) => [s.competencyId, (who === 'self' ? s.selfEvidence : s.supervisorEvidence) ?? ''])),
  );
  const complete = assessment.scores.every((s) => levels[s.competencyId] != null);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Text strong>{`${a.workerName}（${a.staffNo}）· ${a.orgUnitName}`}</Typography.Text>
        <Tag color={statusColor[a.status]}>{ct(statusKey(a.status))}</Tag>
        {a.fitScore != null && <Tag color="blue">{ct('competency.my.fit', { fit: a.fitScore })}</Tag>}
      </Space>
      <ResponsiveTable<Score>
        rowKey="competencyId"
        aria-label={`${ct('competency.assessment.level')}：${a.workerName}`}
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={assessment.scores}
        columns={[
          { title: ct('competency.framework.dimension'), render: (_, s) => (s.dimensionNameZh && name({ nameZh: s.dimensionNameZh, nameEn: s.dimensionNameEn })) },
          { title: ct('competency.framework.nameZh'), cardTitle: true, render: (_, s) => name(s) },
          { title: ct('competency.assessment.required'), render: (_, s) => s.requiredLevel ?? '—' },
          ...(locked
            ? [
                { title: ct('competency.assessment.selfLevel'), render: (_: unknown, s: Score) => s.selfLevel ?? '—' },
                { title: ct('competency.assessment.supervisorLevel'), render: (_: unknown, s: Score) => s.supervisorLevel ?? '—' },
                { title: ct('competency.assessment.finalLevel'), render: (_: unknown, s: Score) => s.finalLevel ?? '—' },
              ]
            : [
                {
                  title: ct('competency.assessment.level'),
                  render: (_: unknown, s: Score) => (
                    <Radio.Group
                      aria-label={`${ct('competency.assessment.level')} ${s.nameZh}`}
                      value={levels[s.competencyId]}
                      onChange={(e) => setLevels((all) => ({ ...all, [s.competencyId]: Number(e.target.value) }))}
                    >
                      {s.levels.map((l) => (
                        <Tooltip key={l.level} title={name({ nameZh: l.indicatorZh, nameEn: l.indicatorEn })}>
                          <Radio.Button value={l.level} aria-label={`${s.nameZh} ${l.level}`}>
                            {l.level}
                          </Radio.Button>
                        </Tooltip>
                      ))}
                    </Radio.Group>
                  ),
                },
                {
                  title: ct('competency.assessment.evidence'),
                  render: (_: unknown, s: Score) => (
                    <Input
                      aria-label={`${ct('competency.assessment.evidence')} ${s.nameZh}`}
                      maxLength={1000}
                      value={evidence[s.competencyId]}
                      onChange={(e) => setEvidence((all) => ({ ...all, [s.competencyId]: e.target.value }))}
                      style={{ minWidth: 180 }}
                    />
                  ),
                },
              ]),
        ]}
      />
      <Space wrap>
        {!locked && (
          <Button
            type="primary"
            disabled={!complete}
            loading={submit.isPending}
            onClick={() =>
              submit.mutate(
                {
                  id: a.id,
                  who: who === 'self' ? 'self' : 'supervisor',
                  version: a.version,
                  scores: assessment.scores.map((s) => ({ competencyId: s.competencyId, level: levels[s.competencyId], evidence: evidence[s.competencyId] || null })),
                },
                { onSuccess: () => void message.success(ct('competency.assessment.submitted')), onError: (err) => report(err) },
              )
            }
          >
            {ct(who === 'self' ? 'competency.assessment.submitSelf' : 'competency.assessment.submitSupervisor')}
          </Button>
        )}
        {canFinalise && a.status === 'open' && a.supervisorSubmittedAt && (
          <Button
            danger
            loading={finalise.isPending}
            onClick={() =>
              finalise.mutate(
                { id: a.id, version: a.version },
                { onSuccess: () => void message.success(ct('competency.assessment.finalised')), onError: (err) => report(err) },
              )
            }
          >
            {ct('competency.assessment.finalise')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
