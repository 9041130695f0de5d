//! The MSCommerce PowerShell module, as far as `AllowSelfServicePurchase` goes: a command
//! line parsed into a typed cmdlet, a plan checked against the connection and the roles,
//! and output in the module's columns.
//!
//! Cmdlets and their parameters are data (`CMDLETS`); one `match` turns parsed arguments
//! into a `Cmdlet`. Errors name a message key so the console speaks the app's language.

use super::authz::{may, Action, Actor, Denied, Subject};
use super::catalog::{Catalog, ProductId};
use super::policy::{PolicyValue, POLICY_ID};
use super::subscription::State;

/// What a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Switch,
}

#[derive(Debug, Clone, Copy)]
struct Param {
    name: &'static str,
    kind: Kind,
    required: bool,
}

const fn text(name: &'static str, required: bool) -> Param {
    Param {
        name,
        kind: Kind::Text,
        required,
    }
}

const POLICY: Param = text("PolicyId", true);
const PRODUCT: Param = text("ProductId", true);
const WHAT_IF: Param = Param {
    name: "WhatIf",
    kind: Kind::Switch,
    required: false,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Name {
    ImportModule,
    Connect,
    GetPolicies,
    GetPolicy,
    GetProductPolicies,
    GetProductPolicy,
    UpdateProductPolicy,
    Help,
    Clear,
}

/// A cmdlet: its name, other names it answers to, and its parameters.
struct Spec {
    name: &'static str,
    aliases: &'static [&'static str],
    id: Name,
    params: &'static [Param],
}

const CMDLETS: [Spec; 9] = [
    // An exported script's first line; this console has the module loaded already.
    Spec {
        name: "Import-Module",
        aliases: &["ipmo"],
        id: Name::ImportModule,
        params: &[text("Name", true)],
    },
    Spec {
        name: "Connect-MSCommerce",
        aliases: &[],
        id: Name::Connect,
        params: &[],
    },
    Spec {
        name: "Get-MSCommercePolicies",
        aliases: &[],
        id: Name::GetPolicies,
        params: &[],
    },
    Spec {
        name: "Get-MSCommercePolicy",
        aliases: &[],
        id: Name::GetPolicy,
        params: &[POLICY],
    },
    Spec {
        name: "Get-MSCommerceProductPolicies",
        aliases: &[],
        id: Name::GetProductPolicies,
        params: &[POLICY],
    },
    Spec {
        name: "Get-MSCommerceProductPolicy",
        aliases: &[],
        id: Name::GetProductPolicy,
        params: &[POLICY, PRODUCT],
    },
    Spec {
        name: "Update-MSCommerceProductPolicy",
        aliases: &[],
        id: Name::UpdateProductPolicy,
        // -Value or the older -Enabled: exactly one, checked after parsing.
        params: &[
            POLICY,
            PRODUCT,
            text("Value", false),
            text("Enabled", false),
            WHAT_IF,
        ],
    },
    Spec {
        name: "Get-Help",
        aliases: &["help"],
        id: Name::Help,
        params: &[],
    },
    Spec {
        name: "Clear-Host",
        aliases: &["cls", "clear"],
        id: Name::Clear,
        params: &[],
    },
];

/// The cmdlets a person can type, for help and completion.
pub fn cmdlet_names() -> impl Iterator<Item = &'static str> {
    CMDLETS.iter().map(|s| s.name)
}

/// A parsed command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cmdlet {
    ImportModule,
    Connect,
    GetPolicies,
    GetPolicy,
    GetProductPolicies,
    GetProductPolicy {
        product: ProductId,
    },
    UpdateProductPolicy {
        product: ProductId,
        value: PolicyValue,
        what_if: bool,
    },
    Help,
    Clear,
}

/// Why a line did not run. Each names its message; the fields fill its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConsoleError {
    UnterminatedQuote,
    UnknownCmdlet {
        name: String,
        suggestion: Option<&'static str>,
    },
    PositionalArgument {
        cmdlet: &'static str,
        argument: String,
    },
    UnknownParameter {
        cmdlet: &'static str,
        parameter: String,
    },
    AmbiguousParameter {
        cmdlet: &'static str,
        parameter: String,
        candidates: Vec<&'static str>,
    },
    DuplicateParameter {
        parameter: &'static str,
    },
    MissingArgument {
        parameter: &'static str,
    },
    MissingParameter {
        cmdlet: &'static str,
        parameter: &'static str,
    },
    UnknownPolicy {
        given: String,
    },
    UnknownModule {
        given: String,
    },
    MalformedProductId {
        given: String,
    },
    UnknownProduct {
        product: ProductId,
    },
    BadValue {
        given: String,
    },
    BadEnabled {
        given: String,
    },
    ValueAndEnabled,
    NotConnected,
    NotSignedIn,
    Denied(Denied),
}

