import { useEffect, useState } from 'react';
import { api } from './client.ts';
import type { Lang } from '../i18n/messages.ts';

/** Looks up indicator names by code from the (cached) catalogue; unknown codes give undefined. */
export function useIndicatorNames(lang: Lang): (code: string) => string | undefined {
  const [names, setNames] = useState<Map<string, { name: string; nameEn: string }>>(() => new Map());
  useEffect(() => {
    let live = true;
    api.indicators().then(
      (items) => {
        if (live) setNames(new Map(items.map((i) => [i.code, { name: i.name, nameEn: i.nameEn }])));
      },
      () => undefined, // names are a nicety; codes are shown instead
    );
    return () => {
      live = false;
    };
  }, []);
  return (code) => {
    const n = names.get(code);
    return n && (lang === 'en' ? n.nameEn || n.name : n.name);
  };
}
