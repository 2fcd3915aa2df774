/**
 * Names in a run in the chosen language, falling back to the Chinese where no English name is stored
 * (and to the code where the run does not know it). Shared by the server's exports and the web pages,
 * which each add how they show a missing grade and the default comparison group.
 */
export interface NamedRun {
  scheme: { name: string; nameEn: string | null };
  indicators: readonly { code: string; name: string; nameEn: string | null }[];
  grades: readonly { label: string; labelEn: string | null }[];
  groups: readonly { code: string; name: string }[];
}

export function runNames(run: NamedRun, lang: 'zh' | 'en') {
  const indicators = new Map(run.indicators.map((i) => [i.code, i]));
  const grades = new Map(run.grades.map((g) => [g.label, g]));
  const groups = new Map(run.groups.map((g) => [g.code, g]));
  return {
    unit: (u: { name: string; nameEn: string | null }) => (lang === 'en' ? (u.nameEn ?? u.name) : u.name),
    indicator: (code: string) => {
      const i = indicators.get(code);
      return lang === 'en' ? (i?.nameEn ?? i?.name ?? code) : (i?.name ?? code);
    },
    grade: (label: string) => (lang === 'en' ? (grades.get(label)?.labelEn ?? label) : label),
    group: (code: string) => groups.get(code)?.name ?? code,
    scheme: () => (lang === 'en' ? (run.scheme.nameEn ?? run.scheme.name) : run.scheme.name),
  };
}
