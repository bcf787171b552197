import { createRequire } from 'node:module';
import { isCjk } from '../content/language-tag.js';

/** Inserts soft hyphens (U+00AD) where a word of running text may break. */
export type Hyphenate = (text: string) => string;

interface HyphenModule {
  hyphenateSync(text: string, options?: { minWordLength?: number; html?: boolean }): string;
}

const require = createRequire(import.meta.url);
const loaded = new Map<string, Hyphenate | undefined>();

/** Only plain words are hyphenated: anything with digits, slashes, @ or underscores (codes, URLs) is left whole. */
const plainWord = /^[\p{L}\p{M}'’-]+$/u;

/** Pattern module names to try for a language tag, most specific first: `en-GB` → en-gb, en. */
function candidates(lang: string): string[] {
  const tag = lang.toLowerCase();
  const primary = tag.split('-')[0];
  return tag === primary ? [tag] : [tag, primary];
}

/** Words remembered per language before the memory is cleared: bounds it over a long batch of documents. */
const rememberedWords = 20_000;

function wrap(module: HyphenModule): Hyphenate {
  // Each call into `hyphen` sets up its text reader afresh, which cost more than the patterns for a short word;
  // running text repeats most of its words, so each word's result is remembered.
  const seen = new Map<string, string>();
  const hyphenateWord = (word: string): string => {
    let result = seen.get(word);
    if (result === undefined) {
      if (seen.size >= rememberedWords) seen.clear();
      result = module.hyphenateSync(word, { minWordLength: 6, html: false });
      seen.set(word, result);
    }
    return result;
  };
  return (text) =>
    text
      .split(/(\s+)/)
      .map((part) => {
        const word = /^([^\p{L}]*)(.*?)([^\p{L}]*)$/u.exec(part);
        if (!word || word[2].length < 6 || !plainWord.test(word[2])) return part;
        return word[1] + hyphenateWord(word[2]) + word[3];
      })
      .join('');
}

/**
 * The hyphenator for a document language, from the `hyphen` package's TeX patterns, or undefined for CJK and for
 * languages without patterns. Chromium's `hyphens: auto` needs dictionaries that headless Linux builds do not
 * ship (checked with Chromium 156: a narrow `hyphens: auto` paragraph breaks no word), so soft hyphens are
 * written into the text instead and work with `hyphens: manual` too.
 */
export function hyphenatorFor(lang: string): Hyphenate | undefined {
  const key = lang.toLowerCase();
  if (loaded.has(key)) return loaded.get(key);
  let result: Hyphenate | undefined;
  // Korean, Japanese and Chinese break between characters and never take hyphens.
  if (!isCjk(key)) {
    for (const name of candidates(key)) {
      try {
        result = wrap(require(`hyphen/${name}`) as HyphenModule);
        break;
      } catch (error) {
        // No patterns under that name: try the next, else leave the language unhyphenated. Anything else (a broken
        // install) is not a missing language and must not silently turn hyphenation off.
        if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
      }
    }
  }
  loaded.set(key, result);
  return result;
}
