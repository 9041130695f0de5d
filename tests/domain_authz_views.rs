//! `may()` for every role against every action, and the Your-products read model.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use common::*;
use ssp::domain::authz::Action::*;
use ssp::domain::subscription::Status;
use ssp::domain::views::{
    power_platform_capacity, product_rows, Column, ProductFilter, Query, Sort, Source,
};
use ssp::domain::*;

#[test]
fn roles_against_admin_actions() {
    let s = state();
    let contoso = TenantId("contoso".into());
    let actions = [
        ViewBilling,
        ManageBilling,
        ViewPolicies,
        SetPolicy,
        ViewUsers,
        ManageUsers,
        ViewAudit,
        ViewOwnPurchases,
        SetPolicyWithModule,
    ];
    // Expected for each action above, in order (true = allowed).
    let table: [(&str, &str, [bool; 9]); 9] = [
        (
            "admin",
            "contoso",
            [true, true, true, true, true, true, true, true, true],
        ),
        (
            "billing",
            "contoso",
            [true, true, true, false, true, false, true, true, true],
        ),
        (
            "reader",
            "contoso",
            [true, false, true, false, true, false, true, true, false],
        ),
        (
            "megan",
            "contoso",
            [false, false, false, false, false, false, false, true, false],
        ),
        ("guest", "contoso", [false; 9]),
        ("disabled", "contoso", [false; 9]),
        (
            "partner.pat",
            "contoso",
            [true, true, true, true, true, true, true, false, true],
        ),
        ("alex", "northwind", [false; 9]),
        ("partner.pat", "partner", [false; 9]), // acting in their own tenant, contoso is another tenant
    ];
    for (user, tenant, expected) in table {
        let who = actor(user, tenant);
        for (action, allowed) in actions.iter().zip(expected) {
            let got = may(&s.directory, &who, *action, Subject::Tenant(&contoso));
            assert_eq!(got.is_ok(), allowed, "{user}@{tenant} {action:?}: {got:?}");
        }
    }
}

#[test]
fn a_partner_acts_in_one_delegated_tenant_at_a_time() {
    let s = state();
    let northwind = TenantId("northwind".into());
    let contoso = TenantId("contoso".into());
    let in_northwind = actor("partner.pat", "northwind");
    assert!(may(
        &s.directory,
        &in_northwind,
        ViewBilling,
        Subject::Tenant(&northwind)
    )
    .is_ok());
    // Take-over, centralize and policy tasks need the customer's Global admin role for
    // a partner, whatever the module allows a customer's own Billing admin.
    for action in [ManageBilling, SetPolicy, SetPolicyWithModule] {
        assert_eq!(
            may(
                &s.directory,
                &in_northwind,
                action,
                Subject::Tenant(&northwind)
            ),
            Err(Denied::MissingRole(vec![Role::GlobalAdmin])),
            "delegated Billing admin × {action:?}"
        );
    }
    for action in [ManageBilling, SetPolicy, SetPolicyWithModule] {
        assert!(
            may(
                &s.directory,
                &actor("partner.pat", "contoso"),
                action,
                Subject::Tenant(&contoso)
            )
            .is_ok(),
            "delegated Global admin × {action:?}"
        );
    }
    assert!(may(
        &s.directory,
        &in_northwind,
        SetPolicy,
        Subject::Tenant(&northwind)
    )
    .is_err());
    assert_eq!(
        may(
            &s.directory,
            &in_northwind,
            ViewBilling,
            Subject::Tenant(&contoso)
        ),
        Err(Denied::OtherTenant),
        "nothing of the other customer"
    );
    assert_eq!(
        may(
            &s.directory,
            &actor("partner.pat", "school"),
            ViewBilling,
            Subject::Tenant(&TenantId("school".into()))
        ),
        Err(Denied::NotInTenant)
    );
}

#[test]
fn only_the_purchaser_manages_a_self_service_subscription() {
    let (s, sub) = megan_buys(&state(), 2);
    let sub = s.subscription(&sub).unwrap();
    let check = |user: &str, tenant: &str| {
        may(
            &s.directory,
            &actor(user, tenant),
            ManageOwnSubscription,
            Subject::Subscription(sub),
        )
    };
    assert_eq!(check("megan", "contoso"), Ok(()));
    assert_eq!(check("lee", "contoso"), Err(Denied::NotPurchaser));
    assert_eq!(check("admin", "contoso"), Err(Denied::NotPurchaser));
    assert_eq!(check("partner.pat", "contoso"), Err(Denied::NotInTenant));
    assert_eq!(check("alex", "northwind"), Err(Denied::OtherTenant));
    assert_eq!(check("nobody", "contoso"), Err(Denied::UnknownUser));
    assert!(may(
        &s.directory,
        &actor("admin", "contoso"),
        ViewBilling,
        Subject::Subscription(sub)
    )
    .is_ok());
}

