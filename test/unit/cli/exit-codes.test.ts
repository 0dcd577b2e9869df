import { describe, expect, it } from 'vitest';
import { EXIT, EXIT_HELP } from '../../../src/main/cli/exit-codes';

describe("the CLI's exit codes in its help", () => {
  it('lists every exit code with what it means, partial coverage (10) included', () => {
    for (const code of Object.values(EXIT)) expect(EXIT_HELP).toMatch(new RegExp(`^ {2}${code} +\\S`, 'm'));
    expect(EXIT_HELP).toMatch(/^ {2}10 +checklist, sync: some product was not read in full/m);
  });
});
