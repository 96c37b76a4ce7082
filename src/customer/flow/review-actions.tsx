import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Build, Catalog } from '../../core/catalog/index.ts';
import { useMe } from '../../ui/api/auth.ts';
import { usePrice } from '../api/checkout.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';
import { useCatalogWords } from '../../ui/i18n/catalog-words.ts';
import { AppFlow } from './app-flow.tsx';
import './flow.css';

/** What came back from the server, in the shopper's words. */
function Outcome({ catalog, signedIn }: { catalog: Catalog; signedIn: boolean }) {
  const result = AppFlow.useSelector((s) => s.context.result);
  const { t } = useTranslation();
  const format = useLocaleFormat();
  if (!result) return null;
  const total = format.money(result.totalCents, catalog.currency);
  // Ids are UUIDs; their first group is what a customer reads out on the phone (the account shows them whole).
  const id = result.id.slice(0, 8).toUpperCase();
  const text =
    result.kind === 'save'
      ? signedIn
        ? t('send.saved', { name: result.name ?? '' })
        : t('send.savedGuest')
      : result.kind === 'quote'
        ? t('send.quoted', {
            id,
            total,
            until: result.validUntil
              ? new Intl.DateTimeFormat(format.locale, { dateStyle: 'long' }).format(
                  new Date(result.validUntil),
                )
              : '',
          })
        : t('send.ordered', { id, total });
  return (
    <div role="status" className="notice notice-success" data-testid="send-result" data-kind={result.kind}>
      {text} {signedIn && <Link to="/account">{t('send.account')}</Link>}
    </div>
  );
}

function Problem() {
  const actor = AppFlow.useActorRef();
  const problem = AppFlow.useSelector((s) => s.context.problem);
  const signingIn = AppFlow.useSelector((s) => s.matches({ reviewing: 'signingIn' }));
  const location = useLocation();
  const { t } = useTranslation();
  if (!problem) return null;
  const next = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <div role="alert" className="notice notice-error" data-testid="send-problem" data-code={problem.code}>
      {signingIn ? (
        <>
          {t('send.signIn')} <Link to={`/sign-in?next=${next}`}>{t('send.signInLink')}</Link> ·{' '}
          <Link to={`/sign-up?next=${next}`}>{t('send.signUpLink')}</Link>
        </>
      ) : problem.code === 'price_changed' ? (
        t('send.priceChanged', { message: problem.message })
      ) : problem.code === 'catalog_version_not_live' ? (
        // A full reload fetches the live catalog; the session restores onto it with its migration report.
        <>
          {t('send.versionNotLive')}{' '}
          <Link reloadDocument to={`${location.pathname}${location.search}`}>
            {t('send.reload')}
          </Link>
        </>
      ) : (
        t('send.failed', { message: problem.message })
      )}{' '}
      <button type="button" className="link-button" onClick={() => actor.send({ type: 'problem.dismiss' })}>
        {t('send.dismiss')}
      </button>
    </div>
  );
}

/**
 * Save, quote or order the build under review. The flow machine owns the sending: the page tells it which build is
 * on screen, and it comes back here after a sign-in to send what was asked.
 */
export function ReviewActions({ catalog, build }: { catalog: Catalog; build: Build }) {
  const actor = AppFlow.useActorRef();
  const sending = AppFlow.useSelector((s) => s.hasTag('busy'));
  const signingIn = AppFlow.useSelector((s) => s.matches({ reviewing: 'signingIn' }));
  const me = useMe();
  const signedIn = Boolean(me.data);
  const price = usePrice(
    { catalogId: catalog.id, catalogVersion: catalog.version, selections: build },
    me.data?.user.id ?? null,
  );
  // The server's price is the one a quote or order goes through at; until it is known nothing can be sent.
  const totalCents = price.data?.totalCents;
  const busy = sending || totalCents === undefined;
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const product = useCatalogWords(catalog).catalogName();
  const [name, setName] = useState(() => t('send.defaultName', { product }));
  const encoded = JSON.stringify(build);

  useEffect(() => {
    actor.send({ type: 'product.pick', catalogId: catalog.id });
  }, [actor, catalog.id]);
  useEffect(() => {
    if (totalCents === undefined) return;
    actor.send({
      type: 'review.open',
      catalogId: catalog.id,
      catalogVersion: catalog.version,
      choices: JSON.parse(encoded) as Build,
      totalCents,
      complete: true,
    });
  }, [actor, catalog.id, catalog.version, encoded, totalCents]);
  // Back from the sign-in page with a request pending: send it now.
  useEffect(() => {
    // (after the review has the customer's own price: the effect above runs first)
    if (signingIn && me.data && totalCents !== undefined) actor.send({ type: 'auth.signedIn' });
  }, [actor, signingIn, me.data, totalCents]);

  const save = (event: FormEvent) => {
    event.preventDefault();
    actor.send({ type: 'build.save', name: name.trim() || t('send.defaultName', { product }) });
  };
  return (
    <section className="send" aria-labelledby="send-title" aria-busy={busy}>
      <h2 id="send-title">{t('send.title')}</h2>
      {price.error ? (
        <p role="alert" className="notice notice-error">
          {t('send.failed', { message: price.error.message })}
        </p>
      ) : (
        <dl className="your-price">
          {price.data?.lines
            .filter((line) => line.kind === 'discount')
            .map((line) => (
              <div key={line.ref}>
                <dt>{line.label}</dt>
                <dd>{format.money(line.amountCents, price.data.currency)}</dd>
              </div>
            ))}
          <div className="your-total">
            <dt>{t('send.yourPrice')}</dt>
            <dd data-testid="your-price">
              {price.data ? format.money(price.data.totalCents, price.data.currency) : t('loading')}
            </dd>
          </div>
        </dl>
      )}
      <form className="send-save" onSubmit={save}>
        <label htmlFor="build-name">{t('send.name')}</label>
        <input id="build-name" value={name} maxLength={120} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={busy}>
          {t('send.save')}
        </button>
      </form>
      <div className="send-buttons">
        <button type="button" disabled={busy} onClick={() => actor.send({ type: 'quote.request' })}>
          {t('send.quote')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => actor.send({ type: 'order.place' })}
        >
          {t('send.order')}
        </button>
      </div>
      {sending && <p role="status">{t('send.sending')}</p>}
      <Outcome catalog={catalog} signedIn={signedIn} />
      <Problem />
    </section>
  );
}
