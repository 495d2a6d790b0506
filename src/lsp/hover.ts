/**
 * Hover on a table cell or a rule block: what the compiler made of it, in each interval of the
 * SEC's timeline (the base, then from each release date), so a drafter sees the SR, the User
 * Role, the Target Response Time in seconds and from which release it is in force. When the text
 * does not compile there is no timeline; the baseline and modified rule sets are shown instead.
 */
import type { RuleSet, Source } from '../shared/model.js';
import type { Analysis } from './workspace.js';
import { spanContains } from './places.js';

interface Point0 {
  line: number;
  character: number;
}

interface Period {
  label: string;
  ruleSet: RuleSet;
}

const MODE = { scheduled: 'Scheduled', 'on-demand': 'On-Demand' } as Record<string, string>;

/** The hover text (Markdown) for a place in a document of the corpus, or undefined when nothing compiled is there. */
export function hoverText(analysis: Analysis, document: string, at: Point0): string | undefined {
  const periods = periodsOf(analysis);
  const described = periods.map((period) => ({ period, lines: meaningAt(period.ruleSet, document, at) }));
  if (described.every(({ lines }) => lines.length === 0)) return undefined;
  const folded: Array<{ labels: string[]; lines: string[] }> = [];
  for (const { period, lines } of described) {
    const last = folded.at(-1);
    if (last && last.lines.join('\n') === lines.join('\n')) last.labels.push(period.label);
    else folded.push({ labels: [period.label], lines });
  }
  const sections = folded.map(({ labels, lines }) => {
    const body = lines.length === 0 ? '- not in force' : lines.map((line) => `- ${line}`).join('\n');
    return `**${labels[0]}**${labels.length > 1 ? ` (and ${labels.slice(1).join(', ')})` : ''}\n\n${body}`;
  });
  return sections.join('\n\n');
}

function periodsOf(analysis: Analysis): Period[] {
  if (analysis.inForce) {
    return analysis.inForce.map((interval) => ({
      label: interval.release
        ? `In force from ${interval.from ?? ''} (${interval.release.title}${interval.modifications.length > 0 ? `: ${interval.modifications.join(', ')}` : ''})`
        : 'The base (before any release)',
      ruleSet: interval.ruleSet,
    }));
  }
  const ruleSets = analysis.result.ruleSets;
  if (!ruleSets) return [];
  return [
    { label: 'Baseline (the text does not compile: no release timeline)', ruleSet: ruleSets.baseline },
    { label: 'Modified (every pending modification)', ruleSet: ruleSets.modified },
  ];
}

/** One line per compiled entry read from the place, most specific first. */
export function meaningAt(ruleSet: RuleSet, document: string, at: Point0): string[] {
  const here = (source: Source | undefined): boolean => source !== undefined && source.file === document && spanContains(source, at);
  const roleName = (id: string): string => ruleSet.userRoles.find((role) => role.id === id)?.name ?? id;
  const lines: string[] = [];
  for (const trt of ruleSet.trt) {
    if (!here(trt.source)) continue;
    const value = trt.seconds === null ? 'not available (N/A)' : `${trt.seconds} s (\`${trt.text}\`)`;
    lines.push(
      `SR ${trt.sr}, User Role ${roleName(trt.role)}, SMETS${trt.smets}, ${MODE[trt.mode] ?? trt.mode}: Target Response Time ${value}`,
    );
  }
  for (const cell of ruleSet.eligibility) {
    if (here(cell.source)) lines.push(`SR ${cell.sr}, User Role ${roleName(cell.role)}: ${cell.eligible ? 'eligible' : 'not eligible'}`);
  }
  for (const sr of ruleSet.serviceRequests) {
    const fields = Object.entries(sr.sources).filter(([, source]) => here(source));
    for (const [field, source] of fields)
      lines.push(`SR ${sr.ref} (${sr.name}), ${source.header ?? field}: ${String(sr[field as keyof typeof sr])}`);
    if (fields.length === 0 && here(sr.source)) {
      lines.push(
        `SR ${sr.ref} (${sr.name}): Critical ${sr.critical}, Non-Device ${sr.nonDevice}, On Demand ${sr.onDemand}, Future Dated ${sr.futureDated}, DCC Scheduled ${sr.dccScheduled}`,
      );
    }
  }
  for (const role of ruleSet.userRoles) {
    if (here(role.source)) lines.push(`User Role ${role.name} (\`${role.id}\`), ${role.partyCategory}`);
  }
  for (const rule of ruleSet.clauseRules) {
    if (!here(rule.source)) continue;
    const fields = Object.entries(rule)
      .filter(([key]) => !['id', 'clause', 'kind', 'source', 'fingerprint'].includes(key))
      .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
    lines.push(`Rule \`${rule.id}\` (${rule.kind}) of clause ${rule.clause}${fields.length > 0 ? `: ${fields.join('; ')}` : ''}`);
  }
  return lines;
}
