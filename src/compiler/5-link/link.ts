/**
 * Linking: the documents' facts, joined into one RuleSet per view. This is where a role name in
 * an Appendix E header becomes the identifier Section H defines, and where "Eligible User Roles"
 * in Appendix AB expands to the roles Appendix E makes eligible.
 */
import type { VFile } from 'vfile';
import { report } from '../../shared/diagnostics.js';
import type { DocumentFacts } from '../4-extract/document.js';
import type { TrtColumn } from '../4-extract/tables.js';
import { compareSrRefs } from '../4-extract/text.js';
import { ELIGIBLE_USER_ROLES, MODES, modeLabel, SMETS_GENERATIONS, trtHeader, type View } from '../../shared/vocabulary.js';
import {
  type ClauseRule,
  type Eligibility,
  type Modification,
  type RuleSet,
  type ServiceRequest,
  type Source,
  type Trt,
  type UserRole,
} from '../../shared/model.js';

export const LINK_RULES = {
  modificationConflict: 'modification-conflict',
  documentDuplicate: 'document-duplicate',
  rolesMissing: 'roles-missing',
  roleDuplicate: 'role-duplicate',
  roleUnknown: 'role-unknown',
  roleColumnMissing: 'eligibility-missing-role',
  srDuplicate: 'sr-duplicate',
  trtUnknownSr: 'trt-unknown-sr',
  trtMissing: 'trt-missing',
  clauseDuplicate: 'clause-duplicate',
  ruleDuplicate: 'rule-duplicate-id',
} as const;

/** Fields of clause rules that hold User Role identifiers. */
const ROLE_FIELDS = ['role', 'roles', 'partyRoles', 'mustUseRole', 'as', 'exemptWhenAlreadyAssessedAs'] as const;

