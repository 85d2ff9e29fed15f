// Who may import whom: the rules of ARCHITECTURE.md, checked by dependency-cruiser in `npm run lint`
// (scripts/lint/check-imports.ts, which also reads the imports of .astro files). Each rule's `name` is the
// name ARCHITECTURE.md gives it, and its `comment` says the rule in words: a violation prints both.
// Rooms that do not exist yet (results/, publish/, page-runner/, class/) are in the rules already, so code
// moving into them lands under the rule.

/** Paths relative to the repository root. */
const room = {
  model: '^src/mini-ec2/(?!protocol/|server/)',
  protocol: '^src/mini-ec2/protocol/',
  modelServer: '^src/mini-ec2/server/',
  results: '^src/results/',
  grader: '^src/grader/',
  pageRunner: '^src/page-runner/',
  publish: '^src/publish/',
  class: '^src/class/',
  cli: '^src/cli/',
  server: '^src/server/',
  sandbox: '^src/sandbox/',
  viz: '^src/viz/',
  classroom: '^src/classroom/',
  i18n: '^src/i18n/',
  site: '^src/(pages|layouts|components|integrations)/|^src/content[.]config[.]ts$',
  kit: '^exercises/_kit/',
  /**
   * The kit's results file (its reader and the record types), its language list (lang.ts: the results
   * join tests by id through titles in every language) and its messages (kit-messages.ts: why a test gave
   * no result, in the run's language); pure, shared with results/ and sandbox/.
   */
  kitReport: '^exercises/_kit/(results-file|reporter|lang|kit-messages)[.]ts$',
  exercises: '^exercises/',
};
/** Everything of ours: a rule that lists what a room may import forbids the rest of this. */
const ours = '^(src|exercises|tests|scripts)/';
/** The files the site may load from sandbox/ and viz/: the islands and loaders the pages start. */
const entries = '^src/(sandbox|viz|classroom)/(index|island|[a-z-]+-loader)[.]ts$';
/** What the sandbox's Hand in button uses of classroom/: the API client, the joined classes, the wait for a grade. */
const classroomClient = '^src/classroom/(class-api|student-store|grade-wait)[.]ts$';

