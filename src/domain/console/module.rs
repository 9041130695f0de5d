//! The MSCommerce module's functions, as `MSCommerce.psm1` (PowerShell Gallery) writes
//! them, against this demo's tenant in place of the licensing service: the same order of
//! checks, the same `Write-Host` lines, the same `HandleError` text for a failed call.
//! A change goes through the panel's own command, with its roles and audit entry.
//!
//! What the module prints stays in English, as the module does; what it leaves unsaid
//! (why the service refused) is this app's note, in the reader's language.

use super::bind::Cmd;
use super::effects::{Effects, Flow, Prepared, Stop};
use super::record::{ErrorRecord, Line, PsMessage};
use super::session::{Changed, Refused};
use super::value::{Object, Value};
use crate::domain::authz::{may, Action, Denied, Subject};
use crate::domain::catalog::ProductId;
use crate::domain::commands::{execute, record_refusal, Command, Ctx, DomainError, Explanation};
use crate::domain::directory::Role;
use crate::domain::eligibility::blocks_everything;
use crate::domain::policy::{OfferType, PolicyTarget, PolicyValue, POLICY_ID};

/// What `Import-Module` (or the first of the module's cmdlets) prints once.
pub const LOADED: &str = "MSCommerce module loaded";
/// `Connect-MSCommerce`'s line.
pub const CONNECTED: &str = "Connection established successfully";
/// A `throw` in `Get-AccessTokenFromSessionData` before any connection.
pub const NOT_CONNECTED: &str =
    "You must call the Connect-MSCommerce cmdlet before calling any other cmdlets";
/// `Update-MSCommerceProductPolicy`'s lines.
pub const UPDATED: &str = "Update policy product success";
pub const WHAT_IF: &str =
    "What if: Performing the operation \"Update-MSCommerceProductPolicy\" on target \"ShouldProcess?\".";
pub const ABORTED: &str = "Updating product policy aborted";
/// `HandleError` on a 401.
pub const EXPIRED: &str = "Your credentials have expired. Please, call Connect-MSCommerce again to regain access to MSCommerce Module.";
/// The `-Enabled` check.
pub const BAD_ENABLED: &str =
    "Value of $Enabled must be one of the following: $True, $true, $False, $false";

/// The policy's description, as this demo words it: the service's own text is not in
/// the module's source.
const DESCRIPTION: &str = "Allow users to buy and try products through self-service";

/// An HTTP failure of the licensing service, as Windows PowerShell's `Invoke-RestMethod`
/// names it.
#[derive(Debug, Clone, Copy)]
enum Status {
    BadRequest,
    Unauthorized,
    Forbidden,
    NotFound,
}

impl Status {
    const fn reason(self) -> &'static str {
        match self {
            Status::BadRequest => "(400) Bad Request",
            Status::Unauthorized => "(401) Unauthorized",
            Status::Forbidden => "(403) Forbidden",
            Status::NotFound => "(404) Not Found",
        }
    }
}

pub(super) fn invoke(
    ip: &mut Effects,
    command: &Prepared,
    input: Option<Vec<Value>>,
) -> Flow<Vec<Value>> {
    if command.spec.cmd == Cmd::ImportModule {
        return import(ip, command);
    }
    load(ip, false);
    // The module's functions take no pipeline input: each item is an error of its own,
    // and the function still runs once.
    for item in input.unwrap_or_default() {
        let record = ip.record(
            Some(command.spec.name),
            PsMessage::Engine(super::record::Engine::InputObjectNotBound),
            Some(command.span),
            format!(
                "InvalidArgument: ({}:PSObject) [{}], ParameterBindingException",
                short(&item.text()),
                command.spec.name
            ),
            format!("InputObjectNotBound,{}", command.spec.name),
        );
        ip.write_error(command, record)?;
    }
    match command.spec.cmd {
        Cmd::Connect => connect(ip),
        Cmd::GetPolicies => {
            if !ready(ip, command, "Failed to retrieve policies")? {
                return Ok(Vec::new());
            }
            Ok(vec![policy_object()])
        }
        Cmd::GetPolicy => {
            let id = command.bound.text("PolicyId").unwrap_or_default();
            let failed = format!("Failed to retrieve policy with PolicyId '{id}'");
            if !ready(ip, command, &failed)? || !known_policy(ip, command, &id, &failed)? {
                return Ok(Vec::new());
            }
            Ok(vec![policy_object()])
        }
        Cmd::GetProductPolicies => product_policies(ip, command),
        Cmd::GetProductPolicy => product_policy(ip, command),
        Cmd::UpdateProductPolicy => update(ip, command),
        _ => Ok(Vec::new()),
    }
}

