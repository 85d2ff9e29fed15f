#!/usr/bin/env node
// The package's bin (`npx ec2-lab ...`). Node 20 cannot run TypeScript by itself, so register tsx and
// hand over to the TypeScript entry point.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
