#!/usr/bin/env node
// `npm start`. Node 20 cannot run TypeScript by itself, so register tsx and hand over to main.ts.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('./main.ts');
try {
  await main();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
