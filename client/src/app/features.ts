import { accessFeature } from '../features/access/feature';
import { auditFeature } from '../features/audit/feature';
import { careerFeature } from '../features/career/feature';
import { competencyFeature } from '../features/competency/feature';
import { insightsFeature } from '../features/insights/feature';
import { performanceFeature } from '../features/performance/feature';
import { staffingFeature } from '../features/staffing/feature';
import { trainingFeature } from '../features/training/feature';
import type { Feature } from './feature';

/** Every client feature, in navigation order: the one line a new module adds. */
export const features: Feature[] = [
  staffingFeature, competencyFeature, performanceFeature, trainingFeature, careerFeature, insightsFeature, accessFeature, auditFeature,
];
