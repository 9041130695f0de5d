//! The commands the console knows, as data — names, aliases, parameters with their
//! parameter sets, positions, types and validation, taken from `MSCommerce.psm1` and
//! PowerShell's own cmdlets — and PowerShell's parameter binding over them: named first
//! (a unique prefix is enough), then positional, then the parameter set, then the
//! mandatory ones, then each value converted and validated.

use super::record::Engine;
use super::value::Value;

/// Which command a spec runs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmd {
    ImportModule,
    Connect,
    GetPolicies,
    GetPolicy,
    GetProductPolicies,
    GetProductPolicy,
    UpdateProductPolicy,
    WhereObject,
    ForEachObject,
    SelectObject,
    SortObject,
    FormatTable,
    FormatList,
    WriteOutput,
    WriteHost,
    Help,
    Clear,
}

/// What a parameter takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    Switch,
    /// `[string]`: one value, converted to text.
    Text,
    /// `[string[]]`
    Texts,
    Int,
    Block,
    Object,
}

impl Ty {
    /// The type PowerShell names in "Specify a parameter of type '…'".
    pub const fn net_name(self) -> &'static str {
        match self {
            Ty::Switch => "System.Management.Automation.SwitchParameter",
            Ty::Text => "System.String",
            Ty::Texts => "System.String[]",
            Ty::Int => "System.Int32",
            Ty::Block => "System.Management.Automation.ScriptBlock",
            Ty::Object => "System.Object",
        }
    }
}

/// A parameter's validation attribute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Check {
    None,
    NotNullOrEmpty,
    Set(&'static [&'static str]),
}

/// Every parameter set of a command.
pub const ALL: u8 = u8::MAX;

#[derive(Debug, Clone, Copy)]
pub struct Param {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub ty: Ty,
    /// A bit per parameter set the parameter is in.
    pub sets: u8,
    /// A bit per parameter set that requires it.
    pub mandatory: u8,
    pub position: Option<u8>,
    pub check: Check,
    /// Takes the items that come down the pipeline.
    pub pipeline: bool,
    /// Takes every positional argument left over (`Write-Host a b c`).
    pub remaining: bool,
}

const fn p(name: &'static str, ty: Ty) -> Param {
    Param {
        name,
        aliases: &[],
        ty,
        sets: ALL,
        mandatory: 0,
        position: None,
        check: Check::None,
        pipeline: false,
        remaining: false,
    }
}

impl Param {
    const fn at(mut self, position: u8) -> Param {
        self.position = Some(position);
        self
    }
    const fn sets(mut self, sets: u8) -> Param {
        self.sets = sets;
        self
    }
    const fn required(mut self, sets: u8) -> Param {
        self.mandatory = sets;
        self
    }
    const fn check(mut self, check: Check) -> Param {
        self.check = check;
        self
    }
    const fn alias(mut self, aliases: &'static [&'static str]) -> Param {
        self.aliases = aliases;
        self
    }
    const fn piped(mut self) -> Param {
        self.pipeline = true;
        self
    }
    const fn rest(mut self) -> Param {
        self.remaining = true;
        self
    }
}

#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub cmd: Cmd,
    /// Its parameter sets' names; the first is the default.
    pub sets: &'static [&'static str],
    pub params: &'static [Param],
    /// `[CmdletBinding()]` or a compiled cmdlet: the common parameters come too.
    pub common: bool,
    /// `SupportsShouldProcess`: `-WhatIf` and `-Confirm` too.
    pub should_process: bool,
    /// One of the module's functions (an advanced function: its `[string]` parameters
    /// are positional in the order declared).
    pub module: bool,
}