fn grid_world() -> (State, Vec<SubscriptionId>) {
    let mut s = state();
    let mut subs = Vec::new();
    for (who, n) in [("megan", 3), ("lee", 2)] {
        let (next, events) = ok(
            &s,
            &actor(who, "contoso"),
            Command::Purchase {
                product: pid(POWER_BI_PRO),
                licenses: qty(n),
                card: card("4242424242424242"),
                assign_to_me: false,
            },
        );
        let Event::Purchased { subscription, .. } = &events[0] else {
            panic!()
        };
        subs.push(subscription.clone());
        s = next;
    }
    let (s, _) = ok(
        &s,
        &actor("megan", "contoso"),
        Command::Assign {
            subscription: subs[0].clone(),
            users: vec![uid("staff1")],
        },
    );
    let (s, _) = ok(
        &s,
        &actor("admin", "contoso"),
        Command::BuyCentral {
            product: pid(POWER_APPS),
            licenses: qty(10),
            into: None,
            assign: vec![uid("staff2")],
        },
    );
    let (s, _) = ok(
        &s,
        &actor("lee", "contoso"),
        Command::StartTrial {
            product: pid(VISIO_P1),
            licenses: qty(1),
            card: None,
            assign_to_me: false,
        },
    );
    let (s, _) = ok(
        &s,
        &actor("alex", "northwind"),
        Command::Purchase {
            product: pid(POWER_BI_PRO),
            licenses: qty(7),
            card: card("4242424242424242"),
            assign_to_me: false,
        },
    );
    (s, subs)
}

fn rows(s: &State, filter: ProductFilter, search: &str, sort: Sort) -> Vec<views::ProductRow> {
    product_rows(
        s,
        &catalog(),
        &TenantId("contoso".into()),
        &Query {
            filter,
            search: search.into(),
            sort,
        },
    )
}

#[test]
fn your_products_filters_group_and_sum() {
    let (s, subs) = grid_world();
    let central = rows(&s, ProductFilter::CentralOnly, "", Sort::default());
    assert_eq!(central.len(), 1);
    assert_eq!(
        (
            central[0].product_name.as_str(),
            central[0].source,
            central[0].licenses,
            central[0].assigned
        ),
        ("Power Apps per user", Source::Central, 10, 1)
    );

    let all = rows(&s, ProductFilter::IncludeSelfService, "", Sort::default());
    assert_eq!(
        all.len(),
        2,
        "two purchases of Power BI Pro are one row; the other tenant's is not here"
    );
    let bi = all
        .iter()
        .find(|r| r.source == Source::SelfService)
        .unwrap();
    assert_eq!((bi.licenses, bi.assigned, bi.available), (5, 1, 4));
    assert_eq!(&*bi.subscriptions, subs.as_slice());
    assert_eq!(bi.purchasers, vec!["megan".to_string(), "lee".to_string()]);

    let trials = rows(&s, ProductFilter::Trials, "", Sort::default());
    assert_eq!(trials.len(), 1);
    assert_eq!(trials[0].product_name, "Visio Plan 1");
}

#[test]
fn your_products_search_and_sort() {
    let (s, _) = grid_world();
    assert_eq!(
        rows(
            &s,
            ProductFilter::IncludeSelfService,
            "apps",
            Sort::default()
        )
        .len(),
        1
    );
    assert_eq!(
        rows(
            &s,
            ProductFilter::IncludeSelfService,
            "LEE",
            Sort::default()
        )[0]
        .product_name,
        "Power BI Pro",
        "search by purchaser"
    );
    assert_eq!(
        rows(
            &s,
            ProductFilter::IncludeSelfService,
            "CFQ7TTC0H9MP",
            Sort::default()
        )
        .len(),
        1,
        "search by product ID"
    );
    assert!(rows(
        &s,
        ProductFilter::IncludeSelfService,
        "zzz",
        Sort::default()
    )
    .is_empty());
    let by = |column, descending| {
        rows(
            &s,
            ProductFilter::IncludeSelfService,
            "",
            Sort { column, descending },
        )
        .into_iter()
        .map(|r| r.product_name)
        .collect::<Vec<_>>()
    };
    assert_eq!(
        by(Column::Product, false),
        vec!["Power Apps per user", "Power BI Pro"]
    );
    assert_eq!(
        by(Column::Product, true),
        vec!["Power BI Pro", "Power Apps per user"]
    );
    assert_eq!(
        by(Column::Licenses, false),
        vec!["Power BI Pro", "Power Apps per user"]
    );
    assert_eq!(
        by(Column::Available, true),
        vec!["Power Apps per user", "Power BI Pro"]
    );
    for column in [
        Column::Source,
        Column::Purchaser,
        Column::Assigned,
        Column::Renewal,
        Column::Price,
        Column::Status,
    ] {
        assert_eq!(by(column, false).len(), 2, "{column:?} sorts every row");
    }
}

