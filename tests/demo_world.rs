//! The shipped demo world parses with the domain's types and reaches every rule.
#![cfg(not(target_arch = "wasm32"))]

use ssp::domain::catalog::{known_products, third_party_offers, Country, ID_ALIASES};
use ssp::domain::directory::{AccountKind, AccountSource, AccountStatus, Role};
use ssp::domain::*;
use ssp::store::files::{self, CatalogFile, DirectoryFile, Saved, SeedFile, SCHEMA};
use std::collections::HashSet;

fn read<T: for<'de> serde::Deserialize<'de>>(file: &'static str) -> T {
    let text = std::fs::read_to_string(format!("public/{file}")).unwrap();
    files::parse_file(file, &text).unwrap_or_else(|e| panic!("{e}"))
}

struct World {
    catalog: CatalogFile,
    directory: DirectoryFile,
    seed: SeedFile,
}

fn world() -> World {
    World {
        catalog: read(files::CATALOG_FILE),
        directory: read(files::DIRECTORY_FILE),
        seed: read(files::SEED_FILE),
    }
}

#[test]
fn the_catalog_has_every_product_priced_in_every_market() {
    let w = world();
    let mut products = known_products();
    products.extend(third_party_offers());
    assert_eq!(w.catalog.catalog.products, products);
    let markets = ["US", "CA", "GB", "DE", "FR", "JP", "AU", "BR", "CD", "IN", "CN"];
    let catalog = w.catalog.catalog.clone();
    for p in &w.catalog.catalog.products {
        for m in markets {
            let price = catalog
                .price(&p.id, Country::try_from(m).unwrap())
                .unwrap_or_else(|| panic!("{} in {m}", p.id));
            assert!(
                price.central <= price.self_service,
                "central prices are lower: {} {m}",
                p.id
            );
            assert_eq!(price.self_service.currency(), price.market.currency);
        }
        assert!(w
            .catalog
            .summaries
            .iter()
            .any(|s| s.product == p.id && !s.en_us.is_empty() && !s.zh_cn.is_empty()));
    }
    // Old IDs resolve to products of the catalog.
    for (old, _) in ID_ALIASES {
        assert!(
            catalog
                .product(&ProductId::try_from(old).unwrap())
                .is_some(),
            "{old}"
        );
    }
    let jpy = catalog
        .price(
            &ProductId::try_from("CFQ7TTC0H9MP").unwrap(),
            Country::try_from("JP").unwrap(),
        )
        .unwrap();
    assert_eq!(
        jpy.self_service.to_decimal_string(),
        "2100",
        "yen have no minor unit"
    );
}

#[test]
fn the_directory_reaches_every_branch_of_the_rules() {
    let w = world();
    let dir = w.directory.directory();
    let state = w.seed.state(dir.clone());
    let product = |id: &str| {
        w.catalog
            .catalog
            .clone()
            .product(&ProductId::try_from(id).unwrap())
            .unwrap()
            .clone()
    };
    let decide =
        |email: &str, id: &str| evaluate_email(&dir, &state.policies, &product(id), email).decision;
    use Decision::*;
    let cases = [
        ("megan@contoso.com", "CFQ7TTC0H9MP", Eligible),
        ("alex@contoso.com", "CFQ7TTC0H9MP", Eligible),
        ("nobody@unknown-company.com", "CFQ7TTC0H9MP", UnknownDomain),
        ("rob@litware.com", "CFQ7TTC0H9MP", UnmanagedTenant),
        ("cecil@adatum.gov", "CFQ7TTC0H9MP", GovernmentTenant),
        ("ana@northwind.edu", "CFQ7TTC0H9MP", EducationTenant),
        ("wei@contoso.cn", "CFQ7TTC0H9MP", SovereignCloud),
        ("someone@contoso.com", "CFQ7TTC0H9MP", AccountNotFound),
        ("grady@contoso.com", "CFQ7TTC0H9MP", AccountDisabled),
        ("joni@contoso.com", "CFQ7TTC0H9MP", AccountDeleted),
        (
            "kai_fabrikam.com#EXT#@contoso.onmicrosoft.com",
            "CFQ7TTC0H9MP",
            GuestAccount,
        ),
        ("kai@fabrikam.com", "CFQ7TTC0H9MP", Eligible),
        (
            "arjun@tailspintoys.in",
            "CFQ7TTC0H9MP",
            MarketUnavailable(Country::INDIA),
        ),
        (
            "beatriz@wingtiptoys.com.br",
            "CFQ7TTC0HDB1",
            ProductUnavailableInMarket(Country::BRAZIL),
        ),
        ("beatriz@wingtiptoys.com.br", "CFQ7TTC0H9MP", Eligible),
        (
            "amani@woodgrove.cd",
            "CFQ7TTC0HD33",
            ProductUnavailableInMarket(Country::DR_CONGO),
        ),
        ("megan@contoso.com", "CFQ7TTC0LSGZ", PolicyDisabled),
        ("megan@contoso.com", "CFQ7TTC0HD33", TrialsOnly),
        (
            "lena@fourthcoffee.de",
            "CFQ7TTC0MM8R",
            NoTrialWithoutPaymentMethod,
        ),
        ("yuki@proseware.jp", "CFQ7TTC0HD33", Eligible),
        ("ellie@humongous.org", "CFQ7TTC0H9MP", Eligible),
    ];
    for (email, id, expected) in cases {
        assert_eq!(decide(email, id), expected, "{email} / {id}");
    }
}

