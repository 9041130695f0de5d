// The hostile inputs every form gets: a fixed list by kind, and seeded combinations of
// them, so a run is the same every time (change SEED to explore; keep the list checked in).
const SEED = 20261130;

/** mulberry32: a small seeded generator, enough to pick and mix. */
function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const KINDS = {
  empty: ['', ' ', '\t', '   \n  '],
  long: ['a'.repeat(10_000), '9'.repeat(10_000), 'ab '.repeat(3_334)],
  unicode: ['Zoë Łódź-Ångström', '名字 测试', 'ﷺ', 'e\u0301', '\u200b', 'abc\u202edef', 'שלום world', 'مرحبا 123'],
  lookalike: ['раttі@contoso.com', 'megan@contoso.com\u200b', 'ＡＢＣ＠contoso.com', 'megan@cοntoso.com'],
  emoji: ['🙂', '👩‍👩‍👧‍👦', '💳 4242', '🇨🇳🇺🇸'],
  markup: [
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>', "';alert(1)//",
    '{{7*7}}', '${7*7}', "' OR '1'='1", '\\', '\\"', '%00', '\u0000x', '</p><h1>big</h1>',
  ],
  numbers: ['1.5', '-1', '1e3', '007', '１２', '0', '1,000', '+5', '0x10', 'NaN', 'Infinity', '99999999999999999999', '-0', '12.', '.5'],
  pasted: ['4242 4242 4242 4242', '4242-4242-4242-4242', ' 12/29 ', '12 / 29', '1 2 3', 'megan@contoso.com\n', '  adele@contoso.com  '],
};

const pool = Object.values(KINDS).flat();

/** The list: every fixed input, then 20 seeded mixes of two or three of them. */
export function hostileInputs() {
  const random = generator(SEED);
  const mixes = Array.from({ length: 20 }, () => {
    const parts = 2 + Math.floor(random() * 2);
    return Array.from({ length: parts }, () => {
      const piece = pool[Math.floor(random() * pool.length)];
      return piece.length > 200 ? piece.slice(0, 200) : piece;
    }).join(random() < 0.5 ? '' : ' ');
  });
  return [...pool, ...mixes];
}

/** Whether `value` keeps only what was typed, in its order (a field may drop characters,
 * or group digits with spaces, but never add one the person did not type). */
export function onlyTyped(value, typed) {
  const v = Array.from(value.replace(/\s/g, ''));
  const t = Array.from(typed.replace(/\s/g, ''));
  let i = 0;
  for (const c of t) if (i < v.length && v[i] === c) i += 1;
  return i === v.length;
}
