//! Planning `AllowSelfServicePurchase` away from the admin center: read what a real tenant
//! printed — `Get-MSCommerceProductPolicies -PolicyId AllowSelfServicePurchase` as the
//! default table (its `-Scope OfferType` listing as the default list), piped to
//! `ConvertTo-Json` or to `Export-Csv`, or a Microsoft365DSC configuration — into a plan
//! per tenant beside its current values, for every Microsoft product and third-party offer
//! type; edit it; and take it home as a PowerShell script or a Microsoft365DSC
//! configuration (which has no offer types: the export says so).
//!
//! Nothing here changes a tenant. A plan is data; the demo tenant changes only when the
//! exported script runs in the console, through the same command as the panel.

use super::catalog::{Catalog, ProductId};
use super::directory::TenantId;
use super::policy::{OfferType, Policies, PolicyTarget, PolicyValue, POLICY_ID};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// A paste or a file larger than this is refused whole: a tenant's listing is a few KB.
pub const MAX_IMPORT_BYTES: usize = 256 * 1024;

/// The columns the module prints, in its order.
pub const COLUMNS: [&str; 4] = ["PolicyId", "ProductName", "ProductId", "PolicyValue"];

/// The Microsoft365DSC resource for this policy.
pub const DSC_RESOURCE: &str = "CommerceSelfServicePurchase";

/// What the text turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `Format-Table`'s text (the module's default output).
    Table,
    /// `Format-List`'s text (the default output of the offer-type listing).
    List,
    /// `ConvertTo-Json`.
    Json,
    /// `Export-Csv`.
    Csv,
    /// A Microsoft365DSC configuration with `CommerceSelfServicePurchase` blocks.
    Dsc,
}

impl Format {
    /// The catalog key of the format's name.
    pub const fn message_key(self) -> &'static str {
        match self {
            Format::Table => "plan.format.table",
            Format::List => "plan.format.list",
            Format::Json => "plan.format.json",
            Format::Csv => "plan.format.csv",
            Format::Dsc => "plan.format.dsc",
        }
    }
}

/// Why nothing was imported. Each names its message; the fields fill its placeholders.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing was pasted or the file is empty.
    Empty,
    /// More text than a listing of the policy can be.
    TooLarge {
        /// Its size.
        bytes: usize,
        /// The most this planner reads.
        limit: usize,
    },
    /// No header, JSON or DSC block of this policy's listing: text from something else.
    NotAPolicyExport,
    /// The listing lacks a column the plan needs.
    MissingColumn {
        /// The column's name, as the module prints it.
        column: &'static str,
    },
    /// JSON that does not parse, or not objects with the module's properties.
    Json {
        /// What the JSON parser said.
        detail: String,
    },
    /// A row stops short of its columns, or a quote never closes: the text was cut off.
    CutOff {
        /// The line where the text stops.
        line: usize,
    },
    /// A header, and no row under it.
    NoRows,
}

impl ImportError {
    /// The catalog key of the message that says why.
    pub const fn message_key(&self) -> &'static str {
        match self {
            ImportError::Empty => "plan.error.empty",
            ImportError::TooLarge { .. } => "plan.error.too_large",
            ImportError::NotAPolicyExport => "plan.error.not_policies",
            ImportError::MissingColumn { .. } => "plan.error.missing_column",
            ImportError::Json { .. } => "plan.error.json",
            ImportError::CutOff { .. } => "plan.error.cut_off",
            ImportError::NoRows => "plan.error.no_rows",
        }
    }

    /// The placeholders of its message.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            ImportError::TooLarge { bytes, limit } => vec![
                ("size", format!("{} KB", bytes.div_ceil(1024))),
                ("limit", format!("{} KB", limit / 1024)),
            ],
            ImportError::MissingColumn { column } => vec![("column", (*column).to_owned())],
            ImportError::Json { detail } => vec![("detail", detail.clone())],
            ImportError::CutOff { line } => vec![("line", line.to_string())],
            ImportError::Empty | ImportError::NotAPolicyExport | ImportError::NoRows => vec![],
        }
    }
}

