//! The message catalog: every user-facing string, in en-US and zh-CN.
//!
//! One `catalog!` line per message gives its key and both texts, so a message cannot
//! exist in one language only. The domain names its messages by key (`Verdict`,
//! `CardError`, `Denied`); `lookup` finds them here.

use crate::domain::commands::{Explanation, KeptArg, KeptExplanation};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::collections::HashMap;

mod console;
pub mod texts;
/// The glossary's checks (`GLOSSARY.md`), run with the host tests.
#[cfg(test)]
mod words;

pub use console::{console_lines, error_lines};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    EnUs,
    ZhCn,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::EnUs, Lang::ZhCn];

    /// The BCP 47 tag, for `<html lang>` and `Intl`.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::EnUs => "en-US",
            Lang::ZhCn => "zh-CN",
        }
    }

    /// The language for a browser's preference list: Chinese if it comes first, else English.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        for tag in tags {
            let tag = tag.to_ascii_lowercase();
            if tag.starts_with("zh") {
                return Lang::ZhCn;
            }
            if tag.starts_with("en") {
                return Lang::EnUs;
            }
        }
        Lang::EnUs
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        Lang::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }
}

macro_rules! catalog {
    ($($name:ident $key:literal => $en:literal, $zh:literal;)*) => {
        /// A message of the catalog.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Msg { $($name),* }

        /// Each message's key and texts, in `Msg`'s order: tables read by index (a `match`
        /// per message compiled to 45 KB of wasm code).
        const KEYS: &[&str] = &[$($key),*];
        const EN_US: &[&str] = &[$($en),*];
        /// zh-CN's texts where they are compiled in (see `texts`).
        #[cfg(not(release_web))]
        const ZH_CN: &[&str] = &[$($zh),*];

        impl Msg {
            pub const ALL: &'static [Msg] = &[$(Msg::$name),*];
        }
    };
}

impl Msg {
    pub const fn key(self) -> &'static str {
        KEYS[self as usize]
    }

    /// The message in `lang`. In a release build for the browser, zh-CN's texts are in once
    /// `texts::install_zh_cn` has run; before, the English text stands in (the app switches
    /// to Chinese only once its texts are in).
    pub fn text(self, lang: Lang) -> &'static str {
        let en = EN_US[self as usize];
        match lang {
            Lang::EnUs => en,
            #[cfg(not(release_web))]
            Lang::ZhCn => texts::installed_zh_cn(self).unwrap_or(ZH_CN[self as usize]),
            #[cfg(release_web)]
            Lang::ZhCn => texts::installed_zh_cn(self).unwrap_or(en),
        }
    }

    /// The message with this key. The map is built on the first lookup.
    pub fn from_key(key: &str) -> Option<Msg> {
        thread_local! {
            static BY_KEY: HashMap<&'static str, Msg> =
                Msg::ALL.iter().map(|m| (m.key(), *m)).collect();
        }
        BY_KEY.with(|by_key| by_key.get(key).copied())
    }
}

/// The text of a key, in one language.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    Msg::from_key(key).map(|m| m.text(lang))
}

/// A refusal's explanation in one language, its placeholders filled (a value that is a
/// message, such as a status, in the same language).
pub fn explain(lang: Lang, explanation: &Explanation) -> String {
    explain_with(lang, explanation, &Formats::PLAIN)
}

/// How dates and amounts are written into a message: the browser's `Intl` in the app,
/// ISO dates and plain decimals with the currency code where there is no browser.
pub struct Formats<'a> {
    pub date: &'a dyn Fn(chrono::NaiveDate) -> String,
    pub money: &'a dyn Fn(crate::domain::Money) -> String,
}

impl Formats<'static> {
    pub const PLAIN: Formats<'static> = Formats {
        date: &|d| d.to_string(),
        money: &|m| format!("{} {}", m.to_decimal_string(), m.currency().code()),
    };
}

pub fn explain_with(lang: Lang, explanation: &Explanation, formats: &Formats) -> String {
    explain_kept(lang, &explanation.into(), formats)
}

/// An explanation as the audit log keeps it, in words: the same as `explain_with`.
pub fn explain_kept(lang: Lang, explanation: &KeptExplanation, formats: &Formats) -> String {
    let args: Vec<(&str, String)> = explanation
        .args
        .iter()
        .map(|(name, value)| {
            let value = match value {
                KeptArg::Text(text) => text.clone(),
                KeptArg::Key(key) => lookup(lang, key).unwrap_or(key).to_owned(),
                KeptArg::Chosen(choice) => chosen(lang, choice),
                KeptArg::Keys(keys) => keys
                    .iter()
                    .map(|key| lookup(lang, key).unwrap_or(key))
                    .collect::<Vec<_>>()
                    .join(match lang {
                        Lang::EnUs => ", ",
                        Lang::ZhCn => "、",
                    }),
                KeptArg::Explained(inner) => explain_kept(lang, inner, formats),
                KeptArg::Date(date) => (formats.date)(*date),
                KeptArg::Money(amount) => (formats.money)(*amount),
                KeptArg::Count(n) => n.to_string(),
            };
            (name.as_str(), value)
        })
        .collect();
    let args: Vec<(&str, &str)> = args.iter().map(|(n, v)| (*n, v.as_str())).collect();
    // The form follows the explanation's count, when it has one.
    let count = explanation.args.iter().find_map(|(_, v)| match v {
        KeptArg::Count(n) => Some(*n),
        _ => None,
    });
    match (Msg::from_key(&explanation.key), count) {
        (Some(msg), Some(n)) => fill_count(lang, msg, n, &args),
        (Some(msg), None) => fill_msg(lang, msg, &args),
        (None, _) => fill(&explanation.key, &args),
    }
}

/// A choice kept as its catalog key ("reason.price"), in words; the person's own words
/// after " — " stay as they wrote them. Text that names no key is shown as it is.
pub fn chosen(lang: Lang, choice: &str) -> String {
    let (key, own) = choice.split_once(" — ").unwrap_or((choice, ""));
    match lookup(lang, key) {
        Some(text) if own.is_empty() => text.to_owned(),
        Some(text) => format!("{text} — {own}"),
        None => choice.to_owned(),
    }
}

/// A message's `.one` form (en-US, for a count of 1), if it has one. Kept once looked up:
/// a plural is filled at every render, and its `.one` key would be built again each time.
fn one_form(msg: Msg) -> Option<Msg> {
    thread_local! {
        static ONE: RefCell<HashMap<Msg, Option<Msg>>> = RefCell::default();
    }
    ONE.with(|forms| {
        *forms
            .borrow_mut()
            .entry(msg)
            .or_insert_with(|| Msg::from_key(&format!("{}.one", msg.key())))
    })
}

/// A message with its placeholders filled. A message with plural forms takes
/// `fill_count` instead: its form comes from the count given, never from its text.
pub fn fill_msg(lang: Lang, msg: Msg, args: &[(&str, &str)]) -> String {
    debug_assert!(
        one_form(msg).is_none(),
        "{} has plural forms: fill it with its count (fill_count)",
        msg.key()
    );
    fill(msg.text(lang), args)
}

/// A message with a count, in the form the count takes, its placeholders filled.
pub fn fill_count(lang: Lang, msg: Msg, count: u64, args: &[(&str, &str)]) -> String {
    fill(plural(lang, msg, count), args)
}

/// A message with a count, in the form the count takes: en-US has "one" (a `key.one`
/// message beside the key) and "other"; zh-CN has one form for every count.
pub fn plural(lang: Lang, msg: Msg, count: u64) -> &'static str {
    match one_form(msg) {
        Some(one) if lang == Lang::EnUs && count == 1 => one.text(lang),
        _ => msg.text(lang),
    }
}

