/**
 * Builds the sites that several test files share, once per run (as Starlight's e2e `testFactory`
 * does): the real site (content/papers) and the fixture site (tests/fixtures/site). Test files
 * read them with `inject('builds')`; they must not change them. The folders go at the end of the run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { type Build, buildIn, ROOT } from './run.ts';

/** The shared builds, by name. */
export interface SharedBuilds {
  seed: Build;
  fixture: Build;
}

declare module 'vitest' {
  export interface ProvidedContext {
    builds: SharedBuilds;
  }
}

export default function setup(project: TestProject): () => void {
  const work = mkdtempSync(path.join(tmpdir(), 'papershelf-shared-'));
  const build = (name: string, content?: string) => {
    const result = buildIn(path.join(work, name), content === undefined ? {} : { content });
    if (result.status !== 0) throw new Error(`the shared ${name} build failed:\n${result.output}`);
    return result;
  };
  project.provide('builds', { seed: build('seed'), fixture: build('fixture', path.join(ROOT, 'tests/fixtures/site/papers')) });
  return () => rmSync(work, { recursive: true, force: true });
}