/// Why one row stays out of the plan; the rest of the rows still make it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unplaced {
    /// A row of another policy (the module lists one today; a later one may add more).
    OtherPolicy {
        /// The policy ID as given.
        given: String,
    },
    /// Not 12 letters and digits.
    MalformedProductId {
        /// The product ID as given.
        given: String,
    },
    /// `Format-Table` cut the cell short with `…` (a narrow window).
    Truncated {
        /// The cell as given, `…` and all.
        given: String,
    },
    /// A product ID this catalog does not sell through self-service.
    UnknownProduct {
        /// The product ID.
        product: String,
    },
    /// Not Enabled, Disabled or OnlyTrialsWithoutPaymentMethod.
    BadValue {
        /// The value as given.
        given: String,
    },
    /// The same product twice with different values (an old and a new ID, say).
    Conflict {
        /// The product ID.
        product: String,
        /// The line where it first appears.
        first_line: usize,
    },
    /// A DSC block that removes the instance: no value to plan.
    Absent {
        /// The product ID.
        product: String,
    },
    /// An offer type the policy does not have.
    UnknownOfferType {
        /// The offer type as given.
        given: String,
    },
    /// An offer type takes Enabled or Disabled only.
    OfferTypeValue {
        /// The value as given.
        given: String,
    },
}

impl Unplaced {
    /// The catalog key of the message that says why.
    pub const fn message_key(&self) -> &'static str {
        match self {
            Unplaced::OtherPolicy { .. } => "plan.unplaced.other_policy",
            Unplaced::MalformedProductId { .. } => "plan.unplaced.malformed_id",
            Unplaced::Truncated { .. } => "plan.unplaced.truncated",
            Unplaced::UnknownProduct { .. } => "plan.unplaced.unknown_product",
            Unplaced::BadValue { .. } => "plan.unplaced.bad_value",
            Unplaced::Conflict { .. } => "plan.unplaced.conflict",
            Unplaced::Absent { .. } => "plan.unplaced.absent",
            Unplaced::UnknownOfferType { .. } => "plan.unplaced.unknown_offer_type",
            Unplaced::OfferTypeValue { .. } => "plan.unplaced.offer_type_value",
        }
    }

    /// The message's placeholders and their values.
    pub fn args(&self) -> Vec<(&'static str, String)> {
        match self {
            Unplaced::OtherPolicy { given }
            | Unplaced::MalformedProductId { given }
            | Unplaced::Truncated { given }
            | Unplaced::BadValue { given }
            | Unplaced::UnknownOfferType { given }
            | Unplaced::OfferTypeValue { given } => vec![("given", given.clone())],
            Unplaced::UnknownProduct { product } | Unplaced::Absent { product } => {
                vec![("product", product.clone())]
            }
            Unplaced::Conflict {
                product,
                first_line,
            } => vec![("product", product.clone()), ("first", first_line.to_string())],
        }
    }
}

/// A row left out, where it was (line, or item for JSON) and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnplacedRow {
    /// Its line (or item, for JSON), from 1.
    pub line: usize,
    /// Why it is left out.
    pub why: Unplaced,
}

/// What an import read: the values it could place, by current product ID or offer type,
/// and the rest.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// The format it was read as.
    pub format: Format,
    /// The values placed.
    pub values: BTreeMap<PolicyTarget, PolicyValue>,
    /// The rows left out, each with why.
    pub unplaced: Vec<UnplacedRow>,
    /// Rows read, placed or not.
    pub rows: usize,
}

/// One row as the source wrote it, before any of it is trusted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct RawRow {
    line: usize,
    policy_id: Option<String>,
    /// The `ProductId`, or for an offer type's row its `ScopeId`.
    product_id: String,
    /// The row is an offer type's (`Scope` is `OfferType`, or it has a `ScopeId`).
    offer_type: bool,
    value: String,
    /// DSC's `Ensure`; `None` elsewhere.
    ensure: Option<String>,
}

/// Reads a listing or a DSC configuration. Fails whole on text that is not one (nothing is
/// half-imported); a readable listing with rows it cannot place lists them with why.
pub fn import(text: &str, catalog: &Catalog) -> Result<Import, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.len(),
            limit: MAX_IMPORT_BYTES,
        });
    }
    // A BOM (Windows PowerShell's Out-File) and any mix of line endings read the same.
    let text = text
        .trim_start_matches('\u{feff}')
        .replace("\r\n", "\n")
        .replace('\r', "\n");
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let (format, raw) = read_rows(&text)?;
    if raw.is_empty() {
        return Err(ImportError::NoRows);
    }
    Ok(place(format, raw, catalog))
}

fn read_rows(text: &str) -> Result<(Format, Vec<RawRow>), ImportError> {
    let trimmed = text.trim_start();
    if trimmed.starts_with('[') || trimmed.starts_with('{') {
        return read_json(trimmed).map(|rows| (Format::Json, rows));
    }
    if text.contains(DSC_RESOURCE) && text.contains('{') {
        return read_dsc(text).map(|rows| (Format::Dsc, rows));
    }
    let first = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let names_a_key = first.contains("ProductId") || first.contains("ScopeId");
    let csv_header = names_a_key && (first.contains(',') || first.contains(';'));
    if first.starts_with("#TYPE") || csv_header {
        return read_csv(text).map(|rows| (Format::Csv, rows));
    }
    if is_list_line(first) {
        return read_list(text).map(|rows| (Format::List, rows));
    }
    read_table(text).map(|rows| (Format::Table, rows))
}