/// The common parameters of every advanced function and cmdlet, with their aliases.
const COMMON: [Param; 11] = [
    p("Verbose", Ty::Switch).alias(&["vb"]),
    p("Debug", Ty::Switch).alias(&["db"]),
    p("ErrorAction", Ty::Text)
        .alias(&["ea"])
        .check(Check::Set(&[
            "SilentlyContinue",
            "Stop",
            "Continue",
            "Inquire",
            "Ignore",
            "Suspend",
        ])),
    p("WarningAction", Ty::Text).alias(&["wa"]),
    p("InformationAction", Ty::Text).alias(&["infa"]),
    p("ErrorVariable", Ty::Text).alias(&["ev"]),
    p("WarningVariable", Ty::Text).alias(&["wv"]),
    p("InformationVariable", Ty::Text).alias(&["iv"]),
    p("OutVariable", Ty::Text).alias(&["ov"]),
    p("OutBuffer", Ty::Int).alias(&["ob"]),
    p("PipelineVariable", Ty::Text).alias(&["pv"]),
];

const SHOULD_PROCESS: [Param; 2] =
    [p("WhatIf", Ty::Switch).alias(&["wi"]), p("Confirm", Ty::Switch).alias(&["cf"])];

const VALUES: &[&str] = &["Enabled", "Disabled", "OnlyTrialsWithoutPaymentMethod"];

// The module's functions, as `MSCommerce.psm1` declares them (PowerShell Gallery).
const POLICY_ID: Param = p("PolicyId", Ty::Text)
    .required(ALL)
    .check(Check::NotNullOrEmpty);
const TOKEN: Param = p("Token", Ty::Text);

// Update-MSCommerceProductPolicy's sets: ProductEnum (default), ProductToggle,
// OfferTypeEnum, OfferTypeToggle.
const PRODUCT_ENUM: u8 = 1;
const PRODUCT_TOGGLE: u8 = 2;
const OFFER_ENUM: u8 = 4;
const OFFER_TOGGLE: u8 = 8;

// Where-Object: a script block, or the simplified `Property -op Value`.
const SCRIPT_SET: u8 = 1;
const SIMPLE_SET: u8 = 2;

/// Where-Object's operator switches, as its simplified form takes them.
pub const WHERE_OPERATORS: [&str; 10] =
    ["EQ", "NE", "Like", "NotLike", "Match", "NotMatch", "GT", "GE", "LT", "LE"];

const fn op(name: &'static str) -> Param {
    p(name, Ty::Switch).sets(SIMPLE_SET)
}

