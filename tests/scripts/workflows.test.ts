import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/run.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, { steps: Step[]; permissions?: Record<string, string>; needs?: string; container?: string }>;
}

const dir = path.join(ROOT, '.github/workflows');
const load = (name: string) => parse(readFileSync(path.join(dir, name), 'utf8')) as Workflow;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = (workflow: Workflow) => steps(workflow).flatMap((s) => (s.run === undefined ? [] : [s.run]));

describe('GitHub workflows', () => {
  it('never use pull_request_target, which runs fork code with secrets', () => {
    for (const file of readdirSync(dir)) {
      expect(Object.keys(load(file).on), file).not.toContain('pull_request_target');
    }
  });

  it('check, build and test every pull request with a read-only token', () => {
    const pr = load('pull-request.yml');
    expect(Object.keys(pr.on)).toEqual(['pull_request', 'push']);
    expect(pr.on.push).toEqual({ branches: ['main'] });
    expect(pr.permissions).toEqual({ contents: 'read' });
    const commands = runs(pr);
    const order = ['npm ci --no-audit --no-fund', 'npm run check -- --format github', 'npm run build', 'npm test'].map((c) =>
      commands.indexOf(c),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(commands.some((c) => c.includes('apt-get install') && c.includes('chromium'))).toBe(true);
    // The check script's annotation format is the one GitHub reads.
    expect(readFileSync(path.join(ROOT, 'scripts/check.ts'), 'utf8')).toContain('::error file=');
  });

  it('deploy main to GitHub Pages under the repository base path', () => {
    const deploy = load('deploy.yml');
    expect(deploy.on.push).toEqual({ branches: ['main'] });
    const build = steps(deploy).find((s) => s.run === 'npm run build');
    // GitHub's expression syntax, spelt as the workflow file spells it.
    const expression = (name: string) => `\${{ steps.pages.outputs.${name} }}`;
    const variable = (name: string) => `\${{ vars.${name} }}`;
    expect(build?.env).toEqual({
      PAPERSHELF_SITE: expression('origin'),
      PAPERSHELF_BASE: `${expression('base_path')}/`,
      PAPERSHELF_CACHE: '.papershelf-cache',
      PAPERSHELF_REPOSITORY: `\${{ github.repository }}`,
      PAPERSHELF_GISCUS_REPO_ID: variable('PAPERSHELF_GISCUS_REPO_ID'),
      PAPERSHELF_GISCUS_CATEGORY: variable('PAPERSHELF_GISCUS_CATEGORY'),
      PAPERSHELF_GISCUS_CATEGORY_ID: variable('PAPERSHELF_GISCUS_CATEGORY_ID'),
    });
    // Credits read the history: a shallow clone would credit every paper to the last commit.
    expect(steps(deploy).find((s) => s.uses?.startsWith('actions/checkout'))?.with).toMatchObject({ 'fetch-depth': 0 });
    expect(steps(deploy).find((s) => s.uses?.startsWith('actions/configure-pages'))).toMatchObject({ id: 'pages' });
    expect(steps(deploy).find((s) => s.uses?.startsWith('actions/upload-pages-artifact'))?.with).toEqual({ path: 'dist' });
    expect(deploy.jobs.deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy.jobs.deploy?.needs).toBe('build');
  });

  it('restore and save the build cache where the build and the check read it', () => {
    for (const [file, prefix] of [
      ['deploy.yml', 'papershelf-deploy-'],
      ['pull-request.yml', 'papershelf-pr-'],
    ] as const) {
      const all = steps(load(file));
      const cache = all.findIndex((s) => s.uses?.startsWith('actions/cache@'));
      const build = all.findIndex((s) => s.run === 'npm run build');
      expect(cache, file).toBeGreaterThan(all.findIndex((s) => s.run === 'npm ci --no-audit --no-fund'));
      expect(cache, file).toBeLessThan(build);
      const settings = all[cache]?.with ?? {};
      expect(settings.path, file).toBe('.papershelf-cache');
      // A key per run (so each run saves), restored by prefix.
      expect(String(settings.key), file).toMatch(new RegExp(`^${prefix}.*\\$\\{\\{ github\\.run_id \\}\\}$`));
      expect(String(settings['restore-keys']), file).toContain(prefix);
      for (const step of all.filter((s) => s.run === 'npm run build' || s.run?.startsWith('npm run check')))
        expect(step.env?.PAPERSHELF_CACHE, `${file}: ${step.run}`).toBe('.papershelf-cache');
    }
    expect(readFileSync(path.join(ROOT, '.gitignore'), 'utf8')).toMatch(/^\.papershelf-cache\/$/m);
  });

  it('sync votes daily into a pull request, and open none when the sync fails or changes nothing', () => {
    const workflow = load('votes.yml');
    expect(workflow.on).toEqual({ schedule: [{ cron: '17 5 * * *' }], workflow_dispatch: null });
    expect(workflow.permissions).toEqual({ contents: 'write', 'pull-requests': 'write', discussions: 'read' });
    const all = steps(workflow);
    const sync = all.find((s) => s.name === 'Sync votes');
    // The sync's exit status survives the tee: a failed run stops the job before the pull request.
    expect(sync?.run).toMatch(/^npm run --silent votes -- sync \| tee /);
    expect((sync as Step & { shell?: string }).shell).toBe('bash -o pipefail {0}');
    expect(Object.keys(sync?.env ?? {}).sort()).toEqual(
      [
        'GITHUB_TOKEN',
        'PAPERSHELF_GISCUS_CATEGORY',
        'PAPERSHELF_GISCUS_CATEGORY_ID',
        'PAPERSHELF_GISCUS_REPO_ID',
        'PAPERSHELF_REPOSITORY',
      ].sort(),
    );
    const pr = all.at(-1)?.run ?? '';
    expect(all.at(-1)?.name).toBe('Open or update the pull request');
    expect(pr).toContain('git diff --quiet -- content');
    expect(pr).toContain('git push --force origin votes/sync');
    expect(pr).toContain('gh pr create');
    // Every shell step parses.
    for (const run of runs(workflow)) expect(spawnSync('bash', ['-n', '-c', run]).status, run).toBe(0);
  });

  it('come with a pull-request checklist', () => {
    const template = path.join(ROOT, '.github/pull_request_template.md');
    expect(existsSync(template)).toBe(true);
    const text = readFileSync(template, 'utf8');
    expect(text).toContain('- [ ] `npm run check` reports 0 problems');
    expect(text.match(/^- \[ \] /gm)?.length).toBeGreaterThanOrEqual(5);
  });
});
