import { useEffect, useMemo, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { useSearchParams } from 'react-router';
import type { Build, Catalog } from '../../core/catalog/index.ts';
import { Configurator } from '../../core/configurator/configurator.ts';
import { createSessionMachine } from '../../machines/session.machine.ts';
import { migrateChoices, type DroppedChoice } from '../../machines/session-persistence.ts';
import { ProductView3D } from '../scene/lazy.tsx';
import { useViewStore } from '../stores/view.store.ts';
import { decodeBuild, encodeBuild } from './build-url.ts';
import { SessionContext, useSession } from './session-context.tsx';
import { SlotPanel } from './slot-panel.tsx';
import { RepairDialog } from './repair-dialog.tsx';
import { Summary } from './summary.tsx';

function StepNav() {
  const { actor, configurator } = useSession();
  const step = useSelector(actor, (s) => s.context.step);
  return (
    <nav aria-label="Steps" className="steps">
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
          Next: {next.name} →
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
  return (
    <div className="product">
      <label className="toggle-3d">
        <input type="checkbox" checked={show3d} onChange={(e) => setShow3d(e.target.checked)} /> Show 3D view
      </label>
      {show3d && <ProductView3D catalog={configurator.catalog} build={choices} />}
    </div>
  );
}

function Session({ configurator, initial }: { configurator: Configurator; initial: Build }) {
  const machine = useMemo(() => createSessionMachine(configurator), [configurator]);
  const actor = useActorRef(machine, { input: { choices: initial } });
  const handle = useMemo(() => ({ actor, configurator }), [actor, configurator]);
  return (
    <SessionContext.Provider value={handle}>
      <UrlSync />
      <StepNav />
      <div className="configure-layout">
        <StepBody />
        <div className="side">
          <Product />
          <Summary />
        </div>
      </div>
      <RepairDialog />
    </SessionContext.Provider>
  );
}

function dropNotice(configurator: Configurator, dropped: DroppedChoice[]): string | undefined {
  if (dropped.length === 0) return undefined;
  const name = (id: string) => configurator.compiled.index.option.get(id)?.option.name ?? id;
  return `Some choices in this link no longer fit and were left out: ${dropped.map((d) => name(d.option)).join(', ')}.`;
}

/** A configure session for one catalog, started from the build in the URL (checked, never trusted). */
export function ConfigureSession({ catalog }: { catalog: Catalog }) {
  const configurator = useMemo(() => new Configurator(catalog), [catalog]);
  const [params] = useSearchParams();
  // The link is read once (the page is keyed by catalog version): later URL changes come from the session itself.
  const [start] = useState(() => {
    const decoded = decodeBuild(params.get('b'));
    const migrated = migrateChoices(configurator, decoded.build);
    return { choices: migrated.choices, notice: decoded.error ?? dropNotice(configurator, migrated.dropped) };
  });
  return (
    <>
      {start.notice && (
        <div role="status" className="notice notice-warning">
          {start.notice}
        </div>
      )}
      <Session configurator={configurator} initial={start.choices} />
    </>
  );
}