/// Replaces `{name}` placeholders. A value that ends a sentence with its own period
/// ("Contoso Ltd.") takes the place of the template's: never "Ltd..".
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let value = after.find('}').and_then(|close| {
            let name = &after[..close];
            args.iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, &after[close + 1..]))
        });
        match value {
            Some((value, tail)) => {
                out.push_str(value);
                rest = if value.ends_with('.') {
                    tail.strip_prefix('.').unwrap_or(tail)
                } else {
                    tail
                };
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

catalog! {
    AppName "app.name" => "Microsoft 365 admin center", "Microsoft 365 管理中心";
    AppStore "app.store" => "Self-service purchase", "自助服务购买";
    SkipToContent "app.skip" => "Skip to main content", "跳到主要内容";
    DemoNotice "app.demo_notice" => "Demo: a made-up directory and simulated payments. No real account or card is used.", "演示：虚构的目录和模拟付款。不使用任何真实帐户或信用卡。";
    LanguageLabel "app.language" => "Language", "语言";
    LanguageEnglish "app.language.en" => "English", "English";
    LanguageChinese "app.language.zh" => "中文", "中文";
    LanguageFailed "app.language.failed" => "The texts for {language} did not arrive, so the page stays as it was. Check your connection, then try again.", "{language} 的文本未能下载，因此页面保持不变。请检查网络连接，然后重试。";
    AppLauncher "app.launcher" => "App launcher", "应用启动器";
    LauncherTitle "app.launcher.title" => "Apps", "应用";
    LauncherAdmin "app.launcher.admin" => "Admin", "管理";
    LauncherStore "app.launcher.store" => "Buy products", "购买产品";
    NoTenant "app.no_tenant" => "No organization", "无组织";
    TenantLabel "app.tenant" => "Organization", "组织";
    AccountLabel "app.account" => "Account", "帐户";
    Loading "app.loading" => "Loading…", "正在加载…";
    LoadingFile "app.loading.file" => "Loading {file} (file {done} of {total})", "正在加载 {file}（第 {done} 个，共 {total} 个文件）";
    LoadFailedTitle "app.load_failed.title" => "The demo world could not be loaded", "无法加载演示数据";
    LoadFailedBody "app.load_failed.body" => "The file {file} is missing or malformed, so the app cannot start. What went wrong:", "文件 {file} 缺失或格式错误，因此应用无法启动。错误详情：";
    UpdateAvailable "app.update.available" => "A new version of this app is available.", "此应用有新版本可用。";
    UpdateReload "app.update.reload" => "Reload", "重新加载";
    PartFailedTitle "app.part_failed.title" => "This page could not be loaded", "无法加载此页面";
    PartFailedBody "app.part_failed.body" => "Part of the app did not arrive. Check your connection, then try again.", "应用的一部分未能下载。请检查网络连接，然后重试。";
    Retry "app.retry" => "Try again", "重试";
    Dismiss "app.dismiss" => "Dismiss", "关闭";
    Cancel "app.cancel" => "Cancel", "取消";
    SignIn "app.sign_in" => "Sign in", "登录";
    SignOut "app.sign_out" => "Sign out", "注销";
    NoticeUnreadable "notice.unreadable" => "Your saved demo data could not be read. It is kept as a backup: export it, or reset the demo world.", "无法读取已保存的演示数据。它已作为备份保留：你可以导出备份，或重置演示数据。";
    NoticeMigrated "notice.migrated" => "Your saved data was updated from an older version (schema {from}).", "已将你保存的数据从旧版本（架构 {from}）更新。";
    NoticeSaveFailed "notice.save_failed" => "Your last change could not be saved, so it did not happen.", "无法保存你的上一次更改，因此该更改未生效。";
    AppStopped "app.stopped" => "Something went wrong and this page stopped working. Reload the page: what was saved is kept.", "出现问题，此页面已停止工作。请重新加载页面：已保存的内容会保留。";
    NoticeNotKeptNoStorage "notice.not_kept.no_storage" => "This browser keeps no data for this site, so it will not keep your purchases and changes: they last until you close this tab.", "此浏览器不为该网站保存数据，因此不会保留你的购买和更改：它们仅在你关闭此标签页之前有效。";
    NoticeNotKeptPrivate "notice.not_kept.private" => "This looks like a private window: this browser will not keep your purchases and changes after you close it.", "这似乎是一个隐私窗口：关闭窗口后，此浏览器不会保留你的购买和更改。";
    NoticeNotKeptFull "notice.not_kept.full" => "This browser's storage for this site is full, so it will not keep your last change or the ones after it: they last until you close this tab.", "此浏览器为该网站提供的存储空间已满，因此不会保留你的上一次更改及之后的更改：它们仅在你关闭此标签页之前有效。";
    NoticeNotKeptExport "notice.not_kept.export" => "To keep a copy, export it as a file: Demo controls import it again.", "若要保留副本，请将其导出为文件：之后可在“演示控制”中再次导入。";
    ExportBackup "notice.export_backup" => "Export the backup", "导出备份";
    ResetDemo "demo.reset" => "Reset the demo world", "重置演示数据";

    SignInTitle "signin.title" => "Sign in", "登录";
    SignInDemoNote "signin.demo_note" => "This is a demo directory: every account's password is Demo-2026! — no real Microsoft account is used.", "这是演示目录：所有帐户的密码均为 Demo-2026!，不会使用任何真实的 Microsoft 帐户。";
    EmailLabel "signin.email" => "Work email", "工作电子邮件";
    PasswordLabel "signin.password" => "Password", "密码";
    SignInErrorMalformed "signin.error.malformed" => "Enter the email address you use at work.", "请输入你在工作中使用的电子邮件地址。";
    SignInErrorUnknown "signin.error.unknown" => "We couldn't find an account with that email address.", "找不到使用该电子邮件地址的帐户。";
    SignInErrorPassword "signin.error.password" => "Your account or password is incorrect.", "你的帐户或密码不正确。";
    SignInErrorDisabled "signin.error.disabled" => "Your account has been disabled. Contact your IT admin.", "你的帐户已被禁用。请联系你的 IT 管理员。";
    SignInErrorDeleted "signin.error.deleted" => "This account was deleted. Contact your IT admin.", "此帐户已被删除。请联系你的 IT 管理员。";

    DemoControlsLink "demo.link" => "Demo controls", "演示控制";
    DemoTitle "demo.title" => "Demo controls", "演示控制";
    DemoIntro "demo.intro" => "Everything you do is kept in this browser. Move the demo's clock to see renewals, bills and trial ends; export, import or reset the demo world; add subscriptions to try the admin pages at scale.", "你执行的所有操作都保存在此浏览器中。调整演示时钟可查看续订、账单和试用到期；可导出、导入或重置演示数据；还可添加订阅，以测试大量数据下的管理页面。";
    DemoClockLabel "demo.clock" => "Demo date", "演示日期";
    DemoSubscriptionsLabel "demo.subscriptions" => "Subscriptions stored", "已存储的订阅";
    DemoLastSaveLabel "demo.last_save" => "Last save took", "上次保存耗时";
    DemoClockHeading "demo.clock.heading" => "Demo clock", "演示时钟";
    DemoAdvanceDay "demo.clock.day" => "Advance one day", "前进一天";
    DemoAdvanceMonth "demo.clock.month" => "Advance one month", "前进一个月";
    DemoClockMoved "demo.clock.moved" => "The clock moved on. Renewals, trial conversions and expiries: {events}.", "时钟已前进。续订、试用转付费和到期：共 {events} 次。";
    DemoDataHeading "demo.data.heading" => "Demo data", "演示数据";
    DemoExport "demo.export" => "Export as JSON", "导出为 JSON";
    DemoImport "demo.import" => "Import JSON…", "导入 JSON…";
    DemoImportDone "demo.import.done" => "Imported: the demo world now holds the file's data.", "已导入：演示数据现在为该文件中的数据。";
    DemoImportRefused "demo.import.refused" => "That file was not imported, and nothing changed: {reason}", "未导入该文件，且未做任何更改：{reason}";
    DemoResetConfirm "demo.reset.confirm" => "This discards every change made in this browser.", "这将放弃在此浏览器中所做的所有更改。";
    DemoResetDone "demo.reset.done" => "The demo world is as shipped again.", "演示数据已恢复为初始状态。";
    DemoSeedHeading "demo.seed.heading" => "Add subscriptions for load", "添加订阅以进行负载测试";
    DemoSeedCount "demo.seed.count" => "How many", "数量";
    DemoSeedButton "demo.seed.button" => "Add subscriptions", "添加订阅";
    DemoSeeded "demo.seed.done" => "Added {n} subscriptions.", "已添加 {n} 个订阅。";
    DemoSeededOne "demo.seed.done.one" => "Added {n} subscription.", "已添加 {n} 个订阅。";
    DemoAccountsHeading "demo.accounts.heading" => "Demo accounts", "演示帐户";
    DemoAccountsIntro "demo.accounts.intro" => "Every account has the password", "所有帐户的密码均为";
    DemoAccountPurchaser "demo.account.purchaser" => "has bought through self-service", "已通过自助服务购买";
    DemoAccountMember "demo.account.member" => "a member who bought nothing", "尚未购买任何产品的成员";
    DemoAccountPartner "demo.account.partner" => "partner with delegated admin rights to Contoso and Fabrikam", "对 Contoso 和 Fabrikam 拥有委派管理权限的合作伙伴";
    CountryUS "country.US" => "United States", "美国";
    CountryCA "country.CA" => "Canada", "加拿大";
    CountryGB "country.GB" => "United Kingdom", "英国";
    CountryDE "country.DE" => "Germany", "德国";
    CountryFR "country.FR" => "France", "法国";
    CountryJP "country.JP" => "Japan", "日本";
    CountryAU "country.AU" => "Australia", "澳大利亚";
    CountryBR "country.BR" => "Brazil", "巴西";
    CountryCD "country.CD" => "Congo (DRC)", "刚果民主共和国";
    CountryIN "country.IN" => "India", "印度";
    CountryCN "country.CN" => "China", "中国";

    MarketLabel "market.label" => "Prices for", "价格适用于";
    PerUserMonth "price.per_user_month" => "{price} user/month", "每用户每月 {price}";
    PriceUnavailable "price.unavailable" => "Not sold in this market", "此市场不销售";
    PriceNote "price.note" => "Self-service prices can differ from the prices your organization pays centrally or through a partner.", "自助服务价格可能与组织集中购买或通过合作伙伴购买时支付的价格不同。";
    PurchaserBilled "price.purchaser_billed" => "You are the purchaser: you are billed and responsible for payment.", "你是购买者：账单开给你，由你负责付款。";
    TrialNoCardBadge "product.trial_no_card" => "Free trial, no payment method required", "免费试用，无需付款方式";

    StepEmail "checkout.step.email" => "Email", "电子邮件";
    StepSignIn "checkout.step.signin" => "Sign in", "登录";
    StepLicenses "checkout.step.licenses" => "Licenses", "许可证";
    StepCard "checkout.step.card" => "Payment", "付款";
    StepReview "checkout.step.review" => "Review", "确认订单";
    StepDone "checkout.step.done" => "Confirmation", "完成";
    StepsLabel "checkout.steps" => "Checkout steps", "结账步骤";
    StepOf "checkout.step_of" => "Step {n} of {total}", "第 {n} 步，共 {total} 步";
    TrialTitle "checkout.trial_title" => "Try {product} free for one month", "免费试用 {product} 一个月";
    EmailIntro "checkout.email.intro" => "Enter the email address you use at work. We check it against your organization's directory as you type.", "请输入你在工作中使用的电子邮件地址。输入时我们会根据组织目录进行检查。";
    Continue "checkout.continue" => "Next", "下一步";
    Back "checkout.back" => "Back", "上一步";
    SignedInAs "checkout.signed_in_as" => "Signed in as {name}.", "已以 {name} 身份登录。";
    SignInAs "checkout.sign_in_as" => "Sign in as {email}", "以 {email} 身份登录";
    NotThisPerson "checkout.not_this_person" => "That is not the account you entered. Sign in with {email}, or go back and change the email.", "这不是你输入的帐户。请使用 {email} 登录，或返回更改电子邮件。";

    SeeYourPurchases "checkout.see_purchases" => "See your purchases", "查看你的购买";
    LicensesLabel "checkout.licenses" => "Number of licenses", "许可证数量";
    TotalLabel "checkout.total" => "Total per month", "每月总计";
    UnitPriceLabel "checkout.unit_price" => "Price per license", "每个许可证的价格";
    BillingHeading "checkout.billing" => "Billing details", "账单信息";
    BillingName "checkout.billing.name" => "Name", "姓名";
    BillingAddress "checkout.billing.address" => "Address", "地址";
    BillingCity "checkout.billing.city" => "City", "城市";
    BillingPostal "checkout.billing.postal" => "Postal code", "邮政编码";
    BillingCountry "checkout.billing.country" => "Country or region", "国家/地区";
    FieldRequired "checkout.required" => "{field} is required.", "请填写“{field}”。";
    SourceAbout "source.about" => "About this rule", "关于此规则";
    SourceFrom "source.from" => "Microsoft's page:", "Microsoft 页面：";
    SourceOurs "source.ours" => "This demo's own rule: no Microsoft page states it.", "本演示自己的规则：Microsoft 的页面中没有说明。";
    SourcePageFaq "source.page.faq" => "Self-service purchase FAQ", "自助服务购买常见问题解答";
    SourcePageUsers "source.page.users" => "Manage self-service purchases (users)", "管理自助服务购买（用户）";
    SourcePageAdmins "source.page.admins" => "Manage self-service purchases (admins)", "管理自助服务购买（管理员）";
    SourcePagePowerShell "source.page.powershell" => "Use AllowSelfServicePurchase for the MSCommerce PowerShell module", "将 AllowSelfServicePurchase 用于 MSCommerce PowerShell 模块";
    SourcePageExpires "source.page.expires" => "What happens to my data and access when my Microsoft 365 for business subscription ends?", "Microsoft 365 商业版订阅结束后，我的数据和访问权限会怎样？";
    SourcePagePay "source.page.pay" => "How to pay for your subscription", "如何支付订阅费用";
    SourceQRetries "source.q.retries" => "We continue to retry the transaction every few days for 30 days, during which time the subscription is in a grace period.", "我们会在 30 天内每隔几天重试一次交易，在此期间订阅处于宽限期。（译自英文页面）";
    SourcePageReactivate "source.page.reactivate" => "Reactivate your Microsoft business subscription", "重新激活 Microsoft 商业版订阅";
    SourceQEmailFirst "source.q.email_first" => "Customers are first asked to enter an email address to ensure that they're a user in an existing Azure Active Directory (AD) tenant.", "首先要求客户输入电子邮件地址，以确保他们是现有 Azure Active Directory (AD) 租户中的用户。";
    SourceQManaged "source.q.managed_non_guest" => "Any user with a non-guest user account in a managed Azure AD tenant can make a self-service purchase.", "在托管 Azure AD 租户中拥有非来宾用户帐户的任何用户都可以进行自助购买。";
    SourceQGovEdu "source.q.gov_edu" => "Self-service purchasing isn't available to tenants that are government or education organizations.", "自助服务购买不适用于政府或教育组织的租户。";
    SourceQActive "source.q.active_account" => "If a user has an active user account in an eligible Azure AD tenant, they can complete a self-service purchase.", "如果用户在符合条件的 Azure AD 租户中具有活动用户帐户，则他们可以完成自助购买。";
    SourceQGuest "source.q.guest" => "No, guest users can't complete a self-service purchase in a tenant in which they're a guest.", "否，来宾用户无法在其作为来宾的租户中完成自助服务购买。";
    SourceQIndia "source.q.india" => "Self-service purchase isn't available in India or for government or education customers.", "自助购买不适用于印度或政府或教育客户。";
    SourceQBrazil "source.q.brazil_congo" => "Project and Visio are not available for self-service purchase in Brazil and the Democratic Republic of Congo.", "Project 和 Visio 在巴西和刚果民主共和国不提供自助服务购买。";
    SourceQPerProduct "source.q.per_product" => "If required for their organization, admins can turn off self-service purchasing on a per product basis via PowerShell.", "如果组织需要，管理员可以通过 PowerShell 按产品关闭自助购买。";
    SourceQControl "source.q.control" => "Admins can also control whether users in their organization can make self-service purchases.", "管理员还可以控制其组织的用户是否可以进行自助购买。";
    SourceQTrialsOnly "source.q.trials_only" => "Trials without a payment method are only available to select customers with an existing subscription agreement.", "无需付款方式的试用仅适用于已有订阅协议的部分客户。（译自英文页面）";
    SourceQReadOnly "source.q.read_only" => "Your admin has a read-only view into any subscriptions that you buy.", "你的管理员对你购买的任何订阅都只有只读视图。（译自英文页面）";
    SourcePageLicenses "source.page.licenses" => "Buy or remove licenses for a Microsoft business subscription", "购买或删除 Microsoft 商业订阅的许可证";
    SourceQAddNow "source.q.add_now" => "The payment method associated with your subscription or billing profile is charged as soon as you buy more licenses for a subscription.", "为订阅购买更多许可证后，会立即从与订阅或账单配置文件关联的付款方式中扣款。（译自英文页面）";
    SourceQAllAssigned "source.q.all_assigned" => "You can't reduce the number of licenses for your subscription if all licenses are currently assigned to users.", "如果所有许可证当前都已分配给用户，则无法减少订阅的许可证数量。（译自英文页面）";
    SourceQRemoveWindow "source.q.remove_window" => "You can only remove licenses from your subscription if it’s within seven days of buying or renewing your subscription. If you buy licenses in the middle of your billing period, you have seven days from when you buy them to reduce the number of licenses you bought.", "只有在购买或续订订阅后的七天内，才能从订阅中删除许可证。如果在计费周期中途购买许可证，则从购买之日起有七天时间减少所购买的许可证数量。（译自英文页面）";
    SourceQRemoveLater "source.q.remove_later" => "If the window is closed, the subscription details page lists the date when your plan changes take effect.", "如果期限已过，订阅详细信息页会列出计划更改生效的日期。（译自英文页面）";
    SourceQRemoveRecurring "source.q.remove_recurring" => "You can only remove licenses when recurring billing is turned on.", "只有在启用定期计费时才能删除许可证。（译自英文页面）";
    SourceQStatuses "source.q.statuses" => "A subscription goes through the following statuses over the course of its lifecycle: Active > Expired > Disabled > Deleted", "订阅在其生命周期中会经历以下状态：活动 > 已过期 > 已禁用 > 已删除（译自英文页面）";
    SourceQRecurringOn "source.q.recurring_on" => "If you turned off Recurring billing, you can turn it back on to keep your subscription active.", "如果你关闭了定期计费，可以重新打开它以使订阅保持活动状态。（译自英文页面）";
    SourceQTrialEnds "source.q.trial_ends" => "When your trial ends, we automatically start billing you for your subscription.", "试用结束时，我们会自动开始为你的订阅计费。（译自英文页面）";
    SourceQCancelWindow "source.q.cancel_window" => "If you cancel a monthly subscription within the cancellation policy window, it skips the Expired status and immediately moves to the Disabled status on the date you cancel it.", "如果在取消政策期限内取消按月订阅，它会跳过“已过期”状态，并在你取消当天立即变为“已禁用”状态。（译自英文页面）";
    SourceQWindowPassed "source.q.window_passed" => "If the cancellation window has passed, turn off recurring billing to cancel the subscription at the end of its term.", "如果取消期限已过，请关闭定期计费，以在订阅期结束时取消订阅。（译自英文页面）";
    SourceQReactivate "source.q.reactivate" => "… starts on the day of reactivation.", "……从重新激活之日开始。（译自英文页面）";
    SourceQExtendTrial "source.q.extend_trial" => "If you need more time to evaluate Microsoft 365, you can extend your trial.", "如果你需要更多时间来评估 Microsoft 365，可以延长试用期。（译自英文页面）";
    SourceOursSovereign "source.ours.sovereign" => "No Microsoft page says self-service purchase is unavailable in the cloud operated by 21Vianet in China; this demo refuses every sovereign cloud.", "没有 Microsoft 页面说明中国由世纪互联运营的云中无法使用自助服务购买；本演示拒绝所有主权云。";
    TestCardsTitle "card.test.title" => "Test cards of this demo", "本演示的测试信用卡";
    TestCardsIntro "card.test.intro" => "No real card is ever charged here. Any other valid number is approved. Use any future expiry date and a 3-digit security code (4 digits for American Express).", "此处不会对任何真实信用卡收费。其他任何有效卡号均会被批准。到期日期填写任意将来的日期，安全码填写 3 位数字（American Express 为 4 位）。";
    TestCardsEffect "card.test.effect" => "What happens", "结果";
    TestCardApproved "card.test.approved" => "Approved, now and on every later charge.", "现在及以后的每次扣款均被批准。";
    TestCardDeclined "card.test.declined" => "Declined at once: “{why}”", "立即被拒绝：“{why}”";
    TestCardDeclinesLater "card.test.declines_later" => "Approved and saved now; every later charge (a renewal, a retry) is declined for insufficient funds.", "现在被批准并保存；以后的每次扣款（续订、重试）均因资金不足被拒绝。";
    CardOnly "checkout.card_only" => "Credit card is the only payment method. Invoices aren't available for self-service purchases.", "信用卡是唯一的付款方式。自助服务购买不支持发票付款。";
    CardNumber "card.number" => "Card number", "卡号";
    CardExpiry "card.expiry" => "Expiration date (MM/YY)", "到期日期（月/年）";
    CardExpiryPlaceholder "card.expiry_placeholder" => "MM/YY", "月/年";
    CardCode "card.code" => "Security code", "安全码";
    CardHolder "card.holder" => "Name on card", "持卡人姓名";
    CardBrandDetected "card.brand" => "Card brand: {brand}", "信用卡品牌：{brand}";
    ReviewProduct "checkout.review.product" => "Product", "产品";
    ReviewOrganization "checkout.review.organization" => "Organization", "组织";
    ReviewPurchaser "checkout.review.purchaser" => "Purchaser", "购买者";
    ReviewPayment "checkout.review.payment" => "Payment", "付款";
    ReviewNoCard "checkout.review.no_card" => "None: a free trial without a payment method. It ends after one month and does not convert to a paid subscription.", "无：无需付款方式的免费试用。一个月后结束，不会转换为付费订阅。";
    ReviewTrialCard "checkout.review.trial_card" => "Free for one month, then {total} per month on this card unless you turn off recurring billing.", "免费一个月，之后每月从此信用卡收取 {total}，除非你关闭定期计费。";
    PlaceOrder "checkout.place_order" => "Pay {total}", "支付 {total}";
    StartTrial "checkout.start_trial" => "Start free trial", "开始免费试用";
    Processing "checkout.processing" => "Processing…", "正在处理…";
    OrderDone "checkout.done.title" => "Thank you: your order for {product} is placed", "谢谢！你已成功订购 {product}";
    TrialDone "checkout.done.trial_title" => "Your free trial of {product} has started", "你的 {product} 免费试用已开始";
    OrderNumber "checkout.done.order" => "Order number", "订单号";
    AssignLicenses "checkout.done.assign" => "Assign licenses", "分配许可证";
    NoTrialAvailable "checkout.no_trial" => "No free trial is available to you for this product.", "你无法免费试用此产品。";
    StoreErrorRetry "checkout.store_error" => "Your order could not be saved, so nothing was charged. Try again.", "无法保存你的订单，因此未扣费。请重试。";
    PolicyChangedTitle "checkout.policy_changed" => "Your organization's settings changed while you were checking out.", "在你结账期间，组织的设置发生了更改。";
    TrialAlreadyUsed "checkout.trial_used" => "You have already had a free trial of this product. One trial per person and product is this demo's own rule: no Microsoft page states it.", "你已经免费试用过此产品。每人每个产品只能试用一次是本演示自己的规则：Microsoft 的页面中没有说明。";

    PurchaserTitle "purchaser.title" => "Your self-service purchases", "你的自助服务购买";
    PurchaserIntro "purchaser.intro" => "This limited view of the admin center shows only the subscriptions you bought yourself. Your organization's admins can see them too.", "这是管理中心的受限视图，只显示你自己购买的订阅。组织的管理员也能看到这些订阅。";
    NothingBought "purchaser.nothing" => "You have no admin role and no self-service purchases yet, so the admin center has nothing for you. Buy a product with a credit card and it shows up here, where you assign its licenses.", "你没有管理员角色，也还没有自助服务购买，因此管理中心中没有你需要管理的内容。使用信用卡购买产品后，它会显示在此处，你可以在此分配其许可证。";
    BrowseProducts "purchaser.browse" => "Browse products", "浏览产品";
    SignInToAdmin "purchaser.sign_in" => "Sign in to see your purchases", "登录以查看你的购买";
    ColProduct "col.product" => "Product", "产品";
    ColStatus "col.status" => "Status", "状态";
    ColLicenses "col.licenses" => "Licenses", "许可证";
    ColAssigned "col.assigned" => "Assigned", "已分配";
    ColAvailable "col.available" => "Available", "可用";
    ColRenewal "col.renewal" => "Renews or ends", "续订或到期";
    ColPrice "col.price" => "Price", "价格";
    ColCard "col.card" => "Payment method", "付款方式";
    ColPeriod "col.period" => "Period", "期间";
    ColAmount "col.amount" => "Amount", "金额";
    PerLicenseMonth "purchaser.per_license" => "{unit} per license · {total} per month", "每个许可证 {unit} · 每月 {total}";
    StatusActive "status.active" => "Active", "活动";
    StatusDisabled "status.disabled" => "Disabled", "已禁用";
    StatusDeleted "status.deleted" => "Deleted", "已删除";
    StatusExpired "status.expired" => "Expired", "已过期";
    StatusTrial "status.trial" => "Trial", "试用";
    Manage "purchaser.manage" => "Manage", "管理";
    NotificationsTitle "purchaser.notifications" => "Notifications", "通知";
    NotifyTakenOver "notify.taken_over" => "An admin moved the people using {product} to a subscription of your organization. Your subscription was deleted.", "管理员已将使用 {product} 的人员移至组织的订阅。你的订阅已被删除。";
    NotifyCanceledByAdmin "notify.canceled_by_admin" => "An admin canceled your {product} subscription: {reason}", "管理员已取消你的 {product} 订阅：{reason}";
    NotifyCancelRequested "notify.cancel_requested" => "Your admin bought {product} centrally for the people you assigned, and asks you to cancel your subscription.", "你的管理员已为你分配的人员集中购买了 {product}，并请你取消你的订阅。";
    NotifyPaymentFailed "notify.payment_failed" => "We couldn't charge your card for {product}. We'll try again on {date}; you can pay the bill now or replace the card.", "无法向你的信用卡收取 {product} 的费用。我们将于 {date} 重试；你也可以现在支付账单或更换信用卡。";
    NotifyPaymentFailedLast "notify.payment_failed_last" => "We couldn't charge your card for {product}, and won't try again.", "无法向你的信用卡收取 {product} 的费用，且不会再重试。";
    NotifyRenewalComing "notify.renewal_coming" => "{product} renews on {date}: your card on file will be charged.", "{product} 将于 {date} 续订：将从你登记的信用卡扣款。";
    NotifyExpired "notify.expired" => "{product} has expired. Users keep access until {date}; reactivate it to keep it.", "{product} 已过期。用户在 {date} 之前仍可访问；如需继续使用，请重新激活。";
    NotifyDisabled "notify.disabled" => "{product} is disabled: users have lost access. It will be deleted on {date} unless it's reactivated.", "{product} 已禁用：用户已失去访问权限。除非重新激活，否则将于 {date} 删除。";
    NotifyRefunded "notify.refunded" => "{amount} for {product} was refunded to your card.", "{product} 的 {amount} 已退还到你的信用卡。";
    NotifyTrialEnding "notify.trial_ending" => "Your free trial of {product} ends within a week.", "你的 {product} 免费试用将在一周内结束。";
    NotifyTrialExpired "notify.trial_expired" => "Your free trial of {product} has ended.", "你的 {product} 免费试用已结束。";
    SubscriptionNotFound "purchaser.not_found" => "You have no self-service subscription {id}.", "你没有自助服务订阅 {id}。";
    BackToPurchases "purchaser.back" => "Back to your purchases", "返回你的购买";
    LicensesHeading "purchaser.licenses" => "Add/remove licenses", "添加/删除许可证";
    TotalLicenses "purchaser.total_licenses" => "Total licenses", "许可证总数";
    ChangePreviewMore "purchaser.preview_more" => "{n} more licenses: {amount} is charged to your card now.", "增加 {n} 个许可证：现在将从你的信用卡收取 {amount}。";
    ChangePreviewMoreOne "purchaser.preview_more.one" => "{n} more license: {amount} is charged to your card now.", "增加 {n} 个许可证：现在将从你的信用卡收取 {amount}。";
    ChangePreviewFewer "purchaser.preview_fewer" => "{n} fewer licenses: your next bill goes down to {amount} per month.", "减少 {n} 个许可证：你的下一期账单将降至每月 {amount}。";
    ChangePreviewFewerRefund "purchaser.preview_fewer_refund" => "{n} fewer licenses: {refund} goes back to your card now (inside the 7-day window), and the subscription costs {amount} per month from now on.", "减少 {n} 个许可证：{refund} 将立即退还到你的信用卡（在 7 天期限内），此后订阅每月费用为 {amount}。";
    ChangePreviewFewerRefundOne "purchaser.preview_fewer_refund.one" => "{n} fewer license: {refund} goes back to your card now (inside the 7-day window), and the subscription costs {amount} per month from now on.", "减少 {n} 个许可证：{refund} 将立即退还到你的信用卡（在 7 天期限内），此后订阅每月费用为 {amount}。";
    ChangePreviewFewerOne "purchaser.preview_fewer.one" => "{n} fewer license: your next bill goes down to {amount} per month.", "减少 {n} 个许可证：你的下一期账单将降至每月 {amount}。";
    BelowAssigned "purchaser.below_assigned" => "Licenses assigned: {assigned}. Unassign {n} people before lowering the total to {total}.", "已分配的许可证：{assigned} 个。将总数降至 {total} 之前，请先取消分配 {n} 人的许可证。";
    ChangePreviewAtRenewal "purchaser.preview_at_renewal" => "{n} fewer licenses from {date}, when the subscription renews: the 7 days in which licenses can be removed at once have passed. Your licenses stay until then, nothing goes back to your card, and the next bill is {amount} per month.", "从 {date}（订阅续订时）起减少 {n} 个许可证：可立即删除许可证的 7 天期限已过。在此之前许可证保持不变，不会退款到你的信用卡，下一期账单为每月 {amount}。";
    ChangePreviewAtRenewalOne "purchaser.preview_at_renewal.one" => "{n} fewer license from {date}, when the subscription renews: the 7 days in which licenses can be removed at once have passed. Your licenses stay until then, nothing goes back to your card, and the next bill is {amount} per month.", "从 {date}（订阅续订时）起减少 {n} 个许可证：可立即删除许可证的 7 天期限已过。在此之前许可证保持不变，不会退款到你的信用卡，下一期账单为每月 {amount}。";
    ChangePreviewKeep "purchaser.preview_keep" => "Keep every license: the {n} licenses scheduled to be removed at renewal stay.", "保留所有许可证：计划在续订时删除的 {n} 个许可证将保留。";
    ChangePreviewKeepOne "purchaser.preview_keep.one" => "Keep every license: the {n} license scheduled to be removed at renewal stays.", "保留所有许可证：计划在续订时删除的 {n} 个许可证将保留。";
    LicensesScheduled "purchaser.licenses_scheduled" => "Scheduled change: {total} licenses from {date}, when the subscription renews. If more people hold a license by then, the renewal keeps one for each (this demo's own rule: Microsoft's pages don't say).", "计划的更改：从 {date}（订阅续订时）起为 {total} 个许可证。如果届时持有许可证的人更多，续订会为每人保留一个（本演示自己的规则：Microsoft 的页面中没有说明）。";
    LicensesScheduledOne "purchaser.licenses_scheduled.one" => "Scheduled change: {total} license from {date}, when the subscription renews. If more people hold a license by then, the renewal keeps one for each (this demo's own rule: Microsoft's pages don't say).", "计划的更改：从 {date}（订阅续订时）起为 {total} 个许可证。如果届时持有许可证的人更多，续订会为每人保留一个（本演示自己的规则：Microsoft 的页面中没有说明）。";
    BelowAssignedOne "purchaser.below_assigned.one" => "Licenses assigned: {assigned}. Unassign {n} person before lowering the total to {total}.", "已分配的许可证：{assigned} 个。将总数降至 {total} 之前，请先取消分配 {n} 人的许可证。";
    SaveChanges "purchaser.save" => "Save", "保存";
    Saved "purchaser.saved" => "Saved.", "已保存。";
    AssignHeading "purchaser.assign" => "Assign licenses", "分配许可证";
    AssignIntro "purchaser.assign_intro" => "Search your organization by name or email, or enter an email address. At most 20 people at a time.", "按姓名或电子邮件搜索组织，或输入电子邮件地址。一次最多 20 人。";
    SearchPeople "purchaser.search" => "Find people", "查找人员";
    AddAddress "purchaser.add_address" => "Add {email}", "添加 {email}";
    Chosen "purchaser.chosen" => "Chosen ({n} of at most 20)", "已选择（{n} 人，最多 20 人）";
    Remove "purchaser.remove" => "Remove {name}", "移除 {name}";
    AssignButton "purchaser.assign_button" => "Assign {n} licenses", "分配 {n} 个许可证";
    AssignButtonOne "purchaser.assign_button.one" => "Assign {n} license", "分配 {n} 个许可证";
    AssignedDone "purchaser.assigned_done" => "Assigned {n} licenses.", "已分配 {n} 个许可证。";
    AssignedDoneOne "purchaser.assigned_done.one" => "Assigned {n} license.", "已分配 {n} 个许可证。";
    TooManyAtOnce "purchaser.too_many" => "You can assign at most 20 people at a time ({n} chosen).", "一次最多可以分配 20 人（已选择 {n} 人）。";
    NotEnoughLicenses "purchaser.not_enough" => "People chosen: {requested}. Licenses available: {available}. Buy more first.", "已选择的人员：{requested} 人。可用的许可证：{available} 个。请先购买更多许可证。";
    RefusedPeople "purchaser.refused" => "These people can't get a license, so nobody was assigned:", "这些人员无法获得许可证，因此没有分配任何人：";

    NobodyMatches "purchaser.nobody_matches" => "No one in your organization matches “{query}”. Search by name, or enter a full email address.", "组织中没有与“{query}”匹配的人员。请按姓名搜索，或输入完整的电子邮件地址。";
    RefusalOtherTenant "refusal.other_tenant" => "not in your organization", "不在你的组织中";
    RefusalGuest "refusal.guest" => "a guest account (this demo's own rule)", "来宾帐户（本演示自己的规则）";
    RefusalInactive "refusal.inactive" => "account disabled or deleted (this demo's own rule)", "帐户已禁用或删除（本演示自己的规则）";
    RefusalAlreadyAssigned "refusal.already" => "already has a license of this subscription", "已拥有此订阅的许可证";
    RefusalUnknown "refusal.unknown" => "no such account", "没有此帐户";
    RefusalDuplicate "refusal.duplicate" => "chosen twice", "重复选择";
    AssignedPeople "purchaser.assigned_people" => "People with a license", "拥有许可证的人员";
    NobodyAssigned "purchaser.nobody" => "Nobody has a license yet.", "还没有人拥有许可证。";
    Unassign "purchaser.unassign" => "Unassign", "取消分配";
    UnassignConfirm "purchaser.unassign_confirm" => "{name} loses access to {product} now.", "{name} 将立即失去对 {product} 的访问权限。";
    Confirm "app.confirm" => "Confirm", "确认";
    PaymentHeading "purchaser.payment" => "Payment method", "此订阅的付款方式";
    CardOnFile "purchaser.card_on_file" => "{brand} ending in {last4}, expires {expiry}, {holder}", "{brand}，尾号 {last4}，到期 {expiry}，{holder}";
    EditCard "purchaser.edit_card" => "Edit payment method", "编辑付款方式";
    ReplaceCard "purchaser.replace_card" => "Replace payment method", "更换付款方式";
    CardUpdated "purchaser.card_updated" => "The payment method was updated.", "付款方式已更新。";
    CancelHeading "purchaser.cancel" => "Cancel subscription", "取消订阅";
    CancelReason "purchaser.cancel_reason" => "Reason", "原因";
    CancelReasonPrice "reason.price" => "Too expensive", "太贵";
    CancelReasonUnused "reason.unused" => "We don't use it enough", "使用频率不高";
    CancelReasonCentral "reason.central" => "My organization buys it centrally", "我的组织集中购买";
    CancelReasonOther "reason.other" => "Another reason", "其他原因";
    AdminReasonCentral "reason.admin.central" => "We're moving to licenses bought centrally", "我们将改用集中购买的许可证";
    AdminReasonSecurity "reason.admin.security" => "Security or compliance concerns", "安全性或合规性问题";
    AdminReasonUnapproved "reason.admin.unapproved" => "The purchase wasn't approved", "此购买未经批准";
    CancelFeedback "purchaser.cancel_feedback" => "Feedback (optional)", "反馈（可选）";
    CancelConfirm "purchaser.cancel_confirm" => "Canceling ends {product} now: the {n} people with a license lose access at once, and it does not renew.", "取消后 {product} 立即结束：{n} 名拥有许可证的人员将立即失去访问权限，并且不会续订。";
    CancelConfirmOne "purchaser.cancel_confirm.one" => "Canceling ends {product} now: the {n} person with a license loses access at once, and it does not renew.", "取消后 {product} 立即结束：{n} 名拥有许可证的人员将立即失去访问权限，并且不会续订。";
    CancelButton "purchaser.cancel_button" => "Cancel subscription", "取消订阅";
    Canceled "purchaser.canceled" => "The subscription is canceled.", "订阅已取消。";
    CancelRefund "purchaser.cancel_refund" => "Cancel now and {amount} goes back to your card. The subscription is disabled at once: its users lose access today. You can cancel for a refund through {date}.", "立即取消后，{amount} 将退还到你的信用卡。订阅将立即被禁用：其用户今天即失去访问权限。在 {date}（含当天）之前取消均可获得退款。";
    CancelWindowClosed "purchaser.cancel_window_closed" => "The 7-day cancellation window has closed. Turn off recurring billing instead: the subscription expires on {date}, and its users keep access until {access}.", "7 天的取消期限已过。请改为关闭定期计费：订阅将于 {date} 过期，其用户在 {access} 之前仍可访问。";
    CancelEndsAlready "purchaser.cancel_ends" => "Recurring billing is off: the subscription expires on {date}, and its users keep access until {access}.", "定期计费已关闭：订阅将于 {date} 过期，其用户在 {access} 之前仍可访问。";
    CancelPastDue "purchaser.cancel_past_due" => "A renewal payment is past due, so the subscription can't be canceled now. Pay the bill or replace the card; if the card is still declined on {date}, the subscription expires.", "有一笔续订付款已逾期，因此现在无法取消订阅。请支付账单或更换信用卡；如果 {date} 仍被拒绝，订阅将过期。";
    NotAvailableIn "offer.not_available" => "Not available in {market}", "{market}不提供";
    OfferSovereignMarket "offer.sovereign_market" => "Self-service purchase isn't available here: this market is served by a sovereign cloud (operated by 21Vianet in China). For the cloud operated by 21Vianet in China this is this demo's own rule: no Microsoft page states it, and Microsoft's pages send its admins to the 21Vianet admin center for these tasks.", "此处无法使用自助服务购买：该市场由主权云（在中国由世纪互联运营）提供服务。对于中国由世纪互联运营的云，这是本演示自己的规则：Microsoft 的页面中没有说明，并且这些页面让其管理员在世纪互联管理中心完成这些任务。";
    PolicyNotApplicable "policy.not_applicable" => "Self-service purchase isn't available to your organization, so there's nothing to allow or block here: no action is needed.", "你的组织无法使用自助服务购买，因此此处无需允许或阻止任何内容：无需执行任何操作。";
    SelectForExport "products.select_for_export" => "Select for export:", "选择以导出：";
    ExportSelected "products.export_selected" => "Export users of {n} selected subscriptions", "导出所选 {n} 个订阅的用户";
    ExportSelectedOne "products.export_selected.one" => "Export users of {n} selected subscription", "导出所选 {n} 个订阅的用户";
    PolicyBlocksEverything "policy.blocks_everything" => "{product} has no trial without a payment method: “Allow for trials only” blocks every purchase and every trial of it.", "{product} 没有无需付款方式的试用：“仅允许试用”会阻止对其的所有购买和试用。";
    PolicyAgreementYes "policy.agreement_yes" => "Trials without a payment method are only available to select customers with an existing subscription agreement. {tenant} has one, so its people can start a trial of {product}.", "无需付款方式的试用仅适用于已有订阅协议的部分客户。{tenant} 有订阅协议，因此其人员可以开始试用 {product}。";
    PolicyAgreementNo "policy.agreement_no" => "Trials without a payment method are only available to select customers with an existing subscription agreement. {tenant} doesn't have one: with “Allow for trials only”, nobody in it can try or buy {product}.", "无需付款方式的试用仅适用于已有订阅协议的部分客户。{tenant} 没有订阅协议：选择“仅允许试用”后，其中任何人都无法试用或购买 {product}。";
    TermRenews "purchaser.term.renews" => "Renews {date}", "{date} 续订";
    TermEnds "purchaser.term.ends" => "Expires {date}; access until {access}", "{date} 过期；可访问至 {access}";
    TermDisabled "purchaser.term.disabled" => "No access; deleted {date}", "无访问权限；{date} 删除";
    TermPastDue "purchaser.term.past_due" => "Payment past due; next try {date}", "付款已逾期；将于 {date} 重试";
    LifecycleHeading "lifecycle.heading" => "Subscription status and renewal", "订阅状态和续订";
    RecurringBilling "lifecycle.recurring" => "Recurring billing", "定期计费";
    RecurringOn "lifecycle.recurring_on" => "On", "已启用";
    RecurringOff "lifecycle.recurring_off" => "Off", "已关闭";
    LifecycleRenews "lifecycle.renews" => "Renews on {date}: {amount} is charged to the card on file.", "将于 {date} 续订：从登记的信用卡收取 {amount}。";
    LifecyclePastDue "lifecycle.past_due" => "The renewal payment was declined and is past due. The card is tried again on {date}; pay the bill or replace the card before then, or the subscription expires.", "续订付款被拒绝，已逾期。将于 {date} 再次尝试扣款；请在此之前支付账单或更换信用卡，否则订阅将过期。";
    LifecycleEnds "lifecycle.ends" => "Expires on {date}. Users keep access until {access}.", "将于 {date} 过期。用户在 {access} 之前仍可访问。";
    LifecycleExpired "lifecycle.expired" => "Expired. Users keep access until {access}; it is deleted on {deleted} unless it's reactivated.", "已过期。用户在 {access} 之前仍可访问；除非重新激活，否则将于 {deleted} 删除。";
    LifecycleDisabled "lifecycle.disabled" => "Disabled: users have no access. It is deleted on {deleted} unless it's reactivated.", "已禁用：用户无法访问。除非重新激活，否则将于 {deleted} 删除。";
    TurnOffRecurring "lifecycle.turn_off" => "Turn off recurring billing", "关闭定期计费";
    TurnOnRecurring "lifecycle.turn_on" => "Turn on recurring billing", "启用定期计费";
    Reactivate "lifecycle.reactivate" => "Reactivate", "重新激活";
    ExtendTrial "lifecycle.extend_trial" => "Extend trial", "延长试用";
    NoAccess "lifecycle.no_access" => "No access", "无访问权限";
    AssignToMe "checkout.assign_to_me" => "Assign one of these licenses to me", "将其中一个许可证分配给我";
    ReviewNextPurchase "checkout.next.purchase" => "Today {total} is charged to this card. Then {total} every month, from {date}, while recurring billing is on. Within 7 days you can cancel for a prorated refund; after that, turn off recurring billing to end it.", "今天将从此信用卡收取 {total}。之后在定期计费开启期间，从 {date} 起每月收取 {total}。7 天内可以取消并获得按比例退款；之后可关闭定期计费来结束订阅。";
    ReviewNextCardTrial "checkout.next.card_trial" => "Free until {date}. Then {total} a month on this card, unless you turn off recurring billing before that day.", "在 {date} 之前免费。之后每月从此信用卡收取 {total}，除非你在该日期之前关闭定期计费。";
    ReviewNextNoCardTrial "checkout.next.no_card_trial" => "Free until {date}. The trial then expires; nothing is ever charged.", "在 {date} 之前免费。试用随后过期，不会收取任何费用。";
    DoneHasLicense "checkout.done.has_license" => "You have one of the {n} licenses, so you can use {product} now. Assign the others to people in your organization in the admin center.", "你拥有 {n} 个许可证中的一个，现在即可使用 {product}。请在管理中心将其余许可证分配给组织中的其他人。";
    DoneHasLicenseOne "checkout.done.has_license.one" => "You have the license, so you can use {product} now.", "你已拥有该许可证，现在即可使用 {product}。";
    DoneNoLicense "checkout.done.no_license" => "No license is assigned yet, not even to you. Assign the {n} licenses in the admin center before anyone can use {product}.", "尚未分配任何许可证，包括你自己。请先在管理中心分配这 {n} 个许可证，之后才能使用 {product}。";
    DoneNoLicenseOne "checkout.done.no_license.one" => "No license is assigned yet, not even to you. Assign the license in the admin center before anyone can use {product}.", "尚未分配许可证，包括你自己。请先在管理中心分配该许可证，之后才能使用 {product}。";
    TrialKindCard "catalog.trial_card" => "Free trial, payment method required", "免费试用，需要付款方式";
    UpcomingHeading "demo.upcoming" => "What the clock will do", "时钟将执行的操作";
    UpcomingNone "demo.upcoming_none" => "Nothing happens to any subscription in the next 120 days.", "在接下来 120 天内，任何订阅都不会发生变化。";
    UpRenew "demo.up.renew" => "{date}: {product} renews and {amount} is charged", "{date}：{product} 续订，收取 {amount}";
    UpConvert "demo.up.convert" => "{date}: the {product} trial converts and {amount} is charged", "{date}：{product} 试用转为付费订阅，收取 {amount}";
    UpRetry "demo.up.retry" => "{date}: the declined {product} payment of {amount} is tried again", "{date}：再次尝试收取被拒绝的 {product} 付款 {amount}";
    UpRenewCentral "demo.up.renew_central" => "{date}: {product} (central) renews for a year", "{date}：{product}（集中购买）续订一年";
    UpExpire "demo.up.expire" => "{date}: {product} expires", "{date}：{product} 过期";
    UpDisable "demo.up.disable" => "{date}: {product} is disabled; its users lose access", "{date}：{product} 被禁用；其用户失去访问权限";
    UpDelete "demo.up.delete" => "{date}: {product} is deleted", "{date}：{product} 被删除";
    DetailNoBills "billing.detail.no_bills" => "No bills for this subscription yet.", "此订阅尚无账单。";
    DetailCentralBills "billing.detail.central_bills" => "Billed to your organization with its other subscriptions, not to a purchaser's card.", "与组织的其他订阅一起向组织计费，而不是向购买者的信用卡计费。";
    BillsTitle "purchaser.bills" => "Bills & payments", "账单和付款";
    Invoices "purchaser.invoices" => "Invoices", "发票";
    BillsRange "purchaser.bills_range" => "Show", "显示";
    Past3Months "range.3" => "Past 3 months", "过去 3 个月";
    Past6Months "range.6" => "Past 6 months", "过去 6 个月";
    CustomRange "range.custom" => "Specify a date range", "指定日期范围";
    From "range.from" => "From", "开始日期";
    To "range.to" => "To", "结束日期";
    NoBills "purchaser.no_bills" => "No bills in this period.", "此期间没有账单。";
    BillDue "bill.due" => "Past due", "已逾期";
    BillPaid "bill.paid" => "Paid", "已付款";
    BillRefund "bill.refund" => "Refund", "退款";
    BillVoid "bill.void" => "Void", "已作废";
    PayNow "bill.pay" => "Pay {amount}", "支付 {amount}";
    SupportTitle "purchaser.support" => "Support and training", "支持和培训";
    SupportBody "purchaser.support_body" => "Microsoft provides standard support for self-service purchases, not your IT department or partner. Calling support does not use your organization's Premier support incidents. The product websites have guided learning, documentation, samples and communities.", "自助服务购买由 Microsoft 提供标准支持，你的 IT 部门或合作伙伴不提供此类支持。联系支持不会占用组织顶级支持服务的事件次数。产品网站提供引导式学习、文档、示例和社区。";
    AccessDeniedTitle "admin.denied.title" => "You don't have access to this page", "你无权访问此页面";
    AccessDeniedBody "admin.denied.body" => "This page is for your organization's admins.", "此页面供组织的管理员使用。";
    ActionFailed "app.action_failed" => "That didn't work: {reason}", "操作失败：{reason}";

    NavUsers "nav.users" => "Active users", "活跃用户";
    NavCapacity "nav.capacity" => "Capacity (Power Platform admin center)", "容量（Power Platform 管理中心）";
    FilterLabel "products.filter" => "Show", "显示";
    FilterCentral "products.filter.central" => "Central purchases only", "仅集中购买";
    FilterInclude "products.filter.include" => "Include self-service purchases", "包括自助服务购买";
    TabProducts "products.tab.products" => "Products", "产品";
    TabTrials "products.tab.trials" => "Self-service trials", "自助服务试用";
    SearchProducts "products.search" => "Search products or purchasers", "搜索产品或购买者";
    ColSource "col.source" => "Source", "来源";
    ColPurchaser "col.purchaser" => "Purchaser", "购买者";
    SourceCentral "source.central" => "Central", "集中购买";
    SourceSelfService "source.self_service" => "Self-service", "自助服务";
    SourceTrial "source.trial" => "Self-service trial", "自助服务试用";
    PurchaserLeft "products.purchaser_left" => "Purchaser left the organization", "购买者已离职";
    RowsCount "products.rows" => "{n} rows", "{n} 行";
    RowsCountOne "products.rows.one" => "{n} row", "{n} 行";
    NoRows "products.no_rows" => "No products match.", "没有匹配的产品。";
    ExpandRow "products.expand" => "Show the {n} purchases", "显示 {n} 笔购买";
    ExpandRowOne "products.expand.one" => "Show the {n} purchase", "显示 {n} 笔购买";
    CollapseRow "products.collapse" => "Hide the {n} purchases", "隐藏 {n} 笔购买";
    CollapseRowOne "products.collapse.one" => "Hide the {n} purchase", "隐藏 {n} 笔购买";
    Purchases "products.purchases" => "Purchases", "购买";
    ShowMore "products.show_more" => "Show {n} more", "再显示 {n} 个";
    DetailTitle "products.detail" => "{product} — {id}", "{product} — {id}";
    OrderHistory "products.history" => "Order history", "订单历史记录";
    AssignedUsers "products.assigned_users" => "Assigned users", "已分配的用户";
    AssignedBy "products.assigned_by" => "Assigned by {name}", "由 {name} 分配";
    AdminCannotAssign "products.cannot_assign" => "You have a read-only view of a self-service subscription: only its purchaser assigns its licenses, turns recurring billing on or off, reactivates it or extends its trial. What you can do is take control of it: move its users to a central subscription, or cancel it.", "你对自助服务订阅只有只读视图：只有其购买者可以分配许可证、打开或关闭定期计费、重新激活订阅或延长试用。你可以做的是接管该订阅：将其用户移至集中订阅，或取消订阅。";
    ExportUsers "products.export_users" => "Export users", "导出用户";
    ReadOnlyRole "products.read_only" => "You can view this page, but your role can't change anything here.", "你可以查看此页面，但你的角色无法在此进行任何更改。";
    TakeOverHeading "products.take_over" => "Take control of this subscription", "接管此订阅";
    TakeOverRefund "products.take_over_refund" => "Either way, the purchaser gets the unused rest of the term back on their card. That refund is this demo's own rule: no Microsoft page says what a purchaser gets back.", "无论哪种方式，购买者都会将本期未使用的部分退还到其信用卡。该退款是本演示自己的规则：Microsoft 的页面中没有说明购买者会退还什么。";
    MoveUsers "products.move_users" => "Move users to a central subscription", "将用户移至集中订阅";
    MoveTarget "products.move_target" => "Central subscription", "集中订阅";
    MoveNoTarget "products.move_no_target" => "Your organization has no active central subscription to move them to yet.", "你的组织尚无可将其移至的有效集中订阅。";
    Shortfall "products.shortfall" => "Licenses needed: {needed}. Free: {available}. Buy {missing} more at the central price of {price} each.", "需要的许可证：{needed} 个。可用：{available} 个。请以每个 {price} 的集中购买价格再购买 {missing} 个。";
    BuyMissing "products.buy_missing" => "Buy {n} central licenses", "购买 {n} 个集中许可证";
    BuyMissingOne "products.buy_missing.one" => "Buy {n} central license", "购买 {n} 个集中许可证";
    MoveButton "products.move_button" => "Move {n} users", "移动 {n} 个用户";
    MoveButtonOne "products.move_button.one" => "Move {n} user", "移动 {n} 个用户";
    Moved "products.moved" => "The users were moved; the self-service subscription is deleted and its purchaser notified.", "用户已移动；自助服务订阅已删除，并已通知其购买者。";
    AdminCancel "products.admin_cancel" => "Cancel this subscription", "取消此订阅";
    AdminCancelConfirm "products.admin_cancel_confirm" => "Its {n} users lose the license now, the subscription is deleted, and {purchaser} is notified.", "其 {n} 个用户将立即失去许可证，订阅将被删除，并通知 {purchaser}。";
    AdminCancelConfirmOne "products.admin_cancel_confirm.one" => "Its {n} user loses the license now, the subscription is deleted, and {purchaser} is notified.", "其 {n} 个用户将立即失去许可证，订阅将被删除，并通知 {purchaser}。";
    AdminCanceled "products.admin_canceled" => "The subscription is deleted and its purchaser notified.", "订阅已删除，并已通知其购买者。";
    CentralizeHeading "products.centralize" => "Centralize", "集中管理";
    CentralizeBody "products.centralize_body" => "Buy {n} central licenses at {price} each, assign them to the same people, and ask {purchaser} to cancel.", "以每个 {price} 的价格购买 {n} 个集中许可证，分配给相同的人员，并请 {purchaser} 取消。";
    CentralizeBodyOne "products.centralize_body.one" => "Buy {n} central license at {price}, assign it to the same person, and ask {purchaser} to cancel.", "以每个 {price} 的价格购买 {n} 个集中许可证，分配给相同的人员，并请 {purchaser} 取消。";
    CentralizeButton "products.centralize_button" => "Buy and assign central licenses", "购买并分配集中许可证";
    Centralized "products.centralized" => "Central licenses assigned; the purchaser was asked to cancel.", "已分配集中许可证；已请购买者取消。";
    CentralPriceCompare "products.price_compare" => "Self-service price {ss} · central price {central}", "自助服务价格 {ss} · 集中价格 {central}";
    UsersTitle "users.title" => "Active users", "活跃用户";
    NobodyMatchesUsers "users.nobody_matches" => "No one in your organization matches “{query}”.", "组织中没有与“{query}”匹配的人员。";
    SearchUsers "users.search" => "Search users", "搜索用户";
    ColName "col.name" => "Display name", "显示名称";
    ColEmail "col.email" => "Username", "用户名";
    ColAccount "col.account" => "Account", "帐户";
    Disable "users.disable" => "Block sign-in", "阻止登录";
    RemoveUser "users.remove" => "Delete user", "删除用户";
    UserDisabled "users.disabled" => "Sign-in blocked", "已阻止登录";
    UserDeleted "users.deleted" => "Deleted", "已删除";
    UserActive "users.active" => "Active", "活动";
    GuestLabel "users.guest" => "Guest", "来宾";
    IsPurchaser "users.purchaser" => "Self-service purchaser", "自助服务购买者";
    LeaveNote "users.leave_note" => "A purchaser who leaves keeps their subscriptions active for the people using them, until an admin takes them over.", "购买者离职后，其订阅仍对使用者保持活动状态，直到管理员接管。";
    CapacityTitle "capacity.title" => "Self-service capacity: a view of the Power Platform admin center", "自助服务容量：Power Platform 管理中心的视图";
    CapacityWhere "capacity.where" => "The FAQ puts this in the Power Platform admin center, not the Microsoft 365 admin center: there, admins view self-service purchase capacity. This page is a summary of it from the demo's subscriptions; nothing is managed here.", "常见问题解答指出此内容位于 Power Platform 管理中心，而不是 Microsoft 365 管理中心：管理员在那里查看自助服务购买容量。此页面根据演示中的订阅对其进行汇总；此处不进行任何管理。";
    CapacityIntro "capacity.intro" => "Licenses of Power BI, Power Apps and Power Automate, from self-service purchases and trials beside central ones.", "Power BI、Power Apps 和 Power Automate 的许可证：自助服务购买和试用与集中购买对比。";
    ColSelfService "col.self_service" => "Self-service", "自助服务";
    ColCentral "col.central" => "Central", "集中购买";

    OrderPurchase "order.purchase" => "Purchased", "已购买";
    OrderTrialStarted "order.trial_started" => "Trial started", "已开始试用";
    OrderLicensesAdded "order.licenses_added" => "Licenses added", "已添加许可证";
    OrderLicensesRemoved "order.licenses_removed" => "Licenses removed", "已删除许可证";
    OrderLicensesRemovalScheduled "order.licenses_removal_scheduled" => "Licenses to remove at renewal", "续订时删除许可证";
    OrderRenewed "order.renewed" => "Renewed", "已续订";
    OrderConverted "order.converted" => "Trial converted to paid", "试用已转为付费订阅";
    OrderCanceled "order.canceled" => "Canceled", "已取消";
    OrderTakenOver "order.taken_over" => "Taken over by an admin", "已被管理员接管";
    OrderExpired "order.expired" => "Expired", "已过期";
    OrderDisabled "order.disabled" => "Disabled", "已禁用";
    OrderDeleted "order.deleted" => "Deleted", "已删除";
    OrderReactivated "order.reactivated" => "Reactivated", "已重新激活";
    OrderRecurringOn "order.recurring_on" => "Recurring billing turned on", "已启用定期计费";
    OrderRecurringOff "order.recurring_off" => "Recurring billing turned off", "已关闭定期计费";
    OrderDeclined "order.declined" => "Payment declined", "付款被拒绝";
    OrderRefunded "order.refunded" => "Refunded", "已退款";
    OrderTrialExtended "order.trial_extended" => "Trial extended", "试用已延长";

    RoleGlobalAdmin "role.global_admin" => "Global admin", "全局管理员";
    RoleBillingAdmin "role.billing_admin" => "Billing admin", "计费管理员";
    RoleGlobalReader "role.global_reader" => "Global reader", "全局读取者";

    NavHome "nav.home" => "Home", "主页";
    NavBilling "nav.billing" => "Billing", "账单";
    NavYourProducts "nav.your_products" => "Your products", "你的产品";
    NavLicenses "nav.licenses" => "Licenses", "许可证";
    NavBillsPayments "nav.bills_payments" => "Bills & payments", "账单和付款";
    ContactSupport "nav.contact_support" => "Contact support", "联系支持人员";
    HomeYourProducts "purchaser.home.products" => "Your subscriptions, their status and renewal, and Add/remove licenses.", "你的订阅、其状态和续订，以及添加/删除许可证。";
    HomeLicenses "purchaser.home.licenses" => "Assign licenses to people in your organization, up to 20 at a time, and unassign them.", "将许可证分配给组织中的人员（一次最多 20 人），以及取消分配。";
    HomeBills "purchaser.home.bills" => "Invoices, refunds and the payment method of each subscription.", "发票、退款以及每个订阅的付款方式。";
    LicensesPageIntro "purchaser.licenses_intro" => "Choose the subscription you want to assign licenses for. You can only assign licenses to people in your organization.", "选择要为其分配许可证的订阅。你只能将许可证分配给组织中的人员。";
    NoActivePurchases "purchaser.no_active" => "None of your subscriptions is active, so there are no licenses to assign.", "你的订阅均未处于活动状态，因此没有可分配的许可证。";
    ChooseSubscription "purchaser.choose_subscription" => "Subscription", "订阅";
    PaymentMethods "purchaser.payment_methods" => "Payment methods", "付款方式";
    BillingProfiles "purchaser.billing_profiles" => "Billing profile", "计费配置文件";
    ProfileBilledTo "purchaser.billed_to" => "Billed to", "账单接收人";
    NothingToManageTitle "purchaser.nothing_title" => "There's nothing for you to manage here", "此处没有需要你管理的内容";
    SupportStep1 "support.step1" => "Have your order number and the subscription's product name ready (Billing > Your products).", "准备好订单号和订阅的产品名称（账单 > 你的产品）。";
    SupportStep2 "support.step2" => "Contact Microsoft standard support for self-service purchases, online or by phone.", "通过在线或电话方式联系 Microsoft 标准支持，以获取自助服务购买方面的帮助。";
    SupportStep3 "support.step3" => "Don't go through your IT department or partner: this support doesn't use your organization's Premier support incidents.", "无需通过你的 IT 部门或合作伙伴：此支持不会占用组织顶级支持服务的事件次数。";
    SupportDemo "support.demo" => "In this demo, no request is sent anywhere.", "在此演示中，不会发送任何请求。";
    NavSettings "nav.settings" => "Settings", "设置";
    NavSelfService "nav.self_service" => "Self-service trials and purchases", "自助服务试用和购买";
    NavAdminLabel "nav.admin_label" => "Admin navigation", "管理导航";
    NavMenu "nav.menu" => "Navigation", "导航";

    CatalogTitle "catalog.title" => "Buy Microsoft 365 products for your work", "为工作购买 Microsoft 365 产品";
    CatalogIntro "catalog.intro" => "Buy licenses with a credit card, for yourself and your team. Your organization's admins can see every purchase.", "使用信用卡为自己和团队购买许可证。组织的管理员可以看到每一笔购买。";
    CatalogTrialBadge "catalog.trial_badge" => "Free trial, no payment method required", "免费试用，无需付款方式";
    CatalogViewProduct "catalog.view" => "See details", "查看详细信息";
    FamilyLabel "catalog.family" => "Family", "系列";
    ProductIdLabel "catalog.product_id" => "Product ID", "产品 ID";
    OldIdsLabel "catalog.old_ids" => "Also known as", "旧产品 ID";
    BuyNow "product.buy_now" => "Buy now", "立即购买";
    TryFree "product.try_free" => "Try free", "免费试用";
    ProductNotFound "product.not_found" => "There's no product with the ID {id}.", "没有 ID 为 {id} 的产品。";
    BackToCatalog "product.back" => "Back to all products", "返回所有产品";
    CheckoutTitle "checkout.title" => "Buy {product}", "购买 {product}";

    AdminHomeTitle "admin.home.title" => "Admin center", "管理中心";
    AdminSignInFirst "admin.sign_in_first" => "Sign in to see the products you bought or, as an admin, your organization's products.", "登录以查看你购买的产品；如果你是管理员，则可查看组织的产品。";
    YourProductsTitle "admin.products.title" => "Your products", "你的产品";
    SelfServiceTitle "admin.self_service.title" => "Self-service trials and purchases", "自助服务试用和购买";

    NotFoundTitle "notfound.title" => "We can't find that page", "找不到该页面";
    NotFoundBody "notfound.body" => "The address {path} doesn't lead anywhere in the admin center. Check it, or start again from one of these:", "地址 {path} 在管理中心中不存在。请检查地址，或从以下位置重新开始：";

    FamilyPowerPlatform "family.power_platform" => "Power Platform", "Power Platform";
    FamilyProject "family.project" => "Project", "Project";
    FamilyVisio "family.visio" => "Visio", "Visio";
    FamilyTeams "family.teams" => "Teams", "Teams";
    FamilyWindows365 "family.windows365" => "Windows 365", "Windows 365";
    FamilyMicrosoft365 "family.microsoft365" => "Microsoft 365", "Microsoft 365";
    CatalogOffersTitle "catalog.offers.title" => "Offers from other publishers", "其他发布者的产品/服务";
    CatalogOffersIntro "catalog.offers.intro" => "In this demo they're bought like Microsoft's products, with a credit card. Your organization allows or blocks them by type: the policy's third-party offer types. These four offers and their publishers are this demo's own.", "在本演示中，它们与 Microsoft 产品一样使用信用卡购买。组织按类型（此策略的第三方产品/服务类型）允许或阻止它们。这四个产品/服务及其发布者是本演示虚构的。";
    PublisherLabel "product.publisher" => "Publisher", "发布者";
    CatalogPublisher "catalog.publisher" => "By {publisher}", "发布者：{publisher}";
    FamilyThirdParty "family.third_party" => "Third-party offers", "第三方产品/服务";

    RuleEmailFormat "rule.email_format" => "Work email address", "工作电子邮件地址";
    RuleKnownDomain "rule.known_domain" => "Known organization", "已知组织";
    RuleManagedTenant "rule.managed_tenant" => "Managed organization", "托管组织";
    RuleNotGovernment "rule.not_government" => "Not a government organization", "非政府组织";
    RuleNotEducation "rule.not_education" => "Not an education organization", "非教育组织";
    RulePublicCloud "rule.public_cloud" => "Commercial cloud", "商业云";
    RuleAccountExists "rule.account_exists" => "Account in the organization", "组织中的帐户";
    RuleAccountActive "rule.account_active" => "Active account", "活动帐户";
    RuleNotGuest "rule.not_guest" => "Not a guest account", "非来宾帐户";
    RuleMarket "rule.market" => "Market offers self-service purchase", "市场提供自助服务购买";
    RuleProductMarket "rule.product_market" => "Product offered in the market", "产品在该市场提供";
    RulePolicy "rule.policy" => "Your organization's AllowSelfServicePurchase policy", "组织的 AllowSelfServicePurchase 策略";
    RuleLabel "rule.label" => "Rule", "规则";

    VerdictEmailMalformed "verdict.email_malformed" => "Enter the email address you use at work, like name@contoso.com.", "请输入你在工作中使用的电子邮件地址，例如 name@contoso.com。";
    VerdictUnknownDomain "verdict.unknown_domain" => "No organization uses {domain}. Enter the email address you use at work.", "没有组织使用 {domain}。请输入你在工作中使用的电子邮件地址。";
    VerdictUnmanagedTenant "verdict.unmanaged_tenant" => "{tenant} is an unmanaged organization: it has no IT admin yet, so self-service purchase isn't available. Someone in your organization must first take it over as its admin.", "{tenant} 是非托管组织，尚无 IT 管理员，因此无法使用自助服务购买。需要先由组织中的某人以管理员身份接管它。";
    VerdictGovernment "verdict.government" => "Self-service purchase isn't available for government organizations. Contact your IT admin.", "政府组织无法使用自助服务购买。请联系你的 IT 管理员。";
    VerdictEducation "verdict.education" => "Self-service purchase isn't available for education organizations. Contact your IT admin.", "教育组织无法使用自助服务购买。请联系你的 IT 管理员。";
    VerdictSovereignCloud "verdict.sovereign_cloud" => "Self-service purchase isn't available in the sovereign cloud that {tenant} uses. Contact your IT admin. Where that is the cloud operated by 21Vianet in China, this is this demo's own rule: no Microsoft page states it.", "{tenant} 使用的主权云中无法使用自助服务购买。请联系你的 IT 管理员。如果该云是中国由世纪互联运营的云，这是本演示自己的规则：Microsoft 的页面中没有说明。";
    VerdictAccountNotFound "verdict.account_not_found" => "{tenant} has no account with this address. Check it, or use the address you sign in with at work.", "{tenant} 中没有使用此地址的帐户。请检查地址，或使用你在工作中登录的地址。";
    VerdictAccountDisabled "verdict.account_disabled" => "This account is disabled. Contact your IT admin.", "此帐户已被禁用。请联系你的 IT 管理员。";
    VerdictAccountDeleted "verdict.account_deleted" => "This account was deleted. Contact your IT admin.", "此帐户已被删除。请联系你的 IT 管理员。";
    VerdictGuest "verdict.guest" => "You're a guest in {tenant}. Guests can't buy in an organization where they're a guest: use your own organization's account, or contact your IT admin.", "你是 {tenant} 中的来宾。来宾无法在其作为来宾的组织中购买：请使用你自己组织的帐户，或联系你的 IT 管理员。";
    VerdictMarketUnavailable "verdict.market_unavailable" => "Self-service purchase isn't available in {country}. Contact your IT admin.", "{country} 不提供自助服务购买。请联系你的 IT 管理员。";
    VerdictProductUnavailableInMarket "verdict.product_unavailable_in_market" => "{product} isn't available for self-service purchase in {country}. Contact your IT admin.", "{country} 不提供 {product} 的自助服务购买。请联系你的 IT 管理员。";
    VerdictPolicyDisabled "verdict.policy_disabled" => "Your IT admin has turned off self-service purchase of {product}. Contact your IT admin.", "你的 IT 管理员已关闭 {product} 的自助服务购买。请联系你的 IT 管理员。";
    VerdictNoTrialWithoutPaymentMethod "verdict.no_trial_without_payment_method" => "Your IT admin allows only free trials without a payment method, and {product} has none. Contact your IT admin.", "你的 IT 管理员仅允许无需付款方式的免费试用，而 {product} 没有此类试用。请联系你的 IT 管理员。";
    VerdictTrialsOnly "verdict.trials_only" => "{tenant} allows a free trial of {product}, without a payment method. Buying isn't allowed.", "{tenant} 允许免费试用 {product}，无需付款方式。不允许购买。";
    VerdictProductTrialsOnly "verdict.product_trials_only" => "{product} is offered through self-service as a free trial only, without a payment method. It isn't bought this way.", "{product} 仅以免费试用方式提供自助服务，无需付款方式，无法通过此方式购买。";
    VerdictEligible "verdict.eligible" => "{tenant} found. Sign in to continue.", "已找到 {tenant}。请登录以继续。";
    VerdictNoSubscriptionAgreement "verdict.no_subscription_agreement" => "A free trial of {product} without a payment method is all that's allowed here, and those trials are only available to select customers with an existing subscription agreement. {tenant} doesn't have one. Contact your IT admin.", "此处仅允许免费试用 {product}（无需付款方式），而此类试用仅适用于已有订阅协议的部分客户。{tenant} 没有订阅协议。请联系你的 IT 管理员。";
    VerdictEligibleWithoutTrial "verdict.eligible_without_trial" => "{tenant} found. {product} can be bought, but not tried: its free trial needs no payment method, and those trials are only available to select customers with an existing subscription agreement, which {tenant} doesn't have.", "已找到 {tenant}。可以购买 {product}，但不能试用：其免费试用无需付款方式，而此类试用仅适用于已有订阅协议的部分客户，{tenant} 没有订阅协议。";
    VerdictContactAdmin "verdict.contact_admin" => "Contact your IT admin", "联系你的 IT 管理员";

    CardErrorNumberMissing "card.error.number_missing" => "Enter the card number.", "请输入卡号。";
    CardErrorNumberNotDigits "card.error.number_not_digits" => "A card number has only digits.", "卡号只能包含数字。";
    CardErrorUnknownBrand "card.error.unknown_brand" => "This card brand isn't accepted. Use Visa, Mastercard, American Express, Discover, JCB or Diners Club.", "不接受此信用卡品牌。请使用 Visa、Mastercard、American Express、Discover、JCB 或 Diners Club。";
    CardErrorNumberLength "card.error.number_length" => "This card number has the wrong number of digits.", "此卡号的位数不正确。";
    CardErrorChecksum "card.error.checksum" => "This card number isn't valid. Check the digits.", "此卡号无效。请检查数字。";
    CardErrorExpiryMalformed "card.error.expiry_malformed" => "Enter the expiry date as MM/YY.", "请按“月/年”格式输入到期日期，例如 08/29。";
    CardErrorExpired "card.error.expired" => "This card has expired.", "此信用卡已过期。";
    CardErrorCodeLength "card.error.code_length" => "The security code has {digits} digits for this card.", "此信用卡的安全码为 {digits} 位数字。";
    CardErrorCodeLengthOne "card.error.code_length.one" => "The security code has {digits} digit for this card.", "此信用卡的安全码为 {digits} 位数字。";
    CardErrorHolderMissing "card.error.holder_missing" => "Enter the name on the card.", "请输入持卡人姓名。";
    CardErrorCountryMissing "card.error.country_missing" => "Choose the billing country or region.", "请选择账单国家/地区。";
    CardErrAddressIncomplete "card.error.address_incomplete" => "Enter the street, the city and the postal code of the billing address.", "请输入账单地址的街道、城市和邮政编码。";
    DeclineDeclined "card.decline.declined" => "Your card was declined. Try another card.", "你的信用卡被拒绝。请换用其他信用卡。";
    DeclineInsufficientFunds "card.decline.insufficient_funds" => "Your card has insufficient funds. Try another card.", "你的信用卡余额不足。请换用其他信用卡。";
    DeclineExpired "card.decline.expired" => "Your card has expired. Try another card.", "你的信用卡已过期。请换用其他信用卡。";
    DeclineIncorrectCode "card.decline.incorrect_code" => "The security code is incorrect.", "安全码不正确。";

    DeniedUnknownUser "denied.unknown_user" => "That account doesn't exist.", "该帐户不存在。";
    DeniedAccountInactive "denied.account_inactive" => "Your account is disabled or deleted.", "你的帐户已被禁用或删除。";
    DeniedNotInTenant "denied.not_in_tenant" => "You aren't a member of this organization and have no delegated admin rights to it.", "你不是此组织的成员，也没有其委派管理权限。";
    DeniedOtherTenant "denied.other_tenant" => "That belongs to another organization.", "该项属于另一个组织。";
    DeniedGuest "denied.guest" => "Guests have no admin access.", "来宾没有管理访问权限。";
    DeniedNotPurchaser "denied.not_purchaser" => "Only the person who bought a self-service subscription can manage it.", "只有购买自助服务订阅的人才能管理它。";
    DeniedMissingRole "denied.missing_role" => "You need an admin role for this.", "你需要管理员角色才能执行此操作。";

    PolicyIntro "policy.intro" => "Choose, for each product, whether people in your organization can buy it or start a trial by themselves. A change applies at once to new purchases and trials; existing subscriptions don't change.", "为每个产品选择组织中的人员是否可以自行购买或开始试用。更改会立即应用于新的购买和试用；现有订阅不会更改。";
    PolicyData "policy.data" => "All data management and access policies that your organization turned on apply to the self-service purchased services, and data created with them is owned and controlled by your organization.", "组织启用的所有数据管理和访问策略均适用于通过自助服务购买的服务，使用这些服务创建的数据归组织所有并由组织控制。";
    ReviewPrivacy "checkout.privacy" => "Before you buy or start a trial: this purchase uses your name, your work email, your organization and your card's details. This demo keeps only the card's brand, last four digits, expiry and the name on it. In Microsoft 365, this step names the personal data Microsoft processes and the terms that apply.", "在你购买或开始试用之前：此次购买会使用你的姓名、工作电子邮件、组织和信用卡信息。本演示只保留信用卡的品牌、后四位、到期日期和持卡人姓名。在 Microsoft 365 中，此步骤会说明 Microsoft 处理的个人数据以及适用的条款。";
    PolicyPerProduct "policy.per_product" => "There's no single switch for every product: each product is set on its own, and products added later arrive set to “Allow”.", "没有适用于所有产品的单一开关：每个产品单独设置，之后添加的产品默认设置为“允许”。";
    OfferTypeCol "policy.offer_types.col" => "Offer type", "产品/服务类型";
    OfferTypeIdCol "policy.offer_types.id" => "ID", "ID";
    OfferTypesTitle "policy.offer_types.title" => "Third-party offer types", "第三方产品/服务类型";
    OfferTypesIntro "policy.offer_types.intro" => "Offers from other publishers, such as this demo's Contoso Expense Cloud, are allowed or not by their type: “Allow” or “Do not allow”, with no trials-only setting. In PowerShell, -OfferType sets them.", "其他发布者的产品/服务（例如本演示中的 Contoso Expense Cloud）按类型设置为“允许”或“不允许”，没有“仅允许试用”设置。在 PowerShell 中，使用 -OfferType 设置。";
    OfferTypesAzure "policy.offer_types.azure" => "Software as a Service (SaaS) products and services subscribed to in the Azure portal aren't governed by this policy.", "在 Azure 门户中订阅的软件即服务 (SaaS) 产品和服务不受此策略约束。";
    PolicyReadOnly "policy.read_only" => "You're a {role}: you can view these settings. In the admin center only a Global admin changes them; with the MSCommerce PowerShell module (the console below), a Global or Billing admin can.", "你是{role}：你可以查看这些设置。在管理中心中，只有全局管理员才能更改它们；使用 MSCommerce PowerShell 模块（下方控制台）时，全局管理员或计费管理员都可以更改。";
    PolicyColValue "policy.col.value" => "Self-service trials and purchases", "自助服务试用和购买";
    PolicyEnabled "policy.value.enabled" => "Allow", "允许";
    PolicyTrialsOnly "policy.value.trials_only" => "Allow for trials only", "仅允许试用";
    PolicyDisabled "policy.value.disabled" => "Do not allow", "不允许";
    PolicyEnabledHelp "policy.help.enabled" => "People can buy the product and start any trial.", "用户可以购买该产品并开始任何试用。";
    PolicyTrialsOnlyHelp "policy.help.trials_only" => "People can only start a free trial that needs no payment method. Products without such a trial can't be tried or bought.", "用户只能开始无需付款方式的免费试用。没有此类试用的产品无法试用或购买。";
    PolicyDisabledHelp "policy.help.disabled" => "People can neither buy nor try the product by themselves.", "用户无法自行购买或试用该产品。";
    PolicyPanelLabel "policy.panel" => "Setting for {product}", "{product} 的设置";
    PolicyChoose "policy.choose" => "Self-service trials and purchases", "自助服务试用和购买";
    PolicyImpactNow "policy.impact.now" => "Now, of {people} in your organization: {buy} can buy it and {try} can start a trial.", "当前，组织中的 {people} 人里：{buy} 人可以购买，{try} 人可以开始试用。";
    PolicyImpactAfter "policy.impact.after" => "After saving: {buy} can buy it and {try} can start a trial.", "保存后：{buy} 人可以购买，{try} 人可以开始试用。";
    PolicyImpactExisting "policy.impact.existing" => "{count} active subscriptions of this product won't change: their users keep their licenses.", "此产品的 {count} 个活动订阅不会更改：其用户保留许可证。";
    PolicyImpactExistingOne "policy.impact.existing.one" => "{count} active subscription of this product won't change: its users keep their licenses.", "此产品的 {count} 个活动订阅不会更改：其用户保留许可证。";
    PolicySave "policy.save" => "Save", "保存";
    PolicySaved "policy.saved" => "{product} is now set to “{value}”.", "{product} 现已设置为“{value}”。";
    PolicyClose "policy.close" => "Close", "关闭";

    ConsoleTitle "console.title" => "PowerShell: MSCommerce module", "PowerShell：MSCommerce 模块";
    ConsoleIntro "console.intro" => "The same settings from the command line, with Microsoft's own scripts: paste them whole or a line at a time. Start with Connect-MSCommerce; ↑ and ↓ recall earlier commands; Get-Help says what this console runs.", "通过命令行管理相同的设置，可直接使用 Microsoft 自己的脚本：整段粘贴或逐行输入。先运行 Connect-MSCommerce；↑ 和 ↓ 可调出之前的命令；Get-Help 说明此控制台支持的内容。";
    ConsoleInputLabel "console.input" => "Command", "命令";
    ConsoleRun "console.run" => "Run", "运行";
    ConsoleOutputLabel "console.output" => "Console output", "控制台输出";
    ConsoleNotesTitle "console.notes.title" => "About the last command (this demo's notes, not PowerShell's output)", "关于上一条命令（本演示的说明，不是 PowerShell 的输出）";
    ConsoleAppLine "console.app_line" => "This demo:", "本演示：";
    ConsoleHelp "console.help" => "This console runs a subset of Windows PowerShell 5.1 with the MSCommerce module. Cmdlets: {cmdlets}. Also: $variables and $x.Property, pipelines, foreach ($x in …) { … }, -eq -ne -like -notlike -match -notmatch -gt -ge -lt -le -and -or -not, comments and ` at a line's end. Values: Enabled, Disabled, OnlyTrialsWithoutPaymentMethod (or the older -Enabled $true|$false); -WhatIf shows a change without making it.", "此控制台运行 Windows PowerShell 5.1 的一个子集以及 MSCommerce 模块。cmdlet：{cmdlets}。另外支持：$变量和 $x.属性、管道、foreach ($x in …) { … }、-eq -ne -like -notlike -match -notmatch -gt -ge -lt -le -and -or -not、注释以及行尾的 `。值：Enabled、Disabled、OnlyTrialsWithoutPaymentMethod（或旧式 -Enabled $true|$false）；-WhatIf 可预览更改而不实际执行。";
    ConsoleBlocksEverything "console.blocks_everything" => "{product} has no trial without a payment method, so OnlyTrialsWithoutPaymentMethod blocks every purchase and every trial of it.", "{product} 没有无需付款方式的试用，因此 OnlyTrialsWithoutPaymentMethod 会阻止对其的所有购买和试用。";
    ConsoleNotSignedIn "console.error.not_signed_in" => "Sign in to the admin center before connecting.", "请先登录管理中心，然后再连接。";
    ConsoleSummaryChanged "console.summary.changed" => "Changed {count} policies: {list}.", "已更改 {count} 项策略：{list}。";
    ConsoleSummaryChangedOne "console.summary.changed.one" => "Changed {count} policy: {list}.", "已更改 {count} 项策略：{list}。";
    ConsoleSummaryRefused "console.summary.refused" => "Not changed: {list}.", "未更改：{list}。";
    ConsoleSummaryItem "console.summary.item" => "{name}, {from} → {to}", "{name}，{from} → {to}";
    ConsoleNoteConnected "console.note.connected" => "Connected as {account} ({tenant}). This demo connects the account you signed in to the admin center with; the real module asks you to sign in.", "已以 {account}（{tenant}）身份连接。本演示使用你登录管理中心的帐户进行连接；真实模块会要求你登录。";
    ConsoleNoteConnectFirst "console.note.connect_first" => "Run Connect-MSCommerce first: the module's other cmdlets all need its connection.", "请先运行 Connect-MSCommerce：模块的其他 cmdlet 都需要它建立的连接。";
    ConsoleNoteToken "console.note.token" => "This demo has no token to pass: leave out -Token, and the connection Connect-MSCommerce made is used.", "本演示没有可传递的令牌：请省略 -Token，将使用 Connect-MSCommerce 建立的连接。";
    ConsoleNoteDeniedRead "console.note.denied_read" => "The service refused (403): listing these policies needs the Global admin, Billing admin or Global reader role.", "服务拒绝了请求 (403)：列出这些策略需要全局管理员、计费管理员或全局读者角色。";
    ConsoleNoteDeniedChange "console.note.denied_change" => "The service refused (403): changing this policy with the MSCommerce module needs the Global or Billing admin role.", "服务拒绝了请求 (403)：使用 MSCommerce 模块更改此策略需要全局管理员或计费管理员角色。";
    ConsoleNoteDeniedPartner "console.note.denied_partner" => "The service refused (403): a partner needs the customer's Global admin role to change this policy.", "服务拒绝了请求 (403)：合作伙伴需要拥有客户的全局管理员角色才能更改此策略。";
    ConsoleNoteUnknownPolicy "console.note.unknown_policy" => "The service has no policy '{given}' (404): its one policy is AllowSelfServicePurchase.", "服务中没有策略“{given}”(404)：唯一的策略是 AllowSelfServicePurchase。";
    ConsoleNoteUnknownProduct "console.note.unknown_product" => "No product has the ID '{given}' (404). Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase lists them; old IDs still work.", "没有 ID 为“{given}”的产品 (404)。Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase 会列出所有产品；旧 ID 仍然有效。";
    ConsoleNoteUnknownOfferType "console.note.unknown_offer_type" => "No offer type has the ID '{given}' (404). The four are SaaS, POWERBIVISUALS, DYNAMICSCE and DYNAMICSBC: -Scope OfferType lists them.", "没有 ID 为“{given}”的产品/服务类型 (404)。共有四种：SaaS、POWERBIVISUALS、DYNAMICSCE 和 DYNAMICSBC，-Scope OfferType 会列出它们。";
    ConsoleNoteThirdPartyOffer "console.note.third_party_offer" => "{product} is a third-party offer: its offer type's setting governs it. Use -OfferType {offer_type}.", "{product} 是第三方产品/服务：由其产品/服务类型的设置控制。请使用 -OfferType {offer_type}。";
    ConsoleNoteBadScope "console.note.bad_scope" => "-Scope takes Product (the default) or OfferType, not '{given}' (the service answered 400).", "-Scope 只接受 Product（默认）或 OfferType，不接受“{given}”（服务返回 400）。";
    ConsoleNoteWhatIf "console.note.what_if" => "-WhatIf: nothing changed. {target} would go from {from} to {to}.", "-WhatIf：未做任何更改。{target} 将从 {from} 变为 {to}。";
    ConsoleNoteRolledBack "console.note.rolled_back" => "The statement stopped at an error, so none of its {count} changes were made.", "该语句因错误而停止，因此其 {count} 项更改均未执行。";
    ConsoleNoteRolledBackOne "console.note.rolled_back.one" => "The statement stopped at an error, so its {count} change was not made.", "该语句因错误而停止，因此其 {count} 项更改未执行。";
    ConsoleNoteSeveralValues "console.note.several_values" => "-{name} got more than one value, so PowerShell could not bind it: the filter matched several products. Run the update once for each: pipe them to ForEach-Object, or pick one with [0], [1] ….", "-{name} 收到了多个值，因此 PowerShell 无法绑定它：筛选条件匹配了多个产品。请逐个运行更新：通过管道传给 ForEach-Object，或用 [0]、[1] … 选取其中一个。";
    ConsoleNoteNoPrompt "console.note.no_prompt" => "PowerShell would ask for {names} here; this console does not ask. Give it on the command line.", "PowerShell 会在此处询问 {names}；此控制台不会询问。请在命令行中提供。";
    ConsoleNoteOneSet "console.note.one_set" => "Give -Value or the older -Enabled (not both), and -ProductId or -OfferType (not both).", "请提供 -Value 或旧式 -Enabled（不要同时提供），以及 -ProductId 或 -OfferType（不要同时提供）。";
    ConsoleNoteDidYouMean "console.note.did_you_mean" => "Did you mean {name}? (This demo's suggestion: Windows PowerShell makes none.)", "你是否是指 {name}？（本演示的建议：Windows PowerShell 不会给出建议。）";
    ConsoleNoteOnlyMsCommerce "console.note.only_mscommerce" => "This console has the MSCommerce module only; '{name}' is not here.", "此控制台只有 MSCommerce 模块；没有“{name}”。";
    ConsoleUnsupportedSyntax "console.unsupported.syntax" => "Not supported in this console: {what}. Nothing of this input ran. Get-Help says what it runs.", "此控制台不支持：{what}。此输入的任何内容都未运行。Get-Help 说明它支持的内容。";
    ConsoleUnsupportedCmdlet "console.unsupported.cmdlet" => "{name} is not supported in this console: it runs the MSCommerce module, Where-Object, ForEach-Object, Select-Object, Sort-Object, Format-Table, Format-List, Write-Output and Write-Host.", "此控制台不支持 {name}：它只运行 MSCommerce 模块以及 Where-Object、ForEach-Object、Select-Object、Sort-Object、Format-Table、Format-List、Write-Output 和 Write-Host。";
    ConsoleUnsupportedOperator "console.unsupported.operator" => "The {op} operator is not supported in this console. Nothing of this input ran. It has -eq, -ne, -like, -notlike, -match, -notmatch, -gt, -ge, -lt, -le, -and, -or and -not.", "此控制台不支持 {op} 运算符。此输入的任何内容都未运行。支持的有 -eq -ne -like -notlike -match -notmatch -gt -ge -lt -le -and -or -not。";
    ConsoleUnsupportedConfirm "console.unsupported.confirm" => "-Confirm asks before a change, and this console does not ask: leave it out, or preview with -WhatIf.", "-Confirm 会在更改前询问，而此控制台不会询问：请省略它，或使用 -WhatIf 预览。";
    ConstructIf "console.construct.if" => "if statements", "if 语句";
    ConstructLoop "console.construct.loop" => "while, do and for loops (foreach works)", "while、do 和 for 循环（foreach 可用）";
    ConstructSwitch "console.construct.switch" => "switch statements", "switch 语句";
    ConstructFunction "console.construct.function" => "functions and script parameters", "函数和脚本参数";
    ConstructTry "console.construct.try" => "try, catch and trap", "try、catch 和 trap";
    ConstructType "console.construct.type" => "type literals such as [Net.ServicePointManager] (this console needs no TLS setting)", "类型文本，例如 [Net.ServicePointManager]（此控制台无需 TLS 设置）";
    ConstructScope "console.construct.scope" => "scoped variables such as $env:…", "带作用域的变量，例如 $env:…";
    ConstructMethod "console.construct.method" => "method calls such as $x.ToUpper()", "方法调用，例如 $x.ToUpper()";
    ConstructRedirection "console.construct.redirection" => "redirection (>, >>, 2>&1) and the & operator", "重定向（>、>>、2>&1）和 & 运算符";
    ConstructHashtable "console.construct.hashtable" => "hashtables @{ … } and splatting", "哈希表 @{ … } 和展开";
    ConstructNesting "console.construct.nesting" => "blocks nested this deep", "嵌套如此之深的块";
    ConstructOperator "console.construct.operator" => "this operator", "此运算符";
    PsAt "ps.at" => "At line:{line} char:{char}", "所在位置 行:{line} 字符: {char}";
    PsCommandNotFound "ps.command_not_found" => "The term '{name}' is not recognized as the name of a cmdlet, function, script file, or operable program. Check the spelling of the name, or if a path was included, verify that the path is correct and try again.", "无法将“{name}”项识别为 cmdlet、函数、脚本文件或可运行程序的名称。请检查名称的拼写，如果包括路径，请确保路径正确，然后再试一次。";
    PsNamedParameterNotFound "ps.named_parameter_not_found" => "A parameter cannot be found that matches parameter name '{name}'.", "找不到与参数名称“{name}”匹配的参数。";
    PsPositionalParameterNotFound "ps.positional_parameter_not_found" => "A positional parameter cannot be found that accepts argument '{argument}'.", "找不到接受实际参数“{argument}”的位置形式参数。";
    PsAmbiguousParameter "ps.ambiguous_parameter" => "Parameter cannot be processed because the parameter name '{name}' is ambiguous. Possible matches include:{matches}.", "无法处理参数，因为参数名称“{name}”具有二义性。可能的匹配项包括:{matches}。";
    PsMissingArgument "ps.missing_argument" => "Missing an argument for parameter '{name}'. Specify a parameter of type '{type}' and try again.", "缺少“{name}”参数的某个参数。请指定一个类型为“{type}”的参数，然后再试一次。";
    PsParameterAlreadyBound "ps.parameter_already_bound" => "Cannot bind parameter because parameter '{name}' is specified more than once. To provide multiple values to parameters that can accept multiple values, use the array syntax. For example, \"-parameter value1,value2,value3\".", "无法绑定参数，因为多次指定了参数“{name}”。要为可接受多个值的参数提供多个值，请使用数组语法。例如，“-parameter value1,value2,value3”。";
    PsMissingMandatory "ps.missing_mandatory" => "Cannot process command because of one or more missing mandatory parameters: {names}.", "由于缺少一个或多个必需参数，无法处理命令: {names}。";
    PsAmbiguousParameterSet "ps.ambiguous_parameter_set" => "Parameter set cannot be resolved using the specified named parameters.", "无法使用指定的命名参数解析参数集。";
    PsValidateSet "ps.validate_set" => "Cannot validate argument on parameter '{name}'. The argument \"{given}\" does not belong to the set \"{set}\" specified by the ValidateSet attribute. Supply an argument that is in the set and then try the command again.", "无法验证参数“{name}”上的参数。参数“{given}”不属于 ValidateSet 属性指定的集“{set}”。请提供一个属于该集的参数，然后再尝试此命令。";
    PsNullOrEmpty "ps.null_or_empty" => "Cannot validate argument on parameter '{name}'. The argument is null or empty. Provide an argument that is not null or empty, and then try the command again.", "无法验证参数“{name}”上的参数。参数为 Null 或空。请提供一个不为 Null 或空的参数，然后重试该命令。";
    PsTransformation "ps.transformation" => "Cannot process argument transformation on parameter '{name}'. Cannot convert value to type System.String.", "无法对参数“{name}”执行参数转换。无法将值转换为类型 System.String。";
    PsCannotConvert "ps.cannot_convert" => "Cannot bind parameter '{name}'. Cannot convert value \"{given}\" to type \"{type}\".", "无法绑定参数“{name}”。无法将值“{given}”转换为类型“{type}”。";
    PsInputObjectNotBound "ps.input_object_not_bound" => "The input object cannot be bound to any parameters for the command either because the command does not take pipeline input or the input and its properties do not match any of the parameters that take pipeline input.", "输入对象无法绑定到命令的任何参数，可能是因为该命令没有采用管道输入，或者输入及其属性与采用管道输入的任何参数均不匹配。";
    PsBadPattern "ps.bad_pattern" => "The regular expression pattern {pattern} is not valid.", "正则表达式模式 {pattern} 无效。";
    PsStringTerminator "ps.string_terminator" => "The string is missing the terminator: {quote}.", "字符串缺少终止符: {quote}。";
    PsCommentTerminator "ps.comment_terminator" => "The comment block is missing its terminator: #>.", "注释块缺少终止符: #>。";
    PsMissingEndCurly "ps.missing_end_curly" => "Missing closing '}' in statement block or type definition.", "语句块或类型定义中缺少右“}”。";
    PsMissingEndParen "ps.missing_end_paren" => "Missing closing ')' in expression.", "表达式中缺少右“)”。";
    PsMissingEndBracket "ps.missing_end_bracket" => "Missing ']' after array index expression.", "数组索引表达式后面缺少“]”。";
    PsUnexpectedToken "ps.unexpected_token" => "Unexpected token '{token}' in expression or statement.", "表达式或语句中包含意外的标记“{token}”。";
    PsEmptyPipeElement "ps.empty_pipe_element" => "An empty pipe element is not allowed.", "不允许使用空管道元素。";
    PsExpressionsFirst "ps.expressions_first" => "Expressions are only allowed as the first element of a pipeline.", "只允许将表达式作为管道的第一个元素。";
    PsMissingExpression "ps.missing_expression" => "You must provide a value expression following the '{op}' operator.", "“{op}”运算符后面必须提供一个值表达式。";
    PsForeachOpenParen "ps.foreach_open_paren" => "Missing opening '(' after keyword 'foreach'.", "关键字“foreach”后面缺少左“(”。";
    PsForeachVariable "ps.foreach_variable" => "Missing variable name after foreach.", "foreach 后面缺少变量名称。";
    PsForeachIn "ps.foreach_in" => "Missing 'in' after variable in foreach loop.", "foreach 循环中的变量后面缺少“in”。";
    PsForeachCloseParen "ps.foreach_close_paren" => "Missing closing ')' after expression in 'foreach' statement.", "“foreach”语句中的表达式后面缺少右“)”。";
    PsForeachBody "ps.foreach_body" => "Missing statement body in foreach loop.", "foreach 循环中缺少语句体。";
    PsAssignValue "ps.assign_value" => "You must provide a value expression on the right-hand side of the '=' operator.", "必须在“=”运算符的右侧提供一个值表达式。";

    NavCustomers "nav.customers" => "Customers", "客户";
    CustomersTitle "customers.title" => "Your customers", "你的客户";
    CustomersIntro "customers.intro" => "You have delegated admin rights to these organizations. Choose one to manage: the admin center then shows only that organization, with your delegated role.", "你拥有这些组织的委派管理权限。选择要管理的组织：管理中心随后仅显示该组织，并使用你的委派角色。";
    CustomersNone "customers.none" => "You have no delegated admin rights to any organization.", "你没有任何组织的委派管理权限。";
    ColOrganization "col.organization" => "Organization", "组织";
    ColDomain "col.domain" => "Domain", "域";
    ColDelegatedRole "col.delegated_role" => "Delegated role", "委派角色";
    CustomersManage "customers.manage" => "Manage {tenant}", "管理 {tenant}";
    CustomersCurrent "customers.current" => "Managing now", "正在管理";
    CustomersHome "customers.home" => "Back to your own organization ({tenant})", "返回你自己的组织（{tenant}）";
    CustomerSwitch "customers.switch" => "Switch customer", "切换客户";
    ActingFor "customers.acting_for" => "Acting for {tenant} as {role} (delegated)", "以{role}（委派）身份代表 {tenant} 操作";

    NavAudit "nav.audit" => "Audit log", "审核日志";
    AuditTitle "audit.title" => "Audit log", "审核日志";
    AuditDemoNote "audit.demo_note" => "This log is an aid of this demo. In Microsoft 365, the audit log is searched in Microsoft Purview (Audit), not in the admin center's Billing pages.", "此日志是本演示提供的辅助功能。在 Microsoft 365 中，审核日志在 Microsoft Purview（审核）中搜索，而不是在管理中心的“账单”页面中。";
    AuditIntro "audit.intro" => "Everything done in your organization here: purchases, assignments, cancellations, policy changes, take-overs and refused sign-ins, with who, when and the outcome.", "在此组织中执行的所有操作：购买、分配、取消、策略更改、接管和被拒绝的登录，包括执行者、时间和结果。";
    AuditSearch "audit.search" => "Search who, what or details", "搜索执行者、对象或详细信息";
    AuditActionFilter "audit.action_filter" => "Activity", "活动";
    AuditAllActions "audit.all_actions" => "All activities", "所有活动";
    AuditOutcomeFilter "audit.outcome_filter" => "Outcome", "结果";
    AuditAllOutcomes "audit.all_outcomes" => "All outcomes", "所有结果";
    AuditSucceeded "audit.succeeded" => "Succeeded", "成功";
    AuditRefused "audit.refused" => "Refused", "已拒绝";
    AuditExport "audit.export" => "Export as CSV", "导出为 CSV";
    AuditCount "audit.count" => "Events shown: {shown} of {total}", "显示的事件：{shown} 个，共 {total} 个";
    AuditMore "audit.more" => "Showing the newest {shown}; narrow the search or export to see them all.", "仅显示最新的 {shown} 个；请缩小搜索范围或导出以查看全部。";
    AuditEmpty "audit.empty" => "No events match.", "没有匹配的事件。";
    AuditSystem "audit.system" => "System (demo clock)", "系统（演示时钟）";
    AuditPartner "audit.partner" => "partner", "合作伙伴";
    ColDate "col.date" => "Date (UTC)", "日期 (UTC)";
    ColActor "col.actor" => "Who", "执行者";
    ColActivity "col.activity" => "Activity", "活动";
    ColSubject "col.subject" => "Item", "对象";
    ColOutcome "col.outcome" => "Outcome", "结果";
    ColDetail "col.detail" => "Details", "详细信息";
    ActPurchase "audit.act.purchase" => "Bought", "购买";
    ActStartTrial "audit.act.start_trial" => "Started a trial", "开始试用";
    ActChangeLicenses "audit.act.change_licenses" => "Changed license count", "更改许可证数量";
    ActAssign "audit.act.assign" => "Assigned licenses", "分配许可证";
    ActUnassign "audit.act.unassign" => "Unassigned a license", "取消分配许可证";
    ActPayBill "audit.act.pay_bill" => "Paid a bill", "支付账单";
    ActUpdateCard "audit.act.update_card" => "Updated a payment method", "更新付款方式";
    ActReplaceCard "audit.act.replace_card" => "Replaced a payment method", "更换付款方式";
    ActCancel "audit.act.cancel" => "Canceled a subscription", "取消订阅";
    ActSetPolicy "audit.act.set_policy" => "Changed a self-service policy", "更改自助服务策略";
    ActTakeOverMove "audit.act.take_over_move_users" => "Took control: moved users", "接管：移动用户";
    ActTakeOverCancel "audit.act.take_over_cancel" => "Took control: canceled", "接管：取消";
    ActBuyCentral "audit.act.buy_central" => "Bought licenses centrally", "集中购买许可证";
    ActCentralize "audit.act.centralize" => "Centralized a self-service subscription", "集中管理自助服务购买订阅";
    ActSetAccountStatus "audit.act.set_account_status" => "Changed an account's status", "更改帐户状态";
    ActDelegatedAccess "audit.act.delegated_access" => "Started managing as a partner", "以合作伙伴身份开始管理";
    ActSignIn "audit.act.sign_in" => "Signed in", "登录";
    ActRenew "audit.act.renew" => "Renewed", "续订";
    ActConvertTrial "audit.act.convert_trial" => "Converted a trial", "试用转为付费";
    ActExpireTrial "audit.act.expire_trial" => "Trial ended", "试用结束";
    ActRecurringOn "audit.act.recurring_billing_on" => "Turned on recurring billing", "启用定期计费";
    ActRecurringOff "audit.act.recurring_billing_off" => "Turned off recurring billing", "关闭定期计费";
    ActReactivate "audit.act.reactivate" => "Reactivated a subscription", "重新激活订阅";
    ActExtendTrial "audit.act.extend_trial" => "Extended a trial", "延长试用";
    ActPaymentDeclined "audit.act.payment_declined" => "Payment declined", "付款被拒绝";
    ActPaymentRetried "audit.act.payment_retried" => "Payment collected on retry", "重试时收款成功";
    ActExpire "audit.act.expire" => "Subscription expired", "订阅已过期";
    ActDisable "audit.act.disable" => "Subscription disabled", "订阅已禁用";
    ActDelete "audit.act.delete" => "Subscription deleted", "订阅已删除";

    AuditDetailReason "audit.detail.reason" => "{reason}", "{reason}";
    AuditDetailCancelRefund "audit.detail.cancel_refund" => "{reason} · refund {refund}", "{reason} · 退款 {refund}";
    AuditDetailRoles "audit.detail.roles" => "Delegated roles: {roles}", "委派角色：{roles}";
    AuditDetailAccountStatus "audit.detail.account_status" => "{user} → {status}", "{user} → {status}";

    AdminHomeIntro "admin.home.intro" => "Manage your organization's products, self-service purchases and people.", "管理组织的产品、自助服务购买和人员。";
    AdminHomeProducts "admin.home.products" => "Active subscriptions: {count}, of which self-service: {self_service}", "有效订阅：{count} 个，其中自助服务购买：{self_service} 个";
    AdminHomePolicies "admin.home.policies" => "Products with limits on self-service: {count}", "自助服务有限制的产品：{count} 个";
    AdminHomeAudit "admin.home.audit" => "Events: {count}, refused: {refused}", "事件：{count} 个，被拒绝：{refused} 个";

    ErrNotSignedIn "error.not_signed_in" => "You're signed out. Sign in again to do this.", "你已注销。请重新登录后再执行此操作。";
    ErrStorage "error.storage" => "This browser could not save the change, so it did not happen.", "此浏览器无法保存该更改，因此更改未生效。";
    ErrIneligible "error.ineligible" => "Not allowed by the rule “{rule}”.", "不符合规则“{rule}”。";
    ErrTrialNotAllowed "error.trial_not_allowed" => "A trial of this kind isn't allowed by the rule “{rule}”.", "规则“{rule}”不允许此类试用。";
    ErrNotATrialToBuy "error.not_a_trial_to_buy" => "Only an active trial is bought this way, and not while its first payment is past due.", "只能通过这种方式购买处于活动状态的试用，且其首次付款逾期时不能购买。";
    PurchaseFromTrial "lifecycle.purchase_from_trial" => "Purchase subscription", "购买订阅";
    ActPurchaseFromTrial "audit.act.purchase_from_trial" => "Bought from a trial", "从试用购买";
    SourcePageBuyFromTrial "source.page.buy_from_trial" => "Buy a subscription to Microsoft 365 for business from your free trial", "从免费试用购买 Microsoft 365 商业版订阅";
    SourceQBuyFromTrial "source.q.buy_from_trial" => "When you buy the same type of subscription as your trial version, you don't have to worry about losing your data, accounts, and configuration.", "当你购买与试用版相同类型的订阅时，无需担心丢失数据、帐户和配置。（译自英文页面）";
    ErrTrialUsed "error.trial_used" => "You've already had a trial of this product. One trial per person and product is this demo's own rule: no Microsoft page states it.", "你已经试用过此产品。每人每个产品只能试用一次是本演示自己的规则：Microsoft 的页面中没有说明。";
    ErrUnknownProduct "error.unknown_product" => "There is no product with the ID {product}.", "不存在 ID 为 {product} 的产品。";
    ErrNoPrice "error.no_price" => "{product} has no price in your organization's market.", "{product} 在你的组织所在市场中没有价格。";
    ErrUnknownSubscription "error.unknown_subscription" => "There is no subscription {id}.", "不存在订阅 {id}。";
    ErrUnknownBill "error.unknown_bill" => "There is no bill {id}.", "不存在账单 {id}。";
    ErrUnknownCard "error.unknown_card" => "There is no payment method {id}.", "不存在付款方式 {id}。";
    ErrUnknownUser "error.unknown_user" => "There is no user {id}.", "不存在用户 {id}。";
    ErrNotActive "error.not_active" => "This subscription's status is “{status}”, so it can't be changed.", "此订阅的状态为“{status}”，因此无法更改。";
    ErrNotSelfService "error.not_self_service" => "Only a paid self-service subscription allows this.", "只有付费的自助服务购买订阅才允许此操作。";
    ErrUnchanged "error.unchanged" => "Nothing changed.", "没有任何更改。";
    ErrBelowAssigned "error.below_assigned" => "Licenses assigned: {assigned}. Unassign some before lowering the total.", "已分配的许可证：{assigned}。请先取消分配一些许可证，再减少总数。";
    ErrRemoveNeedsRecurringBilling "error.remove_needs_recurring_billing" => "You can only remove licenses when recurring billing is turned on. Turn it on first, then remove licenses.", "只有在启用定期计费时才能删除许可证。请先启用定期计费，然后再删除许可证。";
    ErrNothingSelected "error.nothing_selected" => "Choose at least one person.", "请至少选择一人。";
    ErrAssigneesRefused "error.assignees_refused" => "People who can't get a license: {n}. Nobody was assigned.", "无法获得许可证的人数：{n}。未分配任何人。";
    ErrNotAssigned "error.not_assigned" => "{user} has no license of this subscription.", "{user} 没有此订阅的许可证。";
    ErrBillPaid "error.bill_paid" => "This bill is already paid.", "此账单已支付。";
    ErrNoCard "error.no_card" => "No payment method is on file.", "没有登记的付款方式。";
    ErrNoTrial "error.no_trial" => "This product has no free trial. Buy it instead.", "此产品没有免费试用。请直接购买。";
    ErrTrialNeedsCard "error.trial_needs_card" => "This product's free trial needs a payment method.", "此产品的免费试用需要付款方式。";
    ErrTrialWithoutCardOnly "error.trial_without_card_only" => "This product's free trial needs no payment method: start it without one.", "此产品的免费试用无需付款方式：请不添加付款方式直接开始。";
    ErrWindowClosed "error.window_closed" => "The cancellation window closed on {closed}. Turn off recurring billing instead: the subscription expires on {expires}.", "取消期限已于 {closed} 结束。请改为关闭定期计费：订阅将于 {expires} 过期。";
    ErrTrialTurnOff "error.trial_turn_off" => "A trial isn't canceled: turn off recurring billing, and it ends without a charge.", "试用无法取消：请关闭定期计费，试用结束时不会收费。";
    ErrTrialExpiresItself "error.trial_expires_itself" => "A trial without a payment method ends by itself and is never charged.", "无需付款方式的试用会自动结束，且不会收费。";
    ErrPastDue "error.past_due" => "A payment is past due. Pay the bill first.", "有一笔付款已逾期。请先支付该账单。";
    ErrCannotReactivate "error.cannot_reactivate" => "Only an expired or disabled subscription can be reactivated; this one is {status}.", "只能重新激活已过期或已禁用的订阅；此订阅的状态为“{status}”。";
    ErrTrialNotExtendable "error.trial_not_extendable" => "A trial can be extended once, within 15 days of its end.", "试用只能延长一次，且须在结束前 15 天内。";
    ErrOfferTypeValue "error.offer_type_value" => "Third-party offer types take Enabled or Disabled only, not {value}.", "第三方产品/服务类型只接受 Enabled 或 Disabled，不接受 {value}。";
    ErrPolicyOnOfferType "error.policy_on_offer_type" => "{product} has no setting of its own: the {offer_type} offer type's setting applies to it.", "{product} 没有单独的设置：它遵循 {offer_type} 产品/服务类型的设置。";
    ErrReasonMissing "error.reason_missing" => "Give a reason.", "请提供原因。";
    ErrUnsuitableTarget "error.unsuitable_target" => "Move users only to an active subscription that your organization pays for centrally.", "只能将用户移到组织集中付费的有效订阅。";
    ErrShortfall "error.shortfall" => "Licenses needed: {needed}; free: {available}. Buy {missing} more first.", "需要的许可证：{needed}；可用：{available}。请先再购买 {missing} 个。";
    ErrOwnAccount "error.own_account" => "You can't change your own account.", "你不能更改自己的帐户。";
    ErrMoneyOverflow "error.money.overflow" => "The amount is too large.", "金额过大。";
    ErrMoneyCurrencies "error.money.currencies" => "Amounts in {a} and {b} can't be combined.", "不能合并 {a} 和 {b} 的金额。";
    ErrMoneyNegative "error.money.negative" => "An amount can't be negative.", "金额不能为负数。";
    ErrMoneyUnknownCurrency "error.money.unknown_currency" => "Unknown currency: {currency}.", "未知货币：{currency}。";
    ErrMoneyMalformed "error.money.malformed" => "“{text}” isn't an amount.", "“{text}”不是有效金额。";

    ErrFileNotJson "error.file.not_json" => "The file isn't JSON: {detail}", "该文件不是 JSON：{detail}";
    ErrFileSchema "error.file.schema" => "The file's schema is not a number.", "该文件的架构不是数字。";
    ErrFileNewer "error.file.newer" => "The file was saved by a newer version of the app (schema {schema}; this one reads up to {supported}).", "该文件由更新版本的应用保存（架构 {schema}；此版本最多可读取 {supported}）。";
    ErrFileShape "error.file.shape" => "The file doesn't have the expected shape: {detail}", "该文件的结构不符合要求：{detail}";
    ErrFileNoTenants "error.file.no_tenants" => "The file has no organizations.", "该文件没有任何组织。";

    ErrRecordsNoHead "error.records.no_head" => "The stored data has no header record.", "存储的数据缺少头记录。";
    ErrRecordsMalformed "error.records.malformed" => "Stored record {key} is unreadable: {detail}", "存储的记录 {key} 无法读取：{detail}";
    ErrRecordsMissing "error.records.missing" => "Stored record {key} is missing.", "缺少存储的记录 {key}。";

    InvariantDuplicate "invariant.duplicate" => "Two records share an ID: {kind} {id}.", "两条记录使用同一个 ID：{kind} {id}。";
    InvariantSequence "invariant.sequence" => "The ID sequence ({sequence}) is behind {id}: the next new ID would repeat an old one.", "ID 序列（{sequence}）落后于 {id}：下一个新 ID 会与旧 ID 重复。";
    InvariantUnresolved "invariant.unresolved" => "{kind} {id} refers to something that doesn't exist: {names} {missing}.", "{kind} {id} 引用了不存在的对象：{names} {missing}。";
    InvariantAssigneeUnknown "invariant.assignee_unknown" => "Subscription {id} assigns a license to an unknown user, {user}.", "订阅 {id} 将许可证分配给了未知用户 {user}。";
    InvariantAssigneeTenant "invariant.assignee_tenant" => "Subscription {id} assigns a license to {user}, who belongs to another organization.", "订阅 {id} 将许可证分配给了属于其他组织的 {user}。";
    InvariantAssignedTwice "invariant.assigned_twice" => "Subscription {id} assigns two licenses to {user}.", "订阅 {id} 给 {user} 分配了两个许可证。";
    InvariantOverAssigned "invariant.over_assigned" => "Subscription {id} assigns more licenses ({assigned}) than it has ({licenses}).", "订阅 {id} 分配的许可证（{assigned} 个）多于其拥有的数量（{licenses} 个）。";
    InvariantNegative "invariant.negative" => "{kind} {id} has a negative amount.", "{kind} {id} 的金额为负数。";
    InvariantCurrency "invariant.currency" => "{kind} {id} is in {found}, but its organization pays in {expected}.", "{kind} {id} 使用 {found}，但其组织使用 {expected} 付款。";
    InvariantKindTenant "invariant.kind.tenant" => "Organization", "组织";
    InvariantKindUser "invariant.kind.user" => "User", "用户";
    InvariantKindSubscription "invariant.kind.subscription" => "Subscription", "订阅";
    InvariantKindBill "invariant.kind.bill" => "Bill", "账单";
    InvariantKindCard "invariant.kind.card" => "Payment method", "付款方式";
    InvariantKindProduct "invariant.kind.product" => "Product", "产品";
    ErrFileInvariant "error.file.invariant" => "The file breaks the rule “{rule}”. {detail}", "该文件违反了规则“{rule}”。{detail}";
    InvariantRuleUniqueIds "invariant.rule.unique_ids" => "Every ID is unique", "每个 ID 唯一";
    InvariantRuleSequence "invariant.rule.sequence" => "New IDs never repeat", "新 ID 永不重复";
    InvariantRuleReferences "invariant.rule.references" => "Every reference resolves", "每个引用都存在";
    InvariantRuleAssignees "invariant.rule.assignees" => "Licenses go to people of the organization", "许可证只分配给本组织的人员";
    InvariantRuleWithin "invariant.rule.within" => "Assigned licenses fit the total", "已分配的许可证不超过总数";
    InvariantRuleMoney "invariant.rule.money" => "Amounts are positive, in the market's currency", "金额为正，且使用市场货币";

    ErrKeyMissing "error.key_missing" => "This form was sent without its key, so nothing was done. Reload the page and try again.", "此表单提交时缺少提交密钥，因此未执行任何操作。请重新加载页面后重试。";
    ErrAlreadySubmitted "error.already_submitted" => "This was already done: it was sent twice, and it counted once.", "此操作已完成：它被发送了两次，但只计算一次。";

    QuantityEmpty "quantity.empty" => "Enter a number.", "请输入数字。";
    QuantityNotANumber "quantity.not_a_number" => "Enter a whole number using the digits 0–9, such as 5.", "请使用数字 0–9 输入整数，例如 5。";
    QuantityDecimal "quantity.decimal" => "Enter a whole number, without decimals.", "请输入整数，不要带小数。";
    QuantityNegative "quantity.negative" => "The number can't be negative.", "数字不能为负数。";
    QuantityZero "quantity.zero" => "Enter at least 1.", "请至少输入 1。";
    QuantityMax "quantity.too_many" => "The most allowed here is {max}: this demo's own ceiling, which no Microsoft page states.", "此处最多允许 {max}：这是本演示自己的上限，Microsoft 的页面中没有说明。";
    QuantityFullWidth "quantity.full_width" => "Type the digits 0–9 in half-width, not full-width digits such as １２.", "请输入半角数字 0–9，不要使用 １２ 这样的全角数字。";
    QuantityExponent "quantity.exponent" => "Enter the number in full, without an exponent such as 1e3.", "请输入完整的数字，不要使用 1e3 这样的指数形式。";
    PlanFormatTable "plan.format.table" => "a pasted Get-MSCommerceProductPolicies table", "粘贴的 Get-MSCommerceProductPolicies 表格";
    PlanFormatList "plan.format.list" => "a pasted Get-MSCommerceProductPolicies list", "粘贴的 Get-MSCommerceProductPolicies 列表";
    PlanFormatJson "plan.format.json" => "ConvertTo-Json output", "ConvertTo-Json 输出";
    PlanFormatCsv "plan.format.csv" => "Export-Csv output", "Export-Csv 输出";
    PlanFormatDsc "plan.format.dsc" => "a Microsoft365DSC configuration", "Microsoft365DSC 配置";
    PlanErrorEmpty "plan.error.empty" => "Paste the output of Get-MSCommerceProductPolicies, or choose a file.", "请粘贴 Get-MSCommerceProductPolicies 的输出，或选择一个文件。";
    PlanErrorTooLarge "plan.error.too_large" => "That is {size}; a policy listing is a few KB. The most this takes is {limit}.", "内容大小为 {size}；策略列表通常只有几 KB。最多可接受 {limit}。";
    PlanErrorNotPolicies "plan.error.not_policies" => "This isn't a listing of AllowSelfServicePurchase. Run Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase and paste what it prints, as is or piped to ConvertTo-Json or Export-Csv.", "这不是 AllowSelfServicePurchase 的列表。请运行 Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase，然后粘贴其输出（原样输出，或通过管道传给 ConvertTo-Json 或 Export-Csv）。";
    PlanErrorMissingColumn "plan.error.missing_column" => "The listing has no {column} column, which a plan needs.", "该列表没有计划所需的 {column} 列。";
    PlanErrorJson "plan.error.json" => "This JSON can't be read: {detail}", "无法读取此 JSON：{detail}";
    PlanErrorCutOff "plan.error.cut_off" => "The text stops short at line {line}. Copy the whole output and paste it again.", "文本在第 {line} 行处中断。请复制完整输出后重新粘贴。";
    PlanErrorNoRows "plan.error.no_rows" => "The listing has a header but no products under it.", "该列表有标题，但下方没有产品。";
    PlanUnplacedOtherPolicy "plan.unplaced.other_policy" => "A row of another policy ({given}). Only AllowSelfServicePurchase is planned here.", "其他策略的行（{given}）。此处仅规划 AllowSelfServicePurchase。";
    PlanUnplacedMalformedId "plan.unplaced.malformed_id" => "'{given}' is not a product ID (12 letters and digits).", "“{given}”不是产品 ID（12 个字母和数字）。";
    PlanUnplacedTruncated "plan.unplaced.truncated" => "'{given}' was cut off by the console. Widen the window, or pipe to ConvertTo-Json.", "“{given}”被控制台截断。请加宽窗口，或通过管道传给 ConvertTo-Json。";
    PlanUnplacedUnknownProduct "plan.unplaced.unknown_product" => "{product} is not a product sold through self-service here.", "{product} 不是此处通过自助服务销售的产品。";
    PlanUnplacedBadValue "plan.unplaced.bad_value" => "'{given}' is not a policy value: Enabled, Disabled or OnlyTrialsWithoutPaymentMethod.", "“{given}”不是策略值：应为 Enabled、Disabled 或 OnlyTrialsWithoutPaymentMethod。";
    PlanUnplacedConflict "plan.unplaced.conflict" => "{product} again, with another value. The row at line {first} stands.", "{product} 再次出现且值不同。以第 {first} 行为准。";
    PlanUnplacedAbsent "plan.unplaced.absent" => "{product}: Ensure = Absent gives no value to plan.", "{product}：Ensure = Absent 未提供可规划的值。";
    PlanUnplacedUnknownOfferType "plan.unplaced.unknown_offer_type" => "'{given}' is not an offer type of this policy (SaaS, POWERBIVISUALS, DYNAMICSCE, DYNAMICSBC).", "“{given}”不是此策略的产品/服务类型（SaaS、POWERBIVISUALS、DYNAMICSCE、DYNAMICSBC）。";
    PlanUnplacedOfferTypeValue "plan.unplaced.offer_type_value" => "'{given}': offer types take Enabled or Disabled only.", "“{given}”：产品/服务类型只接受 Enabled 或 Disabled。";
    PlanTitle "plan.title" => "Plan a change", "规划更改";
    PlanIntro "plan.intro" => "Paste what Get-MSCommerceProductPolicies printed for an organization, or choose the file. It becomes a plan beside the current policies: nothing changes until you run the exported script.", "粘贴 Get-MSCommerceProductPolicies 为某个组织输出的内容，或选择该文件。它将成为当前策略旁的计划：在运行导出的脚本之前，不会更改任何内容。";
    PlanPasteLabel "plan.paste" => "Output of Get-MSCommerceProductPolicies, with or without -Scope OfferType (table, list, JSON or CSV), or a Microsoft365DSC configuration", "Get-MSCommerceProductPolicies 的输出（可带 -Scope OfferType；表格、列表、JSON 或 CSV），或 Microsoft365DSC 配置";
    PlanFileLabel "plan.file" => "Or choose a file", "或选择文件";
    PlanFor "plan.for" => "Plan for", "计划适用于";
    PlanForOther "plan.for_other" => "Another organization, not in this demo", "其他组织（不在此演示中）";
    PlanOtherName "plan.other_name" => "Organization name", "组织名称";
    PlanNoTarget "plan.no_target" => "Choose at least one organization.", "请至少选择一个组织。";
    PlanMake "plan.make" => "Make a plan", "创建计划";
    PlanRead "plan.read" => "Read {rows} rows from {format}. Products in the plan: {placed}.", "已从{format}读取 {rows} 行。计划中的产品：{placed} 个。";
    PlanReadOne "plan.read.one" => "Read {rows} row from {format}. Products in the plan: {placed}.", "已从{format}读取 {rows} 行。计划中的产品：{placed} 个。";
    PlanUnplacedTitle "plan.unplaced" => "Rows left out", "未纳入的行";
    PlanLine "plan.line" => "Line {line}", "第 {line} 行";
    PlanColNow "plan.col.now" => "Now", "当前";
    PlanColPlanned "plan.col.planned" => "Planned", "计划";
    PlanColImpact "plan.col.impact" => "Who can buy or try it", "谁可以购买或试用";
    PlanImpact "plan.impact" => "Now {buy} can buy and {try} can try; planned, {buy_after} and {try_after}.", "当前 {buy} 人可购买、{try} 人可试用；按计划为 {buy_after} 人和 {try_after} 人。";
    PlanNoDirectory "plan.no_directory" => "No directory is known for this organization.", "此组织没有已知的目录。";
    PlanChangesTitle "plan.changes" => "What changes", "更改内容";
    PlanNoChanges "plan.no_changes" => "The plan changes nothing.", "此计划不更改任何内容。";
    PlanCopyTo "plan.copy" => "Copy this plan to the other organizations", "将此计划复制到其他组织";
    PlanExportTitle "plan.export" => "Export", "导出";
    PlanWhatIf "plan.what_if" => "Add -WhatIf to every update: the module says what it would do, and does nothing", "为每次更新添加 -WhatIf：模块仅说明将执行的操作，不做任何更改";
    PlanScript "plan.script" => "PowerShell script", "PowerShell 脚本";
    PlanDsc "plan.dsc" => "Microsoft365DSC configuration", "Microsoft365DSC 配置";
    PlanDownload "plan.download" => "Download {file}", "下载 {file}";
    PlanDiscard "plan.discard" => "Discard the plan", "放弃计划";
    PlanValueFor "plan.value_for" => "Planned value for {product} in {tenant}", "{tenant} 中 {product} 的计划值";
    PlanSource "plan.source" => "{format}, {rows} rows", "{format}，{rows} 行";
    PlanSourceOne "plan.source.one" => "{format}, {rows} row", "{format}，{rows} 行";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_zh_cn_file_is_the_catalogs() {
        let shipped = include_str!("../../public/i18n/zh-CN.txt");
        assert!(
            shipped == texts::zh_cn_file(),
            "public/i18n/zh-CN.txt differs from the catalog: run `cargo run --example gen_texts`"
        );
        for m in Msg::ALL {
            assert!(
                !m.text(Lang::ZhCn).contains(['\n', '\r']),
                "{} holds a line break",
                m.key()
            );
        }
    }

    #[test]
    fn a_texts_file_is_installed_only_when_it_fits_the_catalog() {
        let file = texts::zh_cn_file();
        let header = texts::header();
        let other_version = file.replacen(&header, "ssp-texts zh-CN 0000000000000000 864", 1);
        let one_short = file.rsplitn(3, '\n').nth(2).unwrap().to_owned() + "\n";
        let one_more = format!("{file}extra\n");
        let cases = [
            ("", Err(texts::TextsError::OtherVersion)),
            (
                "<!doctype html><html></html>",
                Err(texts::TextsError::OtherVersion),
            ),
            (other_version.as_str(), Err(texts::TextsError::OtherVersion)),
            (
                header.as_str(),
                Err(texts::TextsError::Count {
                    expected: Msg::ALL.len(),
                    found: 0,
                }),
            ),
            (
                one_short.as_str(),
                Err(texts::TextsError::Count {
                    expected: Msg::ALL.len(),
                    found: Msg::ALL.len() - 1,
                }),
            ),
            (
                one_more.as_str(),
                Err(texts::TextsError::Count {
                    expected: Msg::ALL.len(),
                    found: Msg::ALL.len() + 1,
                }),
            ),
        ];
        // Each case on a thread of its own: what is installed lasts for the thread.
        for (input, expected) in cases {
            let input = input.to_owned();
            let (outcome, installed) = std::thread::spawn(move || {
                (
                    texts::install_zh_cn(input),
                    texts::installed_zh_cn(Msg::AppName),
                )
            })
            .join()
            .unwrap();
            assert_eq!(outcome, expected);
            assert_eq!(
                installed, None,
                "nothing is installed from a file that does not fit"
            );
        }
        let crlf = file.replace('\n', "\r\n");
        for good in [file, crlf] {
            std::thread::spawn(move || {
                assert_eq!(texts::install_zh_cn(good), Ok(()));
                for m in Msg::ALL {
                    assert_eq!(texts::installed_zh_cn(*m), Some(ZH_CN[*m as usize]));
                }
            })
            .join()
            .unwrap();
        }
    }

    #[test]
    fn keys_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for m in Msg::ALL {
            assert!(seen.insert(m.key()), "duplicate key {}", m.key());
            assert_eq!(Msg::from_key(m.key()), Some(*m));
        }
    }

    #[test]
    fn every_message_has_text_in_both_languages() {
        for m in Msg::ALL {
            for lang in Lang::ALL {
                assert!(
                    !m.text(lang).trim().is_empty(),
                    "{} is empty in {lang:?}",
                    m.key()
                );
            }
            // Placeholders must match, or one language would print a raw `{name}`.
            let names = |t: &str| {
                let mut v: Vec<String> = t
                    .split('{')
                    .skip(1)
                    .filter_map(|p| p.split_once('}'))
                    .map(|(n, _)| n.to_owned())
                    .collect();
                v.sort();
                v
            };
            assert_eq!(
                names(m.text(Lang::EnUs)),
                names(m.text(Lang::ZhCn)),
                "placeholders of {}",
                m.key()
            );
        }
    }

    #[test]
    fn language_from_browser_preferences() {
        assert_eq!(Lang::from_preferences(["zh-CN", "en-US"]), Lang::ZhCn);
        assert_eq!(Lang::from_preferences(["zh-TW"]), Lang::ZhCn);
        assert_eq!(Lang::from_preferences(["en-GB", "zh-CN"]), Lang::EnUs);
        assert_eq!(Lang::from_preferences(["fr-FR", "zh-CN"]), Lang::ZhCn);
        assert_eq!(Lang::from_preferences(["fr-FR"]), Lang::EnUs);
        assert_eq!(Lang::from_preferences([]), Lang::EnUs);
        assert_eq!(Lang::from_tag("zh-cn"), Some(Lang::ZhCn));
        assert_eq!(Lang::from_tag("de"), None);
    }

    #[test]
    fn a_name_ending_in_a_period_ends_the_sentence_once() {
        assert_eq!(
            fill("You're a guest in {tenant}.", &[("tenant", "Contoso Ltd.")]),
            "You're a guest in Contoso Ltd."
        );
        assert_eq!(
            fill("{tenant}. Guests can't buy", &[("tenant", "Contoso Ltd.")]),
            "Contoso Ltd. Guests can't buy"
        );
        assert_eq!(
            fill("In {tenant}.", &[("tenant", "Contoso")]),
            "In Contoso."
        );
        assert_eq!(
            fill("{a} and {b}", &[("a", "{b}"), ("b", "x")]),
            "{b} and x",
            "values are not filled again"
        );
    }

    #[test]
    fn filling_a_message_picks_its_plural_form_from_the_count() {
        assert_eq!(
            fill_count(Lang::EnUs, Msg::AssignedDone, 1, &[("n", "1")]),
            "Assigned 1 license."
        );
        assert_eq!(
            fill_count(Lang::EnUs, Msg::AssignedDone, 3, &[("n", "3")]),
            "Assigned 3 licenses."
        );
        // The count given chooses, not a placeholder's value: here "n" is 1 and so is the
        // count, while "assigned" (3) is only shown.
        assert_eq!(
            fill_count(
                Lang::EnUs,
                Msg::BelowAssigned,
                1,
                &[("assigned", "3"), ("n", "1"), ("total", "2")]
            ),
            "Licenses assigned: 3. Unassign 1 person before lowering the total to 2."
        );
        // An explanation's count chooses its form the same way.
        let one = Explanation::new("card.error.code_length").count("digits", 1u32);
        let four = Explanation::new("card.error.code_length").count("digits", 4u32);
        assert_ne!(explain(Lang::EnUs, &one), explain(Lang::EnUs, &four));
        assert!(explain(Lang::EnUs, &four).contains('4'));
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "has plural forms")]
    fn a_message_with_plural_forms_is_not_filled_without_its_count() {
        let _ = fill_msg(Lang::EnUs, Msg::AssignedDone, &[("n", "1")]);
    }

    #[test]
    fn counts_take_their_plural_form() {
        assert_eq!(
            plural(Lang::EnUs, Msg::AssignedDone, 1),
            "Assigned {n} license."
        );
        assert_eq!(
            plural(Lang::EnUs, Msg::AssignedDone, 2),
            "Assigned {n} licenses."
        );
        assert_eq!(
            plural(Lang::EnUs, Msg::AssignedDone, 0),
            "Assigned {n} licenses."
        );
        assert_eq!(
            plural(Lang::ZhCn, Msg::AssignedDone, 1),
            Msg::AssignedDone.text(Lang::ZhCn)
        );
    }

    /// The placeholders that hold counts.
    const COUNTS: &[&str] = &[
        "n",
        "count",
        "events",
        "needed",
        "available",
        "missing",
        "requested",
        "assigned",
        "total",
        "self_service",
        "refused",
        "given",
        "buy",
        "try",
        "people",
        "digits",
        "max",
        "sequence",
        "licenses",
        "done",
        "shown",
        "subscriptions",
        "rows",
    ];

    /// The count placeholders of an en-US text that stand before a plural noun ("{n}
    /// licenses", "{n} more licenses", "{n} people").
    fn counted_nouns(text: &str) -> Vec<&str> {
        let mut found = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let after = &rest[open + 1..];
            let Some(close) = after.find('}') else { break };
            let name = &after[..close];
            let words: Vec<&str> = after[close + 1..]
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .take(2)
                .collect();
            let starts_with_word = after[close + 1..].starts_with(' ');
            let plural = |w: &&str| (w.ends_with('s') && w.len() > 2) || *w == "people";
            if COUNTS.contains(&name) && starts_with_word && words.iter().any(plural) {
                found.push(name);
            }
            rest = &after[close + 1..];
        }
        found.sort_unstable();
        found.dedup();
        found
    }

    #[test]
    fn a_count_before_a_plural_noun_has_plural_forms() {
        let mut missing = Vec::new();
        for m in Msg::ALL.iter().filter(|m| !m.key().ends_with(".one")) {
            let counted = counted_nouns(m.text(Lang::EnUs));
            if counted.is_empty() {
                continue;
            }
            if counted.len() > 1 {
                missing.push(format!(
                    "{}: counts {counted:?} each need a plural noun; rephrase",
                    m.key()
                ));
            } else if lookup(Lang::EnUs, &format!("{}.one", m.key())).is_none() {
                missing.push(format!(
                    "{}: {{{}}} needs a `.one` form",
                    m.key(),
                    counted[0]
                ));
            }
        }
        assert!(missing.is_empty(), "{missing:#?}");
    }

    #[test]
    fn no_possessive_is_glued_onto_a_name() {
        for m in Msg::ALL {
            let en = m.text(Lang::EnUs);
            assert!(
                !en.contains("}'s") && !en.contains("}’s"),
                "{}: {en}",
                m.key()
            );
        }
    }

    #[test]
    fn fill_replaces_placeholders() {
        assert_eq!(
            fill("Buy {product} now, {product}!", &[("product", "Visio")]),
            "Buy Visio now, Visio!"
        );
    }
}
