/**
 * Reading a script of the shell subset (spec 6b) into commands: words with single and double quotes,
 * `#` comments, `&&`, `||` and `;` between commands, `>` / `>>` redirections and here-documents
 * (`<<EOF`, `<<'EOF'`, `<<-EOF`). No variables, globs, pipes or subshells: a `|` is reported as such.
 */

interface Redirect {
  op: '>' | '>>';
  path: string;
}

export interface SimpleCommand {
  words: string[];
  redirects: Redirect[];
  /** The here-document's text, given to the command as its standard input. */
  stdin?: string;
  /** How the command is joined to the one before it (the first of a line: `;`). */
  joiner: '&&' | '||' | ';';
  /** The script line the command starts on (bash's messages name it). */
  line: number;
  /** Syntax the subset does not have (a pipe...), reported when the command would run. */
  unsupported?: string;
}

type Token = { word: string } | { op: string };

/** Splits one line into words and operators; returns the tokens and any here-document delimiters. */
function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === ' ' || c === '\t') { i++; continue; }
    if (c === '#') break; // a comment runs to the end of the line
    const op = ['&&', '||', '>>', '<<-', '<<', '>', ';', '|', '&'].find((o) => text.startsWith(o, i));
    if (op) { tokens.push({ op }); i += op.length; continue; }
    let word = '';
    while (i < text.length && !' \t;&|<>'.includes(text[i])) {
      const q = text[i];
      if (q === "'" || q === '"') {
        const end = text.indexOf(q, i + 1);
        const stop = end < 0 ? text.length : end;
        word += text.slice(i + 1, stop);
        i = stop + 1;
      } else if (q === '\\' && i + 1 < text.length) {
        word += text[i + 1];
        i += 2;
      } else {
        word += q;
        i++;
      }
    }
    tokens.push({ word });
  }
  return tokens;
}

/** Turns a script into commands, reading here-document bodies from the lines that follow. */
export function parseScript(script: string): SimpleCommand[] {
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  const commands: SimpleCommand[] = [];
  for (let n = 0; n < lines.length; n++) {
    const lineNo = n + 1;
    const tokens = tokenize(lines[n]);
    let current: SimpleCommand = { words: [], redirects: [], joiner: ';', line: lineNo };
    const pendingHeredocs: { command: SimpleCommand; delimiter: string; strip: boolean }[] = [];
    const flush = (joiner: SimpleCommand['joiner']) => {
      if (current.words.length || current.redirects.length || current.unsupported) commands.push(current);
      current = { words: [], redirects: [], joiner, line: lineNo };
    };
    for (let t = 0; t < tokens.length; t++) {
      const tok = tokens[t];
      if ('word' in tok) { current.words.push(tok.word); continue; }
      const next = tokens[t + 1];
      const target = next && 'word' in next ? next.word : undefined;
      if (tok.op === '>' || tok.op === '>>') {
        if (target === undefined) current.unsupported = `syntax error near unexpected token \`newline'`;
        else current.redirects.push({ op: tok.op, path: target });
        t++;
      } else if (tok.op === '<<' || tok.op === '<<-') {
        if (target === undefined) current.unsupported = `syntax error near unexpected token \`newline'`;
        else pendingHeredocs.push({ command: current, delimiter: target, strip: tok.op === '<<-' });
        t++;
      } else if (tok.op === '&&' || tok.op === '||' || tok.op === ';') {
        flush(tok.op);
      } else {
        current.unsupported = tok.op === '|' ? 'pipes are not simulated by mini-EC2' : `'${tok.op}' is not simulated by mini-EC2`;
      }
    }
    flush(';');
    for (const h of pendingHeredocs) {
      const body: string[] = [];
      while (n + 1 < lines.length) {
        n++;
        const raw = h.strip ? lines[n].replace(/^\t+/, '') : lines[n];
        if (raw === h.delimiter) break;
        body.push(raw);
      }
      h.command.stdin = body.length ? body.join('\n') + '\n' : '';
    }
  }
  return commands;
}