/// `Name : value`, as `Format-List` writes a property.
fn is_list_line(line: &str) -> bool {
    line.split_once(" : ")
        .or_else(|| line.strip_suffix(" :").map(|n| (n, "")))
        .is_some_and(|(name, _)| {
            let name = name.trim();
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric())
        })
}

/// Trusts what can be trusted: the policy, the product (old IDs resolved), the value.
fn place(format: Format, raw: Vec<RawRow>, catalog: &Catalog) -> Import {
    let rows = raw.len();
    let mut values = BTreeMap::new();
    let mut first_line: BTreeMap<PolicyTarget, usize> = BTreeMap::new();
    let mut unplaced = Vec::new();
    for row in raw {
        let why = (|| {
            let cut = |cell: &str| cell.ends_with('…') || cell.ends_with("...");
            if let Some(given) = [&row.product_id, &row.value].into_iter().find(|c| cut(c)) {
                return Err(Unplaced::Truncated {
                    given: given.clone(),
                });
            }
            if let Some(policy) = &row.policy_id {
                // A narrow console cuts this column too; the start of the name still says.
                let shown = policy.trim().trim_end_matches('…').trim_end_matches("...");
                let ours = POLICY_ID.to_ascii_lowercase();
                let matches = if shown.len() < policy.trim().len() {
                    !shown.is_empty() && ours.starts_with(&shown.to_ascii_lowercase())
                } else {
                    shown.eq_ignore_ascii_case(POLICY_ID)
                };
                if !matches {
                    return Err(Unplaced::OtherPolicy {
                        given: policy.clone(),
                    });
                }
            }
            let value = PolicyValue::try_from(row.value.as_str()).map_err(|_| Unplaced::BadValue {
                given: row.value.clone(),
            });
            let product = if row.offer_type {
                let offer_type = OfferType::try_from(row.product_id.as_str()).map_err(|_| {
                    Unplaced::UnknownOfferType {
                        given: row.product_id.trim().to_owned(),
                    }
                })?;
                let target = PolicyTarget::OfferType(offer_type);
                if value.as_ref().is_ok_and(|v| !target.takes(*v)) {
                    return Err(Unplaced::OfferTypeValue {
                        given: row.value.clone(),
                    });
                }
                target
            } else {
                let product = ProductId::try_from(row.product_id.as_str()).map_err(|_| {
                    Unplaced::MalformedProductId {
                        given: row.product_id.clone(),
                    }
                })?;
                if !catalog.product(&product).is_some_and(|p| p.is_microsoft()) {
                    return Err(Unplaced::UnknownProduct {
                        product: row.product_id.trim().to_owned(),
                    });
                }
                PolicyTarget::Product(product)
            };
            if row
                .ensure
                .as_deref()
                .is_some_and(|e| e.eq_ignore_ascii_case("Absent"))
            {
                return Err(Unplaced::Absent {
                    product: product.to_string(),
                });
            }
            let value = value?;
            match (values.get(&product), first_line.get(&product)) {
                (Some(earlier), Some(&first)) if *earlier != value => Err(Unplaced::Conflict {
                    product: product.to_string(),
                    first_line: first,
                }),
                _ => Ok((product, value)),
            }
        })();
        match why {
            Ok((product, value)) => {
                first_line.entry(product.clone()).or_insert(row.line);
                values.insert(product, value);
            }
            Err(why) => unplaced.push(UnplacedRow {
                line: row.line,
                why,
            }),
        }
    }
    Import {
        format,
        values,
        unplaced,
        rows,
    }
}

// ---------------------------------------------------------------------------------------
// The four shapes.

