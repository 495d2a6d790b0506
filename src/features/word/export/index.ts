/** `secc export docx`: every document of the compiled corpus as a .docx, named after its Markdown file. */
import type { ParsedDocument } from '../../../compiler/driver.js';
import type { Modification } from '../../../shared/model.js';
import type { ReleasePlan } from '../../../shared/release-plan.js';
import { modificationsFor } from '../version.js';
import { wordDocument, type ExportOptions } from './document.js';
import { packDocx } from './package.js';

export { EXPORT_RULES, type ExportOptions } from './document.js';

/** What the corpus plan says about modifications: the declared ones and the releases that date them. */
export interface ExportPlan {
  modifications: readonly Modification[];
  releases: ReleasePlan | undefined;
}

/** file name (`appendix-ab.docx`) → bytes. Documents that did not parse are left out (the compile reported them). */
export async function exportDocx(
  parsed: readonly ParsedDocument[],
  plan: ExportPlan,
  options: ExportOptions,
): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const { doc, tree, facts } of parsed) {
    if (!tree) continue;
    const title = facts.info ? `${facts.info.document}: ${facts.info.title}` : doc.name;
    const document = wordDocument(
      { tree, file: doc.file, title, modifications: modificationsFor(facts.info?.document ?? doc.name, plan.modifications, plan.releases) },
      options,
    );
    out.set(doc.name.replace(/\.md$/, '.docx'), await packDocx(document, title));
  }
  return out;
}
