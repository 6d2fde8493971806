// Syntax highlighting of a line of code, by the file's extension: keywords, strings, comments and numbers.
// One tokenizer with per-language comment and string rules; each line stands alone (a comment or string
// that spans lines is only marked where it starts). Builds text nodes and spans, never markup.

import { h } from './dom.js';

const C_COMMENTS = { line: '//', block: ['/*', '*/'] };

const LANGUAGES = {
  java: {
    ...C_COMMENTS, quotes: '"\'',
    keywords: 'abstract assert boolean break byte case catch char class const continue default do double else enum'
      + ' extends final finally float for if implements import instanceof int interface long native new package'
      + ' permits private protected public record return sealed short static super switch synchronized this throw'
      + ' throws transient try var void volatile while yield true false null',
  },
  js: {
    ...C_COMMENTS, quotes: '"\'`',
    keywords: 'async await break case catch class const continue debugger default delete do else export extends'
      + ' finally for from function if import in instanceof let new of return static super switch this throw try'
      + ' typeof var void while with yield true false null undefined',
  },
  python: {
    line: '#', quotes: '"\'',
    keywords: 'and as assert async await break class continue def del elif else except finally for from global if'
      + ' import in is lambda nonlocal not or pass raise return try while with yield match case True False None self',
  },
  go: {
    ...C_COMMENTS, quotes: '"\'`',
    keywords: 'break case chan const continue default defer else fallthrough for func go goto if import interface'
      + ' map package range return select struct switch type var true false nil iota',
  },
  rust: {
    ...C_COMMENTS, quotes: '"',
    keywords: 'as async await break const continue crate dyn else enum extern fn for if impl in let loop match mod'
      + ' move mut pub ref return self Self static struct super trait type unsafe use where while true false',
  },
  shell: {
    line: '#', quotes: '"\'',
    keywords: 'if then else elif fi case esac for while until do done in function return local export readonly'
      + ' set unset shift exit echo cd source true false',
  },
  json: { quotes: '"', keywords: 'true false null' },
  yaml: { line: '#', quotes: '"\'', keywords: 'true false null yes no on off' },
};
LANGUAGES.ts = {
  ...LANGUAGES.js,
  keywords: `${LANGUAGES.js.keywords} abstract as declare enum implements interface keyof namespace private`
    + ' protected public readonly type any boolean number string unknown never',
};
for (const language of Object.values(LANGUAGES)) language.words = new Set(language.keywords.split(' '));

const EXTENSIONS = {
  java: 'java', js: 'js', mjs: 'js', cjs: 'js', jsx: 'js', ts: 'ts', tsx: 'ts', mts: 'ts', py: 'python',
  go: 'go', rs: 'rust', sh: 'shell', bash: 'shell', zsh: 'shell', json: 'json', yml: 'yaml', yaml: 'yaml',
};

/** The language of a path by its extension, or null (then lines stay plain). */
export function languageOf(path) {
  const name = (path ?? '').split('/').pop();
  const dot = name.lastIndexOf('.');
  return dot < 0 ? null : EXTENSIONS[name.slice(dot + 1).toLowerCase()] ?? null;
}

const NUMBER = /0[xX][\da-fA-F_]+|\d[\d_]*(?:\.\d+)?(?:[eE][+-]?\d+)?[a-zA-Z]*/y;
const WORD = /[A-Za-z_$][\w$]*/y;

function matchAt(pattern, text, at) {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0] ?? null;
}

function stringEnd(text, at) {
  const quote = text[at];
  for (let i = at + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}

/** The next token at `at`: [type or null, end]. */
function next(text, at, rules) {
  const c = text[at];
  if (rules.line && text.startsWith(rules.line, at) && (rules.line !== '#' || at === 0 || /\s/.test(text[at - 1]))) {
    return ['comment', text.length];
  }
  if (rules.block && text.startsWith(rules.block[0], at)) {
    const end = text.indexOf(rules.block[1], at + rules.block[0].length);
    return ['comment', end < 0 ? text.length : end + rules.block[1].length];
  }
  if (rules.quotes.includes(c)) return ['string', stringEnd(text, at)];
  const before = at === 0 ? '' : text[at - 1];
  if (/\d/.test(c) && !/[\w$]/.test(before)) return ['number', at + matchAt(NUMBER, text, at).length];
  const word = /[\w$]/.test(before) ? null : matchAt(WORD, text, at);
  if (word) return [rules.words.has(word) ? 'keyword' : null, at + word.length];
  return [null, at + 1];
}

/** The line's tokens: [{type: 'keyword'|'string'|'comment'|'number'|null, text}], adjacent plain text merged. */
export function tokens(text, language) {
  const rules = LANGUAGES[language];
  if (!rules) return [{ type: null, text }];
  const result = [];
  for (let at = 0; at < text.length;) {
    const [type, end] = next(text, at, rules);
    const last = result[result.length - 1];
    if (type === null && last?.type === null) last.text += text.slice(at, end);
    else result.push({ type, text: text.slice(at, end) });
    at = end;
  }
  return result;
}

/** The line as text nodes and `span.tok-<type>` elements. */
export function highlight(text, language) {
  return tokens(text, language).map(({ type, text: part }) =>
    (type ? h('span', { class: `tok tok-${type}` }, part) : document.createTextNode(part)));
}