/// `ConvertTo-Json`: an array of objects, or one object for a single row.
fn read_json(text: &str) -> Result<Vec<RawRow>, ImportError> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum OneOrMany {
        Many(Vec<JsonRow>),
        One(JsonRow),
    }
    #[derive(Deserialize)]
    struct JsonRow {
        #[serde(rename = "PolicyId")]
        policy_id: Option<String>,
        #[serde(rename = "ProductId")]
        product_id: Option<String>,
        #[serde(rename = "ScopeId")]
        scope_id: Option<String>,
        #[serde(rename = "PolicyValue")]
        value: Option<JsonScalar>,
    }
    /// A value as JSON wrote it: a number here is an enum without `-EnumsAsStrings`.
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum JsonScalar {
        Text(String),
        Number(i64),
        Flag(bool),
    }
    let parsed: OneOrMany = serde_json::from_str(text).map_err(|e| ImportError::Json {
        detail: e.to_string(),
    })?;
    let rows = match parsed {
        OneOrMany::Many(rows) => rows,
        OneOrMany::One(row) => vec![row],
    };
    rows.into_iter()
        .enumerate()
        .map(|(i, row)| {
            let offer_type = row.product_id.is_none() && row.scope_id.is_some();
            let product_id = row
                .product_id
                .or(row.scope_id)
                .ok_or(ImportError::MissingColumn {
                    column: "ProductId",
                })?;
            let value = match row.value.ok_or(ImportError::MissingColumn {
                column: "PolicyValue",
            })? {
                JsonScalar::Text(t) => t,
                JsonScalar::Number(n) => n.to_string(),
                JsonScalar::Flag(b) => b.to_string(),
            };
            Ok(RawRow {
                line: i + 1,
                policy_id: row.policy_id,
                product_id,
                offer_type,
                value,
                ensure: None,
            })
        })
        .collect()
}

/// `Export-Csv`: an optional `#TYPE` line, a header naming the columns, quoted fields.
/// `-UseCulture` may have written `;` instead of `,`.
fn read_csv(text: &str) -> Result<Vec<RawRow>, ImportError> {
    let records = csv_records(text)?;
    let mut records = records
        .into_iter()
        .filter(|(_, fields)| !(fields.len() == 1 && fields[0].trim().is_empty()))
        .filter(|(_, fields)| !fields[0].starts_with("#TYPE"));
    let Some((_, header)) = records.next() else {
        return Err(ImportError::NoRows);
    };
    let column = |name: &'static str| {
        header
            .iter()
            .position(|h| h.trim().eq_ignore_ascii_case(name))
    };
    let (product_at, offer_type) = key_column(column("ProductId"), column("ScopeId"))?;
    let value_at = column("PolicyValue").ok_or(ImportError::MissingColumn {
        column: "PolicyValue",
    })?;
    let policy_at = column("PolicyId");
    records
        .map(|(line, fields)| {
            if fields.len() < header.len() {
                return Err(ImportError::CutOff { line });
            }
            Ok(RawRow {
                line,
                policy_id: policy_at.map(|i| fields[i].clone()),
                product_id: fields[product_at].clone(),
                offer_type,
                value: fields[value_at].clone(),
                ensure: None,
            })
        })
        .collect()
}

/// The column that names what a row is for: `ProductId`, or an offer type's `ScopeId`.
fn key_column(product: Option<usize>, scope: Option<usize>) -> Result<(usize, bool), ImportError> {
    match (product, scope) {
        (Some(at), _) => Ok((at, false)),
        (None, Some(at)) => Ok((at, true)),
        (None, None) => Err(ImportError::MissingColumn {
            column: "ProductId",
        }),
    }
}

/// Records with their first line: RFC 4180 quoting (`""` inside quotes), `,` or `;` as
/// the header decides. A quote still open at the end means the text was cut off.
fn csv_records(text: &str) -> Result<Vec<(usize, Vec<String>)>, ImportError> {
    let header = text
        .lines()
        .find(|l| l.contains("ProductId") || l.contains("ScopeId"))
        .unwrap_or("");
    let delimiter = if header.matches(';').count() > header.matches(',').count() {
        ';'
    } else {
        ','
    };
    let mut records = Vec::new();
    let mut fields = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut line = 1;
    let mut start = 1;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, '\n') => {
                line += 1;
                field.push('\n');
            }
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, '\n') => {
                fields.push(std::mem::take(&mut field));
                records.push((start, std::mem::take(&mut fields)));
                line += 1;
                start = line;
            }
            (false, c) if c == delimiter => fields.push(std::mem::take(&mut field)),
            (false, c) => field.push(c),
        }
    }
    if quoted {
        return Err(ImportError::CutOff { line: start });
    }
    if !field.is_empty() || !fields.is_empty() {
        fields.push(field);
        records.push((start, fields));
    }
    Ok(records)
}

