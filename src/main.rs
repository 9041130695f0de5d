//! The browser entry point; Trunk builds it for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    ssp::app::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("This is a browser app: run scripts/serve.sh, or `cargo test` for the domain.");
}
