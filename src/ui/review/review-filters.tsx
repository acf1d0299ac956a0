/** The Review table's filter bar: name, label, status, page, out of date only. */
import { REVIEW_STATUSES } from '../../provenance/review'
import { STATUS_TEXT, type filterOptions, type Filters } from './review-table'

export function FiltersView({
  filters,
  setFilters,
  options,
}: {
  filters: Filters
  setFilters: (f: Filters) => void
  options: ReturnType<typeof filterOptions>
}) {
  return (
    <fieldset class="lp-fieldset lp-filters">
      <legend class="lp-visually-hidden">Filters</legend>
      <label class="lp-filter">
        <span class="lp-label">Name</span>
        <input class="lp-input" type="search" value={filters.name} onInput={(e) => setFilters({ ...filters, name: e.currentTarget.value })} />
      </label>
      <FilterSelect label="Label" value={filters.label} choices={options.labels.map((l) => [l, l])} onChange={(label) => setFilters({ ...filters, label })} />
      <FilterSelect
        label="Status"
        value={filters.status}
        choices={[...REVIEW_STATUSES, 'record-damaged' as const].map((s) => [s, STATUS_TEXT[s]])}
        onChange={(status) => setFilters({ ...filters, status: status as Filters['status'] })}
      />
      <FilterSelect label="Page" value={filters.pageId} choices={options.pages.map((p) => [p.id, p.name])} onChange={(pageId) => setFilters({ ...filters, pageId })} />
      <label class="lp-filter lp-filter-check">
        <input type="checkbox" checked={filters.outOfDateOnly} onChange={(e) => setFilters({ ...filters, outOfDateOnly: e.currentTarget.checked })} />
        <span>Out of date only</span>
      </label>
    </fieldset>
  )
}

/** One filter: "Any" (the empty value) first, then each `[value, text]` choice. */
function FilterSelect({ label, value, choices, onChange }: { label: string; value: string; choices: [string, string][]; onChange: (value: string) => void }) {
  return (
    <label class="lp-filter">
      <span class="lp-label">{label}</span>
      <select class="lp-input" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">Any</option>
        {choices.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  )
}