/// `Format-Table`: a header, a line of dashes under each column, rows padded to them.
/// Columns are found by screen cells (a CJK character takes two, as the console draws
/// it), a row whose first column is blank continues the one above (`-Wrap`), and the
/// listing ends at the first blank line after its rows.
fn read_table(text: &str) -> Result<Vec<RawRow>, ImportError> {
    let lines: Vec<&str> = text.lines().collect();
    let Some(head) = lines.iter().position(|l| {
        let words: Vec<&str> = l.split_whitespace().collect();
        words.contains(&"ProductId") || words.contains(&"PolicyValue") || words.contains(&"ScopeId")
    }) else {
        return Err(ImportError::NotAPolicyExport);
    };
    let header = lines[head];
    let Some(dashes) = lines
        .get(head + 1)
        .filter(|l| !l.trim().is_empty() && l.chars().all(|c| c == '-' || c == ' '))
    else {
        // A header with no dashed line under it: the paste stopped there.
        return Err(ImportError::CutOff { line: head + 2 });
    };
    // Where each column starts, in screen cells, from the runs of dashes.
    let mut starts = Vec::new();
    let mut previous = ' ';
    for (cell, c) in dashes.chars().enumerate() {
        if c == '-' && previous == ' ' {
            starts.push(cell);
        }
        previous = c;
    }
    let names: Vec<String> = cells(header, &starts);
    let column = |name: &'static str| names.iter().position(|n| n == name);
    let (product_at, offer_type) = key_column(column("ProductId"), column("ScopeId"))?;
    let value_at = column("PolicyValue").ok_or(ImportError::MissingColumn {
        column: "PolicyValue",
    })?;
    let policy_at = column("PolicyId");
    let name_at = column("ProductName");

    let mut rows: Vec<(usize, Vec<String>)> = Vec::new();
    for (i, line) in lines.iter().enumerate().skip(head + 2) {
        if line.trim().is_empty() {
            if rows.is_empty() {
                continue;
            }
            break;
        }
        let found = cells(line, &starts);
        let continues = found.first().is_some_and(String::is_empty) && !rows.is_empty();
        if continues {
            let (_, row) = rows.last_mut().expect("a row to continue");
            for (at, part) in found.iter().enumerate().filter(|(_, p)| !p.is_empty()) {
                // Names wrap between words; IDs and values only where the column ends.
                let joint = if Some(at) == name_at { " " } else { "" };
                row[at] = format!("{}{joint}{part}", row[at]);
            }
            continue;
        }
        if found.len() <= product_at.max(value_at) || found[value_at].is_empty() {
            return Err(ImportError::CutOff { line: i + 1 });
        }
        rows.push((i + 1, found));
    }
    // A last row whose value stops inside a known one was cut off mid-word, not mistyped.
    if let Some((line, row)) = rows.last() {
        let value = row[value_at].to_ascii_lowercase();
        let stops_inside = PolicyValue::ALL.iter().any(|v| {
            let full = v.as_str().to_ascii_lowercase();
            full.len() > value.len() && full.starts_with(&value)
        });
        if stops_inside {
            return Err(ImportError::CutOff { line: *line });
        }
    }
    Ok(rows
        .into_iter()
        .map(|(line, row)| RawRow {
            line,
            policy_id: policy_at.map(|i| row[i].clone()),
            product_id: row[product_at].clone(),
            offer_type,
            value: row[value_at].clone(),
            ensure: None,
        })
        .collect())
}

/// `Format-List`: an object per block of `Name : value` lines, blocks apart by a blank
/// line. A block that names neither a product nor an offer type was cut off.
fn read_list(text: &str) -> Result<Vec<RawRow>, ImportError> {
    let mut rows = Vec::new();
    let mut block: BTreeMap<String, String> = BTreeMap::new();
    let mut start = 0;
    let mut finish = |block: &mut BTreeMap<String, String>, start: usize| {
        if block.is_empty() {
            return Ok(());
        }
        let offer_type = !block.contains_key("productid");
        let key = block
            .remove("productid")
            .or_else(|| block.remove("scopeid"))
            .ok_or(ImportError::CutOff { line: start })?;
        let value = block
            .remove("policyvalue")
            .ok_or(ImportError::CutOff { line: start })?;
        rows.push(RawRow {
            line: start,
            policy_id: block.remove("policyid"),
            product_id: key,
            offer_type,
            value,
            ensure: None,
        });
        block.clear();
        Ok(())
    };
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            finish(&mut block, start)?;
            continue;
        }
        if !is_list_line(line.trim()) {
            return Err(ImportError::NotAPolicyExport);
        }
        let (name, value) = line.split_once(':').unwrap_or((line, ""));
        if block.is_empty() {
            start = i + 1;
        }
        block.insert(name.trim().to_ascii_lowercase(), value.trim().to_owned());
    }
    finish(&mut block, start)?;
    Ok(rows)
}