export function link(documents: readonly DocumentFacts[], files: ReadonlyMap<string, VFile>, view: View): RuleSet {
  const fileOf = (name: string): VFile => files.get(name)!;
  const at = (source: Source) => ({ line: source.line, column: source.column });
  const facts = documents.map((document) => ({ document, view: document.views[view] }));

  // Modifications and documents.
  const modifications = new Map<string, Modification>();
  for (const { document } of facts) {
    for (const modification of document.modifications) {
      const known = modifications.get(modification.id);
      if (known && (known.title !== modification.title || known.implementationDate !== modification.implementationDate)) {
        report(
          fileOf(document.name),
          `Unexpected details for ${modification.id} (${modification.implementationDate}), expected the same title and implementation date as in the other documents (${known.implementationDate})`,
          {
            ruleId: LINK_RULES.modificationConflict,
            place: { line: 1, column: 1 },
            view,
          },
        );
      } else if (!known) modifications.set(modification.id, modification);
    }
  }
  const documentIds = new Map<string, string>();
  for (const { document } of facts) {
    if (!document.info) continue;
    const other = documentIds.get(document.info.id);
    if (other) {
      report(fileOf(document.name), `Unexpected document id \`${document.info.id}\`, expected it to differ from ${other}'s`, {
        ruleId: LINK_RULES.documentDuplicate,
        place: { line: 1, column: 1 },
        view,
      });
    }
    documentIds.set(document.info.id, document.name);
  }

  // User Roles.
  const userRoles: UserRole[] = [];
  const roleByName = new Map<string, UserRole>();
  const roleById = new Map<string, UserRole>();
  for (const { document, view: viewFacts } of facts) {
    for (const row of viewFacts.roleRows) {
      const clash = roleById.get(row.id) ?? roleByName.get(row.name);
      if (clash) {
        report(
          fileOf(document.name),
          `Unexpected second definition of User Role \`${row.name}\` (\`${row.id}\`), expected each User Role and identifier once`,
          { ruleId: LINK_RULES.roleDuplicate, place: at(row.source), view },
        );
        continue;
      }
      const role: UserRole = { id: row.id, name: row.name, partyCategory: row.partyCategory, source: row.source };
      userRoles.push(role);
      roleByName.set(role.name, role);
      roleById.set(role.id, role);
    }
  }
  const hasServices = facts.some(({ view: viewFacts }) => viewFacts.serviceRows.length > 0);
  if (userRoles.length === 0 && hasServices) {
    const first = facts.find(({ view: viewFacts }) => viewFacts.serviceRows.length > 0)!;
    report(
      fileOf(first.document.name),
      'Missing User Roles table, expected a table headed `User Role | Identifier | Party Category` in one of the documents',
      { ruleId: LINK_RULES.rolesMissing, place: { line: 1, column: 1 }, view },
    );
  }

  // Service Requests and eligibility.
  const serviceRequests: ServiceRequest[] = [];
  const eligibility: Eligibility[] = [];
  const srByRef = new Map<string, { sr: ServiceRequest; file: string }>();
  const reportedHeaders = new Set<string>();
  for (const { document, view: viewFacts } of facts) {
    for (const row of viewFacts.serviceRows) {
      const first = srByRef.get(row.ref);
      if (first) {
        report(
          fileOf(document.name),
          `Unexpected second definition of SR ${row.ref}, expected each Service Request once (first in ${first.file}:${first.sr.source.line})`,
          { ruleId: LINK_RULES.srDuplicate, place: at(row.source), view },
        );
        continue;
      }
      const { roleCells, ...fields } = row;
      const sr: ServiceRequest = fields;
      srByRef.set(row.ref, { sr, file: document.name });
      serviceRequests.push(sr);
      const named = new Set<string>();
      for (const cell of roleCells) {
        const role = roleByName.get(cell.header);
        if (!role) {
          const key = `${document.name}:${cell.headerSource.line}:${cell.headerSource.column}`;
          if (!reportedHeaders.has(key) && userRoles.length > 0) {
            reportedHeaders.add(key);
            report(
              fileOf(document.name),
              `Unexpected column \`${cell.header}\` in the services table, expected a User Role defined in the User Roles table (${userRoles.map((r) => r.name).join(', ')})`,
              {
                ruleId: LINK_RULES.roleUnknown,
                place: at(cell.headerSource),
                view,
                actual: cell.header,
                expected: userRoles.map((r) => r.name),
              },
            );
          }
          continue;
        }
        named.add(role.id);
        eligibility.push({ sr: row.ref, role: role.id, eligible: cell.eligible, source: cell.source });
      }
      for (const role of userRoles) {
        if (named.has(role.id)) continue;
        const key = `${document.name}:missing:${role.id}`;
        if (reportedHeaders.has(key)) continue;
        reportedHeaders.add(key);
        report(
          fileOf(document.name),
          `Missing column for User Role \`${role.name}\` in the services table, expected one column per defined User Role`,
          { ruleId: LINK_RULES.roleColumnMissing, place: at(row.source), view },
        );
      }
    }
  }

  // Target Response Times.
  const trt: Trt[] = [];
  const trtRowBySr = new Map<string, string>();
  const roleOrder = new Map(userRoles.map((role, index) => [role.id, index]));
  for (const { document, view: viewFacts } of facts) {
    const file = fileOf(document.name);
    for (const column of viewFacts.trtColumns) {
      if (column.sender !== ELIGIBLE_USER_ROLES && !roleByName.has(column.sender) && userRoles.length > 0) {
        report(
          file,
          `Unexpected sender \`${column.sender}\` in column \`${column.header}\`, expected \`${ELIGIBLE_USER_ROLES}\` or a defined User Role`,
          {
            ruleId: LINK_RULES.roleUnknown,
            place: at(column.headerSource),
            view,
            actual: column.sender,
            expected: [ELIGIBLE_USER_ROLES, ...userRoles.map((r) => r.name)],
          },
        );
      }
    }
    const ownColumns = new Set(viewFacts.trtColumns.map((column) => column.sender));
    for (const row of viewFacts.trtRows) {
      const firstFile = trtRowBySr.get(row.sr);
      if (firstFile) {
        report(file, `Unexpected second row of Target Response Times for SR ${row.sr}, expected one (first in ${firstFile})`, {
          ruleId: LINK_RULES.srDuplicate,
          place: at(row.source),
          view,
        });
        continue;
      }
      trtRowBySr.set(row.sr, document.name);
      const sr = srByRef.get(row.sr);
      if (!sr) {
        report(
          file,
          `Unexpected Target Response Times for SR ${row.sr}, which Appendix E does not list, expected only Service Requests defined in the services table`,
          { ruleId: LINK_RULES.trtUnknownSr, place: at(row.source), view },
        );
        continue;
      }
      const eligibleRoles = eligibility.filter((entry) => entry.sr === row.sr && entry.eligible).map((entry) => roleById.get(entry.role)!);
      for (const role of eligibleRoles) {
        const sender = ownColumns.has(role.name) ? role.name : ELIGIBLE_USER_ROLES;
        for (const smets of SMETS_GENERATIONS) {
          for (const mode of MODES) {
            const cell = row.cells.find((candidate) => matches(candidate.column, sender, smets, mode));
            if (!cell) {
              if (
                !row.cells.some(
                  (candidate) => candidate.column.sender === sender && candidate.column.smets === smets && candidate.column.mode === mode,
                ) &&
                !hasColumn(viewFacts.trtColumns, sender, smets, mode)
              ) {
                report(
                  file,
                  `Missing Target Response Time for SR ${row.sr}, ${role.name}, SMETS${smets}, ${modeLabel(mode)}: expected a column \`${trtHeader({ sender, smets, mode })}\``,
                  {
                    ruleId: LINK_RULES.trtMissing,
                    place: at(row.source),
                    view,
                  },
                );
              }
              continue;
            }
            trt.push({
              sr: row.sr,
              role: role.id,
              smets,
              mode,
              seconds: cell.seconds,
              text: cell.text,
              notes: cell.notes,
              source: cell.source,
            });
          }
        }
      }
    }
  }
  if (trtRowBySr.size > 0 || facts.some(({ view: viewFacts }) => viewFacts.trtColumns.length > 0)) {
    for (const { sr, file } of srByRef.values()) {
      if (trtRowBySr.has(sr.ref)) continue;
      report(fileOf(file), `Missing Target Response Times for SR ${sr.ref}, expected a row for it in the Appendix AB table`, {
        ruleId: LINK_RULES.trtMissing,
        place: at(sr.source),
        view,
      });
    }
  }

  // Clauses and clause rules.
  const clauses = facts.flatMap(({ view: viewFacts }) => viewFacts.clauses);
  const clauseFile = new Map<string, string>();
  for (const clause of clauses) {
    const other = clauseFile.get(clause.id);
    if (other && other !== clause.file) {
      report(fileOf(clause.file), `Unexpected clause ${clause.id}, also in ${other}, expected clause numbers unique across documents`, {
        ruleId: LINK_RULES.clauseDuplicate,
        place: at(clause.source),
        view,
      });
    }
    clauseFile.set(clause.id, clause.file);
  }
  const clauseRules = facts.flatMap(({ view: viewFacts }) => viewFacts.clauseRules);
  const ruleIds = new Map<string, ClauseRule>();
  for (const rule of clauseRules) {
    const first = ruleIds.get(rule.id);
    if (first) {
      report(
        fileOf(rule.source.file),
        `Unexpected second rule \`${rule.id}\`, expected rule ids unique (first in ${first.source.file}:${first.source.line})`,
        { ruleId: LINK_RULES.ruleDuplicate, place: at(rule.source), view },
      );
    }
    ruleIds.set(rule.id, rule);
    for (const field of ROLE_FIELDS) {
      const value = (rule as unknown as Record<string, unknown>)[field];
      const ids = Array.isArray(value) ? value : typeof value === 'string' && value !== 'all' ? [value] : [];
      for (const id of ids as string[]) {
        if (!roleById.has(id) && userRoles.length > 0) {
          report(
            fileOf(rule.source.file),
            `Unexpected User Role \`${id}\` in rule \`${rule.id}\` (${field}), expected an identifier from the User Roles table`,
            {
              ruleId: LINK_RULES.roleUnknown,
              place: at(rule.source),
              view,
              actual: id,
              expected: [...roleById.keys()],
            },
          );
        }
      }
    }
  }

  serviceRequests.sort((a, b) => compareSrRefs(a.ref, b.ref));
  const bySrThenRole = (a: { sr: string; role: string }, b: { sr: string; role: string }): number =>
    compareSrRefs(a.sr, b.sr) || (roleOrder.get(a.role) ?? 0) - (roleOrder.get(b.role) ?? 0);
  eligibility.sort(bySrThenRole);
  trt.sort((a, b) => bySrThenRole(a, b) || b.smets - a.smets || MODES.indexOf(a.mode) - MODES.indexOf(b.mode));
  const byPlace = (a: { source: Source }, b: { source: Source }): number =>
    a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line || a.source.column - b.source.column;

  return {
    view,
    modifications: [...modifications.values()].sort((a, b) => a.id.localeCompare(b.id)),
    documents: facts.flatMap(({ document }) => (document.info ? [document.info] : [])),
    userRoles,
    serviceRequests,
    eligibility,
    trt,
    clauses: [...clauses].sort(byPlace),
    clauseRules: [...clauseRules].sort(byPlace),
    footnotes: facts.flatMap(({ view: viewFacts }) => viewFacts.footnotes),
  };
}

function matches(column: TrtColumn, sender: string, smets: number, mode: string): boolean {
  return column.sender === sender && column.smets === smets && column.mode === mode;
}

function hasColumn(columns: readonly TrtColumn[], sender: string, smets: number, mode: string): boolean {
  return columns.some((column) => matches(column, sender, smets, mode));
}
