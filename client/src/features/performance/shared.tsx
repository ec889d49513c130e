import { Table, Tag } from 'antd';
import type { Schemas } from '../../api/types';
import { useT } from '../../app/i18n';

const gradeColors: Record<string, string> = { excellent: 'gold', competent: 'green', basic: 'orange', incompetent: 'red' };
export const gradeCodes = ['excellent', 'competent', 'basic', 'incompetent'] as const;

export function GradeTag({ grade }: { grade: string | null | undefined }) {
  const t = useT();
  if (!grade) return <span>—</span>;
  return <Tag color={gradeColors[grade]}>{t(`performance.grade.${grade}` as 'performance.grade.excellent')}</Tag>;
}

/** The explanation of a score: each part's value, weight and contribution. */
export function PartsTable({ parts }: { parts: readonly Schemas['ScorePart'][] }) {
  const t = useT();
  return (
    <Table<Schemas['ScorePart']>
      size="small"
      rowKey="code"
      pagination={false}
      dataSource={[...parts]}
      aria-label={t('performance.parts.part')}
      scroll={{ x: true }}
      columns={[
        { title: t('performance.parts.part'), dataIndex: 'name' },
        { title: t('performance.parts.value'), dataIndex: 'value' },
        { title: t('performance.parts.weight'), render: (_, p) => `${p.effectiveWeight}%` },
        { title: t('performance.parts.contribution'), dataIndex: 'contribution' },
        { title: t('performance.parts.note'), dataIndex: 'note' },
      ]}
    />
  );
}

export const yuan = (fen: number) => (fen / 100).toFixed(2);
