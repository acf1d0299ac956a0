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
              <th scope="row">
                <button type="button" class="lp-link lp-row-name" onClick={() => onFocus(row)} title={`Show “${row.name}” in the file and its review`}>
                  {row.name}
                </button>
              </th>
              <td>{row.pageName}</td>
              <td class="lp-num">{row.hcc === null ? '—' : formatHcc(row.hcc, row.record?.capture?.policy?.thresholds)}</td>
              <td>{row.label ?? '—'}</td>
              <td>
                <span class={`lp-status lp-status-${row.status}`}>{STATUS_TEXT[row.status]}</span>
              </td>
              <td>{row.license}</td>
              <td class="lp-small">{row.capturedAt ? `${row.capturedAt.slice(0, 16).replace('T', ' ')} · ${row.capturedBy ?? ''}` : '—'}</td>
              <td>{editedText(row)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
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
