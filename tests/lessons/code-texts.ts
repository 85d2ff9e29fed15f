// The words a learner reads inside TypeScript files, for the terminology test: the strings of one language's
// message table (exercises/*/tests/messages.ts, the kit's kit-messages.ts) and the comments of a starter or
// solution written in that language (starter/<lang>/, solution/<lang>/). Code (identifiers, interpolated
// values) is left out: `pipeline` as a variable name is code, not Spanish prose.
import ts from 'typescript';

/** The literal text of every string and template piece under `node`. */
function literalTexts(node: ts.Node, source: ts.SourceFile): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node)) {
    return [node.head.text, ...node.templateSpans.flatMap((span) => [...literalTexts(span.expression, source), span.literal.text])];
  }
  return node.getChildren(source).flatMap((child) => literalTexts(child, source));
}

/**
 * The strings of the table bound to `variable` (`const ptBr = { ... } satisfies Messages`), or undefined
 * when the file declares no such variable (the caller fails then: a renamed table must not go unscanned).
 */
export function tableStrings(code: string, fileName: string, variable: string): string[] | undefined {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  let found: string[] | undefined;
  const visit = (node: ts.Node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === variable && node.initializer) {
      found = literalTexts(node.initializer, source);
    } else ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Every comment of a TypeScript file (found through the parsed tree, so `//` inside a string is no comment). */
export function comments(code: string, fileName = 'file.ts'): string[] {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true);
  const ranges = new Map<number, ts.CommentRange>();
  const visit = (node: ts.Node) => {
    for (const range of [...(ts.getLeadingCommentRanges(code, node.pos) ?? []), ...(ts.getTrailingCommentRanges(code, node.end) ?? [])]) ranges.set(range.pos, range);
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const range of ts.getLeadingCommentRanges(code, source.endOfFileToken.pos) ?? []) ranges.set(range.pos, range);
  return [...ranges.values()]
    .sort((a, b) => a.pos - b.pos)
    .map((r) => code.slice(r.pos, r.end).replace(/^\/\/|^\/\*+|\*+\/$/g, '').replace(/^\s*\* ?/gm, ''));
}
