// The editor features the sandbox turns on, one import each (what `monaco-editor/features/register.all`
// would do, minus the ~40 we do not need: diff editor, colour picker, sticky scroll, GPU rendering...).
// Keeping the list short keeps the lazily loaded editor chunk and the build smaller.
import 'monaco-editor/editor/browser/coreCommands';
import 'monaco-editor/editor/common/standaloneStrings';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/editor/contrib/suggest/browser/suggestController'; // the completion list (IntelliSense)
import 'monaco-editor/features/hover/register'; // types and docs on hover
import 'monaco-editor/features/parameterHints/register'; // the input shape while typing a call
import 'monaco-editor/editor/contrib/gotoSymbol/browser/goToCommands'; // go to definition
import 'monaco-editor/features/gotoError/register'; // F8 through the errors
import 'monaco-editor/features/codeAction/register'; // quick fixes
import 'monaco-editor/features/snippet/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/format/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
