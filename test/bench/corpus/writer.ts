/** Writing one generated document: its plan, the text writer that counts clauses, rule blocks and redlines, its front matter and its rule blocks. */
import { MODIFICATIONS, PLACEHOLDER, type Random, TITLES } from './vocabulary.js';
import type { PlanTexts } from '../../../src/compiler/1-read/plan.js';

export interface DocumentPlan {
  file: string;
  document: string;
  id: string;
  title: string;
}

/** The further documents, in order: Sections (one letter), then Appendices (two letters). */
export function furtherDocuments(count: number): DocumentPlan[] {
  const plans: DocumentPlan[] = [];
  for (const letter of 'ABCDFGIJKLMNOPQRSTUVWXYZ')
    plans.push({
      file: `section-${letter.toLowerCase()}.md`,
      document: `SEC Section ${letter}`,
      id: letter,
      title: `${TITLES[plans.length % TITLES.length]!} (Section ${letter})`,
    });
  for (const first of 'ABCD') {
    for (const second of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') {
      const id = `${first}${second}`;
      if (id === 'AB') continue;
      plans.push({
        file: `appendix-${id.toLowerCase()}.md`,
        document: `SEC Appendix ${id}`,
        id,
        title: `${TITLES[plans.length % TITLES.length]!} (Appendix ${id})`,
      });
    }
  }
  return plans.slice(0, count);
}

export class Writer {
  readonly lines: string[] = [];
  readonly used = new Set<string>();
  redlines = 0;
  ruleBlocks = 0;
  clauses = 0;
  constructor(readonly random: Random) {}
  push(...lines: string[]): void {
    this.lines.push(...lines);
  }
  ins(mod: string, text: string): string {
    this.used.add(mod);
    this.redlines++;
    return `<ins cite="${mod}">${text}</ins>`;
  }
  del(mod: string, text: string): string {
    this.used.add(mod);
    this.redlines++;
    return `<del cite="${mod}">${text}</del>`;
  }
  replace(mod: string, from: string, to: string): string {
    return `${this.del(mod, from)}${this.ins(mod, to)}`;
  }
  /** Whole blocks inside an insertion or deletion: tag alone on its line, blank lines around. */
  block(kind: 'ins' | 'del', mod: string, body: () => void): void {
    this.used.add(mod);
    this.redlines++;
    this.push(`<${kind} cite="${mod}">`, '');
    body();
    this.push('', `</${kind}>`, '');
  }
  text(): string {
    return `${this.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trimEnd()}\n`;
  }
}

export function frontMatter(plan: DocumentPlan, external: readonly string[]): string {
  const lines = ['---', `document: ${plan.document}`, `id: ${plan.id}`, `title: ${plan.title}`];
  if (external.length > 0) lines.push(`external: [${external.join(', ')}]`);
  lines.push('---', '');
  return lines.join('\n');
}

/** The plan beside the documents: one release per modification used, on its implementation date, and each one's manifest. */
export function planTexts(used: ReadonlySet<string>): PlanTexts {
  const mods = MODIFICATIONS.filter((modification) => used.has(modification.id));
  const releases = ['base:', '  id: base', '  title: Generated base', 'releases:'];
  for (const modification of [...mods].sort((a, b) => a.implementationDate.localeCompare(b.implementationDate)))
    releases.push(
      `  - id: ${modification.id.toLowerCase()}-release`,
      `    title: Release of ${modification.id}`,
      `    date: ${modification.implementationDate}`,
      `    implements: [{ modification: ${modification.id} }]`,
    );
  const manifests: Record<string, string> = {};
  for (const modification of mods)
    manifests[`${modification.id}.yaml`] = [
      `modification: ${modification.id}`,
      `title: ${JSON.stringify(modification.title)}`,
      'authority: Synthetic benchmark corpus',
      'intents:',
      '  - { id: all, ref: synthetic, changes: [{ kind: clause, action: changed }] }',
      '',
    ].join('\n');
  return { releases: `${releases.join('\n')}\n`, manifests };
}

export interface RuleSpec {
  slug: string;
  yaml: (roles: readonly string[]) => string[];
}

/** Rule kinds a generated clause may carry; `roles` are the User Roles defined in the view. */
export function ruleSpecs(random: Random, scopes: readonly string[]): RuleSpec[] {
  return [
    { slug: 'anomaly-thresholds', yaml: (roles) => ['kind: anomaly-detection-thresholds', `roles: [${roles.join(', ')}]`] },
    {
      slug: 'security-assessment',
      yaml: (roles) => [
        'kind: security-assessment',
        `role: ${random.pick(roles)}`,
        'atUserEntry: full-user-security-assessment',
        'thereafter: annual-user-security-assessment',
      ],
    },
    {
      slug: 'privacy-assessment',
      yaml: (roles) => ['kind: privacy-assessment', `role: ${random.pick(roles)}`, `required: ${random.chance(0.5)}`],
    },
    {
      slug: 'access-control',
      yaml: () => [
        'kind: registration-access-control',
        `role: ${random.pick(['import-supplier', 'export-supplier', 'gas-supplier'])}`,
        `registrationField: ${random.pick(['import-supplier', 'export-supplier', 'gas-supplier'])}`,
        `deviceTypes: [${random.pick(['ESME', 'GSME', 'ESME, CHF', 'GSME, GPF'])}]`,
      ],
    },
    {
      slug: 'same-obligations',
      yaml: (roles) => ['kind: same-obligations', `role: ${roles[roles.length - 1]}`, 'as: other-user', `scope: ${random.pick(scopes)}`],
    },
  ];
}

export function ruleBlock(writer: Writer, clause: string, spec: RuleSpec, roles: readonly string[], suffix = ''): void {
  writer.ruleBlocks++;
  writer.push(
    '```rule',
    `id: ${clause}.${spec.slug}${suffix}`,
    `clause: ${clause}`,
    `fingerprint: ${PLACEHOLDER}`,
    ...spec.yaml(roles),
    '```',
    '',
  );
}
