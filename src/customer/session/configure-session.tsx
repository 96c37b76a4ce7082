import { useEffect, useMemo, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { useSearchParams } from 'react-router';
import type { Build, Catalog } from '../../core/catalog/index.ts';
import type { Configurator } from '../../core/configurator/configurator.ts';
import { useConfigurator } from './use-configurator.ts';
import { createSessionMachine } from '../../machines/session.machine.ts';
import { migrateChoices, type DroppedChoice } from '../../machines/session-persistence.ts';
import { ProductView3D } from '../scene/lazy.tsx';
import { useViewStore } from '../stores/view.store.ts';
import { decodeBuild, encodeBuild } from './build-url.ts';
import { SessionContext, useSession } from './session-context.tsx';
import { SlotPanel } from './slot-panel.tsx';
import { RepairDialog } from './repair-dialog.tsx';
import { Summary } from './summary.tsx';
import { PersonalContext, usePersonalState, usePersonalWeights, useSessionLogging } from './personal.tsx';
import { SimilarBuilds } from './similar-builds.tsx';
import { useTranslation } from 'react-i18next';

function StepNav() {
  const { actor, configurator } = useSession();
  const step = useSelector(actor, (s) => s.context.step);
  const { t } = useTranslation();
  return (
    <nav aria-label={t('configure.steps')} className="steps">
      <ol>
        {configurator.catalog.groups.map((group, i) => (
          <li key={group.id}>
            <button
              type="button"
              aria-current={group.id === step ? 'step' : undefined}
              onClick={() => actor.send({ type: 'step.go', step: group.id })}
            >
              <span className="step-number">{i + 1}</span> {group.name}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}

function StepBody() {
  const { actor, configurator } = useSession();
  const step = useSelector(actor, (s) => s.context.step);
  const groups = configurator.catalog.groups;
  const at = groups.findIndex((g) => g.id === step);
  const group = groups[at];
  const next = groups[at + 1];
  const { t } = useTranslation();
  return (
    <section aria-labelledby="step-title" className="step-body">
      <h2 id="step-title">{group?.name}</h2>
      {configurator.catalog.slots
        .filter((s) => s.group === step)
        .map((slot) => (
          <SlotPanel key={slot.id} slot={slot} />
        ))}
      {next && (
        <button
          type="button"
          className="next-step"
          onClick={() => actor.send({ type: 'step.go', step: next.id })}
        >
          {t('configure.next', { name: next.name })}
        </button>
      )}
    </section>
  );
}

/** Keeps the build in the URL (replace, not push: undo is the session's, not the browser's). */
function UrlSync() {
  const { actor } = useSession();
  const choices = useSelector(actor, (s) => s.context.choices);
  const [params, setParams] = useSearchParams();
  useEffect(() => {
    const encoded = encodeBuild(choices);
    if ((params.get('b') ?? '') !== encoded) setParams(encoded ? { b: encoded } : {}, { replace: true });
  }, [choices, params, setParams]);
  return null;
}

function Product() {
  const { actor, configurator } = useSession();
  const choices = useSelector(actor, (s) => s.context.choices);
  const show3d = useViewStore((s) => s.show3d);
  const setShow3d = useViewStore((s) => s.setShow3d);
  const { t } = useTranslation();
  return (
    <div className="product">
      <label className="toggle-3d">
        <input type="checkbox" checked={show3d} onChange={(e) => setShow3d(e.target.checked)} />{' '}
        {t('configure.show3d')}
      </label>
      {show3d && <ProductView3D catalog={configurator.catalog} build={choices} />}
    </div>
  );
}

function Session({ configurator, initial }: { configurator: Configurator; initial: Build }) {
  const machine = useMemo(() => createSessionMachine(configurator), [configurator]);
  const actor = useActorRef(machine, { input: { choices: initial } });
  const handle = useMemo(() => ({ actor, configurator }), [actor, configurator]);
  const personal = usePersonalState(handle, usePersonalWeights(configurator.catalog.id));
  useSessionLogging(handle, personal);
  return (
    <SessionContext.Provider value={handle}>
      <PersonalContext.Provider value={personal}>
        <UrlSync />
        <StepNav />
        <div className="configure-layout">
          <StepBody />
          <div className="side">
            <Product />
            <Summary />
            <SimilarBuilds />
          </div>
        </div>
        <RepairDialog />
      </PersonalContext.Provider>
    </SessionContext.Provider>
  );
}

function droppedNames(configurator: Configurator, dropped: DroppedChoice[]): string {
  return dropped
    .map((d) => configurator.compiled.index.option.get(d.option)?.option.name ?? d.option)
    .join(', ');
}

/** A configure session for one catalog, started from the build in the URL (checked, never trusted). */
export function ConfigureSession({ catalog }: { catalog: Catalog }) {
  const engine = useConfigurator(catalog);
  const { t } = useTranslation();
  if (engine.error)
    return (
      <div role="alert" className="notice notice-error">
        {t('configure.engineFailed', { reason: engine.error.message })}
      </div>
    );
  if (!engine.data)
    return (
      <div role="progressbar" aria-label={t('configure.preparing')} className="notice preparing">
        {t('configure.preparing')}
      </div>
    );
  return <StartedSession configurator={engine.data} />;
}

function StartedSession({ configurator }: { configurator: Configurator }) {
  const [params] = useSearchParams();
  // The link is read once (the page is keyed by catalog version): later URL changes come from the session itself.
  const [start] = useState(() => {
    const decoded = decodeBuild(params.get('b'));
    const migrated = migrateChoices(configurator, decoded.build);
    return {
      choices: migrated.choices,
      unreadable: decoded.error,
      dropped: migrated.dropped.length > 0 ? droppedNames(configurator, migrated.dropped) : undefined,
    };
  });
  const { t } = useTranslation();
  const notice = start.unreadable
    ? t('configure.linkUnreadable', { reason: start.unreadable })
    : start.dropped && t('configure.linkDropped', { names: start.dropped });
  return (
    <>
      {notice && (
        <div role="status" className="notice notice-warning">
          {notice}
        </div>
      )}
      <Session configurator={configurator} initial={start.choices} />
    </>
  );
}
