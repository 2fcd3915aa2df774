import { useId } from 'react';

/** A search field that filters a list as one types; its label is for screen readers only. */
export function SearchBox({
  label,
  placeholder,
  value,
  onChange,
  testId,
  className = 'input',
}: {
  label: string;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  className?: string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        className={className}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </>
  );
}
