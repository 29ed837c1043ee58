// The admin lists' filters live in the URL (a filtered list is a link to share): the search box
// sends its text when submitted, and each select applies at once.
import { useState, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';

/** The page's search parameters, and a setter that sets or (for undefined) removes some of them. */
export function useFilterParams() {
  const [search, setSearch] = useSearchParams();
  const update = (next: Record<string, string | undefined>) => {
    const params = new URLSearchParams(search);
    for (const [k, v] of Object.entries(next)) if (v) params.set(k, v); else params.delete(k);
    setSearch(params, { replace: true });
  };
  return { search, update };
}

/** A search box whose text goes to `q` when submitted, with the filters beside it. */
export function SearchFilters({ q, label, placeholder, onSearch, children }: { q: string | undefined; label: string; placeholder: string; onSearch: (q: string | undefined) => void; children?: ReactNode }) {
  const [typed, setTyped] = useState(q ?? '');
  return (
    <form
      className="admin-filters"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        onSearch(typed.trim() || undefined);
      }}
    >
      <input className="input admin-filters__search" type="search" aria-label={label} placeholder={placeholder} value={typed} onChange={(e) => setTyped(e.target.value)} />
      <button type="submit" className="btn btn--secondary">Search</button>
      {children}
    </form>
  );
}

/** A filter that applies at once: "all" (the empty value) or one of the options. */
export function FilterSelect({ label, all, value, options, onChange }: { label: string; all: string; value: string | undefined; options: readonly { id: string; name: string }[]; onChange: (value: string | undefined) => void }) {
  return (
    <select className="input" aria-label={label} value={value ?? ''} onChange={(e) => onChange(e.target.value || undefined)}>
      <option value="">{all}</option>
      {options.map((o) => (
        <option key={o.id} value={o.id}>
          {o.name}
        </option>
      ))}
    </select>
  );
}
