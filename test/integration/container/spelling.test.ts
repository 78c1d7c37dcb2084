// The spell checker's personal word list through dispatch on a real temp user-data folder: kept across restarts, written atomically, a bad file set aside.
import { readdir, readFile, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useApp } from '../../support/hooks.js';
import { startApp } from '../../support/services.js';

const app = useApp();

describe('spelling channels', () => {
  it('starts on, with no words and no file', async () => {
    expect(await app().call('spelling')).toEqual({ enabled: true, words: [] });
    expect(await readdir(app().userDataDir).catch(() => [])).not.toContain('spelling.json');
  });

  it('adds words (sorted, once, curly apostrophes made straight) and a second app on the same folder sees them', async () => {
    await app().call('changeSpelling', { addWord: 'Wassenaar' });
    await app().call('changeSpelling', { addWord: 'chokepoint' });
    await app().call('changeSpelling', { addWord: 'chokepoint' });
    expect(await app().call('changeSpelling', { addWord: 'Nexperia’s' })).toEqual({ enabled: true, words: ['chokepoint', "Nexperia's", 'Wassenaar'] });
    const files = await readdir(app().userDataDir);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(JSON.parse(await readFile(path.join(app().userDataDir, 'spelling.json'), 'utf8'))).toMatchObject({ version: 1, words: ['chokepoint', "Nexperia's", 'Wassenaar'] });

    const second = await startApp({ userDataDir: app().userDataDir });
    try {
      expect((await second.call('spelling')).words).toEqual(['chokepoint', "Nexperia's", 'Wassenaar']);
      expect(await second.call('changeSpelling', { removeWord: 'chokepoint', enabled: false })).toEqual({ enabled: false, words: ["Nexperia's", 'Wassenaar'] });
    } finally {
      await second.close();
    }
  });

  it('refuses what is not a word before anything is written', async () => {
    const e = await app().envelope('changeSpelling', { addWord: 'two words' });
    expect(e.ok).toBe(false);
    expect(await app().envelope('changeSpelling', { addWord: 'x'.repeat(65) })).toMatchObject({ ok: false });
    expect(await app().envelope('changeSpelling', { addWord: 'ok', path: '/etc' })).toMatchObject({ ok: false });
    expect((await app().call('spelling')).words).toEqual([]);
  });

  it('sets an unreadable file aside instead of overwriting it', async () => {
    const dir = app().userDataDir;
    const other = await startApp({ userDataDir: path.join(dir, '..', 'other-data') });
    try {
      await mkdir(other.userDataDir, { recursive: true });
      await writeFile(path.join(other.userDataDir, 'spelling.json'), '{ not json');
      expect(await other.call('spelling')).toEqual({ enabled: true, words: [] });
      await other.call('changeSpelling', { addWord: 'Huawei' });
      expect(await readFile(path.join(other.userDataDir, 'spelling.json.unreadable'), 'utf8')).toBe('{ not json');
      expect((await other.call('spelling')).words).toEqual(['Huawei']);
    } finally {
      await other.close();
    }
  });
});
