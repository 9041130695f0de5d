//! A release wasm build keeps its relocations: `scripts/build/split.mjs` (wasm-split) needs them
//! to cut the app into the parts of `src/areas.rs`. Split exactly when the split points
//! are compiled in (`cfg(not(debug_assertions))`), and only for the app's own binary.
fn main() {
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let debug_assertions = std::env::var_os("CARGO_CFG_DEBUG_ASSERTIONS").is_some();
    if wasm && !debug_assertions {
        println!("cargo:rustc-link-arg-bin=ssp=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
