// Trunk's post_build hook, for release builds: four steps in order, a file each in
// scripts/build/. Trunk starts the hooks of one stage all at once, so this one runs them.
//   split.mjs       cuts the wasm into the parts of src/areas.rs, names files by the build
//   worker.mjs      fills in the service worker and adds its registration
//   harden.mjs      integrity on every link, the Content Security Policy, _headers
//   precompress.mjs .gz and .br beside each file
// `node scripts/post_build.mjs DIST` runs them on a build made by hand.
import { split } from './build/split.mjs';
import { servedByTrunk, worker } from './build/worker.mjs';
import { harden, HEADERS, MANIFEST } from './build/harden.mjs';
import { precompress } from './build/precompress.mjs';

const dist = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dist) throw new Error('usage: node scripts/post_build.mjs DIST (or run as a Trunk hook)');
if (process.env.TRUNK_PROFILE && process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const build = await split(dist);
build.underTrunkServe = servedByTrunk();
worker(build, { skip: [HEADERS, MANIFEST] });
harden(build);
precompress(dist);