pub const SPECS: [Spec; 17] = [
    Spec {
        name: "Import-Module",
        aliases: &["ipmo"],
        cmd: Cmd::ImportModule,
        sets: &["Name"],
        params: &[p("Name", Ty::Texts).at(0).required(ALL), p("Force", Ty::Switch)],
        common: true,
        should_process: false,
        module: false,
    },
    Spec {
        name: "Connect-MSCommerce",
        aliases: &[],
        cmd: Cmd::Connect,
        sets: &["__AllParameterSets"],
        params: &[
            p("ClientId", Ty::Text).at(0),
            p("RedirectUri", Ty::Text).at(1),
            p("Resource", Ty::Text).at(2),
        ],
        common: true,
        should_process: false,
        module: true,
    },
    Spec {
        name: "Get-MSCommercePolicies",
        aliases: &[],
        cmd: Cmd::GetPolicies,
        sets: &["__AllParameterSets"],
        params: &[TOKEN.at(0)],
        common: true,
        should_process: false,
        module: true,
    },
    Spec {
        name: "Get-MSCommercePolicy",
        aliases: &[],
        cmd: Cmd::GetPolicy,
        sets: &["__AllParameterSets"],
        params: &[POLICY_ID.at(0), TOKEN.at(1)],
        common: true,
        should_process: false,
        module: true,
    },
    Spec {
        name: "Get-MSCommerceProductPolicies",
        aliases: &[],
        cmd: Cmd::GetProductPolicies,
        sets: &["__AllParameterSets"],
        params: &[POLICY_ID.at(0), p("Scope", Ty::Text).at(1), TOKEN.at(2)],
        common: true,
        should_process: false,
        module: true,
    },
    Spec {
        name: "Get-MSCommerceProductPolicy",
        aliases: &[],
        cmd: Cmd::GetProductPolicy,
        sets: &["Product", "OfferType"],
        params: &[
            POLICY_ID.at(0),
            p("ProductId", Ty::Text)
                .at(1)
                .sets(1)
                .required(1)
                .check(Check::NotNullOrEmpty),
            p("OfferType", Ty::Text)
                .at(2)
                .sets(2)
                .required(2)
                .check(Check::NotNullOrEmpty),
            TOKEN.at(3),
        ],
        common: true,
        should_process: false,
        module: true,
    },
    Spec {
        name: "Update-MSCommerceProductPolicy",
        aliases: &[],
        cmd: Cmd::UpdateProductPolicy,
        sets: &["ProductEnum", "ProductToggle", "OfferTypeEnum", "OfferTypeToggle"],
        params: &[
            POLICY_ID.at(0),
            p("ProductId", Ty::Text)
                .at(1)
                .sets(PRODUCT_ENUM | PRODUCT_TOGGLE)
                .required(PRODUCT_ENUM | PRODUCT_TOGGLE)
                .check(Check::NotNullOrEmpty),
            p("OfferType", Ty::Text)
                .at(2)
                .sets(OFFER_ENUM | OFFER_TOGGLE)
                .required(OFFER_ENUM | OFFER_TOGGLE),
            p("Enabled", Ty::Text)
                .at(3)
                .sets(PRODUCT_TOGGLE | OFFER_TOGGLE)
                .required(PRODUCT_TOGGLE | OFFER_TOGGLE)
                .check(Check::NotNullOrEmpty),
            p("Value", Ty::Text)
                .at(4)
                .sets(PRODUCT_ENUM | OFFER_ENUM)
                .required(PRODUCT_ENUM | OFFER_ENUM)
                .check(Check::Set(VALUES)),
            TOKEN.at(5),
        ],
        common: true,
        should_process: true,
        module: true,
    },
    Spec {
        name: "Where-Object",
        aliases: &["where", "?"],
        cmd: Cmd::WhereObject,
        sets: &["ScriptBlockSet", "Simple"],
        params: &[
            p("FilterScript", Ty::Block)
                .at(0)
                .sets(SCRIPT_SET)
                .required(SCRIPT_SET),
            p("Property", Ty::Text)
                .at(0)
                .sets(SIMPLE_SET)
                .required(SIMPLE_SET),
            p("Value", Ty::Object).at(1).sets(SIMPLE_SET),
            p("InputObject", Ty::Object).piped(),
            op("EQ").alias(&["IEQ"]),
            op("NE").alias(&["INE"]),
            op("Like").alias(&["ILike"]),
            op("NotLike").alias(&["INotLike"]),
            op("Match").alias(&["IMatch"]),
            op("NotMatch").alias(&["INotMatch"]),
            op("GT").alias(&["IGT"]),
            op("GE").alias(&["IGE"]),
            op("LT").alias(&["ILT"]),
            op("LE").alias(&["ILE"]),
        ],
        common: true,
        should_process: false,
        module: false,
    },
    Spec {
        name: "ForEach-Object",
        aliases: &["foreach", "%"],
        cmd: Cmd::ForEachObject,
        sets: &["ScriptBlockSet", "PropertyAndMethodSet"],
        params: &[
            p("Process", Ty::Block).at(0).sets(1).required(1),
            p("MemberName", Ty::Text).at(0).sets(2).required(2),
            p("InputObject", Ty::Object).piped(),
        ],
        common: true,
        should_process: false,
        module: false,
    },
    Spec {
        name: "Select-Object",
        aliases: &["select"],
        cmd: Cmd::SelectObject,
        sets: &["DefaultParameter"],
        params: &[
            p("Property", Ty::Texts).at(0),
            p("ExpandProperty", Ty::Text),
            p("First", Ty::Int),
            p("Last", Ty::Int),
            p("Unique", Ty::Switch),
            p("InputObject", Ty::Object).piped(),
        ],
        common: true,
        should_process: false,
        module: false,
    },
    Spec {
        name: "Sort-Object",
        aliases: &["sort"],
        cmd: Cmd::SortObject,
        sets: &["Default"],
        params: &[
            p("Property", Ty::Texts).at(0),
            p("Descending", Ty::Switch),
            p("Unique", Ty::Switch),
            p("InputObject", Ty::Object).piped(),
        ],
        common: true,
        should_process: false,
        module: false,
    },
    Spec {
        name: "Format-Table",
        aliases: &["ft"],
        cmd: Cmd::FormatTable,
        sets: &["__AllParameterSets"],
        params: &[
            p("Property", Ty::Texts).at(0),
            p("AutoSize", Ty::Switch),
            p("Wrap", Ty::Switch),
            p("HideTableHeaders", Ty::Switch),
            p("InputObject", Ty::Object).piped(),
        ],
        common: true,
        should_process: false,
        module: false,
    },
    Spec {
        name: "Format-List",
        aliases: &["fl"],
        cmd: Cmd::FormatList,
        sets: &["__AllParameterSets"],
        params: &[p("Property", Ty::Texts).at(0), p("InputObject", Ty::Object).piped()],
        common: true,
        should_process: false,
        module: false,
    },
    Spec {
        name: "Write-Output",
        aliases: &["echo", "write"],
        cmd: Cmd::WriteOutput,
        sets: &["Default"],
        params: &[p("InputObject", Ty::Object).at(0).piped().rest()],
        common: true,
        should_process: false,
        module: false,
    },
    Spec {
        name: "Write-Host",
        aliases: &[],
        cmd: Cmd::WriteHost,
        sets: &["Default"],
        params: &[
            p("Object", Ty::Object).at(0).piped().rest(),
            p("NoNewline", Ty::Switch),
            p("ForegroundColor", Ty::Text),
            p("BackgroundColor", Ty::Text),
        ],
        common: true,
        should_process: false,
        module: false,
    },
    Spec {
        name: "Get-Help",
        aliases: &["help", "man"],
        cmd: Cmd::Help,
        sets: &["AllUsersView"],
        params: &[p("Name", Ty::Text).at(0)],
        common: true,
        should_process: false,
        module: false,
    },
    Spec {
        name: "Clear-Host",
        aliases: &["cls", "clear"],
        cmd: Cmd::Clear,
        sets: &["__AllParameterSets"],
        params: &[],
        common: false,
        should_process: false,
        module: false,
    },
];

