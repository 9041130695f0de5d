//! A small world that reaches every branch of the rules, for the native tests.
#![allow(dead_code)]

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use ssp::domain::card::CardInput;
use ssp::domain::catalog::{known_products, third_party_offers, Price};
use ssp::domain::directory::{
    AccountKind, AccountSource, AccountStatus, Cloud, Delegation, Management, Sector,
};
use ssp::domain::*;

pub const POWER_BI_PRO: &str = "CFQ7TTC0H9MP";
pub const POWER_APPS: &str = "CFQ7TTC0LH2H";
pub const PROJECT_P1: &str = "CFQ7TTC0HDB1";
pub const PROJECT_P3: &str = "CFQ7TTC0HDB0";
pub const VISIO_P1: &str = "CFQ7TTC0HD33";
pub const VISIO_P2: &str = "CFQ7TTC0HD32";
pub const TEAMS_EXPLORATORY: &str = "CFQ7TTC0J1FV";

pub fn pid(s: &str) -> ProductId {
    ProductId::try_from(s).unwrap()
}

pub fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 30, 0).unwrap()
}

pub fn today() -> NaiveDate {
    now().date_naive()
}

fn tenant(
    id: &str,
    domains: &[&str],
    management: Management,
    sector: Sector,
    cloud: Cloud,
    country: &str,
    currency: Currency,
) -> Tenant {
    Tenant {
        id: TenantId(id.into()),
        name: id.to_uppercase(),
        domains: domains.iter().map(|d| d.to_string()).collect(),
        management,
        sector,
        cloud,
        market: Market {
            country: Country::try_from(country).unwrap(),
            currency,
        },
        partner: id == "partner",
        subscription_agreement: true,
    }
}

pub struct UserSpec<'a> {
    pub id: &'a str,
    pub email: &'a str,
    pub tenant: &'a str,
    pub kind: AccountKind,
    pub status: AccountStatus,
    pub roles: &'a [Role],
}

pub fn user(spec: UserSpec) -> User {
    User {
        id: UserId(spec.id.into()),
        display_name: spec.id.replace('.', " "),
        email: Email::try_from(spec.email).unwrap(),
        tenant: TenantId(spec.tenant.into()),
        kind: spec.kind,
        source: if spec.id.contains("synced") {
            AccountSource::Synced
        } else {
            AccountSource::CloudOnly
        },
        status: spec.status,
        roles: spec.roles.to_vec(),
        delegations: Vec::new(),
    }
}

fn member(id: &str, email: &str, tenant: &str) -> User {
    user(UserSpec {
        id,
        email,
        tenant,
        kind: AccountKind::Member,
        status: AccountStatus::Active,
        roles: &[],
    })
}

pub fn directory() -> Directory {
    use Cloud::*;
    use Management::*;
    use Sector::*;
    let tenants = vec![
        tenant(
            "contoso",
            &["contoso.com", "contoso.onmicrosoft.com"],
            Managed,
            Commercial,
            Public,
            "US",
            Currency::USD,
        ),
        tenant(
            "northwind",
            &["northwind.example"],
            Managed,
            Commercial,
            Public,
            "US",
            Currency::USD,
        ),
        tenant(
            "school",
            &["school.edu"],
            Managed,
            Education,
            Public,
            "US",
            Currency::USD,
        ),
        tenant(
            "agency",
            &["agency.gov"],
            Managed,
            Government,
            Public,
            "US",
            Currency::USD,
        ),
        tenant(
            "viral",
            &["viral.example"],
            Unmanaged,
            Commercial,
            Public,
            "US",
            Currency::USD,
        ),
        tenant(
            "charity",
            &["charity.org"],
            Managed,
            Nonprofit,
            Public,
            "GB",
            Currency::GBP,
        ),
        tenant(
            "cn",
            &["contoso.cn"],
            Managed,
            Commercial,
            Sovereign,
            "CN",
            Currency::CNY,
        ),
        tenant(
            "india",
            &["contoso.in"],
            Managed,
            Commercial,
            Public,
            "IN",
            Currency::INR,
        ),
        tenant(
            "brazil",
            &["contoso.com.br"],
            Managed,
            Commercial,
            Public,
            "BR",
            Currency::BRL,
        ),
        tenant(
            "congo",
            &["contoso.cd"],
            Managed,
            Commercial,
            Public,
            "CD",
            Currency::USD,
        ),
        tenant(
            "japan",
            &["contoso.jp"],
            Managed,
            Commercial,
            Public,
            "JP",
            Currency::JPY,
        ),
        tenant(
            "partner",
            &["partner.example"],
            Managed,
            Commercial,
            Public,
            "US",
            Currency::USD,
        ),
    ];
    let mut users = vec![
        user(UserSpec {
            id: "admin",
            email: "admin@contoso.com",
            tenant: "contoso",
            kind: AccountKind::Member,
            status: AccountStatus::Active,
            roles: &[Role::GlobalAdmin],
        }),
        user(UserSpec {
            id: "billing",
            email: "billing@contoso.com",
            tenant: "contoso",
            kind: AccountKind::Member,
            status: AccountStatus::Active,
            roles: &[Role::BillingAdmin],
        }),
        user(UserSpec {
            id: "reader",
            email: "reader@contoso.com",
            tenant: "contoso",
            kind: AccountKind::Member,
            status: AccountStatus::Active,
            roles: &[Role::GlobalReader],
        }),
        member("megan", "megan@contoso.com", "contoso"),
        member("lee", "lee@contoso.com", "contoso"),
        member("synced.sam", "sam@contoso.com", "contoso"),
        user(UserSpec {
            id: "disabled",
            email: "disabled@contoso.com",
            tenant: "contoso",
            kind: AccountKind::Member,
            status: AccountStatus::Disabled,
            roles: &[],
        }),
        user(UserSpec {
            id: "deleted",
            email: "deleted@contoso.com",
            tenant: "contoso",
            kind: AccountKind::Member,
            status: AccountStatus::Deleted,
            roles: &[],
        }),
        user(UserSpec {
            id: "guest",
            email: "alex_northwind.example#EXT#@contoso.onmicrosoft.com",
            tenant: "contoso",
            kind: AccountKind::Guest,
            status: AccountStatus::Active,
            roles: &[],
        }),
        member("alex", "alex@northwind.example", "northwind"),
        member("teacher", "teacher@school.edu", "school"),
        member("clerk", "clerk@agency.gov", "agency"),
        member("viral.user", "someone@viral.example", "viral"),
        member("volunteer", "volunteer@charity.org", "charity"),
        member("cn.user", "user@contoso.cn", "cn"),
        member("in.user", "user@contoso.in", "india"),
        member("br.user", "user@contoso.com.br", "brazil"),
        member("cd.user", "user@contoso.cd", "congo"),
        member("jp.user", "user@contoso.jp", "japan"),
    ];
    for n in 0..30 {
        users.push(member(
            &format!("staff{n}"),
            &format!("staff{n}@contoso.com"),
            "contoso",
        ));
    }
    let mut partner = member("partner.pat", "pat@partner.example", "partner");
    partner.delegations = vec![
        Delegation {
            customer: TenantId("contoso".into()),
            role: Role::GlobalAdmin,
        },
        Delegation {
            customer: TenantId("northwind".into()),
            role: Role::BillingAdmin,
        },
    ];
    users.push(partner);
    Directory { tenants, users }
}

