import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Select, Space, Tag, Typography } from 'antd';
import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError } from '../../api/problem';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { FormModal } from '../../app/FormModal';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { noWrap, ResponsiveTable } from '../../app/ResponsiveTable';
import {
  type CalendarDay, type CalendarYear, useCalendarYear, useCalendarYears, useMissingCalendarYears, usePutCalendarYear,
} from './hooks';
import { listFieldErrors } from './listProblems';
import { type DayRow, parseScheduleLines } from './scheduleLines';

const thisYear = () => new Date().getFullYear();
const weekdayKeys = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
const weekdayOf = (day: string) => weekdayKeys[new Date(`${day}T00:00:00Z`).getUTCDay()];

type YearForm = { year: number; source: string; days: DayRow[]; paste?: string };

/** 节假日安排: each year's public holidays and make-up working days (调休) that working-day deadlines count on; HR loads a year. */
export function CalendarPage() {
  const t = useT();
  const { role } = useCurrentUser();
  const canLoad = role === 'hr' || role === 'admin';
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year')) || thisYear();
  const years = useCalendarYears();
  const missing = useMissingCalendarYears();
  const schedule = useCalendarYear(year);
  const [editing, setEditing] = useState<{ year: number; current: CalendarYear | null } | null>(null);
  const title = t('performance.calendar.title');
  const missingYears = (missing.data?.items ?? []).map((m) => m.year);
  const options = [...new Set([...(years.data ?? []).map((y) => y.year), ...missingYears, year])].sort((a, b) => a - b);
  const days = schedule.data?.days ?? [];
  return (
    <Card
      title={<Typography.Title level={4} style={{ margin: 0 }}>{title}</Typography.Title>}
      extra={
        canLoad && (
          <Button type="primary" onClick={() => setEditing({ year, current: schedule.data ?? null })} disabled={schedule.isLoading}>
            {schedule.data ? t('performance.calendar.replace', { year }) : t('performance.calendar.load', { year })}
          </Button>
        )
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {missingYears.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={t('performance.calendar.missing', { years: missingYears.join(t('performance.calendar.separator')) })}
            action={
              canLoad && (
                <Button size="small" onClick={() => setEditing({ year: missingYears[0], current: null })}>
                  {t('performance.calendar.load', { year: missingYears[0] })}
                </Button>
              )
            }
          />
        )}
        <Space wrap>
          <label htmlFor="calendar-year">{t('performance.calendar.year')}</label>
          <Select
            id="calendar-year"
            style={{ width: 120 }}
            value={year}
            onChange={(y) => setParams({ year: String(y) }, { replace: true })}
            options={options.map((y) => ({
              value: y,
              label: missingYears.includes(y) || !(years.data ?? []).some((l) => l.year === y) ? `${y} ${t('performance.calendar.notLoaded')}` : String(y),
            }))}
          />
        </Space>
        {schedule.data === null && <Alert type="info" showIcon title={t('performance.calendar.none', { year })} />}
        {schedule.data && (
          <Descriptions size="small" column={{ xs: 1, sm: 3 }}>
            <Descriptions.Item label={t('performance.calendar.source')}>{schedule.data.source}</Descriptions.Item>
            <Descriptions.Item label={t('performance.calendar.holidays')}>{days.filter((d) => d.kind === 'holiday').length}</Descriptions.Item>
            <Descriptions.Item label={t('performance.calendar.workdays')}>{days.filter((d) => d.kind === 'workday').length}</Descriptions.Item>
          </Descriptions>
        )}
        {schedule.data && (
          <ResponsiveTable<CalendarDay>
            rowKey="day"
            size="small"
            loading={schedule.isFetching}
            dataSource={[...days]}
            aria-label={t('performance.calendar.days', { year })}
            pagination={false}
            columns={[
              { title: t('performance.calendar.day'), dataIndex: 'day', cardTitle: true, ...noWrap },
              { title: t('performance.calendar.weekday'), render: (_, d) => t(`performance.calendar.wd.${weekdayOf(d.day)}`), ...noWrap },
              {
                title: t('performance.calendar.kind'),
                render: (_, d) => (
                  <Tag color={d.kind === 'holiday' ? 'red' : 'blue'}>{t(d.kind === 'holiday' ? 'performance.calendar.holiday' : 'performance.calendar.workday')}</Tag>
                ),
              },
              { title: t('performance.calendar.name'), dataIndex: 'name' },
            ]}
          />
        )}
      </Space>
      {editing && (
        <YearModal
          year={editing.year}
          current={editing.current}
          onClose={(saved) => {
            setEditing(null);
            if (saved) setParams({ year: String(saved) }, { replace: true });
          }}
        />
      )}
    </Card>
  );
}