/// The spec a name (or alias) runs, ignoring case.
pub fn spec(name: &str) -> Option<&'static Spec> {
    SPECS.iter().find(|s| {
        s.name.eq_ignore_ascii_case(name) || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(name))
    })
}

/// An argument as the binder sees it: evaluated, with the text it was written as (for
/// "… accepts argument '…'").
#[derive(Debug, Clone)]
pub enum Given {
    Param { name: String, value: Option<Value> },
    Value { value: Value, text: String },
}

/// A binding failure and which argument it points at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BindError {
    pub error: Box<Engine>,
    /// Index into the arguments, where the error points; `None` for the command itself.
    pub at: Option<usize>,
    /// The FullyQualifiedErrorId's first part and the exception's name.
    pub id: &'static str,
    pub exception: &'static str,
    /// `InvalidArgument`, `InvalidData`.
    pub category: &'static str,
}

/// A command's arguments once bound: the parameter set and each parameter's value.
#[derive(Debug, Clone, PartialEq)]
pub struct Bound {
    pub set: &'static str,
    pub values: Vec<(&'static str, Value)>,
}

impl Bound {
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v)
    }

    pub fn text(&self, name: &str) -> Option<String> {
        self.get(name).map(Value::text)
    }

    pub fn switch(&self, name: &str) -> bool {
        self.get(name).is_some_and(Value::is_true)
    }

    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

fn all_params(spec: &Spec) -> Vec<Param> {
    let mut params = spec.params.to_vec();
    if spec.common {
        params.extend(COMMON);
    }
    if spec.should_process {
        params.extend(SHOULD_PROCESS);
    }
    params
}