/// A line cut at column starts (screen cells), each cell trimmed; the last runs to the end.
fn cells(line: &str, starts: &[usize]) -> Vec<String> {
    let mut out = vec![String::new(); starts.len()];
    let mut cell = 0;
    for c in line.chars() {
        let column = starts.iter().rposition(|s| *s <= cell).unwrap_or(0);
        out[column].push(c);
        cell += cell_width(c);
    }
    // Beyond the last cell seen, no column: a short row has fewer cells.
    let seen = starts.iter().filter(|s| **s < cell).count();
    out.truncate(seen);
    out.into_iter().map(|s| s.trim().to_owned()).collect()
}

/// Screen cells a character takes in a console: two for wide East Asian characters.
fn cell_width(c: char) -> usize {
    let wide = matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
    if wide {
        2
    } else {
        1
    }
}

/// Microsoft365DSC: `CommerceSelfServicePurchase "name" { Key = "value"; … }` blocks.
fn read_dsc(text: &str) -> Result<Vec<RawRow>, ImportError> {
    let lines: Vec<&str> = text.lines().collect();
    let mut rows = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim_start();
        // One organization's configuration: a second `Configuration` is another's.
        if line.starts_with("Configuration ") && !rows.is_empty() {
            break;
        }
        if !line.starts_with(DSC_RESOURCE)
            || line[DSC_RESOURCE.len()..].starts_with(char::is_alphanumeric)
        {
            i += 1;
            continue;
        }
        let at = i + 1;
        // Its properties, up to the brace that closes the block.
        let mut props: BTreeMap<String, String> = BTreeMap::new();
        let mut closed = false;
        let mut depth = usize::from(line.contains('{'));
        i += 1;
        while i < lines.len() {
            let l = lines[i].trim();
            i += 1;
            if l.starts_with('{') {
                depth += 1;
                continue;
            }
            if l.starts_with('}') {
                closed = true;
                break;
            }
            if let Some((key, value)) = l.split_once('=') {
                let value = value.trim().trim_end_matches(';').trim();
                let value = value
                    .strip_prefix('"')
                    .and_then(|v| v.strip_suffix('"'))
                    .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                    .unwrap_or(value);
                props.insert(key.trim().to_ascii_lowercase(), value.to_owned());
            }
        }
        if !closed || depth == 0 {
            return Err(ImportError::CutOff { line: at });
        }
        let product_id = props
            .remove("productid")
            .ok_or(ImportError::MissingColumn {
                column: "ProductId",
            })?;
        rows.push(RawRow {
            line: at,
            policy_id: None,
            product_id,
            offer_type: false,
            value: props.remove("policyvalue").unwrap_or_default(),
            ensure: props.remove("ensure"),
        });
    }
    if rows.is_empty() {
        return Err(ImportError::NotAPolicyExport);
    }
    Ok(rows)
}

// ---------------------------------------------------------------------------------------
// The plan.

/// Whose policies a plan is for: an organization of this demo (with a directory, so the
/// panel's impact counts apply) or one the demo does not know (a real tenant, by name).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum PlanTenant {
    /// An organization of this demo.
    Demo(TenantId),
    /// An organization the demo does not know, by the name given.
    Other(String),
}

/// One organization's plan: what it has now and what is planned, for every Microsoft
/// product and every third-party offer type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TenantPlan {
    /// Whose it is.
    pub tenant: PlanTenant,
    /// Its name, for the script's comments and the diff.
    pub name: String,
    /// The values now.
    pub current: BTreeMap<PolicyTarget, PolicyValue>,
    /// The values planned.
    pub planned: BTreeMap<PolicyTarget, PolicyValue>,
}

impl TenantPlan {
    /// A demo organization: its current values from the store, the import as the plan
    /// (products the import does not list keep their value).
    pub fn demo(
        tenant: TenantId,
        name: String,
        policies: &Policies,
        catalog: &Catalog,
        imported: &BTreeMap<PolicyTarget, PolicyValue>,
    ) -> TenantPlan {
        let current = per_target(catalog, |t| policies.value(&tenant, t));
        let mut planned = current.clone();
        planned.extend(imported.iter().map(|(p, v)| (p.clone(), *v)));
        TenantPlan {
            tenant: PlanTenant::Demo(tenant),
            name,
            current,
            planned,
        }
    }

    /// An organization the demo does not know: the import is what it has now (the listing
    /// of a real tenant), and the plan starts from it.
    pub fn other(
        name: String,
        catalog: &Catalog,
        imported: &BTreeMap<PolicyTarget, PolicyValue>,
    ) -> TenantPlan {
        let current = per_target(catalog, |t| imported.get(t).copied().unwrap_or_default());
        TenantPlan {
            tenant: PlanTenant::Other(name.clone()),
            name,
            planned: current.clone(),
            current,
        }
    }