impl ConsoleError {
    pub const fn message_key(&self) -> &'static str {
        match self {
            ConsoleError::UnterminatedQuote => "console.error.unterminated_quote",
            ConsoleError::UnknownCmdlet {
                suggestion: None, ..
            } => "console.error.unknown_cmdlet",
            ConsoleError::UnknownCmdlet {
                suggestion: Some(_),
                ..
            } => "console.error.unknown_cmdlet_suggest",
            ConsoleError::PositionalArgument { .. } => "console.error.positional",
            ConsoleError::UnknownParameter { .. } => "console.error.unknown_parameter",
            ConsoleError::AmbiguousParameter { .. } => "console.error.ambiguous_parameter",
            ConsoleError::DuplicateParameter { .. } => "console.error.duplicate_parameter",
            ConsoleError::MissingArgument { .. } => "console.error.missing_argument",
            ConsoleError::MissingParameter { .. } => "console.error.missing_parameter",
            ConsoleError::UnknownPolicy { .. } => "console.error.unknown_policy",
            ConsoleError::UnknownModule { .. } => "console.error.unknown_module",
            ConsoleError::MalformedProductId { .. } => "console.error.malformed_product_id",
            ConsoleError::UnknownProduct { .. } => "console.error.unknown_product",
            ConsoleError::BadValue { .. } => "console.error.bad_value",
            ConsoleError::BadEnabled { .. } => "console.error.bad_enabled",
            ConsoleError::ValueAndEnabled => "console.error.value_and_enabled",
            ConsoleError::NotConnected => "console.error.not_connected",
            ConsoleError::NotSignedIn => "console.error.not_signed_in",
            ConsoleError::Denied(_) => "console.error.denied",
        }
    }

    /// The placeholders of the message.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ConsoleError::UnterminatedQuote
            | ConsoleError::ValueAndEnabled
            | ConsoleError::NotConnected
            | ConsoleError::NotSignedIn
            | ConsoleError::Denied(_) => vec![],
            ConsoleError::UnknownCmdlet { name, suggestion } => {
                let mut args = vec![("name", name.clone())];
                if let Some(s) = suggestion {
                    args.push(("suggestion", (*s).to_owned()));
                }
                args
            }
            ConsoleError::PositionalArgument { cmdlet, argument } => vec![
                ("cmdlet", (*cmdlet).to_owned()),
                ("argument", argument.clone()),
            ],
            ConsoleError::UnknownParameter { cmdlet, parameter } => vec![
                ("cmdlet", (*cmdlet).to_owned()),
                ("parameter", parameter.clone()),
            ],
            ConsoleError::AmbiguousParameter {
                cmdlet,
                parameter,
                candidates,
            } => vec![
                ("cmdlet", (*cmdlet).to_owned()),
                ("parameter", parameter.clone()),
                (
                    "candidates",
                    candidates
                        .iter()
                        .map(|c| format!("-{c}"))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
            ],
            ConsoleError::DuplicateParameter { parameter }
            | ConsoleError::MissingArgument { parameter } => {
                vec![("parameter", (*parameter).to_owned())]
            }
            ConsoleError::MissingParameter { cmdlet, parameter } => vec![
                ("cmdlet", (*cmdlet).to_owned()),
                ("parameter", (*parameter).to_owned()),
            ],
            ConsoleError::UnknownPolicy { given }
            | ConsoleError::UnknownModule { given }
            | ConsoleError::MalformedProductId { given }
            | ConsoleError::BadValue { given }
            | ConsoleError::BadEnabled { given } => {
                vec![("given", given.clone())]
            }
            ConsoleError::UnknownProduct { product } => vec![("product", product.to_string())],
        }
    }
}

/// Splits a line into words; single or double quotes keep spaces inside a word.
fn tokenize(line: &str) -> Result<Vec<String>, ConsoleError> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut in_word = false;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '\'' | '"') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if quote.is_some() {
        return Err(ConsoleError::UnterminatedQuote);
    }
    if in_word {
        words.push(word);
    }
    Ok(words)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(!ca.eq_ignore_ascii_case(cb)));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// The closest cmdlet name, when it is close enough to be a typo.
