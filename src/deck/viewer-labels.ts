import { isTraditionalChinese, primaryLanguage } from '../content/language-tag.js';

/** The words of deck.html's viewer: its presenter view and what screen readers are told. */
export interface ViewerLabels {
  presenterView: string;
  /** Above the next slide in the presenter view. */
  next: string;
  previousButton: string;
  nextButton: string;
  smallerNotes: string;
  largerNotes: string;
  timer: string;
  /** The presenter view's slide counter. */
  slideCounter: string;
  /** A slide's name for screen readers, before its title. */
  slideName: string;
  endOfDeck: string;
  noNotes: string;
  /** What the deck and a slide are called (`aria-roledescription`). */
  deck: string;
  slide: string;
}

/** The viewer's words by primary language subtag; any other language gets English. */
const byLanguage: Record<string, ViewerLabels> = {
  en: {
    presenterView: 'Presenter view',
    next: 'Next',
    previousButton: '◀ Previous',
    nextButton: 'Next ▶',
    smallerNotes: 'Smaller notes (-)',
    largerNotes: 'Larger notes (+)',
    timer: 'Pause or resume the timer (t); reset it with r',
    slideCounter: 'Slide {n} / {total}',
    slideName: '{n} of {total}',
    endOfDeck: 'End of the deck',
    noNotes: 'No notes for this slide.',
    deck: 'slide deck',
    slide: 'slide',
  },
  ko: {
    presenterView: '발표자 보기',
    next: '다음',
    previousButton: '◀ 이전',
    nextButton: '다음 ▶',
    smallerNotes: '노트 글자 작게 (-)',
    largerNotes: '노트 글자 크게 (+)',
    timer: '타이머 일시 정지·재개 (t), 초기화 (r)',
    slideCounter: '슬라이드 {n} / {total}',
    slideName: '{n} / {total}',
    endOfDeck: '마지막 슬라이드입니다',
    noNotes: '이 슬라이드에는 노트가 없습니다.',
    deck: '슬라이드 자료',
    slide: '슬라이드',
  },
  ja: {
    presenterView: '発表者ビュー',
    next: '次',
    previousButton: '◀ 前へ',
    nextButton: '次へ ▶',
    smallerNotes: 'ノートを小さく (-)',
    largerNotes: 'ノートを大きく (+)',
    timer: 'タイマーの一時停止・再開 (t)、リセット (r)',
    slideCounter: 'スライド {n} / {total}',
    slideName: '{n} / {total}',
    endOfDeck: 'スライドはこれで終わりです',
    noNotes: 'このスライドにはノートがありません。',
    deck: 'スライド資料',
    slide: 'スライド',
  },
  zh: {
    presenterView: '演讲者视图',
    next: '下一张',
    previousButton: '◀ 上一张',
    nextButton: '下一张 ▶',
    smallerNotes: '缩小备注 (-)',
    largerNotes: '放大备注 (+)',
    timer: '暂停或继续计时 (t)，重置 (r)',
    slideCounter: '幻灯片 {n} / {total}',
    slideName: '第 {n} 张，共 {total} 张',
    endOfDeck: '幻灯片已结束',
    noNotes: '此幻灯片没有备注。',
    deck: '幻灯片',
    slide: '幻灯片',
  },
};

/** In Traditional characters (Taiwan, Hong Kong, Macau). */
const traditionalChinese: ViewerLabels = {
  presenterView: '簡報者檢視',
  next: '下一張',
  previousButton: '◀ 上一張',
  nextButton: '下一張 ▶',
  smallerNotes: '縮小備註 (-)',
  largerNotes: '放大備註 (+)',
  timer: '暫停或繼續計時 (t)，重設 (r)',
  slideCounter: '投影片 {n} / {total}',
  slideName: '第 {n} 張，共 {total} 張',
  endOfDeck: '投影片已結束',
  noNotes: '此投影片沒有備註。',
  deck: '投影片',
  slide: '投影片',
};

/** The words of deck.html's viewer in a document language (`{n}` and `{total}` are filled in by the viewer). */
export function viewerLabels(lang: string | undefined): ViewerLabels {
  if (isTraditionalChinese(lang)) return traditionalChinese;
  return byLanguage[primaryLanguage(lang)] ?? byLanguage.en!;
}
