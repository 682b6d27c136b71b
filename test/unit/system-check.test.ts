import { describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain ES module script with no type declarations (it runs before npm ci)
import { plan } from '../../scripts/system-check.mjs';

const all = { chromium: true, fonts: true, firefox: true };

describe('the system check before demo and test', () => {
  it('does nothing when every package is there', () => {
    expect(plan({ purpose: 'test', found: all, isRoot: true, hasApt: true })).toMatchObject({
      action: 'none',
      missing: [],
      command: null,
    });
  });

  it('installs what is missing with apt when running as root', () => {
    const decided = plan({
      purpose: 'test',
      found: { chromium: false, fonts: false, firefox: false },
      isRoot: true,
      hasApt: true,
    });
    expect(decided.action).toBe('install');
    expect(decided.packages).toEqual(['chromium', 'fonts-noto-cjk', 'firefox-esr']);
    expect(decided.command).toBe('apt-get install -y --no-install-recommends chromium fonts-noto-cjk firefox-esr');
  });

  it('asks a non-root user to run the one command', () => {
    const decided = plan({ purpose: 'test', found: { ...all, fonts: false }, isRoot: false, hasApt: true });
    expect(decided).toMatchObject({ action: 'tell', packages: ['fonts-noto-cjk'] });
  });

  it('tells rather than installs where there is no apt', () => {
    expect(plan({ purpose: 'demo', found: { ...all, chromium: false }, isRoot: true, hasApt: false }).action).toBe(
      'tell',
    );
  });

  it('leaves Firefox out of the demo', () => {
    expect(plan({ purpose: 'demo', found: { ...all, firefox: false }, isRoot: true, hasApt: true })).toMatchObject({
      action: 'none',
      missing: [],
    });
    expect(plan({ purpose: 'test', found: { ...all, firefox: false }, isRoot: true, hasApt: true })).toMatchObject({
      action: 'install',
      packages: ['firefox-esr'],
    });
  });

  it('does not install a package for a browser path the user named that does not exist', () => {
    const decided = plan({
      purpose: 'test',
      found: { ...all, chromium: false, firefox: false },
      isRoot: true,
      hasApt: true,
      custom: ['chromium'],
    });
    expect(decided.action).toBe('fix-env');
    expect(decided.misnamed).toEqual(['chromium']);
    expect(decided.packages).toEqual(['firefox-esr']);
  });
});