function YearModal({ year, current, onClose }: { year: number; current: CalendarYear | null; onClose: (saved?: number) => void }) {
  const t = useT();
  const [form] = Form.useForm<YearForm>();
  const put = usePutCalendarYear();
  const report = useReportError();
  const onError = (error: unknown, f: FormInstance<YearForm>) => {
    if (error instanceof ApiError && error.problem?.errors) {
      const mapped = listFieldErrors(error.problem, ['year', 'source', 'days'], { days: ['day', 'kind', 'name'] });
      // antd's setFields takes the nested name paths of Form.List rows.
      f.setFields(mapped.fields.map((x) => ({ name: x.name as never, errors: x.errors })));
      if (mapped.unmatched.length === 0) return;
    }
    report(error);
  };
  return (
    <FormModal
      title={current ? t('performance.calendar.replace', { year }) : t('performance.calendar.load', { year })}
      okText={t('common.save')}
      loading={put.isPending}
      form={form}
      onClose={() => onClose()}
      width={760}
    >
      <Form<YearForm>
        form={form}
        layout="vertical"
        initialValues={{
          year,
          source: current?.source ?? t('performance.calendar.defaultSource', { year }),
          days: (current?.days ?? []).map((d) => ({ day: d.day, kind: d.kind, name: d.name })),
        }}
        onFinish={(v) =>
          put.mutate(
            { year: v.year, source: v.source, days: (v.days ?? []).map((d) => ({ ...d, name: d.name ?? '' })), version: current?.version },
            { onSuccess: (saved) => onClose(saved.year), onError: (e) => onError(e, form) },
          )
        }
      >
        <Form.Item name="year" label={t('performance.calendar.year')} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} disabled={current !== null} />
        </Form.Item>
        <Form.Item name="source" label={t('performance.calendar.source')} rules={[{ required: true }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="paste" label={t('performance.calendar.paste')} extra={t('performance.calendar.pasteHint')}>
          <Input.TextArea rows={3} placeholder={t('performance.calendar.pastePlaceholder', { year })} />
        </Form.Item>
        <Button
          style={{ marginBottom: 16 }}
          onClick={() => {
            const rows = parseScheduleLines(form.getFieldValue('paste') ?? '');
            form.setFieldsValue({ days: [...(form.getFieldValue('days') ?? []), ...rows], paste: '' });
          }}
        >
          {t('performance.calendar.addPasted')}
        </Button>
        <Form.List name="days">
          {(fields, { add, remove }, { errors }) => (
            <>
              {fields.map((field, index) => (
                <Space key={field.key} wrap align="start" style={{ display: 'flex' }}>
                  <Form.Item name={[field.name, 'day']} label={t('performance.calendar.rowDay', { n: index + 1 })} rules={[{ required: true }]}>
                    <Input placeholder={`${year}-01-01`} style={{ width: 130 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, 'kind']} label={t('performance.calendar.rowKind', { n: index + 1 })} rules={[{ required: true }]}>
                    <Select
                      style={{ width: 130 }}
                      options={[
                        { value: 'holiday', label: t('performance.calendar.holiday') },
                        { value: 'workday', label: t('performance.calendar.workday') },
                      ]}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, 'name']} label={t('performance.calendar.rowName', { n: index + 1 })} rules={[{ required: true }]}>
                    <Input maxLength={50} style={{ width: 160 }} />
                  </Form.Item>
                  <Button
                    style={{ marginTop: 30 }}
                    aria-label={t('performance.calendar.removeRow', { n: index + 1 })}
                    onClick={() => remove(field.name)}
                  >
                    {t('performance.calendar.remove')}
                  </Button>
                </Space>
              ))}
              <Form.ErrorList errors={errors} />
              <Button onClick={() => add({ day: '', kind: 'holiday', name: '' })}>{t('performance.calendar.addRow')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}
