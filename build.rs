//! Names the build that ships, `cfg(release_web)`: a release build for the browser (wasm,
//! no debug assertions). Only that build is cut into the parts of `src/areas.rs` and loads
//! zh-CN's texts as a file; debug builds (`trunk serve`, the component tests) and the host's
//! tests keep everything in one module. It keeps its relocations: `scripts/build/split.mjs`
//! (wasm-split) needs them, and only for the app's own binary.
fn main() {
    println!("cargo::rustc-check-cfg=cfg(release_web)");
    let wasm = std::env::var("CARGO_CFG_TARGET_ARCH").is_ok_and(|a| a == "wasm32");
    let debug_assertions = std::env::var_os("CARGO_CFG_DEBUG_ASSERTIONS").is_some();
    if wasm && !debug_assertions {
        println!("cargo::rustc-cfg=release_web");
        println!("cargo:rustc-link-arg-bin=ssp=--emit-relocs");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
