//! The glossary, enforced: `GLOSSARY.md`'s **Not** column and the rules below fail the
//! build when a message drifts from the terms it fixes.

use super::{Lang, Msg};

const GLOSSARY: &str = include_str!("GLOSSARY.md");

/// Names, identifiers and typed commands that stay English in zh-CN text (longest first
/// where one contains another, so "Microsoft 365" goes before "Microsoft").
const ENGLISH_THAT_STAYS: &[&str] = &[
    // Cmdlets, parameters and a DSC property as the person types them.
    "-eq -ne -like -notlike -match -notmatch -gt -ge -lt -le -and -or -not",
    "foreach ($x in …)",
    // PowerShell's own words inside its zh-CN messages, as it prints them.
    "-parameter value1,value2,value3",
    "ValidateSet",
    "“in”",
    "System.String",
    "Null",
    "[Net.ServicePointManager]",
    "$x.ToUpper()",
    "$env:",
    "TLS",
    "ForEach-Object",
    "Where-Object",
    "Select-Object",
    "Sort-Object",
    "Format-Table",
    "Format-List",
    "Write-Output",
    "Write-Host",
    "$x",
    "-Token",
    "-Scope",
    "-OfferType",
    "OfferType",
    "POWERBIVISUALS",
    "DYNAMICSCE",
    "DYNAMICSBC",
    "SaaS",
    "Microsoft365DSC",
    "ConvertTo-Json",
    "Export-Csv",
    "-PolicyId",
    "Ensure = Absent",
    "KB",
    "Get-MSCommerceProductPolicies",
    "Get-MSCommerceProductPolicy",
    "Update-MSCommerceProductPolicy",
    "Connect-MSCommerce",
    "Get-Help",
    "Demo-2026!",
    "OnlyTrialsWithoutPaymentMethod",
    "AllowSelfServicePurchase",
    "MSCommerce",
    "PowerShell",
    "Power Platform",
    "Power Automate",
    "Power Apps",
    "Power BI",
    "Microsoft Purview",
    "Azure Active Directory (AD)",
    "Azure AD",
    "Microsoft 365",
    "Windows 365",
    "Windows",
    "Microsoft",
    "Project",
    "Visio",
    "Teams",
    "American Express",
    "Diners Club",
    "Mastercard",
    "Discover",
    "Visa",
    "JCB",
    "Contoso Expense Cloud",
    "Contoso",
    "Azure",
    "Fabrikam",
    "PowerPoint",
    "Outlook",
    "Python",
    "Excel",
    "Word",
    "OKR",
    "AI",
    "-ProductId",
    "-Enabled",
    "-Value",
    "-WhatIf",
    "WhatIf",
    "Enabled",
    "Disabled",
    "cmdlet",
    "$true",
    "$false",
    "JSON",
    "CSV",
    "UTC",
    "ID",
    "IT",
    // A -Scope value and PowerShell's keywords; last, so that the names that hold them go
    // first.
    "Product",
    "-Confirm",
    "foreach",
    "switch",
    "while",
    "catch",
    "trap",
    "try",
    "for",
    "if",
    "do",
];

/// Messages whose zh-CN text is English on purpose: a language's name in that language.
const ENGLISH_ON_PURPOSE: &[&str] = &["app.language.en"];

/// en-US phrases the admin center does not use, with the words it does.
const EN_NOT: &[(&str, &str)] = &[
    ("Bills and payments", "Bills & payments"),
    ("Custom dates", "Specify a date range"),
    ("no card needed", "no payment method required"),
    ("the Democratic Republic", "Congo (DRC)"),
    ("Name on the card", "Name on card"),
];

/// The glossary's forbidden zh-CN variants: each row's **Not** cell, in the tables that
/// have one.
fn forbidden_variants() -> Vec<(&'static str, &'static str)> {
    let mut found = Vec::new();
    let mut not_column = None;
    for line in GLOSSARY.lines() {
        let Some(row) = line.strip_prefix('|') else {
            not_column = None;
            continue;
        };
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        if let Some(i) = cells.iter().position(|c| *c == "Not") {
            not_column = Some(i);
            continue;
        }
        let (Some(i), Some(term)) = (not_column, cells.get(1)) else {
            continue;
        };
        for variant in cells.get(i).unwrap_or(&"").split(", ") {
            if !variant.is_empty() && !variant.starts_with("---") {
                found.push((*term, variant));
            }
        }
    }
    found
}

/// `text` without the compounds that may hold `ch`; what is left must not hold it.
fn bare(text: &str, ch: char, compounds: &[&str]) -> bool {
    let mut rest = text.to_owned();
    for c in compounds {
        rest = rest.replace(c, "");
    }
    rest.contains(ch)
}

