import { useI18n } from '../i18n/I18nProvider.tsx';

/** The options of a select over codes of one family, each shown by its label (orgKind.ftz → 自贸试验区). */
export function LabelOptions({ family, codes }: { family: string; codes: readonly string[] }) {
  const { label } = useI18n();
  return (
    <>
      {codes.map((c) => (
        <option key={c} value={c}>
          {label(family, c)}
        </option>
      ))}
    </>
  );
}
