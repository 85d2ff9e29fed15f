// ESLint with type information (typescript-eslint): the bugs the compiler lets through, such as a promise
// nobody awaits, an `any` that spreads unchecked, or a template literal that prints "[object Object]".
// Run by `npm run lint` (scripts/lint/run.ts). ARCHITECTURE.md lists the house rules; every exception here
// says why it exists.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const MAX_FUNCTION_LINES = 100;

/** The describe()/describe.each()() call a callback is passed to, if any. */
function isDescribeCallback(node) {
  const call = node.parent;
  if (call?.type !== 'CallExpression' || !call.arguments.includes(node)) return false;
  let callee = call.callee;
  while (callee.type === 'CallExpression' || callee.type === 'MemberExpression') {
    callee = callee.type === 'CallExpression' ? callee.callee : callee.object;
  }
  return callee.type === 'Identifier' && callee.name === 'describe';
}

/**
 * max-lines-per-function for test files. A describe() body is a list of tests rather than one function, so
 * it is not measured as a whole; every test, hook and helper in it is, with the same limit as elsewhere.
 */
const testFunctionLength = {
  meta: {
    type: 'suggestion',
    schema: [{ type: 'integer', minimum: 1 }],
    messages: { tooLong: 'Function has too many lines ({{lines}}). Maximum allowed is {{max}}.' },
  },
  create(context) {
    const max = context.options[0] ?? MAX_FUNCTION_LINES;
    const check = (node) => {
      const lines = node.loc.end.line - node.loc.start.line + 1;
      if (lines > max && !isDescribeCallback(node)) context.report({ node, messageId: 'tooLong', data: { lines, max } });
    };
    return { FunctionDeclaration: check, FunctionExpression: check, ArrowFunctionExpression: check };
  },
};

export default tseslint.config(
  {
    ignores: [
      'dist/', 'dist-*/', '.astro/', 'node_modules/',
      // generated from the SDK's service model and the model's types (scripts/)
      '**/*.generated.ts', 'src/mini-ec2/generated/',
      // hostile learner submissions the grader tests run on purpose
      'tests/**/fixtures/',
    ],
  },
  {
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'max-lines-per-function': ['error', { max: MAX_FUNCTION_LINES }],
      // `async` is how this code says "returns a promise" (backends, commands, model calls): it also turns a
      // throw into a rejection, which callers rely on. An async function without `await` is not a bug here.
      '@typescript-eslint/require-await': 'off',
      // `_name` marks a parameter an interface requires but this implementation does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // `interface X extends MetadataBearer {}` names a response shape the way the AWS SDK's own types do.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  {
    files: ['tests/**/*.ts', 'exercises/*/tests/**/*.ts'],
    plugins: { house: { rules: { 'test-function-length': testFunctionLength } } },
    rules: {
      'max-lines-per-function': 'off',
      'house/test-function-length': ['error', MAX_FUNCTION_LINES],
    },
  },
  {
    // Learner-style code checked by its own tsconfig; its @ts-expect-error lines call what must not compile.
    files: ['tests/mini-ec2/types/*.check.ts'],
    rules: { '@typescript-eslint/no-unsafe-call': 'off' },
  },
  {
    // The learner's starting point: parameters are there to be used by the code the learner writes.
    files: ['exercises/*/starter/**/*.ts'],
    rules: { '@typescript-eslint/no-unused-vars': 'off' },
  },
  {
    // The model runs in Node, a WebContainer and the browser (ARCHITECTURE.md, model-is-portable).
    files: ['src/mini-ec2/**/*.ts'],
    ignores: ['src/mini-ec2/protocol/**', 'src/mini-ec2/server/**'],
    rules: {
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'location', 'localStorage', 'sessionStorage', 'fetch', 'XMLHttpRequest']
          .map((name) => ({ name, message: 'model-is-portable: the model uses no DOM API.' })),
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global', 'setImmediate']
          .map((name) => ({ name, message: 'model-is-portable: the model uses no Node API.' })),
      ],
    },
  },
  {
    // Plain JavaScript entry points (the CLI and server launchers, the learner's child process): no types.
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
);
