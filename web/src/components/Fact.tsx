import type { ComponentProps } from 'react';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';

/**
 * One entry of a facts list (`<dl>`): the term, by its message key, and what it says. Other
 * attributes (data-testid, a class) go on the `<dd>`, which holds the value. The pair is wrapped in
 * a `<div>` (as `dl.facts` lays them out) unless `bare`, for the lists laid out as a grid of dt/dd.
 */
export function Fact({ term, bare, children, ...dd }: ComponentProps<'dd'> & { term: MessageKey; bare?: boolean }) {
  const { t } = useI18n();
  const pair = (
    <>
      <dt>{t(term)}</dt>
      <dd {...dd}>{children}</dd>
    </>
  );
  return bare ? pair : <div>{pair}</div>;
}
