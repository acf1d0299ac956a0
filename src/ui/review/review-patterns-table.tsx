/** The Review table: one row a tracked pattern, sortable by every column. */
import type { ClientEndpoint } from '../../channel'
import { formatHcc } from '../shared/format'
import { COLUMNS, editedText, STATUS_TEXT, type ColumnKey, type Sort } from './review-table'
import { Thumbnail, type ThumbnailCache, type ThumbnailSource } from './review-thumbnail'
import type { ReviewRow } from './review-workflows'

export function PatternsTable({
  rows,
  selected,
  sort,
  setSort,
  client,
  thumbs,
  thumbnails,
  onFocus,
}: {
  rows: readonly ReviewRow[]
  selected: string | null
  sort: Sort
  setSort: (s: Sort) => void
  client: ClientEndpoint
  /** Thumbnails live in memory only, for as long as the tab is open. */
  thumbs: ThumbnailCache
  /** The layer as drawn, or the heat map of its capture. */
  thumbnails: ThumbnailSource
  /** Show the pattern in the file and open its review. */
  onFocus: (row: ReviewRow) => void
}) {
  return (
    <div class="lp-table-wrap">
      <table class="lp-table lp-review-table" aria-label="Tracked patterns">
        <thead>
          <tr>
            <th scope="col">
              <span class="lp-visually-hidden">{thumbnails === 'heatmap' ? 'Heat map' : 'Thumbnail'}</span>
            </th>
            {COLUMNS.map((column) => (
              <SortHeader key={column.key} column={column.key} label={column.label} sort={sort} setSort={setSort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.nodeId} class={row.nodeId === selected ? 'lp-selected' : undefined}>
              <td>
                <Thumbnail client={client} nodeId={row.nodeId} name={row.name} recordRaw={row.record ? row.raw.record : null} record={row.record ?? undefined} source={thumbnails} cache={thumbs} />
              </td>
              {COLUMNS.map((column) => (
                <Cell key={column.key} column={column.key} row={row} onFocus={onFocus} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** One cell of a row, by its column (the header and the cells follow the same COLUMNS order). */
function Cell({ column, row, onFocus }: { column: ColumnKey; row: ReviewRow; onFocus: (row: ReviewRow) => void }) {
  switch (column) {
    case 'name':
      return (
        <th scope="row">
          <button type="button" class="lp-link lp-row-name" onClick={() => onFocus(row)} title={`Show “${row.name}” in the file and its review`}>
            {row.name}
          </button>
        </th>
      )
    case 'hcc':
      return <td class="lp-num">{row.hcc === null ? '—' : formatHcc(row.hcc, row.record?.capture?.policy?.thresholds)}</td>
    case 'label':
      return <td>{row.label ?? '—'}</td>
    case 'status':
      return (
        <td>
          <span class={`lp-status lp-status-${row.status}`}>{STATUS_TEXT[row.status]}</span>
        </td>
      )
    case 'edited':
      return <td>{editedText(row)}</td>
    case 'captured':
      // Date above, person below: two short lines instead of one long one.
      return (
        <td class="lp-small">
          {row.capturedAt ? (
            <>
              <span class="lp-nowrap">{row.capturedAt.slice(0, 16).replace('T', ' ')}</span> {row.capturedBy ?? ''}
            </>
          ) : (
            '—'
          )}
        </td>
      )
    case 'license':
      return <td>{row.license}</td>
    case 'page':
      return (
        <td>
          <span class="lp-ellipsis lp-cell-page" title={row.pageName}>
            {row.pageName}
          </span>
        </td>
      )
  }
}

function SortHeader({ column, label, sort, setSort }: { column: ColumnKey; label: string; sort: Sort; setSort: (s: Sort) => void }) {
  const active = sort.key === column
  const next: Sort = { key: column, direction: active && sort.direction === 'ascending' ? 'descending' : 'ascending' }
  return (
    <th scope="col" aria-sort={active ? sort.direction : 'none'}>
      <button type="button" class="lp-sort" onClick={() => setSort(next)}>
        {label}
        <span aria-hidden="true">{active ? (sort.direction === 'ascending' ? ' ▲' : ' ▼') : ''}</span>
      </button>
    </th>
  )
}
