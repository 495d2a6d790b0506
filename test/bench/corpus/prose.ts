/** Generated prose documents: numbered clauses with inline and block redlines, cross-references, prose tables and rule blocks; Section H with the User Roles table. */
import { type CorpusOptions } from './options.js';
import {
  ACTIONS,
  CONDITIONS,
  INSERTED_PHRASES,
  MDR,
  MODIFICATIONS,
  REPLACEMENTS,
  ROLES,
  type Random,
  TERMS,
  TITLES,
  paragraph,
  sentence,
} from './vocabulary.js';
import { type DocumentPlan, type RuleSpec, Writer, ruleBlock, ruleSpecs } from './writer.js';

export interface ClauseRef {
  id: string;
  /** How another document cites it: `Section B3.2` or `clause AC2.1`. */
  cite: string;
  paragraphs: boolean;
}

/** Prose clauses for one document. Cross-references point only at clauses present in both views. */
export function proseDocument(
  plan: DocumentPlan,
  options: Required<CorpusOptions>,
  random: Random,
  stable: ClauseRef[],
  scopes: readonly string[],
): Writer {
  const writer = new Writer(random);
  const baseRoles = ROLES.map((role) => role.id);
  const allRoles = [...baseRoles, MDR.id];
  const specs = ruleSpecs(random, scopes);
  const parts = Math.max(1, Math.round(options.clausesPerDocument / 6));
  const perPart = Math.max(1, Math.ceil(options.clausesPerDocument / parts));
  const isSection = plan.document.includes('Section');
  writer.push(`# ${plan.title}`, '');
  let made = 0;
  for (let part = 1; part <= parts && made < options.clausesPerDocument; part++) {
    writer.push(`## ${plan.id}${part} ${random.pick(TITLES)}`, '');
    for (let number = 1; number <= perPart && made < options.clausesPerDocument; number++, made++) {
      const id = `${plan.id}${part}.${number}`;
      const cite = isSection ? `Section ${id}` : `clause ${id}`;
      const roll = random.next();
      if (roll < 0.03 && number > 1) {
        // A whole clause deleted.
        const mod = random.pick(MODIFICATIONS).id;
        writer.block('del', mod, () =>
          clauseBody(writer, id, random.pick(TITLES), { redline: false, rule: random.chance(0.4), roles: baseRoles, stable, specs, mod }),
        );
        writer.clauses++;
        continue;
      }
      const changed = random.chance(0.35);
      const lettered = random.chance(0.3);
      // Only MP162's redlines may name its MDR User Role: another modification's are drafted against the base.
      const mod = random.pick(MODIFICATIONS).id;
      clauseBody(writer, id, random.pick(TITLES), {
        redline: changed,
        rule: random.chance(0.25),
        roles: baseRoles,
        stable,
        specs,
        mod,
        lettered,
        modifiedRoles: mod === 'MP162' ? allRoles : baseRoles,
      });
      writer.clauses++;
      if (!changed) stable.push({ id, cite, paragraphs: lettered });
      if (random.chance(0.05)) {
        // A whole clause inserted after it, with a letter suffix instead of renumbering.
        const mod = random.pick(MODIFICATIONS).id;
        writer.block('ins', mod, () =>
          clauseBody(writer, `${id}A`, random.pick(TITLES), {
            redline: false,
            rule: random.chance(0.5),
            roles: mod === 'MP162' ? allRoles : baseRoles,
            stable,
            specs,
            mod,
          }),
        );
        writer.clauses++;
      }
    }
  }
  return writer;
}

export interface ClauseOptions {
  redline: boolean;
  rule: boolean;
  roles: readonly string[];
  /** The roles defined in the modified view (for the re-reviewed block of a redlined clause). */
  modifiedRoles?: readonly string[];
  stable: readonly ClauseRef[];
  specs: RuleSpec[];
  mod: string;
  lettered?: boolean;
}

