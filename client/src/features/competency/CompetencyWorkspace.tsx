import { Tabs } from 'antd';
import { Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { CampaignsPage } from './CampaignsPage';
import { CoveragePage } from './CoveragePage';
import { FrameworksPage } from './FrameworksPage';
import { CandidatesPage, HeatMapPage } from './GapsPages';
import { useCt, type CompetencyMessageKey } from './i18n';
import { ProfilesPage } from './ProfilesPage';

const tabs: readonly { path: string; labelKey: CompetencyMessageKey }[] = [
  { path: 'frameworks', labelKey: 'competency.tab.frameworks' },
  { path: 'profiles', labelKey: 'competency.tab.profiles' },
  { path: 'campaigns', labelKey: 'competency.tab.campaigns' },
  { path: 'heat-map', labelKey: 'competency.tab.heatMap' },
  { path: 'candidates', labelKey: 'competency.tab.candidates' },
  { path: 'coverage', labelKey: 'competency.tab.coverage' },
];

/** HR's and leaders' competency workspace: one tab per page under /competency. */
export default function CompetencyWorkspace() {
  const ct = useCt();
  const location = useLocation();
  const navigate = useNavigate();
  const active = tabs.find((t) => location.pathname.startsWith(`/competency/${t.path}`))?.path ?? 'frameworks';
  return (
    <>
      <Tabs activeKey={active} onChange={(key) => navigate(`/competency/${key}`)} items={tabs.map((t) => ({ key: t.path, label: ct(t.labelKey) }))} />
      <Routes>
        <Route index element={<Navigate to="frameworks" replace />} />
        <Route path="frameworks" element={<FrameworksPage />} />
        <Route path="profiles" element={<ProfilesPage />} />
        <Route path="campaigns" element={<CampaignsPage />} />
        <Route path="assessments" element={<Navigate to={`/competency/campaigns${location.search}`} replace />} />
        <Route path="heat-map" element={<HeatMapPage />} />
        <Route path="candidates" element={<CandidatesPage />} />
        <Route path="coverage" element={<CoveragePage />} />
      </Routes>
    </>
  );
}