fn suggest(name: &str) -> Option<&'static str> {
    CMDLETS
        .iter()
        .map(|s| (edit_distance(name, s.name), s.name))
        .min()
        .filter(|(d, _)| *d <= 4)
        .map(|(_, n)| n)
}

/// A parameter by its name or an unambiguous prefix, as PowerShell allows.
fn resolve(spec: &Spec, given: &str) -> Result<Param, ConsoleError> {
    if let Some(p) = spec
        .params
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case(given))
    {
        return Ok(*p);
    }
    let lower = given.to_ascii_lowercase();
    let matches: Vec<&Param> = spec
        .params
        .iter()
        .filter(|p| !given.is_empty() && p.name.to_ascii_lowercase().starts_with(&lower))
        .collect();
    match matches.as_slice() {
        [one] => Ok(**one),
        [] => Err(ConsoleError::UnknownParameter {
            cmdlet: spec.name,
            parameter: given.to_owned(),
        }),
        many => Err(ConsoleError::AmbiguousParameter {
            cmdlet: spec.name,
            parameter: given.to_owned(),
            candidates: many.iter().map(|p| p.name).collect(),
        }),
    }
}

fn boolean(text: &str) -> Option<bool> {
    match text.trim_start_matches('$').to_ascii_lowercase().as_str() {
        "true" | "1" => Some(true),
        "false" | "0" => Some(false),
        _ => None,
    }
}

/// Parses a command line; `Ok(None)` for a blank one.
pub fn parse(line: &str) -> Result<Option<Cmdlet>, ConsoleError> {
    // A comment line (an exported script has them) does nothing, as in PowerShell.
    if line.trim_start().starts_with('#') {
        return Ok(None);
    }
    let words = tokenize(line)?;
    let Some((head, rest)) = words.split_first() else {
        return Ok(None);
    };
    let spec = CMDLETS
        .iter()
        .find(|s| {
            s.name.eq_ignore_ascii_case(head)
                || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(head))
        })
        .ok_or_else(|| ConsoleError::UnknownCmdlet {
            name: head.clone(),
            suggestion: suggest(head),
        })?;

    let mut given: Vec<(&'static str, String)> = Vec::new();
    let mut words = rest.iter();
    while let Some(word) = words.next() {
        let Some(flag) = word.strip_prefix('-').filter(|f| !f.is_empty()) else {
            return Err(ConsoleError::PositionalArgument {
                cmdlet: spec.name,
                argument: word.clone(),
            });
        };
        let (name, inline) = match flag.split_once(':') {
            Some((n, v)) => (n, Some(v.to_owned())),
            None => (flag, None),
        };
        let param = resolve(spec, name)?;
        if given.iter().any(|(n, _)| *n == param.name) {
            return Err(ConsoleError::DuplicateParameter {
                parameter: param.name,
            });
        }
        let value = match (param.kind, inline) {
            (Kind::Switch, None) => "true".to_owned(),
            (Kind::Switch, Some(v)) => v,
            (Kind::Text, Some(v)) if !v.is_empty() => v,
            (Kind::Text, _) => match words.next() {
                Some(v) if !v.starts_with('-') || v.len() == 1 => v.clone(),
                _ => {
                    return Err(ConsoleError::MissingArgument {
                        parameter: param.name,
                    })
                }
            },
        };
        given.push((param.name, value));
    }
    let get = |name: &str| {
        given
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    };
    if let Some(missing) = spec
        .params
        .iter()
        .find(|p| p.required && get(p.name).is_none())
    {
        return Err(ConsoleError::MissingParameter {
            cmdlet: spec.name,
            parameter: missing.name,
        });
    }
    if let Some(policy) = get(POLICY.name) {
        if !policy.eq_ignore_ascii_case(POLICY_ID) {
            return Err(ConsoleError::UnknownPolicy {
                given: policy.to_owned(),
            });
        }
    }
    let product = || {
        let text = get(PRODUCT.name).unwrap_or_default();
        ProductId::try_from(text).map_err(|_| ConsoleError::MalformedProductId {
            given: text.to_owned(),
        })
    };
    Ok(Some(match spec.id {
        Name::ImportModule => {
            let name = get("Name").unwrap_or_default();
            if !name.eq_ignore_ascii_case("MSCommerce") {
                return Err(ConsoleError::UnknownModule {
                    given: name.to_owned(),
                });
            }
            Cmdlet::ImportModule
        }
        Name::Connect => Cmdlet::Connect,
        Name::GetPolicies => Cmdlet::GetPolicies,
        Name::GetPolicy => Cmdlet::GetPolicy,
        Name::GetProductPolicies => Cmdlet::GetProductPolicies,
        Name::GetProductPolicy => Cmdlet::GetProductPolicy {
            product: product()?,
        },
        Name::UpdateProductPolicy => {
            let product = product()?;
            let value = match (get("Value"), get("Enabled")) {
                (Some(_), Some(_)) => return Err(ConsoleError::ValueAndEnabled),
                (None, None) => {
                    return Err(ConsoleError::MissingParameter {
                        cmdlet: spec.name,
                        parameter: "Value",
                    })
                }
                (Some(v), None) => {
                    PolicyValue::try_from(v).map_err(|_| ConsoleError::BadValue {
                        given: v.to_owned(),
                    })?
                }
                (None, Some(e)) => match boolean(e) {
                    Some(true) => PolicyValue::Enabled,
                    Some(false) => PolicyValue::Disabled,
                    None => {
                        return Err(ConsoleError::BadEnabled {
                            given: e.to_owned(),
                        })
                    }
                },
            };
            let what_if = match get(WHAT_IF.name) {
                None => false,
                Some(v) => boolean(v).ok_or_else(|| ConsoleError::BadEnabled {
                    given: v.to_owned(),
                })?,
            };
            Cmdlet::UpdateProductPolicy {
                product,
                value,
                what_if,
            }
        }
        Name::Help => Cmdlet::Help,
        Name::Clear => Cmdlet::Clear,
    }))
}

