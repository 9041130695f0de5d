//! A language's texts fetched when a person chooses it (see `i18n::texts`): zh-CN's, in a
//! release build. index.html preloads the file when the first page will be in Chinese.

use super::browser::fetch_text;
use super::files::FileError;
use crate::i18n::texts::{self, ZH_CN_FILE};
use crate::i18n::Lang;

/// Makes `lang`'s texts ready: at once if they are in, else from its file.
pub async fn load(lang: Lang) -> Result<(), FileError> {
    if texts::ready(lang) {
        return Ok(());
    }
    let file = fetch_text(ZH_CN_FILE).await?;
    texts::install_zh_cn(file).map_err(|e| FileError::Malformed {
        file: ZH_CN_FILE,
        reason: e.to_string(),
    })
}
