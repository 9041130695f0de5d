//! zh-CN's texts as a file of their own (`public/i18n/zh-CN.txt`), so that a visit in English
//! does not download them.
//!
//! A release build for the browser leaves them out of the store module (12–15 KB of its
//! brotli) and installs them from the file when a person chooses Chinese or the browser asks
//! for it; every other build (the host tests, the component tests, `trunk serve`) keeps
//! them compiled in. The catalog's `catalog!` lines stay the one source: the file is written
//! from them (`cargo run --example gen_texts`) and a host test fails when it is not current.

use super::{Lang, Msg, KEYS};
use std::cell::OnceCell;

/// The file of zh-CN's texts, from the site's root (index.html preloads the same).
pub const ZH_CN_FILE: &str = "i18n/zh-CN.txt";

/// Whether zh-CN's texts come from the file: in a release build for the browser.
pub const FROM_FILE: bool = cfg!(release_web);

/// Why a language's file was not installed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextsError {
    /// The first line is not this build's: the file belongs to another version of the app.
    OtherVersion,
    /// The file holds a different number of texts than the catalog has messages.
    Count { expected: usize, found: usize },
}

impl std::fmt::Display for TextsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TextsError::OtherVersion => f.write_str("the texts belong to another version"),
            TextsError::Count { expected, found } => {
                write!(f, "{found} texts where the catalog has {expected}")
            }
        }
    }
}

/// The file's first line: the language, and a fingerprint of the catalog's keys in order,
/// so that texts are never shown under another version's messages.
pub fn header() -> String {
    const fn fnv1a(keys: &[&str]) -> u64 {
        let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
        let mut k = 0;
        while k < keys.len() {
            let bytes = keys[k].as_bytes();
            let mut i = 0;
            while i <= bytes.len() {
                // A 0 after each key: "ab","c" and "a","bc" differ.
                let byte = if i < bytes.len() { bytes[i] } else { 0 };
                hash = (hash ^ byte as u64).wrapping_mul(0x0100_0000_01b3);
                i += 1;
            }
            k += 1;
        }
        hash
    }
    const FINGERPRINT: u64 = fnv1a(KEYS);
    format!(
        "ssp-texts {} {FINGERPRINT:016x} {}",
        Lang::ZhCn.tag(),
        KEYS.len()
    )
}

/// The file for zh-CN: the header, then one text per line in the catalog's order (no text
/// holds a line break; a host test checks).
#[cfg(not(release_web))]
pub fn zh_cn_file() -> String {
    let mut file = header();
    for msg in Msg::ALL {
        file.push('\n');
        file.push_str(msg.text(Lang::ZhCn));
    }
    file.push('\n');
    file
}

thread_local! {
    /// zh-CN's texts once installed, in the catalog's order.
    static ZH_CN: OnceCell<Vec<&'static str>> = const { OnceCell::new() };
}

/// Whether `lang`'s texts are in: English always, Chinese once installed or compiled in.
pub fn ready(lang: Lang) -> bool {
    lang == Lang::EnUs || !FROM_FILE || ZH_CN.with(|texts| texts.get().is_some())
}

/// Takes zh-CN's texts from the file's contents; nothing changes if they do not fit this
/// catalog. Kept for the page's life (once: a second install keeps the first).
pub fn install_zh_cn(file: String) -> Result<(), TextsError> {
    let (first, texts) = read(&file);
    if first.map(str::trim_end) != Some(header().as_str()) {
        return Err(TextsError::OtherVersion);
    }
    if texts.len() != KEYS.len() {
        return Err(TextsError::Count {
            expected: KEYS.len(),
            found: texts.len(),
        });
    }
    // Only a file that fits is kept, for the page's life, as the compiled-in texts are.
    let (_, texts) = read(Box::leak(file.into_boxed_str()));
    ZH_CN.with(|cell| {
        let _ = cell.set(texts);
    });
    Ok(())
}

/// A file's first line and its texts, one per line (LF or CRLF).
fn read(file: &str) -> (Option<&str>, Vec<&str>) {
    let mut lines = file.strip_suffix('\n').unwrap_or(file).split('\n');
    let first = lines.next();
    (
        first,
        lines.map(|l| l.strip_suffix('\r').unwrap_or(l)).collect(),
    )
}

/// An installed zh-CN text; `None` before the file is in.
pub(super) fn installed_zh_cn(msg: Msg) -> Option<&'static str> {
    ZH_CN.with(|texts| texts.get().map(|texts| texts[msg as usize]))
}
