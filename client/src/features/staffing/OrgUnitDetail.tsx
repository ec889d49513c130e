import { Button, Card, Descriptions, Result, Skeleton, Space, Tag, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { OrgUnitNode } from '../../api/types';
import { failureMessage, failureStatus } from '../../api/problem';
import { useT } from '../../app/i18n';
import { useOrgUnit } from './hooks/orgUnits';
import { CloseOrgUnitModal, CreateOrgUnitModal, EditOrgUnitModal, MoveOrgUnitModal } from './OrgUnitForms';
import { allowedChildLevels, levelLabelKey, pathNames, statusLabelKey } from './orgRules';

type Dialog = 'create' | 'edit' | 'move' | 'close' | null;

interface Props {
  id: string;
  tree: readonly OrgUnitNode[];
  editable: boolean;
  onSelect: (id: string, parentId?: string) => void;
}

export function OrgUnitDetail({ id, tree, editable, onSelect }: Props) {
  const t = useT();
  const unit = useOrgUnit(id);
  const [dialog, setDialog] = useState<Dialog>(null);

  if (unit.isPending) {
    return (
      <Card title={t('staffing.orgUnits.detail')}>
        <Skeleton active />
      </Card>
    );
  }
  if (unit.isError) {
    const notFound = failureStatus(unit.error) === 404;
    return (
      <Card title={t('staffing.orgUnits.detail')}>
        <Result
          status={notFound ? '404' : 'error'}
          title={notFound ? t('page.notFound.title') : t('page.error.title')}
          subTitle={failureMessage(unit.error)}
          extra={<Button onClick={() => void unit.refetch()}>{t('page.retry')}</Button>}
        />
      </Card>
    );
  }

  const u = unit.data;
  const active = u.status === 'active';
  const childLevels = allowedChildLevels(u.level);
  const levelKey = levelLabelKey(u.level);
  const statusKey = statusLabelKey(u.status);
  const count = (n?: number | null) => (n === null || n === undefined ? '—' : n.toLocaleString());

  const actions = editable && (
    <Space wrap>
      <Tooltip title={childLevels.length === 0 ? t('staffing.orgUnits.noChildLevels') : undefined}>
        <Button type="primary" disabled={!active || childLevels.length === 0} onClick={() => setDialog('create')}>
          {t('staffing.orgUnits.action.create')}
        </Button>
      </Tooltip>
      <Button disabled={!active} onClick={() => setDialog('edit')}>
        {t('staffing.orgUnits.action.edit')}
      </Button>
      <Button disabled={!active || u.parentId === null} onClick={() => setDialog('move')}>
        {t('staffing.orgUnits.action.move')}
      </Button>
      <Button danger disabled={!active || u.parentId === null} onClick={() => setDialog('close')}>
        {t('staffing.orgUnits.action.close')}
      </Button>
    </Space>
  );

  return (
    <Card
      title={
        <Space wrap>
          {u.name}
          {levelKey && <Tag color="geekblue">{t(levelKey)}</Tag>}
          {statusKey && <Tag color={active ? 'green' : 'default'}>{t(statusKey)}</Tag>}
          {u.isDemo && <Tag color="orange">{t('staffing.orgUnits.demo')}</Tag>}
        </Space>
      }
      loading={unit.isFetching && !unit.data}
    >
      <Space orientation="vertical" size="large" style={{ width: '100%' }}>
        {actions}
        <Descriptions bordered size="small" column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('staffing.orgUnits.field.code')}>{u.code}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.orgUnits.field.level')}>{levelKey ? t(levelKey) : u.level}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.orgUnits.field.households')}>{count(u.households)}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.orgUnits.field.population')}>{count(u.population)}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.orgUnits.field.childCount')}>{u.childCount}</Descriptions.Item>
          <Descriptions.Item label={t('staffing.orgUnits.field.updatedAt')}>
            {dayjs(u.updatedAt).format('YYYY-MM-DD HH:mm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('staffing.orgUnits.field.path')} span={2}>
            {pathNames(tree, u.path) || u.name}
          </Descriptions.Item>
          {!active && (
            <>
              <Descriptions.Item label={t('staffing.orgUnits.field.closedOn')}>{u.closedOn ?? '—'}</Descriptions.Item>
              <Descriptions.Item label={t('staffing.orgUnits.field.closeReason')}>{u.closeReason ?? '—'}</Descriptions.Item>
            </>
          )}
        </Descriptions>
      </Space>
      {dialog === 'create' && (
        <CreateOrgUnitModal
          unit={u}
          onClose={() => setDialog(null)}
          onCreated={(created) => {
            setDialog(null);
            onSelect(created.id, u.id);
          }}
        />
      )}
      {dialog === 'edit' && <EditOrgUnitModal unit={u} onClose={() => setDialog(null)} />}
      {dialog === 'move' && <MoveOrgUnitModal unit={u} tree={tree} onClose={() => setDialog(null)} />}
      {dialog === 'close' && <CloseOrgUnitModal unit={u} onClose={() => setDialog(null)} />}
    </Card>
  );
}
