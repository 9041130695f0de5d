//! Files the person takes home (exports, CSVs): made in memory and offered as a download.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Offers `text` as a JSON file download.
pub fn download(filename: &str, text: &str) {
    download_as(filename, "application/json", text);
}

/// Offers `text` as a file download of the given type.
pub fn download_as(filename: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(filename);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
