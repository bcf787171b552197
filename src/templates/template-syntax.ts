import Handlebars from 'handlebars';
import { TemplateError } from '../errors.js';

type Program = hbs.AST.Program;

/** Where a jison parse error happened, as Handlebars' generated parser reports it to `yy.parseError`. */
interface ParseErrorHash {
  /** The offending text and the tokens the parser would have accepted. */
  text?: string;
  expected?: string[];
  /** The last token read before the error; the offending text starts where it ends. */
  loc?: { first_line: number; last_line: number; first_column: number; last_column: number };
}

/** `    3 | the line` for an error message. */
export function showLine(source: string, line: number | undefined): string {
  return line === undefined ? '' : `\n    ${line} | ${source.split('\n')[line - 1] ?? ''}`;
}

/** The last block opened with `{{#name` and never closed, for "unexpected end of file" parse errors. */
function unclosedBlock(source: string): { name: string; line: number; column: number } | undefined {
  const open: { name: string; index: number }[] = [];
  for (const match of source.matchAll(/\{\{~?\s*([#/])\s*[*>]?\s*([^\s}~]+)/g)) {
    if (match[1] === '#') open.push({ name: match[2], index: match.index ?? 0 });
    else open.pop();
  }
  const last = open.pop();
  if (!last) return undefined;
  const before = source.slice(0, last.index).split('\n');
  return { name: last.name, line: before.length, column: before[before.length - 1].length + 1 };
}

/**
 * Parses a template, turning a syntax error into a TemplateError that names the file, line and column and shows
 * the line. Handlebars' parser only puts the line into its message; the column is in the details it hands to
 * `Parser.yy.parseError`, so that hook is set for the duration of this synchronous call and then removed.
 */
export function parseTemplate(file: string, source: string): Program {
  const yy = ((Handlebars as unknown as { Parser: unknown }).Parser as { yy: { parseError?: (message: string, hash: ParseErrorHash) => never } }).yy;
  let hash: ParseErrorHash | undefined;
  yy.parseError = (message, details) => {
    hash = details;
    throw new Error(message);
  };
  try {
    return Handlebars.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const exception = error as { lineNumber?: number; column?: number };
    let line = hash?.loc ? hash.loc.last_line : exception.lineNumber ?? (/on line (\d+)/.exec(message) ? Number(/on line (\d+)/.exec(message)?.[1]) : undefined);
    let column = hash?.loc ? hash.loc.last_column + 1 : exception.column === undefined ? undefined : exception.column + 1;
    let reason = message.split('\n').slice(-1)[0];
    if (hash?.text !== undefined && hash.expected) {
      const wanted = hash.expected.includes("'CLOSE'") ? ' (expected `}}` to close the `{{`)' : '';
      reason = `unexpected \`${hash.text}\`${wanted}`;
    }
    if (/got 'EOF'/.test(message)) {
      const block = unclosedBlock(source);
      if (block) {
        ({ line, column } = block);
        reason = `\`{{#${block.name}}}\` is never closed; add \`{{/${block.name}}}\``;
      }
    } else if (/doesn't match/.test(reason)) {
      reason = reason.replace(/ - \d+:\d+$/, '').replace(/^(\S+) doesn't match (\S+)$/, '`{{/$2}}` closes `{{#$1}}`: the block names must match');
    }
    throw new TemplateError(`Template syntax error: ${reason}.${showLine(source, line)}`, { location: { file, line, column }, cause: error });
  } finally {
    delete yy.parseError;
  }
}

/** What a template may refer to. */
export interface KnownNames {
  helpers: ReadonlySet<string>;
  partials: ReadonlySet<string>;
  /** Files of the template, for `{{asset "path"}}`. */
  assets: ReadonlySet<string>;
}

type Located = hbs.AST.Node & { loc: hbs.AST.SourceLocation };
type Call = hbs.AST.MustacheStatement | hbs.AST.BlockStatement | hbs.AST.SubExpression;

/** A plain name such as `upper` (not `this.x`, `../x`, `@index` or `a.b`) that could name a helper. */
function simpleName(path: hbs.AST.Node): string | undefined {
  if (path.type !== 'PathExpression') return undefined;
  const p = path as hbs.AST.PathExpression;
  return !p.data && p.depth === 0 && p.parts.length === 1 && !/^(this|\.)/.test(p.original) ? p.parts[0] : undefined;
}

function childNodes(node: hbs.AST.Node): hbs.AST.Node[] {
  const n = node as Partial<hbs.AST.BlockStatement> & Partial<hbs.AST.PartialStatement> & { body?: hbs.AST.Node[] };
  const out: hbs.AST.Node[] = [];
  if (n.body) out.push(...n.body);
  if (n.program) out.push(n.program);
  if (n.inverse) out.push(n.inverse);
  if (n.params) out.push(...n.params);
  if (n.hash) out.push(...n.hash.pairs.map((pair) => pair.value));
  if (node.type === 'PartialStatement' || node.type === 'PartialBlockStatement') {
    const name = (node as hbs.AST.PartialStatement).name;
    if (name.type === 'SubExpression') out.push(name);
  }
  return out;
}

function walk(node: hbs.AST.Node, visit: (node: hbs.AST.Node) => void): void {
  visit(node);
  for (const child of childNodes(node)) walk(child, visit);
}

/**
 * Checks, before anything renders, that every helper a template calls and every partial it includes exists, so
 * the error names what is missing and the file, line and column that asked for it.
 */
export function checkReferences(program: Program, file: string, source: string, known: KnownNames, templateName: string): void {
  const inline = new Set<string>();
  walk(program, (node) => {
    if (node.type === 'DecoratorBlock' && simpleName((node as hbs.AST.DecoratorBlock).path) === 'inline') {
      const first = (node as hbs.AST.DecoratorBlock).params[0];
      if (first?.type === 'StringLiteral') inline.add((first as hbs.AST.StringLiteral).value);
    }
  });
  const fail = (node: hbs.AST.Node, message: string, hint: string): never => {
    const { loc } = node as Located;
    throw new TemplateError(`${message}${showLine(source, loc?.start.line)}`, { location: { file, line: loc?.start.line, column: loc ? loc.start.column + 1 : undefined }, hint });
  };
  walk(program, (node) => {
    if (node.type === 'PartialStatement') {
      const nameNode = (node as hbs.AST.PartialStatement).name as hbs.AST.Node;
      const name = nameNode.type === 'PathExpression' ? (nameNode as hbs.AST.PathExpression).original : nameNode.type === 'StringLiteral' ? (nameNode as unknown as hbs.AST.StringLiteral).value : undefined;
      if (name !== undefined && name !== '@partial-block' && !known.partials.has(name) && !inline.has(name)) {
        fail(node, `Missing partial \`${name}\`, asked for by \`{{> ${name}}}\`.`, `Report template \`${templateName}\` has the partials: ${[...known.partials].sort().join(', ') || '(none)'}. Add partials/${name}.hbs or fix the name.`);
      }
      return;
    }
    if (node.type !== 'MustacheStatement' && node.type !== 'BlockStatement' && node.type !== 'SubExpression') return;
    const call = node as Call;
    const name = simpleName(call.path);
    if (name === undefined) return;
    const passesArguments = call.params.length > 0 || (call.hash?.pairs.length ?? 0) > 0 || node.type === 'SubExpression';
    if (passesArguments && !known.helpers.has(name)) {
      fail(node, `Unknown helper \`${name}\`.`, `Known helpers: ${[...known.helpers].filter((h) => !/Missing$/.test(h)).sort().join(', ')}. Add your own under \`helpers\` in briefkit.config.ts, or fix the name.`);
    }
    if (name === 'asset' && call.params[0]?.type === 'StringLiteral') {
      const wanted = (call.params[0] as hbs.AST.StringLiteral).value;
      if (!known.assets.has(wanted)) fail(node, `Missing template file \`${wanted}\`, asked for by \`{{asset "${wanted}"}}\`.`, `Put the file at templates/report/${templateName}/${wanted} (paths are relative to the template folder).`);
    }
  });
}

