import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, githubSettings, headerSecurityPolicy } from '../src/consts.ts';

const GISCUS = {
  PAPERSHELF_REPOSITORY: 'papershelf/site',
  PAPERSHELF_GISCUS_REPO_ID: 'R_1',
  PAPERSHELF_GISCUS_CATEGORY: 'Papers',
  PAPERSHELF_GISCUS_CATEGORY_ID: 'DIC_1',
};

describe('githubSettings', () => {
  it('is empty by default, and reads the repository and giscus from the environment', () => {
    expect(githubSettings({})).toEqual({});
    expect(githubSettings({ PAPERSHELF_REPOSITORY: 'papershelf/site' })).toEqual({ repository: 'papershelf/site' });
    expect(githubSettings(GISCUS)).toEqual({
      repository: 'papershelf/site',
      giscus: { repository: 'papershelf/site', repoId: 'R_1', category: 'Papers', categoryId: 'DIC_1' },
    });
  });
  it("treats an empty variable as unset (a workflow's missing vars.X)", () => {
    expect(githubSettings({ PAPERSHELF_REPOSITORY: '', PAPERSHELF_GISCUS_CATEGORY: '' })).toEqual({});
  });
  it('refuses a malformed repository and a half-configured giscus, naming what to set', () => {
    expect(() => githubSettings({ PAPERSHELF_REPOSITORY: 'https://github.com/a/b' })).toThrow(
      'PAPERSHELF_REPOSITORY (or GITHUB_REPOSITORY in src/consts.ts) must be "owner/name", not "https://github.com/a/b"',
    );
    expect(() => githubSettings({ ...GISCUS, PAPERSHELF_GISCUS_CATEGORY_ID: '', PAPERSHELF_REPOSITORY: '' })).toThrow(
      'giscus is half configured: set PAPERSHELF_REPOSITORY, PAPERSHELF_GISCUS_CATEGORY_ID too',
    );
  });
});

describe('contentSecurityPolicy', () => {
  it("allows giscus's frame, and nothing else of giscus's, only when giscus is configured", () => {
    const without = contentSecurityPolicy({});
    expect(without).not.toContain('frame-src');
    expect(contentSecurityPolicy(githubSettings(GISCUS))).toBe(`${without}; frame-src https://giscus.app`);
    expect(headerSecurityPolicy(githubSettings(GISCUS))).toBe(`${without}; frame-src https://giscus.app; frame-ancestors 'none'`);
  });
});