fn bind_error(error: Engine, at: Option<usize>, id: &'static str) -> BindError {
    BindError {
        error: Box::new(error),
        at,
        id,
        exception: "ParameterBindingException",
        category: "InvalidArgument",
    }
}

/// A parameter by its name, an alias, or a prefix of only one of them.
fn resolve(params: &[Param], given: &str, at: usize) -> Result<Param, BindError> {
    let exact = params.iter().find(|p| {
        p.name.eq_ignore_ascii_case(given)
            || p.aliases.iter().any(|a| a.eq_ignore_ascii_case(given))
    });
    if let Some(p) = exact {
        return Ok(*p);
    }
    let lower = given.to_ascii_lowercase();
    let prefixed: Vec<&Param> = params
        .iter()
        .filter(|p| p.name.to_ascii_lowercase().starts_with(&lower))
        .collect();
    match prefixed.as_slice() {
        [one] => Ok(**one),
        [] => Err(bind_error(
            Engine::NamedParameterNotFound {
                name: given.to_owned(),
            },
            Some(at),
            "NamedParameterNotFound",
        )),
        many => Err(bind_error(
            Engine::AmbiguousParameter {
                name: given.to_owned(),
                matches: many.iter().map(|p| format!(" -{}", p.name)).collect(),
            },
            Some(at),
            "AmbiguousParameter",
        )),
    }
}

/// Binds the arguments of one call, PowerShell's way.
pub fn bind(spec: &Spec, args: &[Given]) -> Result<Bound, BindError> {
    let params = all_params(spec);
    let mut bound: Vec<(Param, Value, usize)> = Vec::new();
    let mut positional: Vec<(Value, String, usize)> = Vec::new();
    let mut i = 0;
    while i < args.len() {
        match &args[i] {
            Given::Param { name, value } => {
                let param = resolve(&params, name, i)?;
                if bound.iter().any(|(p, ..)| p.name == param.name) {
                    return Err(bind_error(
                        Engine::ParameterAlreadyBound {
                            name: param.name.to_owned(),
                        },
                        Some(i),
                        "ParameterAlreadyBound",
                    ));
                }
                let value = match (param.ty, value) {
                    (Ty::Switch, None) => Value::Bool(true),
                    (Ty::Switch, Some(v)) => Value::Bool(v.is_true()),
                    (_, Some(v)) => v.clone(),
                    (ty, None) => match args.get(i + 1) {
                        Some(Given::Value { value, .. }) => {
                            i += 1;
                            value.clone()
                        }
                        _ => {
                            return Err(bind_error(
                                Engine::MissingArgument {
                                    name: param.name.to_owned(),
                                    ty: ty.net_name(),
                                },
                                Some(i),
                                "MissingArgument",
                            ))
                        }
                    },
                };
                bound.push((param, value, i));
            }
            Given::Value { value, text } => positional.push((value.clone(), text.clone(), i)),
        }
        i += 1;
    }

    let mut sets = bound.iter().fold(ALL, |acc, (p, ..)| acc & p.sets);
    // Positional arguments fill the positional parameters still free, in order; where two
    // share a position, the one whose type fits (a script block, or not).
    let mut free: Vec<Param> = params
        .iter()
        .filter(|p| p.position.is_some() && !bound.iter().any(|(b, ..)| b.name == p.name))
        .copied()
        .collect();
    free.sort_by_key(|p| p.position);
    let mut rest: Vec<Value> = Vec::new();
    let mut rest_param: Option<Param> = None;
    for (value, text, at) in positional {
        if rest_param.is_some() {
            rest.push(value);
            continue;
        }
        let is_block = matches!(value, Value::Block(_));
        let candidates: Vec<usize> = free
            .iter()
            .enumerate()
            .filter(|(_, p)| p.sets & sets != 0)
            .map(|(j, _)| j)
            .collect();
        let Some(&first) = candidates.first() else {
            return Err(bind_error(
                Engine::PositionalParameterNotFound { argument: text },
                Some(at),
                "PositionalParameterNotFound",
            ));
        };
        let pos = free[first].position;
        let fitting = candidates
            .iter()
            .copied()
            .filter(|j| free[*j].position == pos)
            .find(|j| (free[*j].ty == Ty::Block) == is_block)
            .unwrap_or(first);
        let param = free.remove(fitting);
        sets &= param.sets;
        if param.remaining {
            rest_param = Some(param);
            rest.push(value);
        } else {
            bound.push((param, value, at));
        }
    }
    if let Some(param) = rest_param {
        let value = Value::collect(rest);
        bound.push((param, value, 0));
    }

    let set = choose_set(spec, sets)?;
    let bit = 1u8 << set;
    let missing: Vec<&str> = params
        .iter()
        .filter(|p| p.mandatory & bit != 0 && p.sets & bit != 0)
        .filter(|p| !bound.iter().any(|(b, ..)| b.name == p.name))
        .map(|p| p.name)
        .collect();
    if !missing.is_empty() {
        return Err(bind_error(
            Engine::MissingMandatory {
                names: missing.join(" "),
            },
            None,
            "MissingMandatoryParameter",
        ));
    }
    let mut values = Vec::new();
    for (param, value, at) in bound {
        values.push((param.name, convert(spec, &param, value, at)?));
    }
    Ok(Bound {
        set: spec.sets[set],
        values,
    })
}

