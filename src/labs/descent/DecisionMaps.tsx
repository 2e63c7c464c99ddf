import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Heatmap } from '../../ui/Heatmap';
import type { LabData } from './descentData';
import { MAP_N, type PlannedRun } from './descentRun';

/** Dots drawn per map at most: enough to see the classes, few enough to stay quick. */
const MAX_DOTS = 500;
const SIZE = 240;

interface Props {
  plans: readonly PlannedRun[];
  maps: readonly (Float32Array | null)[];
  plane: NonNullable<LabData['plane']>;
}

/**
 * One decision map per run. The four gate inputs are drawn by the map itself; the hundreds of
 * points of a 2-D set are small dots on top of it.
 */
export const DecisionMaps = memo(function DecisionMaps({ plans, maps, plane }: Props) {
  const { t } = useTranslation();
  const few = plane.points.length <= 8;
  const [min, max] = plane.domain;
  const toPx = (v: number) => ((v - min) / (max - min)) * SIZE;
  const dots = few ? [] : plane.points.slice(0, MAX_DOTS);
  return (
    <div className="decision-maps">
      <p className="muted small">{t('descent.maps.caption')}</p>
      <div className="decision-map-list">
        {plans.map((plan, i) => (
          <div key={i} className="decision-map" data-testid="decision-map">
            <div className="decision-map-title">
              <span className="run-swatch small" style={{ background: plan.color }} />
              {plan.name}
            </div>
            <div className="decision-map-canvas">
              <Heatmap
                values={maps[i] ?? null}
                n={MAP_N}
                domain={plane.domain}
                points={few ? plane.points : []}
                title={t('descent.maps.title', { name: plan.name })}
              />
              {dots.length > 0 && (
                <svg viewBox={`0 0 ${SIZE} ${SIZE}`} aria-hidden="true">
                  {dots.map((p, k) => (
                    <circle
                      key={k}
                      cx={toPx(p.x)}
                      cy={SIZE - toPx(p.y)}
                      r={2.6}
                      fill={p.label === 1 ? '#08519c' : '#b2182b'}
                      stroke="#fff"
                      strokeWidth={0.8}
                    />
                  ))}
                </svg>
              )}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
});
