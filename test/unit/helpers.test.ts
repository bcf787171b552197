import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { builtinHelpers, letterNumeral, romanNumeral } from '../../src/templates/helpers.js';

function render(template: string, context: object): string {
  const hbs = Handlebars.create();
  hbs.registerHelper(builtinHelpers);
  return hbs.compile(template)(context);
}

const en = { document: { lang: 'en', date: '2026-11-27', classification: ' secret ', keywords: ['missiles', 'sanctions', 'diplomacy'] } };
const ko = { document: { ...en.document, lang: 'ko' } };

describe('template helpers', () => {
  it('formats dates in the document language unless told another', () => {
    expect(render('{{formatDate document.date}}', en)).toBe('November 27, 2026');
    expect(render('{{formatDate document.date}}', ko)).toBe('2026년 11월 27일');
    expect(render('{{formatDate document.date "en-GB"}}', ko)).toBe('27 November 2026');
    expect(render('{{formatDate document.date style="short"}}', { document: { ...en.document, lang: 'en-GB' } })).toBe('27/11/2026');
    expect(render('{{formatDate "2026-11-27T09:30:00.000Z" "en-GB"}}', en)).toBe('27 November 2026');
    expect(render('{{formatDate "next week"}}', en)).toBe('next week');
  });

  it('upper-cases the marking', () => {
    expect(render('{{upper document.classification}}', en)).toBe(' SECRET ');
    expect(render('{{marking document.classification}}', en)).toBe('SECRET');
    expect(render('{{marking document.missing}}', en)).toBe('');
  });

  it('joins lists with a separator, a last separator, or the language’s own list style', () => {
    expect(render('{{join document.keywords ", "}}', en)).toBe('missiles, sanctions, diplomacy');
    expect(render('{{join document.keywords ", " last=" and "}}', en)).toBe('missiles, sanctions and diplomacy');
    expect(render('{{listFormat document.keywords}}', en)).toBe('missiles, sanctions, and diplomacy');
    expect(render('{{listFormat document.keywords type="disjunction"}}', en)).toBe('missiles, sanctions, or diplomacy');
    expect(render('{{listFormat document.keywords}}', ko)).toBe('missiles, sanctions 및 diplomacy');
  });

  it('numbers items in decimal, roman and letter styles', () => {
    expect(render('{{#each document.keywords}}{{inc @index}}.{{numeral (inc @index) "roman"}}.{{numeral (inc @index) "ALPHA"}} {{/each}}', en)).toBe('1.i.A 2.ii.B 3.iii.C ');
    expect(romanNumeral(1994)).toBe('MCMXCIV');
    expect(letterNumeral(27)).toBe('AA');
    expect(render('{{numeral 12345}}', { document: { lang: 'de' } })).toBe('12.345');
  });

  it('falls back for empty values and compares', () => {
    expect(render('{{default document.author "Staff"}}|{{#if (eq document.lang "en")}}en{{/if}}|{{#if (ne document.lang "en")}}x{{/if}}', en)).toBe('Staff|en|');
    expect(render('{{#if (gt 3 2)}}gt{{/if}}|{{#if (gt 2 2)}}x{{/if}}|{{#if (lt 2 3)}}lt{{/if}}|{{#if (gt document.missing 0)}}x{{/if}}', en)).toBe('gt||lt|');
  });

  it('measures text in character widths, wide characters counting two, as truncate counts them', () => {
    expect(render('{{textWidth (marking document.classification)}}', en)).toBe('6');
    expect(render('{{textWidth "대외비 SECRET"}}', en)).toBe('13');
    expect(render('{{textWidth document.missing}}', en)).toBe('0');
  });
});