/** A rule that forbids `from` to import anything of ours but `allowed`. */
function onlyImports(name, comment, from, allowed) {
  return { name, comment, severity: 'error', from: { path: from }, to: { path: ours, pathNot: allowed } };
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      comment: 'no-cycles: no module imports itself through others; break the cycle with an interface or a third module.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-stands-alone',
      comment: 'src-stands-alone: code under src/ imports nothing from tests/ or scripts/.',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(tests|scripts)/' },
    },
    onlyImports(
      'model-imports-only-the-model',
      'model-imports-only-the-model: the model (src/mini-ec2 but protocol/ and server/) imports nothing of ours outside it.',
      room.model,
      [room.model],
    ),
    {
      name: 'model-is-portable',
      comment: 'model-is-portable: the model (src/mini-ec2 but protocol/ and server/) imports no Node built-in; it runs in the browser too.',
      severity: 'error',
      from: { path: room.model },
      to: { dependencyTypes: ['core'] },
    },
    onlyImports(
      'protocol-speaks-for-the-model',
      'protocol-speaks-for-the-model: src/mini-ec2/protocol/ imports only the model and itself (no HTTP: that is server/).',
      room.protocol,
      [room.model, room.protocol],
    ),
    {
      name: 'protocol-has-no-http',
      comment: 'protocol-has-no-http: src/mini-ec2/protocol/ imports no Node network module; HTTP lives in src/mini-ec2/server/.',
      severity: 'error',
      from: { path: room.protocol },
      to: { dependencyTypes: ['core'], path: '^(node:)?(http|https|http2|net|tls|dgram)$' },
    },
    onlyImports(
      'model-server-on-protocol',
      'model-server-on-protocol: src/mini-ec2/server/ imports only the model and protocol/.',
      room.modelServer,
      [room.model, room.protocol, room.modelServer],
    ),
    {
      name: 'results-import-model-types',
      comment: 'results-import-model-types: results/ imports the model\'s types and the kit\'s results-file reader, language list and messages, nothing else of ours.',
      severity: 'error',
      from: { path: room.results },
      to: { path: ours, pathNot: [room.results, room.model, room.kitReport] },
    },
    {
      name: 'results-import-model-types-only',
      comment: 'results-import-model-types-only: results/ imports the model\'s types (use `import type`), never its code.',
      severity: 'error',
      from: { path: room.results },
      to: { path: '^src/mini-ec2/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'browser-code-has-no-node',
      comment: 'browser-code-has-no-node: results/, page-runner/, sandbox/, viz/ and classroom/ run in the browser and import no Node built-in.',
      severity: 'error',
      from: { path: [room.results, room.pageRunner, room.sandbox, room.viz, room.classroom] },
      to: { dependencyTypes: ['core'] },
    },
    onlyImports(
      'grader-imports-model-results-kit',
      'grader-imports-model-results-kit: grader/ imports only the model (with protocol/), results/, the exercise kit and i18n/ (the locale list).',
      room.grader,
      [room.grader, room.model, room.protocol, room.results, room.kit, room.i18n],
    ),
    onlyImports(
      'page-runner-imports-model-results-kit',
      'page-runner-imports-model-results-kit: page-runner/ imports only the model, results/ and the exercise kit.',
      room.pageRunner,
      [room.pageRunner, room.model, room.results, room.kit],
    ),
    onlyImports(
      'publish-builds-from-grader',
      'publish-builds-from-grader: publish/ (build time) imports grader/, results/, the model, the kit, i18n/ and the data format it writes for the sandbox (sandbox/exercise-data.ts), nothing else of the interface.',
      room.publish,
      [room.publish, room.grader, room.results, room.model, room.kit, room.i18n, '^src/sandbox/exercise-data[.]ts$', room.sandbox],
    ),
    {
      name: 'publish-reads-sandbox-types-only',
      comment: 'publish-reads-sandbox-types-only: of sandbox/, publish/ imports only types and the data format it writes (exercise-data.ts).',
      severity: 'error',
      from: { path: room.publish },
      to: { path: room.sandbox, pathNot: '^src/sandbox/exercise-data[.]ts$', dependencyTypesNot: ['type-only'] },
    },
    onlyImports(
      'tools-import-grader',
      'tools-import-grader: cli/, server/ and class/ build on grader/, publish/, results/, the model (with its protocol/ and server/) and i18n/; never on the interface.',
      [room.cli, room.server, room.class],
      [room.cli, room.server, room.class, room.grader, room.publish, room.results, '^src/mini-ec2/', room.i18n],
    ),
    {
      name: 'nothing-imports-the-tools',
      comment: 'nothing-imports-the-tools: cli/ and server/ are started, not imported (class/ only by cli/ and server/).',
      severity: 'error',
      from: { path: '^src/', pathNot: [room.cli, room.server, room.class] },
      to: { path: [room.cli, room.server, room.class] },
    },
    onlyImports(
      'sandbox-imports-results-and-runner',
      'sandbox-imports-results-and-runner: sandbox/ imports results/, the model\'s types, page-runner/\'s entry (index.ts), i18n/ and classroom/\'s client (class-api, student-store, grade-wait: the Hand in button).',
      room.sandbox,
      [room.sandbox, room.results, room.model, '^src/page-runner/index[.]ts$', room.i18n, room.kit, classroomClient,
        // Exception until the progress store listens to the sandbox's result event (issue 16, in flight).
        '^src/components/site/progress[.]ts$'],
    ),
    {
      name: 'sandbox-imports-model-types-only',
      comment: 'sandbox-imports-model-types-only: sandbox/ imports the model\'s and the kit\'s types only (use `import type`), but for the kit\'s results-file reader; the code runs in page-runner/.',
      severity: 'error',
      from: { path: room.sandbox },
      to: { path: ['^src/mini-ec2/', room.kit], pathNot: room.kitReport, dependencyTypesNot: ['type-only'] },
    },
    onlyImports(
      'viz-imports-model-and-results',
      'viz-imports-model-and-results: viz/ (the live map and the launch wizard) imports the model, results/ and i18n/.',
      room.viz,
      [room.viz, room.model, room.results, room.i18n],
    ),
    onlyImports(
      'classroom-imports-results-view',
      'classroom-imports-results-view: classroom/ (join a class, the teacher dashboard) imports i18n/, results/ types and the sandbox\'s results view (sandbox/results-view.ts: one way to draw a GradeResult).',
      room.classroom,
      [room.classroom, room.i18n, room.results, '^src/sandbox/(results-view|result)[.]ts$', room.model],
    ),
    {
      name: 'classroom-imports-model-types-only',
      comment: 'classroom-imports-model-types-only: classroom/ imports the model\'s types only (through a GradeResult), never its code.',
      severity: 'error',
      from: { path: room.classroom },
      to: { path: '^src/mini-ec2/', dependencyTypesNot: ['type-only'] },
    },
    onlyImports(
      'i18n-is-a-leaf',
      'i18n-is-a-leaf: i18n/ (locales, paths, the translation helper) imports nothing of ours outside it.',
      room.i18n,
      [room.i18n],
    ),
    onlyImports(
      'site-imports-entries',
      'site-imports-entries: pages/, layouts/ and components/ import sandbox/, viz/ and classroom/ through their entries (index.ts, island.ts, *-loader.ts), plus i18n/, results/ types and publish/ (build time).',
      room.site,
      [room.site, entries, room.i18n, room.results, room.publish],
    ),
    onlyImports(
      'exercises-import-model-and-kit',
      'exercises-import-model-and-kit: exercises import only the model (`mini-ec2`) and exercises/_kit/.',
      room.exercises,
      [room.exercises, room.model],
    ),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['^src/mini-ec2/generated/', '/fixtures/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.mjs', '.js', '.d.ts', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
