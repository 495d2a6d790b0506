/**
 * The front matter an import is given (`--front-matter FILE`): valid YAML that fits
 * rules/schema/front-matter.schema.json, or the import does not run (exit 2).
 */
import { parseDocument } from 'yaml';
import { describeErrors, Schemas } from '../../../shared/schemas.js';
import type { FrontMatter } from '../../../../generated/types.js';
import { BadWordFile } from './package.js';

export class BadFrontMatter extends BadWordFile {
  override name = 'BadFrontMatter';
}

export function readImportFrontMatter(yaml: string, name: string): FrontMatter {
  const document = parseDocument(yaml, { uniqueKeys: true, strict: true });
  const problem = document.errors[0];
  if (problem) throw new BadFrontMatter(`${name} is not valid YAML: ${problem.message.split('\n')[0]}`);
  const data: unknown = document.toJS({ maxAliasCount: 0 });
  const validate = new Schemas().validator('front-matter.schema.json');
  if (!validate(data)) {
    throw new BadFrontMatter(`${name} is not front matter for a document of sec-text/: ${describeErrors(validate.errors).join('; ')}`);
  }
  return data as FrontMatter;
}
