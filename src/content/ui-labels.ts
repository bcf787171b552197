import { isTraditionalChinese, primaryLanguage } from './language-tag.js';

/** The words briefkit itself puts on slides, handouts and reports, in one language. */
export interface UiLabels {
  keyJudgments: string;
  contents: string;
  /** The heading of the report's endnotes. */
  notes: string;
  author: string;
  date: string;
  keywords: string;
  agenda: string;
  /** The closing slide's heading. */
  questions: string;
  /** After a slide's title when it continues the slide before it. */
  continued: string;
  /** A section slide's place in the deck: `{n}` and `{total}` are filled in. */
  sectionOf: string;
  /** The page count in running feet, around the page number and the page count: `Page ` 3 ` of ` 12. */
  page: { before: string; between: string; after: string };
  speakerNotes: string;
  noSpeakerNotes: string;
  /** The memo template's header block. */
  memorandum: string;
  to: string;
  from: string;
  subject: string;
  bottomLine: string;
  /** Numbered captions: `{kind}` is `figure` or `table` below, `{n}` the number ("Figure 3:", "표 2:", "図1："). */
  caption: string;
  figure: string;
  table: string;
  /** The report cover's name for screen readers. */
  cover: string;
}

const english: UiLabels = {
  keyJudgments: 'Key judgments',
  contents: 'Contents',
  notes: 'Notes',
  author: 'Author',
  date: 'Date',
  keywords: 'Keywords',
  agenda: 'Agenda',
  questions: 'Questions and discussion',
  continued: '(continued)',
  sectionOf: 'Section {n} of {total}',
  page: { before: 'Page ', between: ' of ', after: '' },
  speakerNotes: 'Speaker notes',
  noSpeakerNotes: 'No speaker notes.',
  memorandum: 'Memorandum',
  to: 'To',
  from: 'From',
  subject: 'Subject',
  bottomLine: 'Bottom line',
  caption: '{kind} {n}:',
  figure: 'Figure',
  table: 'Table',
  cover: 'Cover',
};

/** Labels by primary language subtag; any other language gets English. */
const byLanguage: Record<string, UiLabels> = {
  en: english,
  ko: {
    keyJudgments: '핵심 판단',
    contents: '목차',
    notes: '주석',
    author: '작성',
    date: '일자',
    keywords: '주제어',
    agenda: '발표 순서',
    questions: '질의응답',
    continued: '(계속)',
    sectionOf: '섹션 {n}/{total}',
    page: { before: '', between: ' / ', after: '' },
    speakerNotes: '발표자 노트',
    noSpeakerNotes: '발표자 노트가 없습니다.',
    memorandum: '업무 메모',
    to: '수신',
    from: '발신',
    subject: '제목',
    bottomLine: '요지',
    caption: '{kind} {n}:',
    figure: '그림',
    table: '표',
    cover: '표지',
  },
  ja: {
    keyJudgments: '主要な判断',
    contents: '目次',
    notes: '注',
    author: '作成者',
    date: '日付',
    keywords: 'キーワード',
    agenda: 'アジェンダ',
    questions: '質疑応答',
    continued: '（続き）',
    sectionOf: 'セクション {n}/{total}',
    page: { before: '', between: ' / ', after: '' },
    speakerNotes: 'スピーカーノート',
    noSpeakerNotes: 'スピーカーノートはありません。',
    memorandum: '覚書',
    to: '宛先',
    from: '発信者',
    subject: '件名',
    bottomLine: '要旨',
    // A full-width colon carries its own space.
    caption: '{kind}{n}：',
    figure: '図',
    table: '表',
    cover: '表紙',
  },
  zh: {
    keyJudgments: '主要判断',
    contents: '目录',
    notes: '注释',
    author: '作者',
    date: '日期',
    keywords: '关键词',
    agenda: '议程',
    questions: '问答与讨论',
    continued: '（续）',
    sectionOf: '第 {n} 部分，共 {total} 部分',
    page: { before: '第 ', between: ' 页，共 ', after: ' 页' },
    speakerNotes: '演讲者备注',
    noSpeakerNotes: '无演讲者备注。',
    memorandum: '备忘录',
    to: '收件人',
    from: '发件人',
    subject: '主题',
    bottomLine: '要点',
    caption: '{kind}{n}：',
    figure: '图',
    table: '表',
    cover: '封面',
  },
};

/** Chinese in Traditional characters (Taiwan, Hong Kong, Macau). */
const traditionalChinese: UiLabels = {
  ...byLanguage.zh,
  keyJudgments: '主要判斷',
  contents: '目錄',
  notes: '註釋',
  keywords: '關鍵詞',
  agenda: '議程',
  questions: '問答與討論',
  continued: '（續）',
  page: { before: '第 ', between: ' 頁，共 ', after: ' 頁' },
  speakerNotes: '演講者備註',
  noSpeakerNotes: '無演講者備註。',
  memorandum: '備忘錄',
  from: '發件人',
  subject: '主旨',
  bottomLine: '要點',
  figure: '圖',
};

/** The labels for a document language (`ko`, `ja-JP`, `zh-TW`...): English for languages without labels of their own. */
export function uiLabels(lang: string | undefined): UiLabels {
  if (isTraditionalChinese(lang)) return traditionalChinese;
  return byLanguage[primaryLanguage(lang)] ?? english;
}

/** A numbered caption's label in the labels' words: "Figure 3:", "표 2:", "図1：". */
export function captionLabel(labels: UiLabels, kind: 'figure' | 'table', n: number): string {
  return labels.caption.replace('{kind}', labels[kind]).replace('{n}', String(n));
}

/** A section slide's place in the deck, in the labels' words. */
export function sectionOf(labels: UiLabels, n: number, total: number): string {
  return labels.sectionOf.replace('{n}', String(n)).replace('{total}', String(total));
}
