import { failureMessage } from '../../api/problem';
import { DownOutlined } from '@ant-design/icons';
import { Button, Card, Col, Empty, List, Result, Row, Skeleton, Space, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { OrgUnitNode } from '../../api/types';
import { canEditOrgUnits } from './roles';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { useT } from '../../app/i18n';
import { useOrgTree, useOrgUnitSearch } from './hooks/orgUnits';
import { OrgUnitDetail } from './OrgUnitDetail';
import { ancestorIds, statusLabelKey } from './orgRules';
import { SearchInput } from '../../app/a11y/SearchInput';

function toTreeData(nodes: readonly OrgUnitNode[], closedLabel: string): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.id,
    title: node.status === 'closed' ? `${node.name}（${closedLabel}）` : node.name,
    children: toTreeData(node.children, closedLabel),
  }));
}

function OrgSearch({ onPick }: { onPick: (id: string) => void }) {
  const t = useT();
  const [q, setQ] = useState('');
  const results = useOrgUnitSearch(q);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <SearchInput
        placeholder={t('staffing.orgUnits.search')}
        aria-label={t('staffing.orgUnits.search')}
        allowClear
        onSearch={(value) => setQ(value.trim())}
        loading={results.isFetching}
      />
      {q && (
        <List
          size="small"
          bordered
          header={t('staffing.orgUnits.searchResults', { count: results.data?.total ?? 0 })}
          loading={results.isPending}
          dataSource={results.data?.items ?? []}
          locale={{ emptyText: t('staffing.orgUnits.noResults') }}
          renderItem={(item) => (
            <List.Item style={{ cursor: 'pointer' }} onClick={() => onPick(item.id)}>
              <Typography.Link>{item.name}</Typography.Link>
              <Typography.Text type="secondary">{item.code}</Typography.Text>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

export function OrgUnitsPage() {
  const t = useT();
  const { role } = useCurrentUser();
  const editable = canEditOrgUnits(role);
  const tree = useOrgTree();
  const [params, setParams] = useSearchParams();
  const [expanded, setExpanded] = useState<string[] | null>(null);

  const roots = useMemo(() => tree.data ?? [], [tree.data]);
  const selectedId = params.get('unit') ?? roots[0]?.id;
  const closedLabel = t(statusLabelKey('closed') ?? 'orgUnit.status.closed');
  const treeData = useMemo(() => toTreeData(roots, closedLabel), [roots, closedLabel]);

  const select = (id: string, parentId?: string) => {
    setParams({ unit: id }, { replace: true });
    const path = [...(ancestorIds(roots, id) ?? []), ...(parentId ? [parentId] : [])];
    setExpanded((current) => [...new Set([...(current ?? defaultExpanded(roots)), ...path])]);
  };

  let treeBody;
  if (tree.isPending) treeBody = <Skeleton active />;
  else if (tree.isError)
    treeBody = (
      <Result
        status="error"
        title={t('page.error.title')}
        subTitle={failureMessage(tree.error)}
        extra={<Button onClick={() => void tree.refetch()}>{t('page.retry')}</Button>}
      />
    );
  else if (roots.length === 0) treeBody = <Empty description={t('staffing.orgUnits.emptyTree')} />;
  else
    treeBody = (
      <Tree
        blockNode
        switcherIcon={<DownOutlined aria-hidden />}
        treeData={treeData}
        selectedKeys={selectedId ? [selectedId] : []}
        expandedKeys={expanded ?? defaultExpanded(roots)}
        onExpand={(keys) => setExpanded(keys.map(String))}
        onSelect={(keys) => {
          if (keys.length > 0) select(String(keys[0]));
        }}
      />
    );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={9}>
        <Card
          title={
            <Space>
              {t('staffing.orgUnits.treeTitle')}
              {!editable && <Tag>{t('staffing.orgUnits.readOnly')}</Tag>}
            </Space>
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <OrgSearch onPick={(id) => select(id)} />
            {treeBody}
          </Space>
        </Card>
      </Col>
      <Col xs={24} lg={15}>
        {selectedId ? (
          <OrgUnitDetail id={selectedId} tree={roots} editable={editable} onSelect={select} />
        ) : (
          <Card>
            <Empty description={t('staffing.orgUnits.selectHint')} />
          </Card>
        )}
      </Col>
    </Row>
  );
}

/** Roots and their children open, so that a street officer sees their communities straight away. */
function defaultExpanded(roots: readonly OrgUnitNode[]): string[] {
  const keys: string[] = [];
  const walk = (nodes: readonly OrgUnitNode[], depth: number) => {
    for (const node of nodes) {
      if (depth < 3 && node.children.length > 0) {
        keys.push(node.id);
        walk(node.children, depth + 1);
      }
    }
  };
  walk(roots, 0);
  return keys;
}