/// The English a zh-CN text still holds once placeholders, product IDs, example
/// addresses and the allowed names are taken out.
fn stray_english(zh: &str) -> Vec<String> {
    let mut text = super::fill(zh, &[]);
    // Placeholders: `{name}`.
    while let (Some(open), Some(close)) = (text.find('{'), text.find('}')) {
        if close < open {
            break;
        }
        text.replace_range(open..=close, " ");
    }
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            // Example addresses and product IDs ("name@contoso.com", "CFQ7TTC0LH2H").
            if w.contains('@') {
                return String::new();
            }
            w.to_owned()
        })
        .collect();
    let mut text = words.join(" ");
    for name in ENGLISH_THAT_STAYS {
        text = text.replace(name, " ");
    }
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.chars().any(|c| c.is_ascii_alphabetic()))
        .filter(|w| !is_product_id(w) && !is_example_number(w))
        .map(str::to_owned)
        .collect()
}

fn is_product_id(word: &str) -> bool {
    word.len() == 12
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// "1e3": the exponent an input message shows as what not to type.
fn is_example_number(word: &str) -> bool {
    word == "1e3"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_glossary_names_forbidden_variants() {
        let variants = forbidden_variants();
        for expected in ["帐单", "活动用户", "自助试用", "卡上的姓名", "顶级支持事件", "结帐"]
        {
            assert!(
                variants.iter().any(|(_, v)| *v == expected),
                "GLOSSARY.md no longer forbids {expected}"
            );
        }
    }

    /// A quote of a Microsoft page (`source.q.*`, "About this rule") keeps the page's own
    /// words, even where the admin center's differ: the glossary checks skip it.
    fn ours(msg: &Msg) -> bool {
        !msg.key().starts_with("source.q.")
    }

    #[test]
    fn no_zh_message_uses_a_forbidden_variant() {
        let variants = forbidden_variants();
        let mut wrong = Vec::new();
        for msg in Msg::ALL.iter().filter(|m| ours(m)) {
            let zh = msg.text(Lang::ZhCn);
            for (term, variant) in &variants {
                if zh.contains(variant) {
                    wrong.push(format!("{}: “{zh}” says {variant}; say {term}", msg.key()));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn a_card_is_a_credit_card_or_a_payment_method() {
        for msg in Msg::ALL {
            let zh = msg.text(Lang::ZhCn);
            assert!(
                !bare(zh, '卡', &["信用卡", "卡号", "持卡人"]),
                "{}: “{zh}” has a bare 卡: say 信用卡 or 付款方式",
                msg.key()
            );
        }
    }

    #[test]
    fn money_is_written_with_zhang_and_an_account_with_zhang_as_microsoft_does() {
        for msg in Msg::ALL {
            let zh = msg.text(Lang::ZhCn);
            assert!(
                !bare(zh, '帐', &["帐户"]),
                "{}: “{zh}”: 帐 is only for 帐户; money is 账 (账单, 结账)",
                msg.key()
            );
            assert!(
                !zh.contains("账户"),
                "{}: “{zh}”: 帐户, as Microsoft writes it",
                msg.key()
            );
        }
    }

    #[test]
    fn no_zh_message_holds_untranslated_english() {
        let wrong: Vec<String> = Msg::ALL
            .iter()
            .filter(|msg| !ENGLISH_ON_PURPOSE.contains(&msg.key()))
            .filter_map(|msg| {
                let stray = stray_english(msg.text(Lang::ZhCn));
                (!stray.is_empty())
                    .then(|| format!("{}: “{}” holds {stray:?}", msg.key(), msg.text(Lang::ZhCn)))
            })
            .collect();
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    #[test]
    fn stray_english_is_found_and_names_are_not() {
        assert_eq!(stray_english("请联系你的 IT admin。"), ["admin"]);
        assert_eq!(stray_english("“Custom dates”"), ["Custom", "dates"]);
        assert!(stray_english("{product} 的 Power BI Pro 设置：CFQ7TTC0LH2H").len() == 1);
        assert!(stray_english("使用 Connect-MSCommerce 连接 {tenant}").is_empty());
        assert!(stray_english("例如 name@contoso.com。").is_empty());
    }

    #[test]
    fn en_messages_use_the_admin_centers_words() {
        for msg in Msg::ALL.iter().filter(|m| ours(m)) {
            let en = msg.text(Lang::EnUs);
            for (not, say) in EN_NOT {
                assert!(!en.contains(not), "{}: “{en}”: say “{say}”", msg.key());
            }
        }
    }

    #[test]
    fn one_name_for_the_self_service_feature() {
        for msg in Msg::ALL.iter().filter(|m| ours(m)) {
            let zh = msg.text(Lang::ZhCn);
            assert!(
                !zh.contains("自助购买") && !zh.contains("自助试用"),
                "{}: “{zh}”: the feature is 自助服务购买 / 自助服务试用",
                msg.key()
            );
        }
    }
}