/// What the console should do with a parsed cmdlet.
#[derive(Debug, Clone)]
pub enum Plan {
    /// Remember the connection; the person it is for.
    Connect {
        account: String,
        tenant: String,
    },
    /// Print this text.
    Print(String),
    /// Print the supported cmdlets (translated by the console).
    Help,
    Clear,
    /// What `-WhatIf` would do, without doing it.
    WhatIf {
        product_name: String,
        product: ProductId,
        value: PolicyValue,
        /// The value blocks every purchase and trial of the product: warn, as the panel does.
        blocks_everything: bool,
    },
    /// Set the value through the store (`Command::SetPolicyWithModule`), then print the
    /// product's row.
    Update {
        product_name: String,
        product: ProductId,
        value: PolicyValue,
        blocks_everything: bool,
    },
}

/// Everything a plan reads.
pub struct Session<'a> {
    pub state: &'a State,
    pub catalog: &'a Catalog,
    pub actor: Option<&'a Actor>,
    pub connected: bool,
}

/// Decides what a cmdlet does for this person: connection first, then the roles the
/// admin center's panel asks for (listing for readers, changes for Global admins).
pub fn plan(cmdlet: Cmdlet, session: &Session) -> Result<Plan, ConsoleError> {
    let connected_as = |action: Action| -> Result<&Actor, ConsoleError> {
        let actor = session.actor.ok_or(ConsoleError::NotSignedIn)?;
        if !session.connected {
            return Err(ConsoleError::NotConnected);
        }
        may(
            &session.state.directory,
            actor,
            action,
            Subject::Tenant(&actor.tenant),
        )
        .map_err(ConsoleError::Denied)?;
        Ok(actor)
    };
    let known = |id: &ProductId| {
        session
            .catalog
            .product(id)
            .map(|p| p.name.clone())
            .ok_or_else(|| ConsoleError::UnknownProduct {
                product: id.clone(),
            })
    };
    Ok(match cmdlet {
        Cmdlet::ImportModule => Plan::Print(String::new()),
        Cmdlet::Help => Plan::Help,
        Cmdlet::Clear => Plan::Clear,
        Cmdlet::Connect => {
            let actor = session.actor.ok_or(ConsoleError::NotSignedIn)?;
            let directory = &session.state.directory;
            let account = directory
                .user(&actor.user)
                .map_or_else(|| actor.user.0.clone(), |u| u.email.to_string());
            let tenant = directory
                .tenant(&actor.tenant)
                .map_or_else(|| actor.tenant.0.clone(), |t| t.name.clone());
            Plan::Connect { account, tenant }
        }
        Cmdlet::GetPolicies | Cmdlet::GetPolicy => {
            connected_as(Action::ViewPolicies)?;
            Plan::Print(policies_table())
        }
        Cmdlet::GetProductPolicies => {
            let actor = connected_as(Action::ViewPolicies)?;
            Plan::Print(product_policies_table(
                session.state,
                session.catalog,
                actor,
                None,
            ))
        }
        Cmdlet::GetProductPolicy { product } => {
            let actor = connected_as(Action::ViewPolicies)?;
            known(&product)?;
            Plan::Print(product_policies_table(
                session.state,
                session.catalog,
                actor,
                Some(&product),
            ))
        }
        Cmdlet::UpdateProductPolicy {
            product,
            value,
            what_if,
        } => {
            connected_as(Action::SetPolicyWithModule)?;
            let product_name = known(&product)?;
            let blocks_everything = session
                .catalog
                .product(&product)
                .is_some_and(|p| super::eligibility::blocks_everything(p, value));
            if what_if {
                Plan::WhatIf {
                    product_name,
                    product,
                    value,
                    blocks_everything,
                }
            } else {
                Plan::Update {
                    product_name,
                    product,
                    value,
                    blocks_everything,
                }
            }
        }
    })
}

