import { Navigate, Route, Routes } from 'react-router-dom';
import { featureRoutes, landingPath } from './access-rules';
import { RequireAuth, useCurrentUser } from './auth/RequireAuth';
import { AppLayout } from './layout/AppLayout';
import { NotFoundPage, RequireWorkspace } from './pages/StatusPages';
import { WorkbenchPage } from './workbench/WorkbenchPage';

function Landing() {
  const { me, role } = useCurrentUser();
  return <Navigate to={me.mustChangePassword ? '/me' : landingPath(role)} replace />;
}

/** The shell's routes and every feature's (features.ts), each behind the roles of its navigation item. */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        element={
          <RequireAuth>
            <AppLayout />
          </RequireAuth>
        }
      >
        <Route index element={<Landing />} />
        <Route
          path="/workbench"
          element={
            <RequireWorkspace name="workbench">
              <WorkbenchPage />
            </RequireWorkspace>
          }
        />
        {featureRoutes.map((r) => (
          <Route key={r.path} path={r.path} element={<RequireWorkspace name={r.navKey}>{r.element}</RequireWorkspace>} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
