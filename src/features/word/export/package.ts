/**
 * The .docx bytes, the same for the same input. The `docx` package stamps the package with the
 * clock (zip entry times, `dcterms:created`/`modified`) and numbers bookmarks with a counter
 * shared by every document of the process, so the package is re-zipped here: entry times fixed,
 * core properties without dates, bookmark ids counted per part.
 */
import { Packer, type Document } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';

/**
 * 1980-01-01 00:00, the earliest DOS date. fflate writes an entry's time in local time, so the
 * date is made in the zone in force when packing: the same fields (all zero) in every zone.
 */
const zipTime = (): Date => new Date(1980, 0, 1, 0, 0, 0);

export async function packDocx(document: Document, title: string): Promise<Uint8Array> {
  const packed = unzipSync(new Uint8Array(await Packer.toBuffer(document)));
  const entries: Zippable = {};
  const mtime = zipTime();
  for (const [name, bytes] of Object.entries(packed)) entries[name] = [normalisePart(name, bytes, title), { mtime, level: 6 }];
  return zipSync(entries, { mtime });
}

function normalisePart(name: string, bytes: Uint8Array, title: string): Uint8Array {
  if (name === 'docProps/core.xml') return strToU8(coreProperties(title));
  if (!name.endsWith('.xml')) return bytes;
  const xml = strFromU8(bytes);
  if (!xml.includes('w:bookmarkStart')) return bytes;
  return strToU8(renumberBookmarks(xml));
}

function coreProperties(title: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(title)}</dc:title><dc:creator>secc</dc:creator><cp:lastModifiedBy>secc</cp:lastModifiedBy>` +
    '<cp:revision>1</cp:revision></cp:coreProperties>'
  );
}

/**
 * Bookmark ids in order of appearance, start and end paired by the old id. Bookmarks and tracked
 * changes share one id space (ECMA-376 annotations), and changes count from 1, so bookmarks start high.
 */
const BOOKMARK_IDS = 1_000_000;

function renumberBookmarks(xml: string): string {
  const ids = new Map<string, number>();
  return xml.replace(/<w:bookmark(Start|End)\b([^>]*?)\bw:id="(\d+)"/g, (_match, kind: string, before: string, id: string) => {
    const fresh = ids.get(id) ?? ids.set(id, BOOKMARK_IDS + ids.size + 1).get(id) ?? 0;
    return `<w:bookmark${kind}${before}w:id="${fresh}"`;
  });
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
