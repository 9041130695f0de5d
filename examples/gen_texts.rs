//! Writes zh-CN's texts from the message catalog: `cargo run --example gen_texts` →
//! public/i18n/zh-CN.txt. The file is committed; a host test (`i18n::tests`) fails while it
//! differs from the catalog.

fn main() -> std::io::Result<()> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/public/i18n/zh-CN.txt");
    std::fs::write(path, ssp::i18n::texts::zh_cn_file())?;
    println!("wrote {path}");
    Ok(())
}
