/**
 * What the generated gate programs call the lab's two models: the lecture's `slp_classifier` and
 * `mlp_classifier`, printed as "SLP" and "MLP".
 */
import type { ModelConfig } from '../engine/config';
import { modelName } from '../labs/gates/settings';

export interface GateModelName {
  /** snake_case stem of the variable: `slp`, `mlp`, or `mlp_1` when both models are MLPs. */
  stem: string;
  /** What the printout calls it: "SLP", or "MLP [4]" when both models are MLPs. */
  label: string;
}

function kind(config: ModelConfig): 'slp' | 'mlp' {
  return config.hidden.length === 0 ? 'slp' : 'mlp';
}

export function gateModelNames(
  models: readonly [ModelConfig, ModelConfig],
): [GateModelName, GateModelName] {
  const kinds = models.map(kind);
  const names = models.map(modelName);
  return [0, 1].map((i) => {
    const k = kinds[i]!;
    if (kinds[0] !== kinds[1]) return { stem: k, label: k.toUpperCase() };
    const label = names[0] === names[1] ? `${names[i]} (model ${i + 1})` : names[i]!;
    return { stem: `${k}_${i + 1}`, label };
  }) as [GateModelName, GateModelName];
}

/** `slp_classifier` → `slpClassifier`. */
export function camelCase(snake: string): string {
  return snake.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}