export function clauseBody(writer: Writer, id: string, title: string, options: ClauseOptions): void {
  const { random } = writer;
  const { redline, mod } = options;
  const heading = redline && random.chance(0.15) ? `${writer.replace(mod, title, `${title} and Notices`)}` : title;
  writer.push(`### ${id} ${heading}`, '');
  const paragraphs = random.int(2, 4);
  let redlined = false;
  for (let index = 0; index < paragraphs; index++) {
    let text = paragraph(random, random.int(3, 6));
    if (index === 0 && options.stable.length > 0 && random.chance(0.6)) {
      const target = random.pick(options.stable);
      text += ` This is without prejudice to ${target.cite}${target.paragraphs && random.chance(0.5) ? '(a)' : ''}.`;
    }
    if (redline && (index === 0 || random.chance(0.3))) {
      text = redlineProse(writer, text, mod);
      redlined = true;
    }
    writer.push(text, '');
  }
  if (options.lettered) {
    for (const label of ['a', 'b', 'c'].slice(0, random.int(2, 3))) {
      let item = `(${label}) ${sentence(random)}`;
      if (redline && !redlined) {
        item = redlineProse(writer, item, mod);
        redlined = true;
      }
      writer.push(`- ${item}`);
    }
    writer.push('');
  }
  if (random.chance(0.12)) proseTable(writer, redline ? mod : undefined);
  if (!options.rule) return;
  const spec = random.pick(options.specs);
  if (!redline) {
    ruleBlock(writer, id, spec, options.roles);
    return;
  }
  // The clause text differs between the views: the rule block is itself redlined.
  writer.block('del', mod, () => ruleBlock(writer, id, spec, options.roles));
  writer.block('ins', mod, () => ruleBlock(writer, id, spec, options.modifiedRoles ?? options.roles));
}

export function redlineProse(writer: Writer, text: string, mod: string): string {
  const { random } = writer;
  for (const [from, to] of REPLACEMENTS) {
    const at = text.indexOf(from);
    if (at !== -1 && random.chance(0.7)) return `${text.slice(0, at)}${writer.replace(mod, from, to)}${text.slice(at + from.length)}`;
  }
  const at = text.indexOf('.');
  return `${text.slice(0, at)}${writer.ins(mod, random.pick(INSERTED_PHRASES))}${text.slice(at)}`;
}

/** A prose table (not one of the data tables): definitions, with redlined rows or a column. */
export function proseTable(writer: Writer, mod: string | undefined): void {
  const { random } = writer;
  const column = mod !== undefined && random.chance(0.3);
  writer.push(column ? `| Term | Meaning | ${writer.ins(mod, 'Since')} |` : '| Term | Meaning |', column ? '|---|---|---|' : '|---|---|');
  for (let row = 0; row < random.int(3, 6); row++) {
    const term = random.pick(TERMS);
    const meaning = `${random.pick(ACTIONS)} ${random.pick(CONDITIONS)}`;
    const extra = column ? ` ${writer.ins(mod, random.pick(MODIFICATIONS).implementationDate)} |` : '';
    if (mod !== undefined && !column && random.chance(0.25)) {
      const kind = random.chance(0.5) ? 'ins' : 'del';
      const wrap = (text: string): string => (kind === 'ins' ? writer.ins(mod, text) : writer.del(mod, text));
      writer.push(`| ${wrap(term)} | ${wrap(meaning)} |`);
    } else writer.push(`| ${term} | ${meaning} |${extra}`);
  }
  writer.push('');
}

// ---------------------------------------------------------------------------------------------
// Section H, Appendix E, Appendix AB

export function sectionH(random: Random, options: Required<CorpusOptions>, stable: ClauseRef[], scopes: readonly string[]): Writer {
  const plan = { file: 'section-h.md', document: 'SEC Section H', id: 'H', title: 'DCC Services' };
  const writer = proseDocument(
    { ...plan, id: 'H' },
    { ...options, clausesPerDocument: Math.max(6, Math.round(options.clausesPerDocument / 2)) },
    random,
    stable,
    scopes,
  );
  // Put the User Roles clause first, after the title.
  const title = writer.lines.shift();
  const rest = writer.lines.splice(0);
  writer.push(title!, '', '## H0 User Roles', '', '### H0.1 User Roles and Party Categories', '');
  writer.push(
    'A Party may become a User in one or more of the User Roles set out below. The table gives, for each User Role, the identifier by which it is known and the Party Category with which it is associated.',
    '',
  );
  writer.push('| User Role | Identifier | Party Category |', '|---|---|---|');
  for (const role of ROLES) writer.push(`| ${role.name} | \`${role.id}\` | ${role.party} |`);
  writer.push(`| ${writer.ins('MP162', MDR.name)} | ${writer.ins('MP162', `\`${MDR.id}\``)} | ${writer.ins('MP162', MDR.party)} |`, '');
  writer.clauses++;
  writer.push(...rest);
  return writer;
}
