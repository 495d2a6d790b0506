/** The styles and list definitions every exported document carries (the import reads them by id). */
import { AlignmentType, LevelFormat, type ILevelsOptions, type INumberingOptions, type IStylesOptions } from 'docx';
import { LISTS, STYLES } from './blocks.js';
import { CODE_STYLE } from './inline.js';

export const ANNEX_TITLE = 'Annex: rule blocks (not part of the legal text)';

const MONOSPACE = { font: 'Courier New', size: 18 };

export const STYLE_OPTIONS: IStylesOptions = {
  paragraphStyles: [
    { id: STYLES.codeBlock, name: 'SECC Code Block', run: MONOSPACE },
    { id: STYLES.ruleBlock, name: 'SECC Rule Block', run: MONOSPACE },
    { id: STYLES.ruleCaption, name: 'SECC Rule Caption', run: { italics: true } },
    { id: STYLES.annexHeading, name: 'SECC Annex Heading', basedOn: 'Heading1', next: 'Normal', run: { bold: true, size: 28 } },
  ],
  characterStyles: [{ id: CODE_STYLE, name: 'SECC Code', run: MONOSPACE }],
};

function levels(format: (typeof LevelFormat)[keyof typeof LevelFormat], text: (level: number) => string): ILevelsOptions[] {
  return [0, 1, 2, 3, 4, 5].map((level) => ({
    level,
    format,
    text: text(level),
    alignment: AlignmentType.LEFT,
    style: { paragraph: { indent: { left: 720 * (level + 1), hanging: 360 } } },
  }));
}

export const NUMBERING: INumberingOptions['config'] = [
  // The letters `(a)` are part of the text, so the list draws no marker of its own.
  { reference: LISTS.lettered, levels: levels(LevelFormat.NONE, () => '') },
  { reference: LISTS.bullet, levels: levels(LevelFormat.BULLET, () => '\u2022') },
  { reference: LISTS.ordered, levels: levels(LevelFormat.DECIMAL, (level) => `%${level + 1}.`) },
];