/// Prints the module's load line the first time (or again with `-Force`).
fn load(ip: &mut Effects, force: bool) {
    if force || !ip.session.module_loaded {
        ip.session.module_loaded = true;
        ip.lines.push(Line::Text(LOADED.into()));
    }
}

fn import(ip: &mut Effects, command: &Prepared) -> Flow<Vec<Value>> {
    let names = command
        .bound
        .get("Name")
        .cloned()
        .map(Value::items)
        .unwrap_or_default();
    for name in names {
        let name = name.text();
        if name.eq_ignore_ascii_case("MSCommerce") {
            load(ip, command.bound.switch("Force"));
            continue;
        }
        let record = ErrorRecord {
            source: Some("Import-Module".into()),
            message: PsMessage::Module(format!(
                "The specified module '{name}' was not loaded because no valid module file was found in any module directory."
            )),
            at: Some(super::record::Position::of(ip.input, command.span)),
            category: format!("ResourceUnavailable: ({name}:String) [Import-Module], FileNotFoundException"),
            fqid: "Modules_ModuleNotFound,Microsoft.PowerShell.Commands.ImportModuleCommand".into(),
            parse: false,
        };
        ip.notes
            .push(Explanation::new("console.note.only_mscommerce").text("name", &name));
        ip.write_error(command, record)?;
    }
    Ok(Vec::new())
}

fn connect(ip: &mut Effects) -> Flow<Vec<Value>> {
    let Some(actor) = ip.world.actor else {
        return Err(Stop::Unsupported(Explanation::new(
            "console.error.not_signed_in",
        )));
    };
    let directory = &ip.state.directory;
    let account = directory
        .user(&actor.user)
        .map_or_else(|| actor.user.0.clone(), |u| u.email.to_string());
    let tenant = directory
        .tenant(&actor.tenant)
        .map_or_else(|| actor.tenant.0.clone(), |t| t.name.clone());
    ip.session.connected = true;
    ip.lines.push(Line::Text(CONNECTED.into()));
    ip.note(
        Explanation::new("console.note.connected")
            .text("account", account)
            .text("tenant", tenant),
    );
    Ok(Vec::new())
}

/// `HandleError`: the module's `Write-Error` for a failed call.
fn handle_error(ip: &mut Effects, command: &Prepared, failed: &str, status: Status) -> Flow<()> {
    let text = match status {
        Status::Unauthorized => EXPIRED.to_owned(),
        other => format!(
            "{failed}, ErrorMessage - The remote server returned an error: {}. ErrorDetails - ",
            other.reason()
        ),
    };
    let record = ErrorRecord {
        source: Some("HandleError".into()),
        message: PsMessage::Module(text),
        at: None,
        category: "NotSpecified: (:) [Write-Error], WriteErrorException".into(),
        fqid: "Microsoft.PowerShell.Commands.WriteErrorException,HandleError".into(),
        parse: false,
    };
    ip.write_error(command, record)
}

/// The token first, as every function does: `-Token` given (this demo has none to give,
/// so the service answers 401), or the session's, or the `throw` without one. Then the
/// service's role check for reading. `false` when the call failed (already written).
fn ready(ip: &mut Effects, command: &Prepared, failed: &str) -> Flow<bool> {
    token(ip, command)?;
    if command.bound.has("Token") {
        ip.note(Explanation::new("console.note.token"));
        handle_error(ip, command, failed, Status::Unauthorized)?;
        return Ok(false);
    }
    let Some(actor) = ip.world.actor else {
        return Ok(false);
    };
    if let Err(denied) = may(
        &ip.state.directory,
        actor,
        Action::ViewPolicies,
        Subject::Tenant(&actor.tenant),
    ) {
        ip.note(Explanation::new(denied_key(&denied)));
        handle_error(ip, command, failed, Status::Forbidden)?;
        return Ok(false);
    }
    Ok(true)
}

