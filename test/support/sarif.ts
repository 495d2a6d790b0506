/** The SARIF 2.1.0 schema (vendored in test/fixtures/sarif) as an ajv validator. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { ROOT } from './project.js';

export function sarifValidator() {
  const schema = JSON.parse(readFileSync(path.join(ROOT, 'test', 'fixtures', 'sarif', 'sarif-2.1.0-rtm.5.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  // draft-04 → draft-07: `id` became `$id`; nothing else in this schema differs between them.
  const { id, $schema: _draft04, ...rest } = schema;
  const ajv = new Ajv.default({ strict: false, allErrors: true, unicodeRegExp: false });
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => URL.canParse(value, 'file:///'));
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  return ajv.compile({ $id: id as string, ...rest } as Record<string, unknown>);
}
