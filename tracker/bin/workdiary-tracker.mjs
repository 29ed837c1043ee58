#!/usr/bin/env node
// The tracker's command: loads the TypeScript sources through tsx and runs the CLI.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
const code = await main();
// The input hook's thread would keep the process alive.
process.exit(code);
