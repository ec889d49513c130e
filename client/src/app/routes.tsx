import { Navigate, Route, Routes } from 'react-router-dom';
import { AccountsPage } from '../features/access/AccountsPage';
import { MePage } from '../features/access/MePage';
import { AuditLogPage } from '../features/audit/AuditLogPage';
import { ApprovalsPage } from '../features/staffing/ApprovalsPage';
import { MyProfilePage } from '../features/staffing/MyProfilePage';
import { OrgUnitsPage } from '../features/staffing/OrgUnitsPage';
import { PostsPage } from '../features/staffing/PostsPage';
import { RosterPage } from '../features/staffing/RosterPage';
import { RotationsPage } from '../features/staffing/RotationsPage';
import { WorkerProfilePage } from '../features/staffing/WorkerProfilePage';
// competency (temporary wiring until feature registration lands)
import { CompetencyWorkspaceRoute, MyCompetencyLazyRoute } from '../features/competency/feature';
import { landingPath } from './access-rules';
import { LoginPage } from './auth/LoginPage';
import { RequireAuth, useCurrentUser } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage, RequireWorkspace } from './pages/StatusPages';

function Landing() {
  const { me, role } = useCurrentUser();
  return <Navigate to={me.mustChangePassword ? '/me' : landingPath(role)} replace />;
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Landing />} />
        <Route
          path="org-units"
          element={
            <RequireWorkspace name="orgUnits">
              <OrgUnitsPage />
            </RequireWorkspace>
          }
        />
        <Route
          path="staffing/workers"
          element={
            <RequireWorkspace name="roster">
              <RosterPage />
            </RequireWorkspace>
          }
        />
        <Route
          path="staffing/workers/:id"
          element={
            <RequireWorkspace name="roster">
              <WorkerProfilePage />
            </RequireWorkspace>
          }
        />
        <Route
          path="staffing/posts"
          element={
            <RequireWorkspace name="posts">
              <PostsPage />
            </RequireWorkspace>
          }
        />
        <Route
          path="staffing/rotations"
          element={
            <RequireWorkspace name="rotations">
              <RotationsPage />
            </RequireWorkspace>
          }
        />
        <Route
          path="my-profile"
          element={
            <RequireWorkspace name="myProfile">
              <MyProfilePage />
            </RequireWorkspace>
          }
        />
        <Route
          path="admin/accounts"
          element={
            <RequireWorkspace name="accounts">
              <AccountsPage />
            </RequireWorkspace>
          }
        />
        <Route
          path="audit-log"
          element={
            <RequireWorkspace name="auditLog">
              <AuditLogPage />
            </RequireWorkspace>
          }
        />
        <Route
          path="approvals"
          element={
            <RequireWorkspace name="approvals">
              <ApprovalsPage />
            </RequireWorkspace>
          }
        />
        <Route
          path="me"
          element={
            <RequireWorkspace name="me">
              <MePage />
            </RequireWorkspace>
          }
        />
        {/* competency (temporary wiring until feature registration lands) */}
        <Route
          path="competency/*"
          element={
            <RequireWorkspace name="competency">
              <CompetencyWorkspaceRoute />
            </RequireWorkspace>
          }
        />
        <Route
          path="my-competency"
          element={
            <RequireWorkspace name="myCompetency">
              <MyCompetencyLazyRoute />
            </RequireWorkspace>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
