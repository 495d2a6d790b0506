/**
 * A GFM table → a Word table. The header row repeats on each page. A row whose every filled
 * cell is wholly inserted (deleted) by one modification is a tracked row insertion (deletion),
 * `w:trPr/w:ins` (`w:del`), as Word records an inserted row; inserted and deleted columns and
 * cells are tracked runs in each cell (Word has no column revision that LibreOffice and pandoc read).
 */
import { Paragraph, Table, TableCell, TableRow, WidthType } from 'docx';
import type { Nodes, RootContent, Table as MdTable, TableCell as MdCell, TableRow as MdRow } from 'mdast';
import { isRedline, type Redline } from '../../../compiler/2-parse/redline/types.js';
import type { Change } from './changes.js';
import { runsOf, type InlineContext } from './inline.js';

export function tableOf(table: MdTable, context: InlineContext, change: Change | undefined): Table {
  const rows = table.children.map((row, index) => {
    const rowChange = change ?? (index > 0 ? wholeRowChange(row, context) : undefined);
    const mark = rowChange ? context.ids.attributes(rowChange) : undefined;
    return new TableRow({
      ...(index === 0 ? { tableHeader: true } : {}),
      ...(mark && rowChange ? (rowChange.kind === 'insertion' ? { insertion: mark } : { deletion: mark }) : {}),
      children: row.children.map((cell) => cellOf(cell, context, change)),
    });
  });
  return new Table({ rows, width: { size: 100, type: WidthType.PERCENTAGE } });
}

function cellOf(cell: MdCell, context: InlineContext, change: Change | undefined): TableCell {
  return new TableCell({ children: [new Paragraph({ children: runsOf(cell.children as RootContent[], context, change) })] });
}

/** The change of a row whose filled cells are all wholly one redline type of one modification. */
function wholeRowChange(row: MdRow, context: InlineContext): Change | undefined {
  let first: Redline | undefined;
  for (const cell of row.children) {
    const parts = (cell.children as Nodes[]).filter((child) => !(child.type === 'text' && child.value.trim() === ''));
    if (parts.length === 0) continue;
    for (const part of parts) {
      if (!isRedline(part)) return undefined;
      first ??= part;
      if (part.type !== first.type || part.cite !== first.cite) return undefined;
    }
  }
  return first ? context.ids.changeOf(first) : undefined;
}