/// `Get-AccessTokenFromSessionData`: a terminating `throw` before `Connect-MSCommerce`.
fn token(ip: &mut Effects, command: &Prepared) -> Flow<()> {
    if ip.session.connected || command.bound.has("Token") {
        return Ok(());
    }
    ip.note(Explanation::new("console.note.connect_first"));
    Err(Stop::Error {
        record: Box::new(ErrorRecord {
            source: None,
            message: PsMessage::Module(NOT_CONNECTED.into()),
            at: None,
            category: format!(
                "OperationStopped: ({}:String) [], RuntimeException",
                short(NOT_CONNECTED)
            ),
            fqid: NOT_CONNECTED.into(),
            parse: false,
        }),
        fatal: true,
    })
}

/// PowerShell's way of showing a long target in `CategoryInfo`: its start and end.
fn short(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.len() <= 40 {
        return text.to_owned();
    }
    let head: String = chars[..15].iter().collect();
    let tail: String = chars[chars.len() - 14..].iter().collect();
    format!("{head}...{tail}")
}

/// The service knows one policy; another is a 404.
fn known_policy(ip: &mut Effects, command: &Prepared, id: &str, failed: &str) -> Flow<bool> {
    if id.eq_ignore_ascii_case(POLICY_ID) {
        return Ok(true);
    }
    ip.note(Explanation::new("console.note.unknown_policy").text("given", id));
    handle_error(ip, command, failed, Status::NotFound)?;
    Ok(false)
}

fn policy_object() -> Value {
    Value::Object(Object::new(
        "MSCommerce.Policy",
        vec![
            ("PolicyId", Value::str(POLICY_ID)),
            ("Description", Value::str(DESCRIPTION)),
            ("DefaultValue", Value::str(PolicyValue::default().as_str())),
        ],
    ))
}

/// A product's row. The module builds it from a hashtable, so PowerShell shows its
/// properties in the hashtable's order, not the order the source adds them; this is the
/// order Windows PowerShell 5.1 prints (a published script that parses the table reads
/// PolicyValue, ProductId, PolicyId, ProductName).
pub fn product_object(value: PolicyValue, id: &ProductId, name: &str) -> Value {
    Value::Object(Object::new(
        "MSCommerce.ProductPolicy",
        vec![
            ("PolicyValue", Value::str(value.as_str())),
            ("ProductId", Value::str(id.as_str())),
            ("PolicyId", Value::str(POLICY_ID)),
            ("ProductName", Value::str(name)),
        ],
    ))
}

/// An offer type's row: five properties, so PowerShell lists them. The order is the
/// source's (no published output shows another); `ScopeValue` carrying the offer type's
/// name is this demo's guess at what the service returns.
pub fn offer_type_object(value: PolicyValue, offer_type: OfferType) -> Value {
    Value::Object(Object::new(
        "MSCommerce.OfferTypePolicy",
        vec![
            ("PolicyId", Value::str(POLICY_ID)),
            ("PolicyValue", Value::str(value.as_str())),
            ("ScopeId", Value::str(offer_type.id())),
            ("ScopeValue", Value::str(offer_type.name())),
            ("Scope", Value::str("OfferType")),
        ],
    ))
}

fn product_policies(ip: &mut Effects, command: &Prepared) -> Flow<Vec<Value>> {
    let id = command.bound.text("PolicyId").unwrap_or_default();
    let failed = format!("Failed to retrieve product policy with PolicyId '{id}'");
    if !ready(ip, command, &failed)? || !known_policy(ip, command, &id, &failed)? {
        return Ok(Vec::new());
    }
    let Some(actor) = ip.world.actor else {
        return Ok(Vec::new());
    };
    let scope = command.bound.text("Scope").unwrap_or_default();
    let policies = &ip.state.policies;
    if scope.trim().is_empty() || scope.eq_ignore_ascii_case("product") {
        return Ok(ip
            .world
            .catalog
            .microsoft()
            .map(|p| product_object(policies.get(&actor.tenant, &p.id), &p.id, &p.name))
            .collect());
    }
    if scope.eq_ignore_ascii_case("OfferType") {
        return Ok(OfferType::ALL
            .into_iter()
            .map(|t| offer_type_object(policies.value(&actor.tenant, &t.into()), t))
            .collect());
    }
    ip.note(Explanation::new("console.note.bad_scope").text("given", &scope));
    handle_error(ip, command, &failed, Status::BadRequest)?;
    Ok(Vec::new())
}

