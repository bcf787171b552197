import ts from 'typescript';
import { ConfigError } from '../errors.js';

/**
 * Turns a TypeScript config into an ES module with TypeScript's own single-file transpiler (types are erased,
 * nothing is type-checked). Syntax errors become a ConfigError at their line and column. An inline source map
 * lets stack traces of errors thrown while the config runs point back at the .ts lines.
 */
export function transpileConfig(source: string, file: string): string {
  const output = ts.transpileModule(source, {
    fileName: file,
    reportDiagnostics: true,
    compilerOptions: {
      module: ts.ModuleKind.ESNext,
      target: ts.ScriptTarget.ES2022,
      inlineSourceMap: true,
      inlineSources: false,
      verbatimModuleSyntax: false,
      isolatedModules: true,
    },
  });
  const diagnostic = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostic) {
    const at = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
    const line = at ? at.line + 1 : undefined;
    const shown = line === undefined ? '' : `\n    ${line} | ${source.split('\n')[line - 1] ?? ''}`;
    throw new ConfigError(`The config file has a syntax error: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}${shown}`, {
      location: { file, line, column: at ? at.character + 1 : undefined },
    });
  }
  return output.outputText;
}
