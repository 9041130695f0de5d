// Trunk's post_build hook. Trunk starts the hooks of one stage all at once; these must run
// in order: cut the wasm into parts, then compress what is there. Both leave debug builds
// (`trunk serve`) alone.
await import('./split.mjs');
await import('./precompress.mjs');
