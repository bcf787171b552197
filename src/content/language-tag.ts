/** A language tag's primary subtag, lower-cased: `ko` for `ko-KR`, `zh` for `zh_Hant_TW`. */
export function primaryLanguage(lang: string | undefined): string {
  return (lang ?? 'en').toLowerCase().split(/[-_]/)[0];
}

/** Whether a language tag is Chinese written in Traditional characters (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`). */
export function isTraditionalChinese(lang: string | undefined): boolean {
  const subtags = (lang ?? '').toLowerCase().split(/[-_]/);
  return subtags[0] === 'zh' && !subtags.includes('hans') && subtags.slice(1).some((tag) => ['hant', 'tw', 'hk', 'mo'].includes(tag));
}

/** Whether a language is Korean, Japanese or Chinese: no hyphenation, and quoted words without spaces around them. */
export function isCjk(lang: string | undefined): boolean {
  return ['ko', 'ja', 'zh'].includes(primaryLanguage(lang));
}
