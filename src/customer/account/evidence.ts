import type { TFunction } from 'i18next';
import type { PreferencesResponse } from '../../contract/preferences.schema.ts';
import type { Preference } from './preference-item.tsx';

type Leaning = PreferencesResponse['leanings'][number];

/*
 * The server explains each preference in English sentences (src/core/profile/explain.ts) and gives their figures
 * only inside them. Other languages read the figures back out and say the sentence in their own words; a sentence
 * of a shape not known here is shown as the server wrote it rather than guessed at.
 */
const AFFINITY = /in (\d+) of (\d+) choices?(?:; you set it to (\d+)%)?\.$/;
const BAND = /^Your (\d+) .+ choices? sit at (\d+)% of its price range(?:; you set it to (\d+)%)?\.$/;
const SET_ONLY = /^You set this to (\d+)%\.$/;
const LEANING = /^Across (\d+) choices you pick at (\d+)% of the price range/;

/** "upper range" (the server's words for a price band) → the key of the page language's words for it. */
const BAND_WORDS: Record<string, string> = { 'upper range': '1', 'middle range': '0_5', 'lower range': '0' };

/** A price band's dimension is "<slot> price"; its slot name alone, for languages that say "price" elsewhere. */
const bandLabel = (p: Preference) => p.dimension.replace(/ price$/, '');

export function preferenceTitle(p: Preference, t: TFunction, english: boolean) {
  if (p.kind !== 'price-band' || english) return { dimension: p.dimension, value: p.value };
  const band = BAND_WORDS[p.value];
  return {
    dimension: t('account.preferences.why.bandDimension', { label: bandLabel(p) }),
    value: band ? t(`account.preferences.band.${band}`) : p.value,
  };
}

export function preferenceEvidence(p: Preference, t: TFunction, english: boolean): string {
  if (english) return p.evidence;
  const corrected = (percent: string | undefined) =>
    percent === undefined ? '' : ` ${t('account.preferences.why.corrected', { percent })}`;
  const setOnly = SET_ONLY.exec(p.evidence);
  if (setOnly) return t('account.preferences.why.setOnly', { percent: setOnly[1] });
  if (p.kind === 'price-band') {
    const m = BAND.exec(p.evidence);
    if (!m) return p.evidence;
    return (
      t('account.preferences.why.band', { n: m[1], dimension: bandLabel(p), percent: m[2] }) + corrected(m[3])
    );
  }
  const m = AFFINITY.exec(p.evidence);
  if (!m) return p.evidence;
  return (
    t('account.preferences.why.affinity', { value: p.value, dimension: p.dimension, n: m[1], of: m[2] }) +
    corrected(m[3])
  );
}

export function leaningEvidence(l: Leaning, t: TFunction, english: boolean): string {
  if (english) return l.evidence;
  const m = LEANING.exec(l.evidence);
  return m ? t('account.preferences.why.leaning', { n: m[1], percent: m[2] }) : l.evidence;
}
