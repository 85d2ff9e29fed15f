// Runs inside the CHILD process that holds the learner's code (plain JavaScript: the child loads no
// TypeScript tooling). It imports the learner's compiled bundle, calls the exported function with an EC2
// client (and, when the exercise offers one, an SSM client after it) whose every method is a message to
// the test process (where the model lives), and reports back.
// The child can break itself (loop, exit, hog memory); it cannot reach the model or the assertions.
//
// One child may serve several runs of the same file in turn (the bundle is imported once, as a module is
// in a real program); every message carries the run's id so a late message of an old run is ignored.
// Messages, child -> parent:  ready | loaded {run, exports} | call {run, id, method, args} | done {run, ok, value|error}
//          parent -> child:   start {run, bundleUrl, exportName, args, methods, words} | reply {id, ok, value|error}
// `words` are this file's few sentences in the learner's language (kit-messages.ts, learnerWords): the child
// loads no table of its own.

const SLEEP = Symbol.for('mini-ec2.sleep');
const pending = new Map();
let nextId = 1;
let currentRun = 0;
let finished = true;
let bundlePromise;
// Until the first start message brings the learner's words: only identifiers, no sentence in any language.
let words = { notCloneable: 'DataCloneError', unsendableArgs: '{method}()', nonErrorThrown: '{value}' };
const fill = (template, name, value) => template.split(`{${name}}`).join(value);

function send(message) {
  try {
    process.send(message);
    return true;
  } catch {
    return false;
  }
}

/** A plain description of anything thrown, safe to send over IPC. */
function describeError(error) {
  if (error && typeof error === 'object') {
    return {
      name: String(error.name ?? 'Error'),
      message: String(error.message ?? ''),
      code: typeof error.code === 'string' ? error.code : undefined,
      Code: typeof error.Code === 'string' ? error.Code : undefined,
      stack: typeof error.stack === 'string' ? error.stack.slice(0, 4000) : undefined,
    };
  }
  return { name: 'Error', message: fill(words.nonErrorThrown, 'value', String(error).slice(0, 200)) };
}

// Bytes the learner's code printed during the current run: the parent waits until it has read them all
// before reporting the run, so output printed just before returning is never lost.
let outputBytes = 0;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    outputBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : (chunk?.length ?? 0);
    return write(chunk, ...rest);
  };
}

function finish(message) {
  if (finished) return;
  finished = true;
  if (!send({ ...message, run: currentRun, outputBytes })) {
    send({ type: 'done', run: currentRun, ok: false, error: { name: 'DataCloneError', message: words.notCloneable } });
  }
}

/** The SDK-style error the learner's code sees, built from what the model threw in the parent. */
function rebuildError(data, ExceptionClass) {
  if (data.Code && typeof ExceptionClass === 'function') {
    try {
      return new ExceptionClass(data.Code, data.message, data.$metadata?.httpStatusCode ?? 400, data.$fault ?? 'client');
    } catch {
      // fall through to a plain Error
    }
  }
  const error = new Error(data.message);
  error.name = data.name;
  if (data.Code) {
    error.Code = data.Code;
    error.$fault = data.$fault;
    error.$metadata = data.$metadata;
  }
  return error;
}

/** The SSM client's methods come prefixed in `methods` (learner-protocol.ts): `ssm.sendCommand`. */
const SSM_PREFIX = 'ssm.';
// Taken before any learner code runs: a learner who patches Array or String prototypes in one run must not
// break the clients of the next run in the same child.
const { startsWith, slice } = String.prototype;
const isSsm = (method) => Reflect.apply(startsWith, method, [SSM_PREFIX]);

function makeClient(methods, ExceptionClass, prefix = '') {
  const call = (method, args) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject, ExceptionClass });
      if (!send({ type: 'call', run: currentRun, id, method, args })) {
        pending.delete(id);
        reject(new TypeError(fill(words.unsendableArgs, 'method', method)));
      }
    });
  const client = {};
  for (const method of methods) {
    Object.defineProperty(client, Reflect.apply(slice, method, [prefix.length]), { value: (...args) => call(method, args), enumerable: true });
  }
  // Waiters "sleep" through this method: the test process advances the model's clock instead.
  Object.defineProperty(client, SLEEP, { value: (ms) => call(`${prefix}$sleep`, [ms]) });
  return client;
}

/** What the learner's function receives before its own arguments: ec2, then ssm when offered. */
function makeClients(methods, bundle) {
  const ec2Methods = [];
  const ssmMethods = [];
  for (const method of methods) (isSsm(method) ? ssmMethods : ec2Methods).push(method);
  const ec2 = makeClient(ec2Methods, bundle.Ec2ServiceException);
  return ssmMethods.length ? [ec2, makeClient(ssmMethods, bundle.SsmServiceException, SSM_PREFIX)] : [ec2];
}

process.on('uncaughtException', (error) => finish({ type: 'done', ok: false, uncaught: true, error: describeError(error) }));
process.on('unhandledRejection', (error) => finish({ type: 'done', ok: false, uncaught: true, error: describeError(error) }));

process.on('message', async (message) => {
  if (!message || typeof message !== 'object') return;
  if (message.type === 'reply') {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.value);
    else waiting.reject(rebuildError(message.error, waiting.ExceptionClass));
    return;
  }
  if (message.type !== 'start' || !finished) return;
  currentRun = message.run;
  finished = false;
  if (message.words) words = message.words;
  outputBytes = 0;
  pending.clear();

  let bundle;
  try {
    bundlePromise ??= import(message.bundleUrl);
    bundle = await bundlePromise;
  } catch (error) {
    finish({ type: 'done', ok: false, atImport: true, error: describeError(error) });
    return;
  }
  const learner = bundle.learner ?? {};
  send({ type: 'loaded', run: currentRun, exports: Object.keys(learner) });
  const fn = learner[message.exportName];
  if (typeof fn !== 'function') {
    finish({ type: 'done', ok: false, missingExport: true, error: { name: 'MissingExport', message: message.exportName } });
    return;
  }
  try {
    const value = await fn(...makeClients(message.methods, bundle), ...message.args);
    finish({ type: 'done', ok: true, value });
  } catch (error) {
    finish({ type: 'done', ok: false, error: describeError(error) });
  }
});

send({ type: 'ready' });
