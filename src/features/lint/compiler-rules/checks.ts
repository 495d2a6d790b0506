/**
 * Docs (data) of the rules reported beyond the compiler's stages: the frozen base, the compiled
 * tables package, the intent check against the modification manifests, a gateway configuration
 * (`secc conform`) and Word in and out. Their detection lives in src/features/ and src/cli/.
 */
import type { CompilerRuleDoc } from '../types.js';

export const CHECK_RULE_DOCS: readonly CompilerRuleDoc[] = [
  {
    id: 'changed-without-redline',
    doc: {
      description:
        'The base of the text is frozen in rules/releases/<base>.rules.json (`secc freeze`): what the SEC says today. Editing it in place, without a redline, would change the law with no modification behind it; redline the edit and cite its modification, or, for a genuine correction of the transcription, record it with `secc freeze --correct --by NAME --why TEXT --date YYYY-MM-DD`.',
      examples: [],
    },
  },
  {
    id: 'frozen-release-unreadable',
    doc: {
      description:
        'The frozen base is what unredlined edits are compared with; when it cannot be read (not JSON, not a rule set) no edit can be checked. Restore it from version control, or freeze the base again with `secc freeze`.',
      examples: [],
    },
  },
  {
    id: 'frozen-release-changed',
    doc: {
      description:
        'A frozen release says what the SEC was on its dates; nothing rewrites it (`secc build` never does). Its sha256 is recorded in rules/releases/index.json when `secc freeze` or `secc consolidate` writes it, and a file that no longer has that hash was edited by hand: restore it from version control.',
      examples: [],
    },
  },
  {
    id: 'frozen-release-unrecorded',
    doc: {
      description:
        'A frozen release file without a recorded hash cannot be shown to be unchanged. Record it with `secc freeze` (the base) or restore the index from version control.',
      examples: [],
    },
  },
  {
    id: 'compiled-tables-stale',
    doc: {
      description:
        'Gateway teams install @sec-rules/tables, the JavaScript compiled from generated/. When packages/tables/dist/ no longer matches generated/, the package would ship tables the text does not give; run `npm run build`.',
      examples: [],
    },
  },
  {
    id: 'tables-package-version',
    doc: {
      description:
        "The @sec-rules/tables version is the date of the release whose tables it holds (2024.6.27 for MP162's release), so a gateway team can tell which law its tables follow; `secc build` writes it.",
      examples: [],
    },
  },
  {
    id: 'intent-unintended',
    doc: {
      description:
        "A change the redline makes that no intent of the modification's manifest (sec-text/modifications/<ID>.yaml) names: either the redline changes it by mistake, or the manifest should state the intent, with the paragraph of the Modification Report it comes from. The finding prints the YAML line to add.",
      examples: [],
    },
  },
  {
    id: 'intent-missing',
    doc: {
      description:
        'An intent of the manifest that no change of the redline makes: the Modification Report says the SEC changes here, and the text does not yet. Redline the change, or correct the manifest.',
      examples: [],
    },
  },
  {
    id: 'intent-value',
    doc: {
      description:
        'The redline makes the intended change but with other values than the manifest states (a TRT of 24 secs where the report says 24 hrs): one of the two is wrong.',
      examples: [],
    },
  },
  {
    id: 'manifest-yaml',
    doc: {
      description: 'A modification manifest that is not plain YAML cannot be read, so the intent check cannot run on its modification.',
      examples: [],
    },
  },
  {
    id: 'manifest-invalid',
    doc: {
      description:
        'A manifest must fit rules/schema/modification-manifest.schema.json (modification, title, authority, intents with their changes) for its intents to be compared with the change set. `secc manifest init ID` writes a skeleton that fits.',
      examples: [],
    },
  },
  {
    id: 'manifest-unknown-modification',
    doc: {
      description:
        'A manifest names a modification that no redline cites (or the other way round): the intent check would compare the wrong changes. Check the id in the manifest and in the redlines\u2019 `cite`.',
      examples: [],
    },
  },
  {
    id: 'manifest-missing',
    doc: {
      description:
        'The redline changes rules but no modification manifest says what it intends, so nothing checks that the text does what the Modification Report says and nothing else. Write one with `secc manifest init ID`.',
      examples: [],
    },
  },
  {
    id: 'conform-missing',
    doc: {
      description:
        'A gateway configuration (`secc conform --impl FILE`) lacks a row the text gives: an eligible (SR, User Role, SMETS generation, mode) the gateway would reject or time wrongly.',
      examples: [],
    },
  },
  {
    id: 'conform-extra',
    doc: {
      description:
        'A gateway configuration has a row the text does not give (a User Role not eligible for the SR, a mode the SR does not have): the gateway would accept what the SEC does not allow.',
      examples: [],
    },
  },
  {
    id: 'conform-out-of-scope',
    doc: {
      description:
        'A partial gateway declares the Service Requests it claims (`--only-sr 4.8.1,4.8.3`, a `# only-sr:` line above the CSV header, or `"only_sr"` beside `"rows"` in a JSON file) and is judged on those alone; a row for any other SR is outside what it claims, so either the scope or the row is wrong.',
      examples: [],
    },
  },
  {
    id: 'conform-wrong-trt',
    doc: {
      description:
        "A gateway configuration's Target Response Time, in seconds, differs from the text's for that SR, User Role, SMETS generation and mode.",
      examples: [],
    },
  },
  {
    id: 'conform-wrong-eligibility',
    doc: {
      description: "A gateway configuration's eligibility for an SR and User Role differs from Appendix E's.",
      examples: [],
    },
  },
  {
    id: 'word-export-not-carried',
    doc: {
      description:
        'Something in the text has no place in the Word document `secc export docx` writes (an HTML comment, a construct Word cannot show): the finding names it so a reviewer in Word knows it is missing.',
      examples: [],
    },
  },
  {
    id: 'word-import-not-carried',
    doc: {
      description:
        'Something in the Word document has no place in the Markdown `secc import docx` writes (comments, formatting the conventions do not use): it is left out, and the finding says where.',
      examples: [],
    },
  },
  {
    id: 'word-import-unknown-author',
    doc: {
      description:
        'A tracked change by a Word author whose modification is not known: pass `--author NAME=ID` so the change is cited to its modification; nothing is guessed.',
      examples: [],
    },
  },
];