pub fn catalog() -> Catalog {
    let markets = [
        ("US", Currency::USD, 1000i64),
        ("GB", Currency::GBP, 800),
        ("CN", Currency::CNY, 7000),
        ("IN", Currency::INR, 80000),
        ("BR", Currency::BRL, 5000),
        ("CD", Currency::USD, 1000),
        ("JP", Currency::JPY, 1500),
    ];
    let mut products = known_products();
    products.extend(third_party_offers());
    let mut prices = Vec::new();
    for (i, p) in products.iter().enumerate() {
        for (country, currency, base) in markets {
            let self_service = base + i as i64 * 100;
            prices.push(Price {
                product: p.id.clone(),
                market: Market {
                    country: Country::try_from(country).unwrap(),
                    currency,
                },
                self_service: Money::from_minor(self_service, currency).unwrap(),
                central: Money::from_minor(self_service * 9 / 10, currency).unwrap(),
            });
        }
    }
    Catalog { products, prices }
}

pub fn state() -> State {
    State {
        directory: directory(),
        ..State::default()
    }
}

pub fn uid(s: &str) -> UserId {
    UserId(s.into())
}

pub fn actor(user: &str, tenant: &str) -> Actor {
    Actor {
        user: uid(user),
        tenant: TenantId(tenant.into()),
    }
}

pub fn card(number: &str) -> PaymentCard {
    CardInput {
        number: number.into(),
        expiry: "08/29".into(),
        security_code: if number.starts_with("37") {
            "1234".into()
        } else {
            "123".into()
        },
        holder: "Megan Bowen".into(),
        country: "US".into(),
    }
    .validate(today())
    .unwrap()
}

pub fn qty(n: u32) -> Quantity {
    Quantity::try_from(n).unwrap()
}

/// A key no submission has used yet, as a form makes when it opens.
pub fn fresh_key() -> SubmissionKey {
    static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    SubmissionKey::try_from(format!("test-key-{n:08}").as_str()).unwrap()
}

/// A command as one fresh form submits it.
pub fn submitted(command: Command) -> Submission {
    Submission::keyed(fresh_key(), command)
}

/// Runs a command that must succeed.
pub fn ok(state: &State, who: &Actor, command: Command) -> (State, Vec<Event>) {
    let catalog = catalog();
    let name = command.name();
    execute(
        state,
        Ctx {
            catalog: &catalog,
            now: now(),
        },
        who,
        submitted(command),
    )
    .unwrap_or_else(|e| panic!("{name} failed: {e}"))
}

/// Runs a command that must be refused, checking the state stayed as it was.
pub fn refused(state: &State, who: &Actor, command: Command) -> DomainError {
    let catalog = catalog();
    let name = command.name();
    match execute(
        state,
        Ctx {
            catalog: &catalog,
            now: now(),
        },
        who,
        submitted(command),
    ) {
        Ok(_) => panic!("{name} should have been refused"),
        Err(e) => e,
    }
}

/// Megan buys `n` licenses of Power BI Pro; returns the new state and subscription.
pub fn megan_buys(state: &State, n: u32) -> (State, SubscriptionId) {
    let (s, events) = ok(
        state,
        &actor("megan", "contoso"),
        Command::Purchase {
            product: pid(POWER_BI_PRO),
            licenses: qty(n),
            card: card("4242424242424242"),
            assign_to_me: false,
        },
    );
    match &events[0] {
        Event::Purchased { subscription, .. } => (s, subscription.clone()),
        other => panic!("unexpected {other:?}"),
    }
}
