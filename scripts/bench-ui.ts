/** `npm run bench:ui`: only the UI benchmark in Chromium. Prints its rows and writes JSON to bench-results/. */
import path from 'node:path';
import { printAndSave } from '../test/bench/bench-table';
import { uiBenchRows } from '../test/bench/ui-rows';

const file = printAndSave(await uiBenchRows(), path.resolve(import.meta.dirname, '../bench-results'));
console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
