import { useEffect, useMemo, useRef, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { useSearchParams } from 'react-router';
import type { Catalog } from '../../core/catalog/index.ts';
import type { Configurator } from '../../core/configurator/configurator.ts';
import { Preparing, WithConfigurator } from './use-configurator.tsx';
import { createSessionMachine, type SessionMachine } from '../../machines/session.machine.ts';
import {
  migrateChoices,
  resolveSession,
  type DroppedChoice,
  type SessionStart,
} from '../../machines/session-persistence.ts';
import type { SessionResponse } from '../../contract/session.schema.ts';
import { useQuery } from '@tanstack/react-query';
import { useConfigureHost } from '../host.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useSessionAutosave } from './autosave.ts';
import { ConflictDialog } from './conflict-dialog.tsx';
import { ProductView3D } from '../scene/lazy.tsx';
import { useViewStore } from '../stores/view.store.ts';
import { decodeBuild, encodeBuild } from './build-url.ts';
import { SessionContext, useSession } from './session-context.tsx';
import { SlotPanel } from './slot-panel.tsx';
import { RepairDialog } from './repair-dialog.tsx';
import { Summary } from './summary.tsx';
import { TotalBar } from './total-bar.tsx';
import { PersonalProvider } from './personal.tsx';
import { SimilarBuilds } from './similar-builds.tsx';
import { useTranslation } from 'react-i18next';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';
import type { CatalogWords } from '../../core/catalog/index.ts';

function StepNav() {
  const { actor, configurator } = useSession();
  const step = useSelector(actor, (s) => s.context.step);
  const words = useCatalogWords(configurator.catalog);
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
              <span className="step-number">{i + 1}</span> {words.group(group.id)}
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
  const words = useCatalogWords(configurator.catalog);
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const shown = useRef(step);
  // A new step (Next, or the step list) takes the focus to its heading, as a new page would; not the first one.
  useEffect(() => {
    if (shown.current === step) return;
    shown.current = step;
    heading.current?.focus();
  }, [step]);
  return (
    <section aria-labelledby="step-title" className="step-body">
      <h2 id="step-title" ref={heading} tabIndex={-1}>
        {group && words.group(group.id)}
      </h2>
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
          {t('configure.next', { name: words.group(next.id) })}
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

function Session({
  configurator,
  machine,
  start,
  revision,
}: {
  configurator: Configurator;
  machine: SessionMachine;
  start: SessionStart;
  /** The stored session's revision this page builds on; undefined when it started from a link. */
  revision: number | undefined;
}) {
  const actor = useActorRef(machine, start);
  const handle = useMemo(() => ({ actor, configurator }), [actor, configurator]);
  const conflict = useSessionAutosave(handle, useConfigureHost().sessions, revision);
  return (
    <SessionContext.Provider value={handle}>
      <PersonalProvider handle={handle}>
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
        <TotalBar />
        <RepairDialog />
        {conflict && <ConflictDialog conflict={conflict} />}
      </PersonalProvider>
    </SessionContext.Provider>
  );
}

function droppedNames(words: CatalogWords, dropped: DroppedChoice[]): string {
  return dropped.map((d) => words.optionName(d.option)).join(', ');
}

/**
 * A configure session for one catalog, started from the build in the URL (checked, never trusted). Where there is
 * no link, the session left on any device is asked for at once, beside the configurator, not after it.
 */
export function ConfigureSession({ catalog }: { catalog: Catalog }) {
  const [params] = useSearchParams();
  // The link is read once (the page is keyed by catalog version): later URL changes come from the session itself.
  const [link] = useState(() => params.get('b'));
  const { sessions, cacheKey, compiled } = useConfigureHost();
  const resume = link === null && sessions !== undefined;
  const stored = useQuery({
    queryKey: [...cacheKey, 'session', catalog.id],
    queryFn: ({ signal }) =>
      sessions?.load(catalog.id, signal) ?? { session: null, updatedAt: null, revision: 0, updatedBy: null },
    enabled: resume,
    staleTime: 0,
    gcTime: 0,
    retry: false,
  });
  return (
    <WithConfigurator catalog={catalog} compiled={compiled}>
      {(configurator) =>
        resume && stored.isPending ? (
          <Preparing />
        ) : (
          <SessionStarter configurator={configurator} link={link} stored={resume ? stored.data : undefined} />
        )
      }
    </WithConfigurator>
  );
}

/**
 * Where a session starts: a shared link wins (it is what the shopper opened); without one, the session they left
 * on any device, exactly as it was when the catalog version is the same; otherwise an empty build.
 */
function SessionStarter({
  configurator,
  link,
  stored,
}: {
  configurator: Configurator;
  link: string | null;
  stored: SessionResponse | undefined;
}) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const words = useCatalogWords(configurator.catalog);
  const machine = useMemo(() => createSessionMachine(configurator), [configurator]);
  const { owner } = useConfigureHost();
  const [start] = useState((): { start: SessionStart; notice?: string } => {
    if (link === null && stored?.session) {
      try {
        const resumed = resolveSession(machine, configurator, stored.session);
        const date = stored.updatedAt
          ? new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
              new Date(stored.updatedAt),
            )
          : '';
        return {
          start: resumed.start,
          notice:
            // Staff serving a customer are told whose build it is; the shopper is welcomed back.
            owner.kind === 'customer'
              ? t(resumed.dropped.length > 0 ? 'configure.continuingDropped' : 'configure.continuing', {
                  name: owner.name,
                  date,
                  names: droppedNames(words, resumed.dropped),
                })
              : resumed.dropped.length > 0
                ? t('configure.resumedDropped', { date, names: droppedNames(words, resumed.dropped) })
                : t('configure.resumed', { date }),
        };
      } catch (error) {
        // A stored session that no longer reads is not the shopper's problem: start afresh, say why in the console.
        console.warn('the stored session could not be restored', error);
      }
    }
    const decoded = decodeBuild(link);
    const migrated = migrateChoices(configurator, decoded.build);
    return {
      start: { input: { choices: migrated.choices } },
      notice: decoded.error
        ? t('configure.linkUnreadable', { reason: decoded.error })
        : migrated.dropped.length > 0
          ? t('configure.linkDropped', { names: droppedNames(words, migrated.dropped) })
          : undefined,
    };
  });
  return (
    <>
      {start.notice && (
        <div role="status" className="notice notice-warning" data-testid="session-notice">
          {start.notice}
        </div>
      )}
      <Session
        configurator={configurator}
        machine={machine}
        start={start.start}
        revision={link === null ? stored?.revision : undefined}
      />
    </>
  );
}
