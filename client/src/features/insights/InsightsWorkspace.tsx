import { failureMessage } from '../../api/problem';
import { Alert, Breadcrumb, Spin, Tabs, Typography } from 'antd';
import { useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { useT } from '../../app/i18n';
import { DashboardTab } from './DashboardTab';
import { ForecastTab } from './ForecastTab';
import { useDashboard, useInsightsHome } from './hooks';
import { NormsTab } from './NormsTab';
import { TransfersTab } from './TransfersTab';
import { TurnoverTab } from './TurnoverTab';

const tabs = ['dashboard', 'norms', 'transfers', 'forecast', 'turnover'] as const;
type Tab = (typeof tabs)[number];

/** 队伍分析 for HR and street leaders: one unit at a time (its whole subtree), drilled down the org tree. */
export default function InsightsWorkspace() {
  const t = useT();
  const location = useLocation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const home = useInsightsHome();
  const unitId = params.get('unit') ?? home.data?.id;
  const dashboard = useDashboard(unitId);
  const tab: Tab = tabs.find((k) => location.pathname.startsWith(`/insights/${k}`)) ?? 'dashboard';
  const open = (id: string) => setParams({ unit: id });
  const unit = dashboard.data?.unit;

  return (
    <div>
      {/* The shell's header holds the page's h1 (the menu item's name); the unit in view is the h2. */}
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {unit ? `${t('insights.nav.workspace')} · ${unit.name}` : t('insights.nav.workspace')}
      </Typography.Title>
      {home.isError && <Alert type="error" showIcon message={failureMessage(home.error)} />}
      {dashboard.data && (
        <nav aria-label={t('insights.trail')} style={{ marginBottom: 12 }}>
          <Breadcrumb
            items={dashboard.data.trail.map((u) => ({
              key: u.id,
              title: u.id === unitId ? <span aria-current="page">{u.name}</span> : <a href={`?unit=${u.id}`} onClick={(e) => { e.preventDefault(); open(u.id); }}>{u.name}</a>,
            }))}
          />
        </nav>
      )}
      {!unitId || !dashboard.data ? (
        dashboard.isError ? <Alert type="error" showIcon message={String(dashboard.error)} /> : <Spin />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(k) => navigate({ pathname: `/insights/${k}`, search: `?unit=${unitId}` })}
          items={[
            { key: 'dashboard', label: t('insights.tab.dashboard'), children: tab === 'dashboard' ? <DashboardTab data={dashboard.data} onOpen={open} /> : null },
            { key: 'norms', label: t('insights.tab.norms'), children: tab === 'norms' ? <NormsTab unitId={unitId} onOpen={open} /> : null },
            { key: 'transfers', label: t('insights.tab.transfers'), children: tab === 'transfers' ? <TransfersTab unit={dashboard.data.unit} /> : null },
            { key: 'forecast', label: t('insights.tab.forecast'), children: tab === 'forecast' ? <ForecastTab unitId={unitId} onOpen={open} /> : null },
            { key: 'turnover', label: t('insights.tab.turnover'), children: tab === 'turnover' ? <TurnoverTab unitId={unitId} onOpen={open} /> : null },
          ]}
        />
      )}
    </div>
  );
}
