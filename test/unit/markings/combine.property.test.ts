// Properties of the combination rules on the real US classification and CUI profiles: order-free, idempotent, covering every portion.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { combine, covers, releasable } from '../../../shared/markings/combine.js';
import { levelIndex, parseMarking, portionText, type Marking } from '../../../shared/markings/marking.js';
import type { MarkingProfile } from '../../../shared/markings/profile.js';
import { bundledProfiles } from '../../support/marking-profiles.js';

const profiles = bundledProfiles();
const us = profiles.get('us-classified')!;
const COUNTRIES = ['GBR', 'AUS', 'CAN', 'NZL', 'JPN'];

/** Any valid marking of the profile: a level, then controls allowed at it (never NOFORN with REL TO). */
function marking(p: MarkingProfile): fc.Arbitrary<Marking> {
  return fc
    .record({ level: fc.constantFrom(...p.levels.map((l) => l.id)), picks: fc.subarray(p.controls.map((c) => c.id)), countries: fc.subarray(COUNTRIES, { minLength: 1 }) })
    .map(({ level, picks, countries }) => {
      const allowed = picks.filter((id) => {
        const c = p.controls.find((x) => x.id === id)!;
        return c.minLevel === undefined || levelIndex(p, level) >= levelIndex(p, c.minLevel);
      });
      const noBoth = allowed.includes('NOFORN') ? allowed.filter((id) => id !== 'REL TO') : allowed;
      const text = [p.levels.find((l) => l.id === level)!.portion, ...noBoth.map((id) => (id === 'REL TO' ? `REL TO USA, ${countries.join(', ')}` : p.controls.find((c) => c.id === id)!.portion))].join('//');
      const parsed = parseMarking(p, text);
      if (!parsed.ok) throw new Error(`${text}: ${parsed.message}`);
      return parsed.marking;
    });
}

describe.each([['us-classified'], ['us-cui']])('combine on %s', (id) => {
  const p = profiles.get(id)!;
  const list = fc.array(marking(p), { minLength: 1, maxLength: 6 });

  it('does not depend on the order of the portions', () => {
    fc.assert(fc.property(list, fc.nat(), (ms, seed) => {
      const shuffled = [...ms].sort((a, b) => ((JSON.stringify(a).length * 31 + seed) % 7) - ((JSON.stringify(b).length * 31 + seed) % 7));
      expect(combine(p, shuffled)).toEqual(combine(p, ms));
    }));
  });

  it('is idempotent, and a single portion is its own overall marking', () => {
    fc.assert(fc.property(list, (ms) => {
      const all = combine(p, ms);
      expect(combine(p, [all, all])).toEqual(all);
      expect(combine(p, [ms[0]!])).toEqual(ms[0]);
    }));
  });

  it('takes the highest level, and covers every portion it was made from', () => {
    fc.assert(fc.property(list, (ms) => {
      const all = combine(p, ms);
      expect(levelIndex(p, all.level)).toBe(Math.max(...ms.map((m) => levelIndex(p, m.level))));
      for (const m of ms) expect(covers(p, all, m), `${portionText(p, all)} covers ${portionText(p, m)}`).toBe(true);
    }));
  });

  it('writes text that reads back as the same marking', () => {
    fc.assert(fc.property(marking(p), (m) => {
      const again = parseMarking(p, portionText(p, m));
      expect(again.ok && again.marking).toEqual(m);
    }));
  });
});

describe('US classification rules', () => {
  const m = (t: string) => {
    const r = parseMarking(us, t);
    if (!r.ok) throw new Error(r.message);
    return r.marking;
  };
  const banner = (...ts: string[]) => portionText(us, combine(us, ts.map(m)));

  it('NOFORN overrides REL TO; REL TO lists intersect; a classified portion without a list, or no common country, makes it NOFORN; U portions do not narrow it', () => {
    expect(banner('S//REL TO USA, GBR', 'C//NF')).toBe('S//NF');
    expect(banner('S//REL TO USA, GBR, AUS', 'C//REL TO USA, GBR, CAN')).toBe('S//REL TO USA, GBR');
    expect(banner('S//REL TO USA, GBR', 'C')).toBe('S//NF');
    expect(banner('S//REL TO USA, GBR', 'S//REL TO USA, AUS')).toBe('S//NF');
    expect(banner('S//REL TO USA, GBR', 'U')).toBe('S//REL TO USA, GBR');
    expect(banner('U', 'U')).toBe('U');
    expect(banner('C//OC', 'TS//PR')).toBe('TS//OC/PR');
  });

  it('a releasable copy keeps U, and a classified portion only when it names every country', () => {
    expect(releasable(us, m('U'), { level: 'S', relTo: ['GBR'] })).toBe(true);
    expect(releasable(us, m('S//REL TO USA, GBR'), { level: 'S', relTo: ['GBR'] })).toBe(true);
    expect(releasable(us, m('S//REL TO USA, GBR'), { level: 'S', relTo: ['GBR', 'AUS'] })).toBe(false);
    expect(releasable(us, m('C'), { level: 'S', relTo: ['GBR'] })).toBe(false);
    expect(releasable(us, m('TS//REL TO USA, GBR'), { level: 'S', relTo: ['GBR'] })).toBe(false);
    expect(releasable(us, m('S//NF'), { level: 'S' })).toBe(true);
  });
});
