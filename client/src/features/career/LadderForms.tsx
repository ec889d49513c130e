import { Button, Col, DatePicker, Divider, Form, Input, InputNumber, Row, Select, Switch, Table, Tag, Typography, type FormInstance } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../../api/problem';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { useSaveLadder, useSaveStage, useStages, type Ladder, type Stage } from './hooks';

/** Puts a problem's field errors on the form, nested names included (<c>bands[0].minLevel</c>, <c>criteria.recentYears</c>). */
function useFieldErrors(form: FormInstance) {
  const report = useReportError();
  return (error: unknown) => {
    const errors = error instanceof ApiError ? error.problem?.errors : undefined;
    if (!errors || Object.keys(errors).length === 0) {
      report(error);
      return;
    }
    form.setFields(Object.entries(errors).map(([key, messages]) => ({
      name: key.split(/[.[\]]/).filter(Boolean).map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      errors: messages,
    })));
  };
}

const grades = ['excellent', 'competent', 'basic'] as const;
type LadderValues = Omit<Ladder, 'effectiveFrom'> & { effectiveFrom: Dayjs };

/** 等级序列配置 — HR edits the ladder applying from a date: a new date adds a version, the date in force updates it. */
export function LadderForm({ ladder, onClose }: { ladder: Ladder; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<LadderValues>();
  const save = useSaveLadder();
  const onError = useFieldErrors(form);
  const gradeLabel = (g: string) => t(`career.ladderForm.grade.${g === 'excellent' ? 'excellent' : g === 'competent' ? 'competent' : 'basic'}`);
  return (
    <FormModal title={t('career.ladderForm.title')} okText={t('career.reserve.save')} loading={save.isPending} form={form} onClose={onClose} width={760}>
      <Form form={form} layout="vertical" initialValues={{ ...ladder, effectiveFrom: dayjs(ladder.effectiveFrom) }}
        onFinish={(v) => {
          const effectiveFrom = v.effectiveFrom.format('YYYY-MM-DD');
          save.mutate({ ...ladder, ...v, effectiveFrom, version: effectiveFrom === ladder.effectiveFrom ? ladder.version : 0 }, { onSuccess: onClose, onError });
        }}>
        <Row gutter={12}>
          <Col xs={24} sm={12}>
            <Form.Item name="effectiveFrom" label={t('career.ladderForm.effectiveFrom')} extra={t('career.ladderForm.effectiveHint')}
              rules={[{ required: true, message: t('career.reserve.required') }]}><DatePicker /></Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item name="stepYears" label={t('career.ladderForm.stepYears')}><InputNumber min={1} max={10} /></Form.Item>
          </Col>
        </Row>
        <Form.Item name="countedGrades" label={t('career.ladderForm.countedGrades')}>
          <Select mode="multiple" options={grades.map((g) => ({ value: g, label: gradeLabel(g) }))} />
        </Form.Item>
        <Row gutter={12}>
          <Col xs={12} sm={6}><Form.Item name="incompetentYearCounts" label={t('career.ladderForm.incompetentCounts')} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col xs={12} sm={6}><Form.Item name="ungradedYearCounts" label={t('career.ladderForm.ungradedCounts')} valuePropName="checked"><Switch /></Form.Item></Col>
          <Col xs={12} sm={6}><Form.Item name="earlyStepConsecutiveExcellent" label={t('career.ladderForm.earlyConsecutive')}><InputNumber min={0} max={10} /></Form.Item></Col>
          <Col xs={12} sm={6}><Form.Item name="earlyStepCareerCap" label={t('career.ladderForm.earlyCap')}><InputNumber min={0} max={10} /></Form.Item></Col>
        </Row>
        <Divider titlePlacement="start">{t('career.ladderForm.bonuses')}</Divider>
        <Row gutter={12}>
          {(['bachelorBonus', 'masterBonus', 'doctorateBonus', 'assistantCertificateBonus', 'intermediateCertificateBonus', 'seniorCertificateBonus'] as const).map((f) => (
            <Col xs={12} sm={8} key={f}>
              <Form.Item name={f} label={t(`career.ladderForm.${f}`)}><InputNumber min={0} max={5} /></Form.Item>
            </Col>
          ))}
        </Row>
        <Divider titlePlacement="start">{t('career.ladder.band')}</Divider>
        <Form.List name="bands">
          {(fields) => fields.map((field) => (
            <Row gutter={12} key={field.key}>
              <Col xs={24} sm={8}>
                <Form.Item name={[field.name, 'nameZh']} label={t('career.ladderForm.bandName')} rules={[{ required: true, message: t('career.reserve.required') }]}>
                  <Input maxLength={40} />
                </Form.Item>
              </Col>
              <Col xs={12} sm={8}><Form.Item name={[field.name, 'minLevel']} label={t('career.ladderForm.minLevel')}><InputNumber min={1} max={30} /></Form.Item></Col>
              <Col xs={12} sm={8}><Form.Item name={[field.name, 'maxLevel']} label={t('career.ladderForm.maxLevel')}><InputNumber min={1} max={30} /></Form.Item></Col>
            </Row>
          ))}
        </Form.List>
        <Divider titlePlacement="start">{t('career.ladder.coefficients')}</Divider>
        <Form.List name="coefficients">
          {(fields) => (
            <Row gutter={12}>
              {fields.map((field, i) => (
                <Col xs={12} sm={6} key={field.key}>
                  <Form.Item name={[field.name, 'coefficient']} label={t('career.ladderForm.levelCoefficient', { level: i + 1 })}>
                    <InputNumber min={0.01} max={20} step={0.05} />
                  </Form.Item>
                </Col>
              ))}
            </Row>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}

type StageValues = Pick<Stage, 'nameZh' | 'nameEn' | 'sortOrder' | 'criteria'>;

/** A stage's criteria (data HR edits, not code): years, appraisal grades, training, certificate, age. */
function StageForm({ stage, onClose }: { stage: Stage; onClose: () => void }) {
  const t = useT();
  const [form] = Form.useForm<StageValues>();
  const save = useSaveStage();
  const onError = useFieldErrors(form);
  const number = (name: keyof Stage['criteria'], label: string, max: number) => (
    <Col xs={12} sm={8}>
      <Form.Item name={['criteria', name]} label={label}><InputNumber min={0} max={max} /></Form.Item>
    </Col>
  );
  return (
    <FormModal title={`${t('career.stageForm.title')} · ${stage.nameZh}`} okText={t('career.reserve.save')} loading={save.isPending} form={form} onClose={onClose} width={720}>
      <Form form={form} layout="vertical" initialValues={stage}
        onFinish={(v) => save.mutate({
          code: stage.code,
          body: { track: stage.track, postType: stage.postType, nameZh: v.nameZh, nameEn: v.nameEn, sortOrder: v.sortOrder, criteria: { ...stage.criteria, ...v.criteria }, version: stage.version },
        }, { onSuccess: onClose, onError })}>
        <Row gutter={12}>
          <Col xs={24} sm={10}><Form.Item name="nameZh" label={t('career.stageForm.nameZh')} rules={[{ required: true, message: t('career.reserve.required') }]}><Input maxLength={60} /></Form.Item></Col>
          <Col xs={24} sm={10}><Form.Item name="nameEn" label={t('career.stageForm.nameEn')} rules={[{ required: true, message: t('career.reserve.required') }]}><Input maxLength={60} /></Form.Item></Col>
          <Col xs={24} sm={4}><Form.Item name="sortOrder" label={t('career.stageForm.sortOrder')}><InputNumber min={0} max={1000} /></Form.Item></Col>
        </Row>
        <Row gutter={12}>
          {number('minYearsInGrade', t('career.criterion.yearsInGrade'), 40)}
          {number('minYearsInCommunityWork', t('career.criterion.yearsInCommunityWork'), 50)}
          {number('minLevel', t('career.criterion.level'), 30)}
          {number('recentYears', t('career.stageForm.recentYears'), 10)}
          {number('minExcellent', t('career.criterion.recentExcellent'), 10)}
          {number('minTrainingHours', t('career.criterion.trainingHours'), 500)}
          {number('maxAge', t('career.criterion.age'), 70)}
          <Col xs={12} sm={8}>
            <Form.Item name={['criteria', 'lowestGrade']} label={t('career.criterion.recentGrades')}>
              <Select allowClear options={['excellent', 'competent', 'basic'].map((g) => ({ value: g, label: t(`career.ladderForm.grade.${g === 'excellent' ? 'excellent' : g === 'competent' ? 'competent' : 'basic'}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name={['criteria', 'socialWorkLevel']} label={t('career.criterion.certificate')}>
              <Select allowClear options={(['assistant', 'intermediate', 'senior'] as const).map((l) => ({ value: l, label: t(`career.stageForm.sw.${l}`) }))} />
            </Form.Item>
          </Col>
          <Col xs={12} sm={8}>
            <Form.Item name={['criteria', 'mandatoryCompliance']} label={t('career.criterion.mandatoryCompliance')} valuePropName="checked"><Switch /></Form.Item>
          </Col>
        </Row>
        {stage.criteria.competencies.length > 0 && (
          <Typography.Text type="secondary">
            {t('career.stageForm.competencies')}：{stage.criteria.competencies.map((c) => `${c.code} ≥ ${c.minLevel}`).join('、')}
          </Typography.Text>
        )}
      </Form>
    </FormModal>
  );
}

/** The track stages with their criteria in short; HR opens a stage to edit its criteria. */
export function StageList({ canEdit }: { canEdit: boolean }) {
  const t = useT();
  const stages = useStages();
  const [editing, setEditing] = useState<Stage>();
  return (
    <>
      <Table<Stage> size="small" rowKey="code" pagination={false} aria-label={t('career.stageForm.list')} dataSource={stages.data ?? []} scroll={{ x: true }}
        columns={[
          { title: t('career.eligible.stage'), dataIndex: 'nameZh' },
          { title: t('career.stageForm.summary'), dataIndex: 'criteria', render: (_, s) => (
            <>
              {s.criteria.minYearsInGrade != null && <Tag>{t('career.criterion.yearsInGrade')} ≥ {s.criteria.minYearsInGrade}</Tag>}
              {s.criteria.minTrainingHours != null && <Tag>{t('career.criterion.trainingHours')} ≥ {s.criteria.minTrainingHours}</Tag>}
              {s.criteria.minExcellent != null && <Tag>{t('career.criterion.recentExcellent')} ≥ {s.criteria.minExcellent}</Tag>}
              {s.criteria.maxAge != null && <Tag>{t('career.criterion.age')} ≤ {s.criteria.maxAge}</Tag>}
            </>
          ) },
          ...(canEdit ? [{
            title: t('career.reserve.actions'), dataIndex: 'code', render: (_: unknown, s: Stage) => (
              <Button size="small" onClick={() => setEditing(s)} aria-label={`${t('career.stageForm.edit')} ${s.nameZh}`}>{t('career.stageForm.edit')}</Button>
            ),
          }] : []),
        ]} />
      {editing && <StageForm stage={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}
