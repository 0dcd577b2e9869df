#!/usr/bin/env node
// Launcher of the pal-desk CLI: runs the TypeScript sources through tsx (Node 24).
import { register } from 'tsx/esm/api';

register();
await import('../src/main/cli/cli-main.ts');
