import { describe, expect, it } from 'vitest';
import { main } from '../../../scripts/dev/bench.ts';
import { runMain } from '../../support/run.ts';

describe('npm run bench, its arguments', () => {
  it('explains its options, and refuses a missing paper count', async () => {
    const help = await runMain(main, ['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/--papers N/);
    const bad = await runMain(main, []);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--papers must be a whole number/);
  });
});
