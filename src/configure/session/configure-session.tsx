import { useEffect, useMemo, useRef, useState } from 'react';
import { useActorRef, useSelector } from '@xstate/react';
import { useSearchParams } from 'react-router';
import type { Catalog } from '../../core/catalog/index.ts';
import type { Configurator } from '../../core/configurator/configurator.ts';
import { Preparing, WithConfigurator } from './use-configurator.tsx';
import { createSessionMachine, type SessionMachine } from '../../machines/session.machine.ts';
import {
  migrateChoices,
  persistSession,
  resolveSession,
  type DroppedChoice,
  type SessionStart,
} from '../../machines/session-persistence.ts';
import { noSession, type SessionResponse } from '../../contract/session.schema.ts';
import { useQuery } from '@tanstack/react-query';
import { useConfigureHost } from '../host.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { AutosaveContext, useSessionAutosave } from './autosave.ts';
import { ProductView3D } from '../scene/lazy.tsx';
import { useViewStore } from '../stores/view.store.ts';
import { decodeBuild, encodeBuild } from './build-url.ts';
import { SessionContext, useSession } from './session-context.tsx';
import { SlotPanel } from './slot-panel.tsx';
import { RepairDialog } from './repair-dialog.tsx';
import { ConflictDialog } from './conflict-dialog.tsx';
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
    if ((params.get('b') ?? '') === encoded) return;
    // The build, and the catalog version it is shown on when that is not the live one (`v`, kept as it is).
    const version = params.get('v');
    setParams({ ...(encoded && { b: encoded }), ...(version && { v: version }) }, { replace: true });
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

/** The host's panel beside the options (the console's next best offers), sending its changes to the session. */
function HostAside() {
  const { Aside } = useConfigureHost();
  const { actor, configurator } = useSession();
  const choices = useSelector(actor, (s) => s.context.choices);
  if (!Aside) return null;
  return (
    <Aside
      catalog={configurator.catalog}
      choices={choices}
      choose={(slot, option) => actor.send({ type: 'option.choose', slot, option })}
      remove={(slot, option) => actor.send({ type: 'option.remove', slot, option })}
    />
  );
}

function Session({
  configurator,
  machine,
  start,
  revision,
  onReload,
}: {
  configurator: Configurator;
  machine: SessionMachine;
  start: SessionStart;
  /** The stored session's revision this one starts from (0: none stored). */
  revision: number;
  /** Load what is stored now in place of this session (after a conflict). */
  onReload: (current: SessionResponse) => void;
}) {
  const actor = useActorRef(machine, start);
  const handle = useMemo(() => ({ actor, configurator }), [actor, configurator]);
  const { sessions, owner } = useConfigureHost();
  const [conflict, setConflict] = useState<SessionResponse | null>(null);
  const saver = useSessionAutosave(handle, sessions, revision, setConflict);
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const keep = sessions?.keep;
  const keepMine =
    keep &&
    (async () => {
      const { catalogId, catalogVersion, snapshot } = persistSession(actor);
      const at = new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
        new Date(),
      );
      await keep(catalogId, catalogVersion, snapshot.context.choices, t('sessionConflict.keptName', { at }));
      if (conflict) onReload(conflict);
    });
  return (
    <SessionContext.Provider value={handle}>
      <AutosaveContext.Provider value={saver}>
        <PersonalProvider handle={handle}>
          <UrlSync />
          <StepNav />
          <div className="configure-layout">
            <StepBody />
            <div className="side">
              <HostAside />
              <Product />
              <Summary />
              <SimilarBuilds />
            </div>
          </div>
          <TotalBar />
          <RepairDialog />
          {conflict && (
            <ConflictDialog
              current={conflict}
              {...(owner.kind === 'customer' ? { customerName: owner.firstName } : {})}
              onReload={() => onReload(conflict)}
              onKeepBoth={keepMine}
            />
          )}
        </PersonalProvider>
      </AutosaveContext.Provider>
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
  // Asked for even when a link is opened: its saves must name the stored revision they replace.
  const resume = sessions !== undefined;
  const stored = useQuery({
    queryKey: [...cacheKey, 'session', catalog.id],
    queryFn: ({ signal }) => sessions?.load(catalog.id, signal) ?? noSession,
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

interface Started {
  start: SessionStart;
  notice?: string;
  /** The stored revision the session's saves go on from. */
  revision: number;
  /** A new one per (re)load, so a reload is a new session. */
  key: number;
}

/**
 * Where a session starts: a shared link wins (it is what the shopper opened); without one, the session they left
 * on any device, exactly as it was when the catalog version is the same; otherwise an empty build. After a conflict,
 * what is stored now replaces the session on screen.
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
  const { resumedNotice } = useConfigureHost();
  const machine = useMemo(() => createSessionMachine(configurator), [configurator]);
  const fromStored = (
    response: SessionResponse,
    notice: (date: string) => string,
  ): Omit<Started, 'key'> | undefined => {
    if (!response.session) return undefined;
    try {
      const resumed = resolveSession(machine, configurator, response.session);
      const date = response.updatedAt
        ? new Intl.DateTimeFormat(format.locale, { dateStyle: 'medium', timeStyle: 'short' }).format(
            new Date(response.updatedAt),
          )
        : '';
      return {
        start: resumed.start,
        revision: response.revision,
        notice:
          resumed.dropped.length > 0
            ? t('configure.resumedDropped', { date, names: droppedNames(words, resumed.dropped) })
            : notice(date),
      };
    } catch (error) {
      // A stored session that no longer reads is not the shopper's problem: start afresh, say why in the console.
      console.warn('the stored session could not be restored', error);
      return undefined;
    }
  };
  const [started, setStarted] = useState((): Started => {
    const resumed =
      link === null && stored
        ? fromStored(stored, resumedNotice ?? ((date) => t('configure.resumed', { date })))
        : undefined;
    if (resumed) return { ...resumed, key: 0 };
    const decoded = decodeBuild(link);
    const migrated = migrateChoices(configurator, decoded.build);
    return {
      start: { input: { choices: migrated.choices } },
      revision: stored?.revision ?? 0,
      key: 0,
      notice: decoded.error
        ? t('configure.linkUnreadable', { reason: decoded.error })
        : migrated.dropped.length > 0
          ? t('configure.linkDropped', { names: droppedNames(words, migrated.dropped) })
          : undefined,
    };
  });
  const reload = (current: SessionResponse) =>
    setStarted((before) => ({
      ...(fromStored(current, () => t('sessionConflict.reloaded')) ?? {
        start: { input: { choices: {} } },
        revision: current.revision,
      }),
      key: before.key + 1,
    }));
  return (
    <>
      {started.notice && (
        <div role="status" className="notice notice-warning" data-testid="session-notice">
          {started.notice}
        </div>
      )}
      <Session
        key={started.key}
        configurator={configurator}
        machine={machine}
        start={started.start}
        revision={started.revision}
        onReload={reload}
      />
    </>
  );
}
