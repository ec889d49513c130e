import { Card, Empty, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useCurrentUser } from '../../app/auth/RequireAuth';
import { OrgUnitTreeSelect } from '../staffing/OrgUnitTreeSelect';
import { useCoverage, useExpiring, useOrgTree, type Certification, type Coverage } from './hooks';
import { useBilingual, useCt } from './i18n';

type CoverageWorker = Coverage['workers'][number];

/** 全岗通: a community's workers × service lines, lines nobody or only one person can handle, and what expires soon. */
export function CoveragePage() {
  const ct = useCt();
  const name = useBilingual();
  const { role } = useCurrentUser();
  const tree = useOrgTree();
  const [unit, setUnit] = useState<string>();
  const coverage = useCoverage(unit);
  const expiring = useExpiring(role === 'hr' || role === 'admin' || role === 'leader');
  const data = coverage.data;
  const byLine = new Map((data?.coverage ?? []).map((c) => [c.lineCode, c]));
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card title={ct('competency.tab.coverage')}>
        <div style={{ maxWidth: 420, marginBottom: 12 }}>
          <OrgUnitTreeSelect tree={tree.data ?? []} value={unit} onChange={(v) => setUnit(v ?? undefined)} placeholder={ct('competency.coverage.unit')} />
        </div>
        {!data ? (
          <Empty description={ct('competency.coverage.unit')} />
        ) : (
          <>
            <Space wrap style={{ marginBottom: 12 }}>
              {data.lines.map((l) => {
                const c = byLine.get(l.code);
                const color = c?.uncovered ? 'red' : c?.singlePointOfFailure ? 'orange' : 'green';
                const note = c?.uncovered ? ct('competency.coverage.uncovered') : c?.singlePointOfFailure ? ct('competency.coverage.spof') : ct('competency.coverage.holders', { n: c?.holders ?? 0 });
                return <Tag key={l.code} color={color}>{`${name(l)}：${note}`}</Tag>;
              })}
            </Space>
            <Table<CoverageWorker>
              rowKey="workerId"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={data.workers}
              columns={[
                { title: ct('competency.assessment.worker'), fixed: 'left', render: (_, w) => `${w.name}（${w.staffNo}）` },
                ...data.lines.map((l) => ({
                  title: name(l),
                  render: (_: unknown, w: CoverageWorker) =>
                    w.validLines.includes(l.code) ? (
                      <Tooltip title={ct('competency.my.valid')}><span aria-label={ct('competency.my.valid')}>✔</span></Tooltip>
                    ) : w.lapsedLines.includes(l.code) ? (
                      <Tooltip title={ct('competency.my.lapsed')}><span aria-label={ct('competency.my.lapsed')}>✖</span></Tooltip>
                    ) : '',
                })),
              ]}
            />
          </>
        )}
      </Card>
      {expiring.data && (
        <Card title={`${ct('competency.coverage.expiring')}（${expiring.data.total}）`}>
          <Table<Certification>
            rowKey="id"
            size="small"
            scroll={{ x: true }}
            dataSource={expiring.data.items}
            pagination={false}
            columns={[
              { title: ct('competency.assessment.worker'), render: (_, c) => `${c.workerName}（${c.staffNo}）` },
              { title: ct('competency.candidates.unit'), dataIndex: 'orgUnitName' },
              { title: ct('competency.coverage.line'), render: (_, c) => name({ nameZh: c.lineNameZh, nameEn: c.lineNameEn }) },
              { title: ct('competency.coverage.expiresOn'), dataIndex: 'expiresOn' },
            ]}
          />
        </Card>
      )}
    </Space>
  );
}