    /// The products and offer types whose planned value differs from the current one:
    /// products by ID first, then offer types.
    pub fn changes(&self) -> Vec<Change> {
        self.planned
            .iter()
            .filter_map(|(target, to)| {
                let from = self.current.get(target).copied().unwrap_or_default();
                (from != *to).then(|| Change {
                    target: target.clone(),
                    from,
                    to: *to,
                })
            })
            .collect()
    }
}

/// Everything a plan covers: every Microsoft product, then the offer types.
pub fn policy_targets(catalog: &Catalog) -> impl Iterator<Item = PolicyTarget> + '_ {
    catalog
        .microsoft()
        .map(|p| PolicyTarget::Product(p.id.clone()))
        .chain(OfferType::ALL.into_iter().map(PolicyTarget::OfferType))
}

/// A value for every target.
fn per_target(
    catalog: &Catalog,
    value: impl Fn(&PolicyTarget) -> PolicyValue,
) -> BTreeMap<PolicyTarget, PolicyValue> {
    policy_targets(catalog)
        .map(|t| {
            let v = value(&t);
            (t, v)
        })
        .collect()
}

/// One product or offer type whose value the plan changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// The product or offer type.
    pub target: PolicyTarget,
    /// Its value now.
    pub from: PolicyValue,
    /// Its value as planned.
    pub to: PolicyValue,
}

/// Plans for one or several organizations, and where they came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PolicyPlan {
    /// Said in the exports' header: "a pasted table (12 rows)", "a file", ….
    pub source: String,
    /// The plan of each organization.
    pub tenants: Vec<TenantPlan>,
}

impl PolicyPlan {
    /// Plans a value; an offer type keeps its plan when given a value it does not take.
    pub fn set(&mut self, tenant: &PlanTenant, target: &PolicyTarget, value: PolicyValue) {
        if !target.takes(value) {
            return;
        }
        if let Some(plan) = self.tenants.iter_mut().find(|t| &t.tenant == tenant) {
            plan.planned.insert(target.clone(), value);
        }
    }

    /// Copies one organization's planned values to others (a partner's customers).
    pub fn copy(&mut self, from: &PlanTenant, to: &[PlanTenant]) {
        let Some(planned) = self
            .tenants
            .iter()
            .find(|t| &t.tenant == from)
            .map(|t| t.planned.clone())
        else {
            return;
        };
        for plan in self.tenants.iter_mut().filter(|t| to.contains(&t.tenant)) {
            plan.planned
                .extend(planned.iter().map(|(p, v)| (p.clone(), *v)));
        }
    }

    /// How many values the plan changes, over every organization.
    pub fn change_count(&self) -> usize {
        self.tenants.iter().map(|t| t.changes().len()).sum()
    }
}

// ---------------------------------------------------------------------------------------
// The exports.

/// How the PowerShell script is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScriptOptions {
    /// Every update with `-WhatIf`: the module says what it would do, and does nothing.
    pub what_if: bool,
    /// The day written in the script's header.
    pub date: NaiveDate,
}

/// A product's or an offer type's name.
pub fn target_name(catalog: &Catalog, target: &PolicyTarget) -> String {
    match target {
        PolicyTarget::Product(id) => catalog
            .product(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone()),
        PolicyTarget::OfferType(t) => t.name().to_owned(),
    }
}

/// The module's parameter for a target: `-ProductId ID` or `-OfferType ID`.
fn target_parameter(target: &PolicyTarget) -> String {
    match target {
        PolicyTarget::Product(id) => format!("-ProductId {id}"),
        PolicyTarget::OfferType(t) => format!("-OfferType {t}"),
    }
}

