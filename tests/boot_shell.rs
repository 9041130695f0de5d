//! The static first paint in index.html speaks the message catalog's words.
#![cfg(not(target_arch = "wasm32"))]

use ssp::i18n::{lookup, Lang};

#[test]
fn the_boot_texts_are_the_catalogs() {
    let html = include_str!("../index.html");
    let start = html
        .find(r#"<script id="boot-texts" type="application/json">"#)
        .expect("boot texts");
    let json = &html[start..];
    let json = &json[json.find('>').unwrap() + 1..json.find("</script>").unwrap()];
    let texts: serde_json::Value = serde_json::from_str(json).unwrap();
    let keys = [
        ("app", "app.name"),
        ("demo", "app.demo_notice"),
        ("loading", "app.loading"),
        ("storeTitle", "catalog.title"),
        ("storeLead", "catalog.intro"),
        ("adminTitle", "admin.home.title"),
        ("adminLead", "admin.home.intro"),
    ];
    for lang in Lang::ALL {
        for (name, key) in keys {
            assert_eq!(
                texts[lang.tag()][name].as_str(),
                lookup(lang, key),
                "{name} in {}",
                lang.tag()
            );
        }
    }
    // Without JavaScript's help the page still reads in English, as the catalog has it.
    assert!(html.contains(&format!(
        ">{}</h1>",
        lookup(Lang::EnUs, "catalog.title").unwrap()
    )));
}
