import { Alert, Button, Card, Col, Row, Spin, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useT } from '../../app/i18n';
import { ResponsiveTable } from '../../app/ResponsiveTable';
import { useNorms, type NormLine } from './hooks';

export const statusColour: Record<string, string> = { short: 'red', over: 'orange', ok: 'green', unknown: 'default' };

function gapText(gap: number | null | undefined): string {
  return gap === null || gap === undefined ? '—' : gap > 0 ? `+${gap}` : String(gap);
}

/** Every unit against its norm: the tree coloured by standing (subtree figures) and the list of the most short units. */
export function NormsTab({ unitId, onOpen }: { unitId: string; onOpen: (id: string) => void }) {
  const t = useT();
  const norms = useNorms(unitId);
  if (norms.isError) return <Alert type="error" showIcon message={String(norms.error)} />;
  if (!norms.data) return <Spin />;
  const { lines, ranking, rule } = norms.data;
  const status = (s: string) => t(`insights.status.${s}` as 'insights.status.short');
  const children = new Map<string, NormLine[]>();
  for (const l of lines) {
    if (l.parentId) children.set(l.parentId, [...(children.get(l.parentId) ?? []), l]);
  }
  const node = (l: NormLine): DataNode => ({
    key: l.id,
    title: (
      <span>
        {l.name} <Tag color={statusColour[l.subtreeStatus]}>{status(l.subtreeStatus)} {gapText(l.subtreeGap)}</Tag>
        <Typography.Text type="secondary">{t('insights.norms.filled')} {l.subtreeFilled} / {t('insights.norms.norm')} {l.subtreeNorm ?? '—'} / {t('insights.norms.quota')} {l.subtreeQuota}</Typography.Text>
      </span>
    ),
    children: (children.get(l.id) ?? []).map(node),
  });
  const root = lines.find((l) => l.id === unitId);
  const byId = new Map(lines.map((l) => [l.id, l]));
  const ranked = ranking.map((id) => byId.get(id)).filter((l): l is NormLine => l !== undefined);
  const ruleText = rule.method === 'households'
    ? t('insights.norms.rule.households', { base: rule.baseHouseholds, staff: rule.baseStaff })
    : t('insights.norms.rule.population', { n: rule.perTenThousandResidents });
  return (
    <Row gutter={[12, 12]}>
      <Col span={24}><Typography.Text type="secondary">{t('insights.norms.rule', { rule: ruleText })}</Typography.Text></Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('insights.norms.tree')}>
          {root && <Tree aria-label={t('insights.norms.tree')} treeData={[node(root)]} defaultExpandedKeys={[root.id]} selectable onSelect={(keys) => keys[0] && onOpen(String(keys[0]))} />}
        </Card>
      </Col>
      <Col xs={24} lg={12}>
        <Card size="small" title={t('insights.norms.ranked')}>
          <ResponsiveTable<NormLine>
            aria-label={t('insights.norms.ranked')}
            rowKey="id"
            size="small"
            dataSource={ranked}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            columns={[
              { title: t('insights.unit'), dataIndex: 'name', cardTitle: true, render: (v: string, l: NormLine) => <Button type="link" size="small" onClick={() => onOpen(l.id)}>{v}</Button> },
              { title: t('insights.norms.quota'), dataIndex: 'quota' },
              { title: t('insights.norms.filled'), dataIndex: 'filled' },
              { title: t('insights.norms.norm'), dataIndex: 'norm' },
              { title: t('insights.norms.gap'), dataIndex: 'gap', render: (v: number | null, l: NormLine) => <Tag color={statusColour[l.status]}>{status(l.status)} {gapText(v)}</Tag> },
            ]}
          />
        </Card>
      </Col>
    </Row>
  );
}
