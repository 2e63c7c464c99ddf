import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** Each lab has its title and one-line blurb under `app.labs.<id>` in the translations. */
export type LabId = 'gates' | 'tensors' | 'fashion';

export interface LabDefinition {
  id: LabId;
  page: LazyExoticComponent<ComponentType>;
}

/** Adding a lab: make its folder under src/labs/, add its texts and one entry here. */
export const LABS: readonly LabDefinition[] = [
  { id: 'gates', page: lazy(() => import('../labs/gates/GatesLab')) },
  { id: 'tensors', page: lazy(() => import('../labs/tensors/TensorsLab')) },
  { id: 'fashion', page: lazy(() => import('../labs/fashion/FashionLab')) },
];
