// Writes src/mini-ec2/protocol/wire-schema.generated.ts from the EC2 API schema that @aws-sdk/client-ec2
// ships, read with the SDK's own schema reader (@smithy/core/schema NormalizedSchema).
//
// Why generate instead of importing the SDK schema at runtime: the SDK's schema module is 1.3 MB and
// describes 800+ operations; the protocol layer is pure TypeScript that may also run in a browser or a
// WebContainer, and the SDK is only a devDependency. The generated table holds just the shapes reachable
// from the actions mini-EC2 can serve, with the two names each member has on the wire (its query key and
// its XML element), so parsing and serialization stay generic and no per-action table is written by hand.
// tests/protocol/wire-schema.test.ts regenerates it in memory and fails when the committed file is stale.
//
//   npx tsx scripts/generate-ec2-wire-schema.ts           (writes the file)
//   npx tsx scripts/generate-ec2-wire-schema.ts --check   (exit 1 when the file is out of date)
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as sdk from '@aws-sdk/client-ec2';
import { NormalizedSchema } from '@smithy/core/schema';
import { buildWireSchemaSource } from './ec2-wire-schema-builder.ts';

const target = fileURLToPath(new URL('../src/mini-ec2/protocol/wire-schema.generated.ts', import.meta.url));
const sdkPackage = JSON.parse(readFileSync(new URL('../node_modules/@aws-sdk/client-ec2/package.json', import.meta.url), 'utf8')) as { version: string };
const source = buildWireSchemaSource(sdk, NormalizedSchema, sdkPackage.version);

if (process.argv.includes('--check')) {
  const current = readFileSync(target, 'utf8');
  if (current !== source) {
    console.error(`${target} is out of date: run npx tsx scripts/generate-ec2-wire-schema.ts`);
    process.exit(1);
  }
  console.log('wire schema is up to date');
} else {
  writeFileSync(target, source);
  console.log(`wrote ${target} (${source.length} bytes)`);
}
