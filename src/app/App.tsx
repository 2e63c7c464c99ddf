import { Suspense, useMemo, useState } from 'react';
import { BACKEND_CHOICES, type BackendChoice } from '../engine/backends';
import { BackendBar } from './BackendBar';
import { BackendContext } from '../ui/backendContext';
import { BackendController } from '../engine/backendController';
import { LABS, type LabId } from './labs';
import { readParams, writeParams } from './url';
import { LanguageSwitch } from './LanguageSwitch';
import { useTranslation } from 'react-i18next';
import { ClassroomLink } from './ClassroomLink';
import { classroomParams, hiddenControls } from './classroom';
import { HiddenControlsContext } from '../ui/hidden';

function initialBackend(): BackendChoice {
  const asked = readParams().get('backend');
  return (BACKEND_CHOICES as readonly string[]).includes(asked ?? '')
    ? (asked as BackendChoice)
    : 'auto';
}

export function App() {
  const { t } = useTranslation();
  const controller = useMemo(() => new BackendController(initialBackend()), []);
  const [labId, setLabId] = useState<LabId>(() => {
    const asked = readParams().get('lab');
    return LABS.find((l) => l.id === asked)?.id ?? LABS[0]!.id;
  });
  const lab = LABS.find((l) => l.id === labId) ?? LABS[0]!;
  // A classroom link's hidden controls hold for the whole visit.
  const [hidden] = useState(() => hiddenControls(readParams()));

  const choose = (id: LabId) => {
    // Each lab owns its own parameters: a new lab starts from a clean query string, keeping only
    // the backend and a classroom link's hidden controls and language.
    const params = new URLSearchParams([['lab', id], ...classroomParams(readParams())]);
    const backend = readParams().get('backend');
    if (backend) params.set('backend', backend);
    writeParams(params);
    setLabId(id);
  };

  return (
    <BackendContext.Provider value={controller}>
      <HiddenControlsContext.Provider value={hidden}>
        <header className="app-header">
          <div className="brand">
            <h1>{t('app.title')}</h1>
            <p className="muted">{t('app.tagline')}</p>
          </div>
          {!hidden.has('language') && <LanguageSwitch />}
          <nav className="tabs" aria-label={t('app.labsNav')}>
            {LABS.filter((l) => l.id === lab.id || !hidden.has('tabs')).map((l) => (
              <button
                key={l.id}
                type="button"
                aria-current={l.id === lab.id ? 'page' : undefined}
                onClick={() => choose(l.id)}
              >
                {t(`app.labs.${l.id}.title`)}
              </button>
            ))}
          </nav>
        </header>
        {!hidden.has('backend') && (
          <BackendBar
            onChoice={(choice) => {
              const params = readParams();
              params.set('backend', choice);
              writeParams(params);
            }}
          />
        )}
        <main>
          <p className="blurb">{t(`app.labs.${lab.id}.blurb`)}</p>
          {hidden.size > 0 && <p className="muted small">{t('classroom.hiddenNote')}</p>}
          <Suspense fallback={<p>{t('app.loadingLab')}</p>}>
            <lab.page key={lab.id} />
          </Suspense>
          {!hidden.has('classroom') && <ClassroomLink key={lab.id} controls={lab.hideable} />}
        </main>
      </HiddenControlsContext.Provider>
    </BackendContext.Provider>
  );
}
