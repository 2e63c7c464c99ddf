import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { ClassroomControl } from '../i18n/en/classroom';

/** Each lab has its title and one-line blurb under `app.labs.<id>` in the translations. */
export type LabId = 'gates' | 'tensors' | 'fashion' | 'descent' | 'runs';

export interface LabDefinition {
  id: LabId;
  page: LazyExoticComponent<ComponentType>;
  /** What a classroom link can hide in this lab (`<name>_hide=true`). */
  hideable: readonly ClassroomControl[];
}

/** Adding a lab: make its folder under src/labs/, add its texts and one entry here. */
export const LABS: readonly LabDefinition[] = [
  {
    id: 'gates',
    page: lazy(() => import('../labs/gates/GatesLab')),
    hideable: [
      'gate',
      'model1',
      'model2',
      'hidden',
      'activation',
      'optimizer',
      'loss',
      'batchSize',
      'epochs',
      'seed',
      'pace',
      'reset',
      'chart',
      'code',
      'repeat',
      'files',
    ],
  },
  {
    id: 'tensors',
    page: lazy(() => import('../labs/tensors/TensorsLab')),
    hideable: ['function', 'dtype', 'quiz'],
  },
  {
    id: 'fashion',
    page: lazy(() => import('../labs/fashion/FashionLab')),
    hideable: [
      'data',
      'hidden',
      'activation',
      'optimizer',
      'batchSize',
      'epochs',
      'validation',
      'trainCount',
      'seed',
      'quickRun',
      'code',
      'files',
      'judge',
    ],
  },
  {
    id: 'descent',
    page: lazy(() => import('../labs/descent/DescentLab')),
    hideable: ['dataset', 'trainCount', 'hidden', 'optimizer', 'epochs', 'seed', 'runs', 'chart'],
  },
  // Every lab's recorded runs; the page has no controls a classroom link hides.
  { id: 'runs', page: lazy(() => import('../labs/runs/RunsLab')), hideable: [] },
];