/// Rows laid out as PowerShell's `Format-Table` does: padded columns under a dashed header.
pub fn table(headers: &[&str], rows: &[Vec<String>]) -> String {
    let widths: Vec<usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| {
            rows.iter()
                .map(|r| r[i].chars().count())
                .chain([h.chars().count()])
                .max()
                .unwrap_or(0)
        })
        .collect();
    let line = |cells: &mut dyn Iterator<Item = String>| {
        let padded: Vec<String> = cells
            .zip(&widths)
            .map(|(c, w)| format!("{c:<w$}"))
            .collect();
        padded.join(" ").trim_end().to_owned()
    };
    let mut out = vec![
        line(&mut headers.iter().map(|h| (*h).to_owned())),
        line(&mut headers.iter().map(|h| "-".repeat(h.chars().count()))),
    ];
    out.extend(rows.iter().map(|r| line(&mut r.iter().cloned())));
    out.join("\n")
}

/// `Get-MSCommercePolicies`: the one policy this module knows.
pub fn policies_table() -> String {
    table(
        &["PolicyId", "Description", "DefaultValue"],
        &[vec![
            POLICY_ID.to_owned(),
            "Allow users to buy and try products through self-service".to_owned(),
            PolicyValue::default().to_string(),
        ]],
    )
}

/// The module's listing, for every product or one: PolicyId, ProductName, ProductId, PolicyValue.
pub fn product_policies_table(
    state: &State,
    catalog: &Catalog,
    actor: &Actor,
    only: Option<&ProductId>,
) -> String {
    let rows: Vec<Vec<String>> = catalog
        .products
        .iter()
        .filter(|p| only.is_none_or(|id| &p.id == id))
        .map(|p| {
            vec![
                POLICY_ID.to_owned(),
                p.name.clone(),
                p.id.to_string(),
                state.policies.get(&actor.tenant, &p.id).to_string(),
            ]
        })
        .collect();
    table(
        &["PolicyId", "ProductName", "ProductId", "PolicyValue"],
        &rows,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_quoted_spaces() {
        assert_eq!(
            tokenize(r#"  a  'b c' "d"e  "#).unwrap(),
            vec!["a", "b c", "de"]
        );
        assert_eq!(tokenize("a ''").unwrap(), vec!["a", ""]);
        assert_eq!(tokenize("a 'b"), Err(ConsoleError::UnterminatedQuote));
    }

    #[test]
    fn tables_pad_like_format_table() {
        let t = table(
            &["Id", "Name"],
            &[
                vec!["1".into(), "Visio".into()],
                vec!["200".into(), "BI".into()],
            ],
        );
        assert_eq!(t, "Id  Name\n--  ----\n1   Visio\n200 BI");
    }

    #[test]
    fn typos_get_a_suggestion_and_nonsense_does_not() {
        assert_eq!(
            suggest("Get-MSCommerceProductPolicys"),
            Some("Get-MSCommerceProductPolicy")
        );
        assert_eq!(suggest("Connect-MsComerce"), Some("Connect-MSCommerce"));
        assert_eq!(suggest("Remove-Item"), None);
    }
}
