/** Adds up the Vitest and Playwright JSON reports and prints the closing line CI reads: "N passed, N failed, N skipped". */
import { existsSync, readFileSync } from 'node:fs';

const [vitestFile = '', playwrightFile = '', ...failedSteps] = process.argv.slice(2);

const read = <T>(file: string): T | null => (existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null);

const vitest = read<{ numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number; success: boolean }>(vitestFile);
const playwright = read<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(playwrightFile);

const passed = (vitest?.numPassedTests ?? 0) + (playwright?.stats.expected ?? 0);
let failed = (vitest?.numFailedTests ?? 0) + (playwright?.stats.unexpected ?? 0) + (playwright?.stats.flaky ?? 0);
const skipped = (vitest?.numPendingTests ?? 0) + (vitest?.numTodoTests ?? 0) + (playwright?.stats.skipped ?? 0);

for (const step of failedSteps) console.error(`step failed: ${step}`);
failed += failedSteps.filter((s) => s !== 'vitest' && s !== 'e2e').length;
if (!vitest) failed += 1;
// A test file that failed to load has no failed test but fails the run.
if (vitest && !vitest.success && vitest.numFailedTests === 0) failed += 1;
if (!playwright) failed += 1;

console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