/// What `-ProductId` or `-OfferType` names, if the service knows it: a Microsoft product
/// (old IDs resolve) or one of the four offer types.
fn target_of(ip: &Effects, command: &Prepared) -> Result<PolicyTarget, Explanation> {
    if let Some(given) = command.bound.text("OfferType") {
        return OfferType::try_from(given.as_str())
            .map(PolicyTarget::OfferType)
            .map_err(|_| Explanation::new("console.note.unknown_offer_type").text("given", given));
    }
    let given = command.bound.text("ProductId").unwrap_or_default();
    let unknown = || Explanation::new("console.note.unknown_product").text("given", &given);
    let id = ProductId::try_from(given.as_str()).map_err(|_| unknown())?;
    match ip.world.catalog.product(&id) {
        Some(p) if p.is_microsoft() => Ok(PolicyTarget::Product(id)),
        Some(p) => Err(Explanation::new("console.note.third_party_offer")
            .text("product", &p.name)
            .text("offer_type", p.offer_type.map_or("", OfferType::id))),
        None => Err(unknown()),
    }
}

fn target_object(ip: &Effects, target: &PolicyTarget, value: PolicyValue) -> Value {
    match target {
        PolicyTarget::Product(id) => {
            let name = ip.world.catalog.product(id).map_or("", |p| p.name.as_str());
            product_object(value, id, name)
        }
        PolicyTarget::OfferType(t) => offer_type_object(value, *t),
    }
}

fn target_name(ip: &Effects, target: &PolicyTarget) -> String {
    match target {
        PolicyTarget::Product(id) => ip
            .world
            .catalog
            .product(id)
            .map_or_else(|| id.to_string(), |p| p.name.clone()),
        PolicyTarget::OfferType(t) => t.name().to_owned(),
    }
}

fn product_policy(ip: &mut Effects, command: &Prepared) -> Flow<Vec<Value>> {
    let id = command.bound.text("PolicyId").unwrap_or_default();
    // The module's message names the ProductId even for an offer type (then empty).
    let failed = format!(
        "Failed to retrieve product policy with PolicyId '{id}' ProductId '{}'",
        command.bound.text("ProductId").unwrap_or_default()
    );
    if !ready(ip, command, &failed)? || !known_policy(ip, command, &id, &failed)? {
        return Ok(Vec::new());
    }
    let Some(actor) = ip.world.actor else {
        return Ok(Vec::new());
    };
    match target_of(ip, command) {
        Ok(target) => {
            let value = ip.state.policies.value(&actor.tenant, &target);
            Ok(vec![target_object(ip, &target, value)])
        }
        Err(why) => {
            ip.note(why);
            handle_error(ip, command, &failed, Status::NotFound)?;
            Ok(Vec::new())
        }
    }
}

