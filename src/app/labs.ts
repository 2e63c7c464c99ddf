import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface LabDefinition {
  id: string;
  title: string;
  /** What the lab does, in one line, under its tab. */
  blurb: string;
  page: LazyExoticComponent<ComponentType>;
}

/** Adding a lab: make its folder under src/labs/ and add one entry here. */
export const LABS: readonly LabDefinition[] = [
  {
    id: 'gates',
    title: 'Logic gates',
    blurb: 'The lecture’s MLP class: a single-layer perceptron against an MLP on AND, OR and XOR.',
    page: lazy(() => import('../labs/gates/GatesLab')),
  },
  {
    id: 'tensors',
    title: 'Tensors',
    blurb:
      'The lecture’s tensor section: tf.constant, tf.cast and tf.convert_to_tensor on your own values, with shape, rank, dtype and a picture.',
    page: lazy(() => import('../labs/tensors/TensorsLab')),
  },
  {
    id: 'fashion',
    title: 'Fashion-MNIST',
    blurb:
      'The lecture’s ImageClassifier: look at 70,000 clothing images, train a classifier on them and judge its predictions.',
    page: lazy(() => import('../labs/fashion/FashionLab')),
  },
];
