// A number as en-US writes it with at most two decimals (toLocaleString('en-US', { maximumFractionDigits: 2 })), without starting ICU.

/*
 * The first toLocaleString with options in a process starts ICU's number formatting: about 17 ms of every cold
 * `briefing export` (compose formats each fact value). This writes the same text for the values facts hold: it rounds
 * the shortest decimal form of the double (as ICU does, so 1.005 gives 1.01) half away from zero, drops trailing
 * zeros and groups thousands. Values outside plain decimal form (exponents: below 1e-6 or from 1e21) and
 * non-finite ones go to ICU itself. test/unit/shared/format-number.test.ts holds it to toLocaleString.
 */
export function formatDecimal2(value: number): string {
  const plain = String(Math.abs(value));
  if (!Number.isFinite(value) || plain.includes('e')) return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  const dot = plain.indexOf('.');
  let int = dot < 0 ? plain : plain.slice(0, dot);
  let frac = dot < 0 ? '' : plain.slice(dot + 1);
  if (frac.length > 2) {
    const up = frac.charCodeAt(2) >= 53; // third decimal 5-9: round away from zero
    frac = frac.slice(0, 2);
    if (up) {
      const digits = (int + frac).split('').map(Number);
      let i = digits.length - 1;
      while (i >= 0 && digits[i] === 9) digits[i--] = 0;
      if (i < 0) digits.unshift(1);
      else digits[i]! += 1;
      const all = digits.join('');
      int = all.slice(0, all.length - 2);
      frac = all.slice(all.length - 2);
    }
  }
  frac = frac.replace(/0+$/, '');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const text = frac ? `${grouped}.${frac}` : grouped;
  // -0.001 rounds to 0, which en-US writes as "-0"; ICU keeps the sign of any negative value.
  return value < 0 || Object.is(value, -0) ? `-${text}` : text;
}
