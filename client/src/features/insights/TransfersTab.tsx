import { Alert, App, Button, Collapse, Space, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useT } from '../../app/i18n';
import { useReportError } from '../../app/problems';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import { useFileRotation, useTransfers, type TransferSuggestion, type UnitRef } from './hooks';
import type { InsightsMessageKey } from './i18n.zh-CN';

function tomorrow(): string {
  const d = new Date(Date.now() + 8 * 3600_000 + 86_400_000);
  return d.toISOString().slice(0, 10);
}

/** The solver's moves for a street or a district, each explained; HR files one as a rotation request in one click. */
export function TransfersTab({ unit }: { unit: UnitRef }) {
  const t = useT();
  const { message } = App.useApp();
  const report = useReportError();
  const allowed = unit.level === 'street' || unit.level === 'district';
  const plan = useTransfers(allowed ? unit.id : undefined);
  const file = useFileRotation();
  const [filed, setFiled] = useState<ReadonlySet<string>>(new Set());
  if (!allowed) return <Alert type="info" showIcon message={t('insights.transfers.pick')} />;
  if (plan.isError) return <Alert type="error" showIcon message={String(plan.error)} />;
  if (!plan.data) return <Spin />;
  const p = plan.data;
  const request = (s: TransferSuggestion) =>
    file.mutate(
      {
        body: {
          workerId: s.workerId, fromPostingId: s.fromPostingId, toPostId: s.toPostId, proposedOn: tomorrow(),
          reason: t('insights.transfers.reason', { from: s.fromUnitName, to: s.toUnitName }),
        },
      },
      {
        onSuccess: () => { setFiled(new Set([...filed, s.fromPostingId])); void message.success(t('insights.transfers.filed')); },
        onError: (e) => report(e),
      },
    );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type={p.suggestions.length > 0 ? 'warning' : 'success'} showIcon
        message={t('insights.transfers.summary', { short: p.shortBefore, surplus: p.surplusBefore, after: p.shortAfter })} />
      <Collapse size="small" items={[{ key: 'm', label: t('insights.transfers.method'), children: <Typography.Paragraph>{p.method.solver} — {p.method.description} ({p.method.status}, {p.method.nodes} nodes, {p.method.arcs} arcs)</Typography.Paragraph> }]} />
      {p.suggestions.length === 0 ? (
        <Typography.Text>{t('insights.transfers.none')}</Typography.Text>
      ) : (
        <ResponsiveTable<TransferSuggestion>
          aria-label={t('insights.tab.transfers')}
          rowKey="fromPostingId"
          size="small"
          dataSource={p.suggestions}
          pagination={{ pageSize: 20, showSizeChanger: false }}
          columns={[
            { title: t('insights.transfers.worker'), dataIndex: 'workerName', cardTitle: true, render: (v: string, s: TransferSuggestion) => `${v}（${s.staffNo}）` },
            { title: t('insights.transfers.from'), dataIndex: 'fromUnitName', render: (v: string, s: TransferSuggestion) => `${t('insights.transfers.fromDetail', { unit: v, filled: s.fromFilled, norm: s.fromNorm })} · ${s.fromPostTitle}` },
            { title: t('insights.transfers.to'), dataIndex: 'toUnitName', render: (v: string, s: TransferSuggestion) => `${t('insights.transfers.fromDetail', { unit: v, filled: s.toFilled, norm: s.toNorm })} · ${s.toPostTitle}` },
            {
              title: t('insights.transfers.why'), dataIndex: 'reasons',
              render: (reasons: string[], s: TransferSuggestion) => (
                <Space size={4} wrap>{reasons.map((r) => <Tag key={r}>{t(`insights.reason.${r}` as InsightsMessageKey, { years: s.yearsInPost })}</Tag>)}</Space>
              ),
            },
            {
              title: t('insights.transfers.file'), key: 'file', cardActions: true,
              render: (_: unknown, s: TransferSuggestion) => filed.has(s.fromPostingId)
                ? <Tag color="green">{t('insights.transfers.filed')}</Tag>
                : <Button size="small" type="primary" loading={file.isPending} onClick={() => request(s)} aria-label={`${t('insights.transfers.file')} ${s.workerName}`}>{t('insights.transfers.file')}</Button>,
            },
          ]}
        />
      )}
    </Space>
  );
}