/// A comment safe on one line: no line break can end it early and start a command.
fn comment(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// A PowerShell string in single quotes (`''` for a quote inside).
fn quoted(text: &str) -> String {
    format!("'{}'", comment(text).replace('\'', "''"))
}

/// The script: a header saying when, from what, and what it changes; then per
/// organization a comment naming it, `Connect-MSCommerce`, and one update per change.
pub fn powershell(plan: &PolicyPlan, catalog: &Catalog, options: ScriptOptions) -> String {
    let mut out = String::new();
    let changes = plan.change_count();
    let orgs = plan
        .tenants
        .iter()
        .filter(|t| !t.changes().is_empty())
        .count();
    let _ = writeln!(out, "# Self-service purchase policies ({POLICY_ID}): the plan made in the Microsoft 365 admin center demo.");
    let _ = writeln!(
        out,
        "# Exported {}, from {}.",
        options.date.format("%Y-%m-%d"),
        comment(&plan.source)
    );
    let _ = writeln!(
        out,
        "# Changes: {changes} in {orgs} organization(s).{}",
        if options.what_if {
            " Every update runs with -WhatIf: nothing changes."
        } else {
            ""
        }
    );
    let _ = writeln!(out, "# Needs the MSCommerce module (Install-Module -Name MSCommerce) and a Global or Billing admin of each organization.");
    let _ = writeln!(out, "# No single command turns self-service off for every product: each product and offer type is set on its own, and products added later arrive set to Enabled.");
    let _ = writeln!(out, "Import-Module -Name MSCommerce");
    for tenant in &plan.tenants {
        let changes = tenant.changes();
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out);
        let _ = writeln!(
            out,
            "# Organization: {} — {} change(s). Sign in as its admin when asked.",
            comment(&tenant.name),
            changes.len()
        );
        let _ = writeln!(out, "Connect-MSCommerce");
        for change in changes {
            let _ = writeln!(
                out,
                "# {}: {} -> {}",
                comment(&target_name(catalog, &change.target)),
                change.from,
                change.to
            );
            let _ = writeln!(
                out,
                "Update-MSCommerceProductPolicy -PolicyId {POLICY_ID} {} -Value {}{}",
                target_parameter(&change.target),
                change.to,
                if options.what_if { " -WhatIf" } else { "" }
            );
        }
    }
    out
}

/// A Microsoft365DSC configuration: per organization a `Configuration` with one
/// `CommerceSelfServicePurchase` block per product (`Ensure = "Present"`, the planned
/// value) — the whole desired state, not only the changes.
pub fn dsc(plan: &PolicyPlan, catalog: &Catalog, date: NaiveDate) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# Self-service purchase policies as Microsoft365DSC configuration: the plan made in the Microsoft 365 admin center demo.");
    let _ = writeln!(
        out,
        "# Exported {}, from {}.",
        date.format("%Y-%m-%d"),
        comment(&plan.source)
    );
    let _ = writeln!(out, "# Compile with: . .\\SelfServicePurchase.ps1; then call a configuration with -ApplicationId, -TenantId, -CertificateThumbprint.");
    let _ = writeln!(out, "# No single setting turns self-service off for every product: each product has its block, and products added later arrive set to Enabled.");
    for (i, tenant) in plan.tenants.iter().enumerate() {
        let _ = writeln!(out);
        let _ = writeln!(out, "# Organization: {}", comment(&tenant.name));
        let _ = writeln!(out, "Configuration SelfServicePurchase{}", i + 1);
        let _ = writeln!(out, "{{");
        let _ = writeln!(out, "    param(");
        for (j, param) in ["ApplicationId", "TenantId", "CertificateThumbprint"]
            .iter()
            .enumerate()
        {
            let _ = writeln!(out, "        [Parameter()]");
            let _ = writeln!(out, "        [System.String]");
            let _ = writeln!(out, "        ${param}{}", if j < 2 { "," } else { "" });
        }
        let _ = writeln!(out, "    )");
        let _ = writeln!(out, "    Import-DscResource -ModuleName Microsoft365DSC");
        let _ = writeln!(out, "    Node localhost");
        let _ = writeln!(out, "    {{");
        let offer_types: Vec<String> = tenant
            .planned
            .iter()
            .filter_map(|(t, v)| match t {
                PolicyTarget::OfferType(o) => Some(format!("{o} {v}")),
                PolicyTarget::Product(_) => None,
            })
            .collect();
        let _ = writeln!(
            out,
            "# Microsoft365DSC's {DSC_RESOURCE} resource has no offer types: set them with the PowerShell script ({}).",
            offer_types.join(", ")
        );
        for (target, value) in &tenant.planned {
            let PolicyTarget::Product(product) = target else {
                continue;
            };
            let name = target_name(catalog, target);
            let _ = writeln!(out, "        {DSC_RESOURCE} \"{DSC_RESOURCE}-{product}\"");
            let _ = writeln!(out, "        {{");
            let _ = writeln!(out, "            ProductId             = \"{product}\";");
            let _ = writeln!(
                out,
                "            ProductName           = {};",
                quoted(&name)
            );
            let _ = writeln!(out, "            PolicyValue           = \"{value}\";");
            let _ = writeln!(out, "            Ensure                = \"Present\";");
            let _ = writeln!(out, "            ApplicationId         = $ApplicationId;");
            let _ = writeln!(out, "            TenantId              = $TenantId;");
            let _ = writeln!(
                out,
                "            CertificateThumbprint = $CertificateThumbprint;"
            );
            let _ = writeln!(out, "        }}");
        }
        let _ = writeln!(out, "    }}");
        let _ = writeln!(out, "}}");
    }
    out
}
