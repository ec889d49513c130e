import { MyCompetencyPage } from './WorkerCompetency';

/** Lazy entry of the worker's own page. */
export default function MyCompetencyRoute() {
  return <MyCompetencyPage />;
}