/// The parameter set: the only one left, or the default among several.
fn choose_set(spec: &Spec, sets: u8) -> Result<usize, BindError> {
    let live: Vec<usize> = (0..spec.sets.len())
        .filter(|i| sets & (1 << i) != 0)
        .collect();
    match live.as_slice() {
        [one] => Ok(*one),
        [] => Err(bind_error(
            Engine::AmbiguousParameterSet,
            None,
            "AmbiguousParameterSet",
        )),
        many if many.contains(&0) => Ok(0),
        _ => Err(bind_error(
            Engine::AmbiguousParameterSet,
            None,
            "AmbiguousParameterSet",
        )),
    }
}

/// The value in the parameter's type, then its validation.
fn convert(spec: &Spec, param: &Param, value: Value, at: usize) -> Result<Value, BindError> {
    let name = param.name.to_owned();
    let converted = match param.ty {
        Ty::Switch | Ty::Object => value,
        Ty::Text => match value {
            Value::Array(items) if items.len() > 1 => {
                // An advanced function says it this way; a compiled cmdlet the other.
                return Err(if spec.module {
                    BindError {
                        error: Box::new(Engine::Transformation { name }),
                        at: Some(at),
                        id: "ParameterArgumentTransformationError",
                        exception: "ParameterBindingArgumentTransformationException",
                        category: "InvalidData",
                    }
                } else {
                    bind_error(
                        Engine::CannotConvert {
                            name,
                            given: Value::Array(items).text(),
                            ty: Ty::Text.net_name(),
                        },
                        Some(at),
                        "CannotConvertArgument",
                    )
                });
            }
            Value::Null => Value::Null,
            other => Value::Str(other.text()),
        },
        Ty::Texts => Value::Array(
            value
                .items()
                .into_iter()
                .filter(|v| *v != Value::Null)
                .map(|v| Value::Str(v.text()))
                .collect(),
        ),
        Ty::Int => match value.text().trim().parse::<i64>() {
            Ok(n) => Value::Int(n),
            Err(_) => {
                return Err(bind_error(
                    Engine::CannotConvert {
                        name,
                        given: value.text(),
                        ty: Ty::Int.net_name(),
                    },
                    Some(at),
                    "CannotConvertArgumentNoMessage",
                ))
            }
        },
        Ty::Block => match value {
            Value::Block(_) => value,
            other => {
                return Err(bind_error(
                    Engine::CannotConvert {
                        name,
                        given: other.text(),
                        ty: Ty::Block.net_name(),
                    },
                    Some(at),
                    "CannotConvertArgumentNoMessage",
                ))
            }
        },
    };
    match param.check {
        Check::None => Ok(converted),
        Check::NotNullOrEmpty if converted.text().is_empty() => Err(BindError {
            error: Box::new(Engine::NullOrEmpty {
                name: param.name.to_owned(),
            }),
            at: Some(at),
            id: "ParameterArgumentValidationError",
            exception: "ParameterBindingValidationException",
            category: "InvalidData",
        }),
        Check::NotNullOrEmpty => Ok(converted),
        Check::Set(set) => match set
            .iter()
            .find(|s| s.eq_ignore_ascii_case(&converted.text()))
        {
            Some(s) => Ok(Value::Str((*s).to_owned())),
            None => Err(BindError {
                error: Box::new(Engine::ValidateSet {
                    name: param.name.to_owned(),
                    given: converted.text(),
                    set: set.join(","),
                }),
                at: Some(at),
                id: "ParameterArgumentValidationError",
                exception: "ParameterBindingValidationException",
                category: "InvalidData",
            }),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(name: &str) -> Given {
        Given::Param {
            name: name.into(),
            value: None,
        }
    }

    fn val(text: &str) -> Given {
        Given::Value {
            value: Value::str(text),
            text: text.into(),
        }
    }

    fn update() -> &'static Spec {
        spec("update-mscommerceproductpolicy").unwrap()
    }

    #[test]
    fn sets_follow_the_parameters_given() {
        let b = bind(
            update(),
            &[
                named("PolicyId"),
                val("A"),
                named("ProductId"),
                val("X"),
                named("Value"),
                val("disabled"),
            ],
        )
        .unwrap();
        assert_eq!(b.set, "ProductEnum");
        assert_eq!(b.text("Value").as_deref(), Some("Disabled"));
        let b = bind(
            update(),
            &[
                named("PolicyId"),
                val("A"),
                named("OfferType"),
                val("SaaS"),
                named("Enabled"),
                val("False"),
            ],
        )
        .unwrap();
        assert_eq!(b.set, "OfferTypeToggle");
        // Positional, in the order the function declares them.
        let b = bind(
            update(),
            &[val("A"), val("X"), named("Value"), val("Enabled")],
        )
        .unwrap();
        assert_eq!(b.text("ProductId").as_deref(), Some("X"));
    }

    #[test]
    fn binding_errors_name_powershells_reasons() {
        let err = |args: &[Given]| *bind(update(), args).unwrap_err().error;
        assert_eq!(
            err(&[named("P")]),
            Engine::AmbiguousParameter {
                name: "P".into(),
                matches: " -PolicyId -ProductId -PipelineVariable".into()
            }
        );
        assert_eq!(
            err(&[named("PolicyId"), val("A"), named("ProductId"), val("X")]),
            Engine::MissingMandatory {
                names: "Value".into()
            }
        );
        assert_eq!(
            err(&[
                named("PolicyId"),
                val("A"),
                named("ProductId"),
                val("X"),
                named("OfferType"),
                val("SaaS")
            ]),
            Engine::AmbiguousParameterSet
        );
        assert_eq!(
            err(&[named("PolicyId")]),
            Engine::MissingArgument {
                name: "PolicyId".into(),
                ty: "System.String"
            }
        );
        assert_eq!(
            err(&[
                named("PolicyId"),
                val("A"),
                named("ProductId"),
                val("X"),
                named("Value"),
                val("Maybe")
            ]),
            Engine::ValidateSet {
                name: "Value".into(),
                given: "Maybe".into(),
                set: "Enabled,Disabled,OnlyTrialsWithoutPaymentMethod".into()
            }
        );
    }

    #[test]
    fn where_object_picks_its_set_by_the_argument() {
        let where_ = spec("?").unwrap();
        let block = Given::Value {
            value: Value::Block(super::super::parse::Script { statements: vec![] }),
            text: "{}".into(),
        };
        assert_eq!(bind(where_, &[block]).unwrap().set, "ScriptBlockSet");
        let b = bind(where_, &[val("ProductName"), named("like"), val("Power*")]).unwrap();
        assert_eq!(b.set, "Simple");
        assert!(b.switch("Like"));
        assert_eq!(b.text("Value").as_deref(), Some("Power*"));
    }
}