fn update(ip: &mut Effects, command: &Prepared) -> Flow<Vec<Value>> {
    let b = &command.bound;
    if let Some(enabled) = b.text("Enabled") {
        if !enabled.eq_ignore_ascii_case("true") && !enabled.eq_ignore_ascii_case("false") {
            let record = ip.record(
                Some(command.spec.name),
                PsMessage::Module(BAD_ENABLED.into()),
                Some(command.span),
                "NotSpecified: (:) [Write-Error], WriteErrorException".into(),
                format!(
                    "Microsoft.PowerShell.Commands.WriteErrorException,{}",
                    command.spec.name
                ),
            );
            ip.write_error(command, record)?;
            return Ok(Vec::new());
        }
    }
    token(ip, command)?;
    if b.switch("Confirm") {
        return Err(Stop::Unsupported(Explanation::new(
            "console.unsupported.confirm",
        )));
    }
    let value = match b.text("Enabled") {
        Some(e) if e.eq_ignore_ascii_case("true") => PolicyValue::Enabled,
        Some(_) => PolicyValue::Disabled,
        None => {
            PolicyValue::try_from(b.text("Value").unwrap_or_default().as_str()).unwrap_or_default()
        }
    };
    let Some(actor) = ip.world.actor else {
        return Ok(Vec::new());
    };
    let target = target_of(ip, command);
    if b.switch("WhatIf") {
        ip.lines.push(Line::Text(WHAT_IF.into()));
        ip.lines.push(Line::Text(ABORTED.into()));
        match &target {
            Ok(t) => {
                let from = ip.state.policies.value(&actor.tenant, t);
                ip.note(
                    Explanation::new("console.note.what_if")
                        .text("target", target_name(ip, t))
                        .text("from", from)
                        .text("to", value),
                );
                advise(ip, t, value);
            }
            Err(why) => ip.note(why.clone()),
        }
        if let Err(denied) = may(
            &ip.state.directory,
            actor,
            Action::SetPolicyWithModule,
            Subject::Tenant(&actor.tenant),
        ) {
            ip.note(Explanation::new(denied_key(&denied)));
        }
        return Ok(Vec::new());
    }
    if b.has("Token") {
        ip.note(Explanation::new("console.note.token"));
        handle_error(
            ip,
            command,
            "Failed to update product policy",
            Status::Unauthorized,
        )?;
        return Ok(Vec::new());
    }
    let policy = b.text("PolicyId").unwrap_or_default();
    if !known_policy(ip, command, &policy, "Failed to update product policy")? {
        return Ok(Vec::new());
    }
    let target = match target {
        Ok(t) => t,
        Err(why) => {
            let given = b
                .text("ProductId")
                .or_else(|| b.text("OfferType"))
                .unwrap_or_default();
            ip.refused.push(Refused {
                target: given,
                why: why.clone(),
            });
            ip.note(why);
            handle_error(
                ip,
                command,
                "Failed to update product policy",
                Status::NotFound,
            )?;
            return Ok(Vec::new());
        }
    };
    let from = ip.state.policies.value(&actor.tenant, &target);
    let ctx = Ctx {
        catalog: ip.world.catalog,
        now: ip.world.now,
    };
    let set = Command::SetPolicyWithModule {
        target: target.clone(),
        value,
    };
    let (name, subject) = (set.name(), set.subject());
    match execute(&ip.state, ctx, actor, set) {
        Ok((next, _)) => {
            ip.state = next;
            ip.touched = true;
            ip.lines.push(Line::Text(UPDATED.into()));
            ip.changes.push(Changed {
                name: target_name(ip, &target),
                target: target.clone(),
                from,
                to: value,
            });
            advise(ip, &target, value);
            Ok(vec![target_object(ip, &target, value)])
        }
        Err(e) => {
            // Refused as the panel's command would be: written to the audit log.
            ip.state = record_refusal(
                &ip.state,
                ip.world.now,
                Some(actor),
                name,
                &subject,
                &e.to_string(),
                &e.explanation(),
            );
            ip.touched = true;
            let status = match &e {
                DomainError::Denied(_) => Status::Forbidden,
                DomainError::UnknownProduct(_) => Status::NotFound,
                _ => Status::BadRequest,
            };
            let why = match &e {
                DomainError::Denied(d) => Explanation::new(denied_key(d)),
                other => other.explanation(),
            };
            ip.refused.push(Refused {
                target: target_name(ip, &target),
                why: why.clone(),
            });
            ip.note(why);
            handle_error(ip, command, "Failed to update product policy", status)?;
            Ok(Vec::new())
        }
    }
}

/// The panel's warning, as this app's note: "trials only" on a product without a trial
/// that needs no payment method blocks everything.
fn advise(ip: &mut Effects, target: &PolicyTarget, value: PolicyValue) {
    if let PolicyTarget::Product(id) = target {
        if let Some(p) = ip.world.catalog.product(id) {
            if blocks_everything(p, value) {
                ip.note(Explanation::new("console.blocks_everything").text("product", &p.name));
            }
        }
    }
}

/// Why the service refused a role. Only a delegated partner is told to be the customer's
/// Global admin (the module's page: "Partners who are Admins On Behalf Of (AOBO) a customer
/// must have a role that's set to Global Administrator").
pub fn denied_key(denied: &Denied) -> &'static str {
    match denied {
        Denied::MissingRole(roles) if roles.as_slice() == [Role::GlobalAdmin] => {
            "console.note.denied_partner"
        }
        Denied::MissingRole(roles) if roles.contains(&Role::GlobalReader) => {
            "console.note.denied_read"
        }
        Denied::MissingRole(_) => "console.note.denied_change",
        other => other.message_key(),
    }
}