#[test]
fn canceled_purchases_stay_listed_but_do_not_count() {
    let (s, subs) = grid_world();
    let (s, _) = ok(
        &s,
        &actor("lee", "contoso"),
        Command::Cancel {
            subscription: subs[1].clone(),
            reason: "done".into(),
        },
    );
    let bi = rows(&s, ProductFilter::IncludeSelfService, "bi", Sort::default()).remove(0);
    assert_eq!((bi.licenses, bi.status), (3, Status::Active));
    assert_eq!(bi.subscriptions.len(), 2);
}

#[test]
fn capacity_counts_power_platform_licenses_by_source() {
    let (s, _) = grid_world();
    let cap = power_platform_capacity(&s, &catalog(), &TenantId("contoso".into()));
    let find = |id: &str| {
        cap.iter()
            .find(|(p, ..)| p.as_str() == id)
            .map(|(_, _, ss, c)| (*ss, *c))
            .unwrap()
    };
    assert_eq!(find(POWER_BI_PRO), (5, 0));
    assert_eq!(find(POWER_APPS), (0, 10));
    assert_eq!(cap.len(), 5, "the five Power Platform products");
}

#[test]
fn a_purchasers_own_subscriptions_people_and_bills() {
    let (s, subs) = grid_world();
    let megan: Vec<_> = views::purchases_of(&s, &uid("megan"))
        .iter()
        .map(|x| x.id.clone())
        .collect();
    assert_eq!(
        megan,
        vec![subs[0].clone()],
        "only her own, never Lee's or a central one"
    );
    let lee = views::purchases_of(&s, &uid("lee"));
    assert_eq!(lee.len(), 2, "Lee's purchase and trial");
    let contoso = TenantId("contoso".into());
    let found: Vec<_> = views::people_matching(&s.directory, &contoso, "STAFF1", 5)
        .iter()
        .map(|u| u.id.0.clone())
        .collect();
    assert_eq!(found.len(), 5);
    assert!(found.iter().all(|id| id.starts_with("staff1")));
    assert!(
        views::people_matching(&s.directory, &contoso, "alex@northwind", 5).is_empty(),
        "Alex is in Northwind, not Contoso"
    );
    assert_eq!(
        views::people_matching(&s.directory, &contoso, "alex", 5).len(),
        1,
        "only his guest account in Contoso"
    );
    assert!(views::people_matching(&s.directory, &contoso, "  ", 5).is_empty());
    let today = now().date_naive();
    let bills = views::bills_of(&s, &uid("megan"), today - chrono::Duration::days(90), today);
    assert_eq!(bills.len(), 1);
    assert!(views::bills_of(
        &s,
        &uid("megan"),
        today + chrono::Duration::days(1),
        today + chrono::Duration::days(90)
    )
    .is_empty());
}

#[test]
fn export_users_as_csv() {
    let (s, subs) = grid_world();
    let csv = views::users_csv(&s, &subs);
    let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
    assert_eq!(
        lines[0],
        "Display name,User principal name,Subscription,Purchaser"
    );
    assert_eq!(lines.len(), 2, "one assigned user: {csv}");
    assert!(lines[1].starts_with("staff1,staff1@contoso.com,"));
    assert!(lines[1].ends_with(",megan"));
    let mut quoted = s.clone();
    quoted
        .directory
        .users
        .iter_mut()
        .find(|u| u.id.0 == "staff1")
        .unwrap()
        .display_name = "Doe, \"J\"".into();
    assert!(views::users_csv(&quoted, &subs).contains("\"Doe, \"\"J\"\"\""));
}

/// The admin center each person gets: the Admin tile and `/admin` follow it.
#[test]
fn who_gets_which_admin_center() {
    use ssp::domain::views::{admin_access, AdminAccess};
    let s = state();
    let (s, _) = megan_buys(&s, 1);
    for (user, tenant, expected) in [
        ("admin", "contoso", AdminAccess::Admin),
        ("billing", "contoso", AdminAccess::Admin),
        ("reader", "contoso", AdminAccess::Admin),
        ("megan", "contoso", AdminAccess::Purchaser),
        ("lee", "contoso", AdminAccess::NothingToManage),
        ("guest", "contoso", AdminAccess::NothingToManage),
        ("partner.pat", "partner", AdminAccess::Partner),
        ("partner.pat", "contoso", AdminAccess::Admin),
    ] {
        assert_eq!(
            admin_access(&s, &actor(user, tenant)),
            expected,
            "{user}@{tenant}"
        );
    }
}