#[test]
fn the_directory_has_the_people_the_issues_need() {
    let w = world();
    let contoso: Vec<_> = w
        .directory
        .users
        .iter()
        .filter(|u| u.tenant.0 == "contoso")
        .collect();
    assert!(
        contoso.len() >= 300,
        "several hundred users in the US tenant: {}",
        contoso.len()
    );
    for role in [Role::GlobalAdmin, Role::BillingAdmin, Role::GlobalReader] {
        assert!(contoso.iter().any(|u| u.has_role(role)), "{role:?}");
    }
    assert!(contoso.iter().any(|u| u.source == AccountSource::Synced));
    assert!(contoso.iter().any(|u| u.source == AccountSource::CloudOnly));
    assert!(contoso.iter().any(|u| u.kind == AccountKind::Guest));
    assert!(contoso.iter().any(|u| u.status == AccountStatus::Disabled));
    assert!(contoso.iter().any(|u| u.status == AccountStatus::Deleted));
    let ravi = w.directory.users.iter().find(|u| u.id.0 == "ravi").unwrap();
    assert_eq!(
        ravi.delegations.len(),
        2,
        "a partner with rights in two customers"
    );
    let emails: HashSet<&str> = w.directory.users.iter().map(|u| u.email.as_str()).collect();
    assert_eq!(
        emails.len(),
        w.directory.users.len(),
        "one account per address"
    );
    for u in &w.directory.users {
        assert!(
            w.directory.password_matches(&u.id, "Demo-2026!"),
            "{} has the README's password",
            u.id
        );
        assert!(!w.directory.password_matches(&u.id, "wrong"));
    }
}

#[test]
fn the_seed_is_a_valid_state_with_something_on_every_screen() {
    let w = world();
    let state = w.seed.state(w.directory.directory());
    let saved = Saved {
        schema: SCHEMA,
        clock: w.seed.clock,
        state,
    };
    files::validate(&saved, &w.catalog.catalog.clone()).unwrap();
    let s = &saved.state;
    let purchasers: HashSet<&str> = s
        .subscriptions
        .iter()
        .filter_map(|x| x.purchaser.as_ref())
        .map(|p| p.0.as_str())
        .collect();
    assert!(purchasers.contains("megan") && purchasers.contains("diego"));
    assert!(s
        .subscriptions
        .iter()
        .any(|x| x.channel == subscription::Channel::Central));
    assert!(s
        .subscriptions
        .iter()
        .any(|x| matches!(x.channel, subscription::Channel::Trial { .. })));
    assert!(s
        .bills
        .iter()
        .any(|b| b.status == subscription::BillStatus::PastDue));
    assert!(s
        .notifications
        .iter()
        .any(|n| n.to.0 == "proseware-jp-yuki"));
    // Every purchaser's card is theirs, and the sequence is past every ID in use.
    for sub in s.subscriptions.iter().filter(|x| x.card.is_some()) {
        let card = s.card(sub.card.as_ref().unwrap()).unwrap();
        assert_eq!(Some(&card.owner), sub.purchaser.as_ref());
    }
    let max_id = s
        .subscriptions
        .iter()
        .map(|x| &x.id.0)
        .chain(s.bills.iter().map(|b| &b.id.0))
        .chain(s.cards.iter().map(|c| &c.id.0))
        .filter_map(|id| id.rsplit('-').next()?.parse::<u64>().ok())
        .max()
        .unwrap();
    assert!(s.sequence >= max_id);
    // A purchaser who left keeps an active subscription, flagged for the admin.
    let lynne = s
        .subscriptions
        .iter()
        .find(|x| x.purchaser.as_ref().is_some_and(|p| p.0 == "lynne"))
        .unwrap();
    assert!(lynne.is_active());
    // The seed's own calendar: nothing is due to renew at the start.
    let (after, events) = advance(s, w.seed.clock);
    assert!(events.is_empty(), "{events:?}");
    assert_eq!(&after, s);
}

#[test]
fn demo_sign_in() {
    use ssp::store::files::{authenticate, SignInError};
    let w = world();
    let dir = w.directory.directory();
    let sign_in = |email: &str, password: &str| {
        authenticate(&w.directory, &dir, email, password).map(|u| u.id.0)
    };
    assert_eq!(
        sign_in("megan@contoso.com", "Demo-2026!"),
        Ok("megan".into())
    );
    assert_eq!(
        sign_in(" MEGAN@Contoso.com ", "Demo-2026!"),
        Ok("megan".into())
    );
    assert_eq!(
        sign_in("megan@contoso.com", "demo-2026!"),
        Err(SignInError::WrongPassword)
    );
    assert_eq!(
        sign_in("megan@contoso.com", ""),
        Err(SignInError::WrongPassword)
    );
    assert_eq!(
        sign_in("nobody@contoso.com", "Demo-2026!"),
        Err(SignInError::UnknownAccount)
    );
    assert_eq!(
        sign_in("megan@unknown.example", "Demo-2026!"),
        Err(SignInError::UnknownAccount)
    );
    assert_eq!(sign_in("megan", "Demo-2026!"), Err(SignInError::Malformed));
    assert_eq!(
        sign_in("grady@contoso.com", "Demo-2026!"),
        Err(SignInError::Disabled)
    );
    assert_eq!(
        sign_in("joni@contoso.com", "Demo-2026!"),
        Err(SignInError::Deleted)
    );
    assert_eq!(
        sign_in(
            "kai_fabrikam.com#EXT#@contoso.onmicrosoft.com",
            "Demo-2026!"
        ),
        Ok("kai-guest".into()),
        "guests sign in"
    );
}
