// `ec2-lab <command>`: finds the command and hands it the rest of the arguments. Each command lives in its
// own module and returns the process exit code (0 ran, 1 strict failure, 2 usage error).

type CommandModule = { run(args: string[]): Promise<number> };

const commands: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  grade: { summary: 'grade submissions of an exercise', load: () => import('./grade-command.ts') },
  exercises: { summary: 'list the exercises', load: () => import('./exercises-command.ts') },
  assignment: { summary: 'write a self-contained assignment folder', load: () => import('./assignment-command.ts') },
  class: { summary: 'run a class server or worker, or create a class', load: () => import('./class-command.ts') },
  submit: { summary: 'hand in an assignment folder to a class server', load: () => import('./submit-command.ts') },
  'mini-ec2': { summary: 'serve mini-EC2 over the EC2 Query protocol', load: () => import('./mini-ec2-command.ts') },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`);
  return ['usage: ec2-lab <command> [options]', '', 'commands:', ...lines, '', 'ec2-lab <command> --help for its options'].join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h') {
    console.log(usage());
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    console.error(`ec2-lab: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(rest);
}
