// The version has one source, package.json: the window's appInfo and `briefing --version` both report it.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { main } from '../../../main/cli/run.js';
import { recorder } from '../../support/cli.js';
import { useApp } from '../../support/hooks.js';

const app = useApp();
const packageVersion = async () => (JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

describe('app version', () => {
  it('appInfo reports the name and package.json version', async () => {
    expect(await app().call('appInfo')).toEqual({ name: 'Briefing Builder', version: await packageVersion() });
  });

  it('briefing --version prints the same version', async () => {
    const io = recorder();
    expect(await main(['--version'], io)).toBe(0);
    expect(io.out).toEqual([`briefing ${await packageVersion()}`]);
  });
});
