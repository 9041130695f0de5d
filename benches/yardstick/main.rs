//! The yardstick for bundle size: a minimal Leptos 0.8 + leptos_router app, built the same
//! way as the real one (same profile, same wasm-opt) by `scripts/bench.sh`.

#[cfg(target_arch = "wasm32")]
fn main() {
    use leptos::prelude::*;
    use leptos_router::components::{Route, Router, Routes, A};
    use leptos_router::path;

    #[component]
    fn Home() -> impl IntoView {
        let (count, set_count) = signal(0);
        view! {
            <h1>"Yardstick"</h1>
            <button on:click=move |_| {
                set_count.update(|n| *n += 1)
            }>"Clicked " {count} " times"</button>
            <A href="/about">"About"</A>
        }
    }

    #[component]
    fn About() -> impl IntoView {
        view! {
            <h1>"About"</h1>
            <A href="/">"Home"</A>
        }
    }

    leptos::mount::mount_to_body(|| {
        view! {
            <Router>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("/") view=Home />
                        <Route path=path!("/about") view=About />
                    </Routes>
                </main>
            </Router>
        }
    });
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {}
