import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { discountBand, type DiscountAuthority, type DiscountBand } from '../../core/profile/authority.ts';
import { useLocaleFormat } from '../../ui/i18n/i18n.ts';

/** Where the slider ends: past the refusal limit, so the refused band shows, on a round number. */
export function scaleEnd(authority: DiscountAuthority): number {
  return Math.ceil((authority.limitPercent + Math.max(5, authority.limitPercent / 2)) / 5) * 5;
}

/** A typed discount as the contract carries it (0–100, two decimals), or null for anything else. */
export function readPercent(text: string): number | null {
  const n = Number(text.replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(n) || n < 0 || n > 100) return null;
  return Math.round(n * 100) / 100;
}

/**
 * The discount: a number to type (step 0.5, arrow keys) and a slider over the three bands of THIS staff member's
 * authority for THIS customer: within their own (0–own %), needs a store manager's approval (own–limit %), refused
 * above. The band is said in words next to the number, not only in colour.
 */
export function DiscountControl({
  percent,
  onChange,
  authority,
  disabled = false,
}: {
  percent: number;
  onChange: (percent: number) => void;
  authority: DiscountAuthority;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  const format = useLocaleFormat();
  const id = useId();
  // What is being typed ("1," on the way to "1,5"); shown until the field is left, the number otherwise.
  const [draft, setDraft] = useState<string | null>(null);
  const end = scaleEnd(authority);
  const band = discountBand(authority, percent);
  const pct = (n: number) => t('storeQuote.percent', { percent: format.number(n) });
  const bandWords: Record<DiscountBand, string> = {
    within: t('storeQuote.band.within'),
    'needs-approval': t('storeQuote.band.needs-approval'),
    refused: t('storeQuote.band.refused'),
  };
  const segments: { band: DiscountBand; from: number; to: number; range: string }[] = [
    {
      band: 'within',
      from: 0,
      to: authority.ownPercent,
      range: t('storeQuote.band.upTo', { percent: pct(authority.ownPercent) }),
    },
    {
      band: 'needs-approval',
      from: authority.ownPercent,
      to: authority.limitPercent,
      range: t('storeQuote.band.between', {
        from: pct(authority.ownPercent),
        to: pct(authority.limitPercent),
      }),
    },
    {
      band: 'refused',
      from: authority.limitPercent,
      to: end,
      range: t('storeQuote.band.above', { percent: pct(authority.limitPercent) }),
    },
  ];
  const shown = segments.filter((s) => s.to > s.from);
  return (
    <fieldset className="discount-control" disabled={disabled}>
      <legend>{t('storeQuote.discount')}</legend>
      <div className="discount-inputs">
        <label htmlFor={`${id}-n`}>{t('storeQuote.discountPercent')}</label>
        <input
          id={`${id}-n`}
          type="number"
          inputMode="decimal"
          min={0}
          max={100}
          step={0.5}
          value={draft ?? String(percent)}
          onChange={(e) => {
            setDraft(e.target.value);
            const n = readPercent(e.target.value);
            if (n !== null) onChange(n);
          }}
          onBlur={() => setDraft(null)}
        />
        <output htmlFor={`${id}-n ${id}-r`} className={`band-now band-${band}`} aria-live="polite">
          {bandWords[band]}
        </output>
      </div>
      <input
        id={`${id}-r`}
        className="discount-range"
        type="range"
        min={0}
        max={end}
        step={0.5}
        value={Math.min(percent, end)}
        aria-label={t('storeQuote.discountSlider')}
        aria-valuetext={`${pct(percent)}: ${bandWords[band]}`}
        onChange={(e) => onChange(Number(e.target.value))}
      />
      <div className="band-bar" aria-hidden="true">
        {shown.map((s) => (
          <span
            key={s.band}
            className={`band-${s.band}${s.band === band ? ' current' : ''}`}
            style={{ flexGrow: s.to - s.from }}
          />
        ))}
      </div>
      <ul className="band-legend" aria-label={t('storeQuote.band.title')}>
        {shown.map((s) => (
          <li key={s.band} className={`band-${s.band}`} aria-current={s.band === band ? 'true' : undefined}>
            <strong>{bandWords[s.band]}</strong> {s.range}
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
