import { App, Button, Card, Empty, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { fileNameFrom, saveBlob } from '../../api/files';
import { useReportError } from '../../app/problems';
import { GapHeatMap } from './charts';
import { useCandidates, useExportCandidates, useHeatMap, useVacantPosts, type Candidates } from './hooks';
import { useBilingual, useCt } from './i18n';
import { postTypeKey } from './labels';

/** Competency × unit, the average gap; a unit with units below it drills down, a trail goes back up. */
export function HeatMapPage() {
  const ct = useCt();
  const name = useBilingual();
  const [trail, setTrail] = useState<{ id: string; name: string }[]>([]);
  const current = trail.at(-1)?.id;
  const map = useHeatMap(current);
  const data = map.data;
  const units = data?.units ?? [];
  const competencies = data?.competencies ?? [];
  const cells: [number, number, number][] = units.flatMap((u, row) =>
    u.cells.map((c): [number, number, number] => [competencies.findIndex((k) => k.code === c.competencyCode), row, c.averageGap]),
  );
  const drill = (row: number) => {
    const unit = units[row];
    if (unit?.hasChildren) setTrail((t) => [...t, { id: unit.id, name: unit.name }]);
  };
  return (
    <Card title={ct('competency.tab.heatMap')} loading={map.isLoading}>
      <Space wrap style={{ marginBottom: 12 }}>
        {trail.length > 0 && <Button onClick={() => setTrail((t) => t.slice(0, -1))}>{ct('competency.heatMap.up')}</Button>}
        {trail.map((t) => (
          <Tag key={t.id}>{t.name}</Tag>
        ))}
      </Space>
      {cells.length === 0 ? (
        <Empty description={ct('competency.heatMap.empty')} />
      ) : (
        <GapHeatMap
          label={ct('competency.heatMap.title')}
          units={units.map((u) => u.name)}
          competencies={competencies.map((c) => name(c))}
          cells={cells}
          onPick={drill}
        />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={units.filter((u) => u.cells.length > 0)}
        columns={[
          { title: ct('competency.candidates.unit'), dataIndex: 'name' },
          ...competencies.map((k) => ({
            title: name(k),
            render: (_: unknown, u: (typeof units)[number]) => u.cells.find((c) => c.competencyCode === k.code)?.averageGap ?? '—',
          })),
          {
            title: '',
            render: (_: unknown, u: (typeof units)[number]) =>
              u.hasChildren && (
                <Button size="small" onClick={() => setTrail((t) => [...t, { id: u.id, name: u.name }])}>
                  {ct('competency.heatMap.drill')}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}

type Candidate = Candidates['page']['items'][number];

/** 甄选: the candidates in scope ranked by fit to a vacant post's requirement profile, with an .xlsx export. */
export function CandidatesPage() {
  const ct = useCt();
  const report = useReportError();
  const { message } = App.useApp();
  const posts = useVacantPosts();
  const [postId, setPostId] = useState<string>();
  const [minFit, setMinFit] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const filter = { minFit: minFit ?? undefined, page };
  const ranking = useCandidates(postId, filter);
  const exporter = useExportCandidates();
  return (
    <Card title={ct('competency.tab.candidates')}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={ct('competency.candidates.post')}
          placeholder={ct('competency.candidates.pick')}
          style={{ minWidth: 280 }}
          showSearch={{ optionFilterProp: 'label' }}
          value={postId}
          onChange={(v) => { setPostId(v); setPage(1); }}
          options={(posts.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.orgUnitName} · ${p.title}（${ct(postTypeKey(p.postType))}）` }))}
        />
        <InputNumber aria-label={ct('competency.candidates.minFit')} placeholder={ct('competency.candidates.minFit')} min={0} max={100} value={minFit} onChange={setMinFit} />
        <Button
          disabled={!postId}
          loading={exporter.isPending}
          onClick={() =>
            postId &&
            exporter.mutate(
              { postId, filter },
              {
                onSuccess: ({ blob, disposition }) => {
                  saveBlob(blob, fileNameFrom(disposition, 'candidates.xlsx'));
                  void message.success(ct('competency.candidates.export'));
                },
                onError: (err) => report(err),
              },
            )
          }
        >
          {ct('competency.candidates.export')}
        </Button>
      </Space>
      {ranking.error && <Typography.Paragraph type="danger">{ranking.error.message}</Typography.Paragraph>}
      {ranking.data && <Typography.Paragraph type="secondary">{ct('competency.candidates.profile', { name: ranking.data.profileName })}</Typography.Paragraph>}
      <Table<Candidate>
        rowKey="workerId"
        size="small"
        loading={ranking.isFetching}
        dataSource={ranking.data?.page.items ?? []}
        scroll={{ x: true }}
        pagination={{ current: page, pageSize: 20, total: ranking.data?.page.total ?? 0, onChange: setPage, showSizeChanger: false }}
        columns={[
          { title: ct('competency.candidates.rank'), dataIndex: 'rank' },
          { title: ct('competency.assessment.worker'), render: (_, c) => `${c.name}（${c.staffNo}）` },
          { title: ct('competency.assessment.fit'), render: (_, c) => <Tag color={c.fitScore >= 90 ? 'green' : c.fitScore >= 70 ? 'blue' : 'orange'}>{c.fitScore}</Tag> },
          { title: ct('competency.candidates.gaps'), render: (_, c) => c.gaps.join('、') || '—' },
          { title: ct('competency.candidates.years'), dataIndex: 'yearsOfService' },
          { title: ct('competency.candidates.currentPost'), render: (_, c) => c.currentPostTitle ?? '—' },
          { title: ct('competency.candidates.unit'), dataIndex: 'orgUnitName' },
        ]}
      />
    </Card>
  );
}
