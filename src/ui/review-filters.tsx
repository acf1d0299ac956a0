/** The Review table's filter bar: name, label, status, page, out of date only. */
import { REVIEW_STATUSES } from '../provenance/review'
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
      <label class="lp-filter">
        <span class="lp-label">Label</span>
        <select class="lp-input" value={filters.label} onChange={(e) => setFilters({ ...filters, label: e.currentTarget.value })}>
          <option value="">Any</option>
          {options.labels.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
      </label>
      <label class="lp-filter">
        <span class="lp-label">Status</span>
        <select
          class="lp-input"
          value={filters.status}
          onChange={(e) => setFilters({ ...filters, status: e.currentTarget.value as Filters['status'] })}
        >
          <option value="">Any</option>
          {[...REVIEW_STATUSES, 'record-damaged' as const].map((s) => (
            <option key={s} value={s}>
              {STATUS_TEXT[s]}
            </option>
          ))}
        </select>
      </label>
      <label class="lp-filter">
        <span class="lp-label">Page</span>
        <select class="lp-input" value={filters.pageId} onChange={(e) => setFilters({ ...filters, pageId: e.currentTarget.value })}>
          <option value="">Any</option>
          {options.pages.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <label class="lp-filter lp-filter-check">
        <input type="checkbox" checked={filters.outOfDateOnly} onChange={(e) => setFilters({ ...filters, outOfDateOnly: e.currentTarget.checked })} />
        <span>Out of date only</span>
      </label>
    </fieldset>
  )
}
