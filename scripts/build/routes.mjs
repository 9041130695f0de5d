// Which part of the app a route needs, by path prefix: read from `PART_ROUTES` in
// src/areas.rs, the one table of it, so the build never repeats it.
import { readFileSync } from 'node:fs';

const source = readFileSync(new URL('../../src/areas.rs', import.meta.url), 'utf8');
const table = source.match(/pub const PART_ROUTES: \[\(&str, &str\); \d+\] =\s*\[([\s\S]*?)\];/);
if (!table) throw new Error('src/areas.rs has no PART_ROUTES table to read');

/** `[prefix, part]` pairs, in the table's order (the first prefix that matches wins). */
export const ROUTES = [...table[1].matchAll(/\("([^"]+)",\s*"([a-z_]+)"\)/g)].map((m) => [m[1], m[2]]);
if (ROUTES.length === 0) throw new Error('PART_ROUTES in src/areas.rs lists no route');
