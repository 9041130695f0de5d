//! One table (or a few cases) per command, each checking what changed and what did not.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use chrono::Duration;
use common::*;
use ssp::domain::card::{CardError, CardId, Decline, Expiry};
use ssp::domain::commands::{advance, AssignRefusal, MAX_ASSIGN_AT_ONCE};
use ssp::domain::directory::AccountStatus;
use ssp::domain::subscription::{AuditOutcome, BillStatus, Channel, NotificationKind, Status};
use ssp::domain::*;

fn megan() -> Actor {
    actor("megan", "contoso")
}

fn admin() -> Actor {
    actor("admin", "contoso")
}

fn staff(range: std::ops::Range<u32>) -> Vec<UserId> {
    range.map(|n| uid(&format!("staff{n}"))).collect()
}

#[test]
fn purchase_creates_a_paid_subscription_owned_by_the_buyer() {
    let (s, sub) = megan_buys(&state(), 3);
    let sub = s.subscription(&sub).unwrap();
    assert_eq!(sub.purchaser, Some(uid("megan")));
    assert_eq!(sub.channel, Channel::SelfService);
    assert_eq!(
        (sub.licenses.get(), sub.assigned.len(), sub.status),
        (3, 0, Status::Active)
    );
    assert_eq!(
        sub.unit_price,
        Money::from_minor(1000, Currency::USD).unwrap()
    );
    assert_eq!(sub.term_end, today() + Duration::days(30));
    assert_eq!(s.bills.len(), 1);
    assert_eq!(
        (s.bills[0].amount.minor(), s.bills[0].status),
        (3000, BillStatus::Paid)
    );
    assert_eq!(s.cards[0].last4, "4242");
    assert_eq!(s.audit.last().unwrap().action, "purchase");
    assert_eq!(s.audit.last().unwrap().outcome, AuditOutcome::Succeeded);
}

#[test]
fn purchase_is_refused_by_eligibility_and_by_the_card() {
    let base = state();
    let buy = |who: &str, tenant: &str, product: &str, number: &str| {
        let cmd = Command::Purchase {
            product: pid(product),
            licenses: qty(1),
            card: card(number),
            assign_to_me: false,
        };
        refused(&base, &actor(who, tenant), cmd)
    };
    let ineligible = |e: DomainError| match e {
        DomainError::Ineligible(v) => v.decision,
        other => panic!("expected ineligible, got {other}"),
    };
    assert_eq!(
        ineligible(buy("teacher", "school", POWER_BI_PRO, "4242424242424242")),
        Decision::EducationTenant
    );
    assert_eq!(
        ineligible(buy("guest", "contoso", POWER_BI_PRO, "4242424242424242")),
        Decision::GuestAccount
    );
    assert_eq!(
        ineligible(buy("in.user", "india", POWER_BI_PRO, "4242424242424242")),
        Decision::MarketUnavailable(Country::INDIA)
    );
    assert_eq!(
        ineligible(buy("br.user", "brazil", PROJECT_P3, "4242424242424242")),
        Decision::ProductUnavailableInMarket(Country::BRAZIL)
    );
    assert_eq!(
        buy("megan", "contoso", POWER_BI_PRO, "4000000000000002"),
        DomainError::Declined(Decline::Declined)
    );
    assert_eq!(
        buy("megan", "contoso", POWER_BI_PRO, "4000000000009995"),
        DomainError::Declined(Decline::InsufficientFunds)
    );
    assert_eq!(
        buy("megan", "contoso", POWER_BI_PRO, "4000000000000069"),
        DomainError::Declined(Decline::ExpiredCard)
    );
    assert_eq!(
        buy("megan", "contoso", POWER_BI_PRO, "4000000000000127"),
        DomainError::Declined(Decline::IncorrectSecurityCode)
    );
    // A partner cannot buy for themselves inside a customer tenant.
    assert_eq!(
        buy("partner.pat", "contoso", POWER_BI_PRO, "4242424242424242"),
        DomainError::Denied(Denied::NotInTenant)
    );
}

#[test]
fn the_policy_is_checked_again_at_submit() {
    let (s, _) = ok(
        &state(),
        &admin(),
        Command::SetPolicy {
            target: pid(POWER_BI_PRO).into(),
            value: PolicyValue::Disabled,
        },
    );
    let e = refused(
        &s,
        &megan(),
        Command::Purchase {
            product: pid(POWER_BI_PRO),
            licenses: qty(1),
            card: card("4242424242424242"),
            assign_to_me: false,
        },
    );
    assert!(matches!(e, DomainError::Ineligible(v) if v.decision == Decision::PolicyDisabled));
}

#[test]
fn trials_follow_the_policy_and_the_product() {
    // (policy, product, with card, succeeds)
    let cases = [
        (PolicyValue::Enabled, POWER_BI_PRO, true, true),
        (PolicyValue::Enabled, POWER_BI_PRO, false, false),
        (PolicyValue::Enabled, VISIO_P1, false, true),
        (
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
            VISIO_P1,
            false,
            true,
        ),
        (
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
            VISIO_P1,
            true,
            false,
        ),
        (
            PolicyValue::OnlyTrialsWithoutPaymentMethod,
            POWER_BI_PRO,
            false,
            false,
        ),
        (PolicyValue::Disabled, VISIO_P1, false, false),
        (PolicyValue::Disabled, POWER_BI_PRO, true, false),
    ];
    for (value, product, with_card, succeeds) in cases {
        let (s, _) = ok(
            &state(),
            &admin(),
            Command::SetPolicy {
                target: pid(product).into(),
                value,
            },
        );
        let cmd = Command::StartTrial {
            product: pid(product),
            licenses: qty(5),
            card: with_card.then(|| card("4242424242424242")),
            assign_to_me: false,
        };
        let catalog = catalog();
        let result = execute(
            &s,
            Ctx {
                catalog: &catalog,
                now: now(),
            },
            &megan(),
            submitted(cmd),
        );
        assert_eq!(
            result.is_ok(),
            succeeds,
            "{value} / {product} / card {with_card}: {:?}",
            result.as_ref().err()
        );
        if let Ok((s, _)) = result {
            let sub = s.subscriptions.last().unwrap();
            assert_eq!(
                sub.channel,
                Channel::Trial {
                    with_payment_method: with_card
                }
            );
            assert_eq!(
                sub.auto_renew, with_card,
                "only a trial with a card converts"
            );
            assert!(s.bills.is_empty(), "a trial charges nothing");
        }
    }
}

#[test]
fn one_trial_per_product_per_person() {
    let cmd = || Command::StartTrial {
        product: pid(VISIO_P1),
        licenses: qty(1),
        card: None,
        assign_to_me: false,
    };
    let (s, _) = ok(&state(), &megan(), cmd());
    assert_eq!(refused(&s, &megan(), cmd()), DomainError::TrialAlreadyUsed);
    let (s, _) = ok(&s, &actor("lee", "contoso"), cmd());
    assert_eq!(s.subscriptions.len(), 2, "a colleague may try it too");
}

#[test]
fn license_total_never_drops_below_assigned() {
    let (s, sub) = megan_buys(&state(), 5);
    let (s, _) = ok(
        &s,
        &megan(),
        Command::Assign {
            subscription: sub.clone(),
            users: staff(0..3),
        },
    );
    let change = |n| Command::ChangeLicenses {
        subscription: sub.clone(),
        total: qty(n),
    };
    assert_eq!(
        refused(&s, &megan(), change(2)),
        DomainError::BelowAssigned { assigned: 3 }
    );
    assert_eq!(refused(&s, &megan(), change(5)), DomainError::Unchanged);
    let (down, events) = ok(&s, &megan(), change(3));
    assert_eq!(down.subscription(&sub).unwrap().licenses.get(), 3);
    assert!(matches!(
        &events[0],
        Event::LicensesChanged {
            total: 3,
            charged: None,
            ..
        }
    ));
    let (up, _) = ok(&s, &megan(), change(8));
    assert_eq!(up.subscription(&sub).unwrap().licenses.get(), 8);
    let bill = up.bills.last().unwrap();
    assert_eq!(
        (bill.amount.minor(), bill.status),
        (3000, BillStatus::Paid),
        "3 more licenses charged to the card"
    );
    // Someone else's subscription is not theirs to change.
    assert_eq!(
        refused(&s, &actor("lee", "contoso"), change(8)),
        DomainError::Denied(Denied::NotPurchaser)
    );
    assert!(
        matches!(
            refused(&s, &admin(), change(8)),
            DomainError::Denied(Denied::NotPurchaser)
        ),
        "admins cannot edit a purchaser's subscription"
    );
}

#[test]
fn assignment_rules() {
    let (s, sub) = megan_buys(&state(), 25);
    let assign = |users: Vec<UserId>| Command::Assign {
        subscription: sub.clone(),
        users,
    };
    assert_eq!(
        refused(&s, &megan(), assign(vec![])),
        DomainError::NothingSelected
    );
    assert_eq!(
        refused(&s, &megan(), assign(staff(0..21))),
        DomainError::TooManyAtOnce { given: 21 }
    );
    let (s20, _) = ok(&s, &megan(), assign(staff(0..MAX_ASSIGN_AT_ONCE as u32)));
    assert_eq!(s20.subscription(&sub).unwrap().assigned.len(), 20);
    let refusals = |users: Vec<UserId>| match refused(&s20, &megan(), assign(users)) {
        DomainError::AssigneesRefused(list) => list,
        other => panic!("{other}"),
    };
    assert_eq!(
        refusals(vec![uid("alex")]),
        vec![(uid("alex"), AssignRefusal::OtherTenant)]
    );
    assert_eq!(
        refusals(vec![uid("guest")]),
        vec![(uid("guest"), AssignRefusal::Guest)]
    );
    assert_eq!(
        refusals(vec![uid("disabled")]),
        vec![(uid("disabled"), AssignRefusal::Inactive)]
    );
    assert_eq!(
        refusals(vec![uid("staff0")]),
        vec![(uid("staff0"), AssignRefusal::AlreadyAssigned)]
    );
    assert_eq!(
        refusals(vec![uid("nobody")]),
        vec![(uid("nobody"), AssignRefusal::UnknownUser)]
    );
    assert_eq!(
        refusals(vec![uid("lee"), uid("lee")]),
        vec![(uid("lee"), AssignRefusal::Duplicate)]
    );
    assert_eq!(
        refused(&s20, &megan(), assign(staff(20..26))),
        DomainError::NotEnoughLicenses {
            available: 5,
            requested: 6
        }
    );
    let (s, _) = ok(
        &s20,
        &megan(),
        Command::Unassign {
            subscription: sub.clone(),
            user: uid("staff3"),
        },
    );
    assert!(!s
        .subscription(&sub)
        .unwrap()
        .assigned
        .contains(&uid("staff3")));
    assert_eq!(
        refused(
            &s,
            &megan(),
            Command::Unassign {
                subscription: sub.clone(),
                user: uid("staff3")
            }
        ),
        DomainError::NotAssigned(uid("staff3"))
    );
}

#[test]
fn bills_cards_and_cancellation() {
    // The card that is accepted at checkout and declined on every later charge.
    let (s, events) = ok(
        &state(),
        &megan(),
        Command::Purchase {
            product: pid(POWER_BI_PRO),
            licenses: qty(2),
            card: card("4000000000000341"),
            assign_to_me: false,
        },
    );
    let Event::Purchased {
        subscription: sub, ..
    } = &events[0]
    else {
        panic!("{events:?}")
    };
    let sub = sub.clone();
    // A month on, the renewal is declined: the bill is past due and Megan is told.
    let (s, events) = advance(&s, now() + Duration::days(31));
    assert!(
        matches!(&events[0], Event::PaymentDeclined { .. }),
        "{events:?}"
    );
    let due = s
        .bills
        .iter()
        .find(|b| b.status == BillStatus::PastDue)
        .unwrap()
        .id
        .clone();
    assert!(s.notifications.iter().any(|n| matches!(&n.kind,
        NotificationKind::PaymentFailed { bill, next_try: Some(_) } if *bill == due)));
    assert!(matches!(
        refused(
            &s,
            &actor("lee", "contoso"),
            Command::PayBill { bill: due.clone() }
        ),
        DomainError::Denied(_)
    ));
    assert_eq!(
        refused(&s, &megan(), Command::PayBill { bill: due.clone() }),
        DomainError::Declined(Decline::InsufficientFunds),
        "the same card declines again"
    );
    let (s, _) = ok(
        &s,
        &megan(),
        Command::ReplaceCard {
            subscription: sub.clone(),
            card: card("4242424242424242"),
        },
    );
    let (s, _) = ok(&s, &megan(), Command::PayBill { bill: due.clone() });
    assert_eq!(s.bill(&due).unwrap().status, BillStatus::Paid);
    let renewed = s.subscription(&sub).unwrap();
    assert_eq!(
        (renewed.past_due.clone(), renewed.term_start),
        (None, today() + Duration::days(30))
    );
    assert_eq!(
        refused(&s, &megan(), Command::PayBill { bill: due }),
        DomainError::BillAlreadyPaid
    );

    let card_id = s.cards[0].id.clone();
    let update = |expiry: Expiry, code: &str| Command::UpdateCard {
        card: card_id.clone(),
        expiry,
        holder: "M. Bowen".into(),
        security_code: code.into(),
        address: None,
    };
    let (s2, _) = ok(
        &s,
        &megan(),
        update(
            Expiry {
                year: 2031,
                month: 1,
            },
            "321",
        ),
    );
    assert_eq!(
        (s2.cards[0].expiry.year, s2.cards[0].holder.as_str()),
        (2031, "M. Bowen")
    );
    assert_eq!(
        refused(
            &s,
            &megan(),
            update(
                Expiry {
                    year: 2020,
                    month: 1
                },
                "321"
            )
        ),
        DomainError::Card(CardError::Expired)
    );
    assert!(matches!(
        refused(
            &s,
            &megan(),
            update(
                Expiry {
                    year: 2031,
                    month: 1
                },
                "12"
            )
        ),
        DomainError::Card(CardError::CodeLength { .. })
    ));
    assert_eq!(
        refused(
            &s,
            &actor("lee", "contoso"),
            update(
                Expiry {
                    year: 2031,
                    month: 1
                },
                "321"
            )
        ),
        DomainError::Denied(Denied::NotPurchaser)
    );
    assert_eq!(
        refused(
            &s,
            &megan(),
            Command::UpdateCard {
                card: CardId("none".into()),
                expiry: Expiry {
                    year: 2031,
                    month: 1
                },
                holder: "x".into(),
                security_code: "123".into(),
                address: None,
            }
        ),
        DomainError::UnknownCard(CardId("none".into()))
    );

    let (s3, _) = ok(
        &s,
        &megan(),
        Command::ReplaceCard {
            subscription: sub.clone(),
            card: card("5555555555554444"),
        },
    );
    let new_card = s3.subscription(&sub).unwrap().card.clone().unwrap();
    assert_eq!(s3.card(&new_card).unwrap().last4, "4444");
    assert_eq!(
        refused(
            &s,
            &megan(),
            Command::ReplaceCard {
                subscription: sub.clone(),
                card: card("4000000000000002")
            }
        ),
        DomainError::Declined(Decline::Declined)
    );

    assert_eq!(
        refused(
            &s,
            &megan(),
            Command::Cancel {
                subscription: sub.clone(),
                reason: "  ".into()
            }
        ),
        DomainError::ReasonMissing
    );
    let (s4, _) = ok(
        &s,
        &megan(),
        Command::Cancel {
            subscription: sub.clone(),
            reason: "No longer needed".into(),
        },
    );
    let canceled = s4.subscription(&sub).unwrap();
    assert_eq!(
        (canceled.status, canceled.auto_renew),
        (Status::Disabled, false),
        "inside the window: Disabled at once"
    );
    assert_eq!(
        refused(
            &s4,
            &megan(),
            Command::Cancel {
                subscription: sub,
                reason: "again".into()
            }
        ),
        DomainError::NotActive(Status::Disabled)
    );
}

#[test]
fn only_a_global_admin_sets_policies_and_it_never_touches_subscriptions() {
    let (s, sub) = megan_buys(&state(), 2);
    let set = |value| Command::SetPolicy {
        target: pid(POWER_BI_PRO).into(),
        value,
    };
    for who in [
        actor("billing", "contoso"),
        actor("reader", "contoso"),
        megan(),
        actor("partner.pat", "northwind"),
    ] {
        assert!(
            matches!(
                refused(&s, &who, set(PolicyValue::Disabled)),
                DomainError::Denied(_)
            ),
            "{who:?}"
        );
    }
    let (after, _) = ok(&s, &admin(), set(PolicyValue::Disabled));
    assert_eq!(
        after.subscriptions, s.subscriptions,
        "existing subscriptions do not change"
    );
    assert_eq!(
        after
            .policies
            .get(&TenantId("contoso".into()), &pid(POWER_BI_PRO)),
        PolicyValue::Disabled
    );
    // A partner with delegated Global admin rights may set it in that customer.
    let (partner, _) = ok(
        &s,
        &actor("partner.pat", "contoso"),
        set(PolicyValue::OnlyTrialsWithoutPaymentMethod),
    );
    assert_eq!(
        partner
            .policies
            .get(&TenantId("contoso".into()), &pid(POWER_BI_PRO)),
        PolicyValue::OnlyTrialsWithoutPaymentMethod
    );
    // Old IDs land on the new product.
    let (old, _) = ok(
        &s,
        &admin(),
        Command::SetPolicy {
            target: pid("CFQ7TTC0L3PB").into(),
            value: PolicyValue::Disabled,
        },
    );
    assert_eq!(
        old.policies
            .get(&TenantId("contoso".into()), &pid(POWER_BI_PRO)),
        PolicyValue::Disabled
    );
    let _ = sub;
}

#[test]
fn take_over_by_moving_users_needs_enough_central_licenses() {
    let (s, sub) = megan_buys(&state(), 5);
    let (s, _) = ok(
        &s,
        &megan(),
        Command::Assign {
            subscription: sub.clone(),
            users: staff(0..4),
        },
    );
    let (s, events) = ok(
        &s,
        &admin(),
        Command::BuyCentral {
            product: pid(POWER_BI_PRO),
            licenses: qty(2),
            into: None,
            assign: vec![],
        },
    );
    let central = match &events[0] {
        Event::CentralBought { subscription, .. } => subscription.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        s.subscription(&central).unwrap().unit_price.minor(),
        900,
        "central price"
    );
    let mv = Command::TakeOverMoveUsers {
        subscription: sub.clone(),
        to: central.clone(),
    };
    assert_eq!(
        refused(&s, &admin(), mv.clone()),
        DomainError::Shortfall {
            needed: 4,
            available: 2
        }
    );
    assert!(matches!(
        refused(&s, &actor("reader", "contoso"), mv.clone()),
        DomainError::Denied(Denied::MissingRole(_))
    ));
    let (s, _) = ok(
        &s,
        &admin(),
        Command::BuyCentral {
            product: pid(POWER_BI_PRO),
            licenses: qty(2),
            into: Some(central.clone()),
            assign: vec![],
        },
    );
    let (s, _) = ok(&s, &actor("billing", "contoso"), mv);
    assert_eq!(s.subscription(&sub).unwrap().status, Status::Deleted);
    assert!(s.subscription(&sub).unwrap().assigned.is_empty());
    assert_eq!(s.subscription(&central).unwrap().assigned, staff(0..4));
    assert!(s.notifications.iter().any(|n| n.to == uid("megan")
        && n.kind
            == NotificationKind::TakenOver {
                moved_to: central.clone()
            }));
    // A move may go to a central subscription of another product (admins' doc: "Select
    // the product that you want to move the users to"), but never to a self-service one.
    let (s2, sub2) = megan_buys(&state(), 1);
    let (s2, ev) = ok(
        &s2,
        &admin(),
        Command::BuyCentral {
            product: pid(POWER_APPS),
            licenses: qty(5),
            into: None,
            assign: vec![],
        },
    );
    let Event::CentralBought {
        subscription: apps, ..
    } = &ev[0]
    else {
        panic!()
    };
    let (moved, _) = ok(
        &s2,
        &admin(),
        Command::TakeOverMoveUsers {
            subscription: sub2.clone(),
            to: apps.clone(),
        },
    );
    assert_eq!(moved.subscription(&sub2).unwrap().status, Status::Deleted);
    let (s3, other) = megan_buys(&s2, 1);
    assert_eq!(
        refused(
            &s3,
            &admin(),
            Command::TakeOverMoveUsers {
                subscription: sub2,
                to: other
            }
        ),
        DomainError::UnsuitableTarget
    );
    // The refusal states the rule the move above followed: any central subscription of the
    // organization, not only one of the same product (issue 32).
    for lang in ssp::i18n::Lang::ALL {
        let words = ssp::i18n::explain(lang, &DomainError::UnsuitableTarget.explanation());
        assert!(
            !words.contains("same product") && !words.contains("同一产品"),
            "{words}"
        );
    }
}

#[test]
fn take_over_by_canceling_and_centralizing() {
    let (s, sub) = megan_buys(&state(), 3);
    let (s, _) = ok(
        &s,
        &megan(),
        Command::Assign {
            subscription: sub.clone(),
            users: staff(0..2),
        },
    );
    // Centralize: one command buys central licenses for the same people, assigns them, and
    // asks the purchaser to cancel; one audit entry.
    let audit_before = s.audit.len();
    let (c, ev) = ok(
        &s,
        &admin(),
        Command::Centralize {
            subscription: sub.clone(),
        },
    );
    let Some(central) = ev.iter().find_map(|e| match e {
        Event::CentralBought { subscription, .. } => Some(subscription.clone()),
        _ => None,
    }) else {
        panic!("{ev:?}")
    };
    assert!(ev.contains(&Event::CancelRequested {
        subscription: sub.clone()
    }));
    let bought = c.subscription(&central).unwrap();
    assert_eq!(bought.assigned, staff(0..2));
    assert_eq!(bought.licenses.get(), 2);
    assert_eq!(
        c.audit.len(),
        audit_before + 1,
        "one intent, one audit entry"
    );
    assert_eq!(c.audit.last().unwrap().action, "centralize");
    assert!(c.notifications.iter().any(|n| n.kind
        == NotificationKind::CancelRequested {
            central: central.clone()
        }));
    assert_eq!(
        c.subscription(&sub).unwrap().status,
        Status::Active,
        "a request changes nothing by itself"
    );
    // Nothing assigned: nothing to centralize, and nothing bought.
    let (empty, bare) = megan_buys(&state(), 1);
    assert_eq!(
        refused(
            &empty,
            &admin(),
            Command::Centralize {
                subscription: bare.clone()
            }
        ),
        DomainError::NothingSelected
    );

    assert_eq!(
        refused(
            &s,
            &admin(),
            Command::TakeOverCancel {
                subscription: sub.clone(),
                reason: "".into()
            }
        ),
        DomainError::ReasonMissing
    );
    let (s, _) = ok(
        &s,
        &admin(),
        Command::TakeOverCancel {
            subscription: sub.clone(),
            reason: "Centralizing".into(),
        },
    );
    let taken = s.subscription(&sub).unwrap();
    assert_eq!((taken.status, taken.assigned.len()), (Status::Deleted, 0));
    assert!(s.notifications.iter().any(|n| matches!(&n.kind, NotificationKind::CanceledByAdmin { reason } if reason == "Centralizing")));
}

#[test]
fn a_purchaser_who_leaves_keeps_the_subscription_active() {
    let (s, sub) = megan_buys(&state(), 3);
    let (s, _) = ok(
        &s,
        &megan(),
        Command::Assign {
            subscription: sub.clone(),
            users: staff(0..2),
        },
    );
    assert!(matches!(
        refused(
            &s,
            &actor("billing", "contoso"),
            Command::SetAccountStatus {
                user: uid("megan"),
                status: AccountStatus::Disabled
            }
        ),
        DomainError::Denied(_)
    ));
    assert_eq!(
        refused(
            &s,
            &admin(),
            Command::SetAccountStatus {
                user: uid("admin"),
                status: AccountStatus::Disabled
            }
        ),
        DomainError::OwnAccount
    );
    let (s, _) = ok(
        &s,
        &admin(),
        Command::SetAccountStatus {
            user: uid("megan"),
            status: AccountStatus::Deleted,
        },
    );
    let kept = s.subscription(&sub).unwrap();
    assert_eq!((kept.status, kept.assigned.len()), (Status::Active, 2));
    let rows = ssp::domain::views::product_rows(
        &s,
        &catalog(),
        &TenantId("contoso".into()),
        &ssp::domain::views::Query {
            filter: ssp::domain::views::ProductFilter::IncludeSelfService,
            ..Default::default()
        },
    );
    assert!(
        rows.iter().any(|r| r.purchaser_left),
        "the grid flags the purchaser who left"
    );
    // The person who left can no longer act.
    assert_eq!(
        refused(
            &s,
            &megan(),
            Command::Unassign {
                subscription: sub,
                user: uid("staff0")
            }
        ),
        DomainError::Denied(Denied::AccountInactive)
    );
}

#[test]
fn trials_expire_or_convert_after_a_month() {
    let (s, _) = ok(
        &state(),
        &megan(),
        Command::StartTrial {
            product: pid(VISIO_P1),
            licenses: qty(1),
            card: None,
            assign_to_me: false,
        },
    );
    let (s, _) = ok(
        &s,
        &megan(),
        Command::StartTrial {
            product: pid(POWER_BI_PRO),
            licenses: qty(1),
            card: Some(card("4242424242424242")),
            assign_to_me: false,
        },
    );
    let (week, _) = advance(&s, now() + Duration::days(25));
    assert_eq!(
        week.notifications
            .iter()
            .filter(|n| n.kind == NotificationKind::TrialEnding)
            .count(),
        2
    );
    let (again, _) = advance(&week, now() + Duration::days(26));
    assert_eq!(
        again
            .notifications
            .iter()
            .filter(|n| n.kind == NotificationKind::TrialEnding)
            .count(),
        2,
        "told once"
    );
    let (later, events) = advance(&s, now() + Duration::days(31));
    assert_eq!(
        later.subscriptions[0].status,
        Status::Expired,
        "no card: expires, no paid conversion"
    );
    assert_eq!(
        later.subscriptions[1].channel,
        Channel::SelfService,
        "with a card: converts"
    );
    assert!(events
        .iter()
        .any(|e| matches!(e, Event::TrialConverted { .. })));
    let conversion = later
        .bills
        .iter()
        .find(|b| b.subscription == later.subscriptions[1].id)
        .unwrap();
    assert_eq!(conversion.status, BillStatus::Paid, "the card is charged");
    assert!(later
        .bills
        .iter()
        .all(|b| b.subscription != later.subscriptions[0].id));
}

#[test]
fn refusals_can_be_written_to_the_audit_log_without_other_changes() {
    let s = state();
    let after = ssp::domain::commands::record_refusal(
        &s,
        now(),
        Some(&megan()),
        "sign_in",
        "megan@contoso.com",
        "wrong password",
        &ssp::domain::commands::Explanation::new("signin.error.password"),
    );
    assert_eq!(after.audit.len(), 1);
    assert_eq!(after.audit[0].outcome, AuditOutcome::Refused);
    // Kept as its key, so the log says it in the reader's language.
    assert_eq!(
        after.audit[0].why.as_ref().map(|w| w.key.as_str()),
        Some("signin.error.password")
    );
    assert_eq!(
        State {
            audit: vec![],
            ..after
        },
        s
    );
}

/// Each command that charges, assigns or changes licenses: sent twice with one key, it
/// happens once; sent without a key, it is refused; a first try that was refused may be
/// tried again with the same key.
#[test]
fn a_submission_key_is_taken_once() {
    let catalog = catalog();
    let ctx = Ctx {
        catalog: &catalog,
        now: now(),
    };
    let (s, sub) = megan_buys(&state(), 3);
    let bill = s
        .bills
        .iter()
        .find(|b| b.subscription == sub)
        .unwrap()
        .id
        .clone();
    let due = {
        let mut s = s.clone();
        s.bills.iter_mut().find(|b| b.id == bill).unwrap().status = BillStatus::PastDue;
        s
    };
    let (assigned, _) = ok(
        &s,
        &megan(),
        Command::Assign {
            subscription: sub.clone(),
            users: staff(0..1),
        },
    );
    let purchase = Command::Purchase {
        product: pid(POWER_BI_PRO),
        licenses: qty(2),
        card: card("4242424242424242"),
        assign_to_me: false,
    };
    let table: Vec<(&str, &State, Actor, Command)> = vec![
        ("purchase", &s, megan(), purchase.clone()),
        (
            "change_licenses",
            &s,
            megan(),
            Command::ChangeLicenses {
                subscription: sub.clone(),
                total: qty(5),
            },
        ),
        (
            "assign",
            &s,
            megan(),
            Command::Assign {
                subscription: sub.clone(),
                users: staff(0..2),
            },
        ),
        (
            "unassign",
            &assigned,
            megan(),
            Command::Unassign {
                subscription: sub.clone(),
                user: uid("staff0"),
            },
        ),
        ("pay_bill", &due, megan(), Command::PayBill { bill }),
        (
            "cancel",
            &s,
            megan(),
            Command::Cancel {
                subscription: sub.clone(),
                reason: "not needed".into(),
            },
        ),
        (
            "centralize",
            &assigned,
            admin(),
            Command::Centralize {
                subscription: sub.clone(),
            },
        ),
    ];
    for (name, s, who, command) in table {
        assert!(command.needs_key(), "{name}");
        assert_eq!(
            execute(s, ctx, &who, command.clone()).err(),
            Some(DomainError::SubmissionKeyMissing),
            "{name} without a key"
        );
        let key = fresh_key();
        let (once, _) = execute(
            s,
            ctx,
            &who,
            Submission::keyed(key.clone(), command.clone()),
        )
        .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            execute(
                &once,
                ctx,
                &who,
                Submission::keyed(key.clone(), command.clone())
            )
            .err(),
            Some(DomainError::AlreadySubmitted),
            "{name} twice"
        );
        // Another form's key is another intent.
        if name == "purchase" {
            let (twice, _) = execute(&once, ctx, &who, submitted(command)).unwrap();
            assert_eq!(twice.subscriptions.len(), once.subscriptions.len() + 1);
        }
    }

    // Commands that neither charge nor touch licenses need no key.
    let policy = Command::SetPolicy {
        target: pid(POWER_BI_PRO).into(),
        value: PolicyValue::Disabled,
    };
    assert!(!policy.needs_key());
    assert!(execute(&s, ctx, &admin(), policy).is_ok());

    // A declined card leaves the key unused: the corrected order goes through with it.
    let key = fresh_key();
    let declined = Command::Purchase {
        product: pid(POWER_BI_PRO),
        licenses: qty(2),
        card: card("4000000000000002"),
        assign_to_me: false,
    };
    let refused = execute(&s, ctx, &megan(), Submission::keyed(key.clone(), declined));
    assert!(matches!(refused, Err(DomainError::Declined(_))));
    let (bought, _) = execute(&s, ctx, &megan(), Submission::keyed(key, purchase)).unwrap();
    assert_eq!(bought.subscriptions.len(), s.subscriptions.len() + 1);
}

/// The payment method's Edit changes the billing address too (users' doc); a replaced card
/// keeps the old one's address; an incomplete address is refused by its parser.
#[test]
fn the_card_on_file_keeps_and_edits_its_billing_address() {
    use ssp::domain::card::BillingAddress;
    let (s, sub) = megan_buys(&state(), 1);
    let card_id = s.cards[0].id.clone();
    let address = BillingAddress::new(" 1 Microsoft Way ", "Redmond", "98052").unwrap();
    assert_eq!(address.street, "1 Microsoft Way");
    assert_eq!(
        BillingAddress::new("1 Microsoft Way", " ", "98052"),
        Err(CardError::AddressIncomplete)
    );
    // An edit: nothing typed keeps the address; anything typed needs all three parts.
    assert_eq!(BillingAddress::edited(" ", "", "\t"), Ok(None));
    assert_eq!(
        BillingAddress::edited("", "Redmond", ""),
        Err(CardError::AddressIncomplete)
    );
    assert_eq!(
        BillingAddress::edited("1 Microsoft Way", "Redmond", "98052"),
        Ok(Some(address.clone()))
    );
    let (s, _) = ok(
        &s,
        &megan(),
        Command::UpdateCard {
            card: card_id.clone(),
            expiry: Expiry {
                year: 2031,
                month: 1,
            },
            holder: "Megan Bowen".into(),
            security_code: "321".into(),
            address: Some(address.clone()),
        },
    );
    assert_eq!(s.card(&card_id).unwrap().address, Some(address.clone()));
    let (s, _) = ok(
        &s,
        &megan(),
        Command::ReplaceCard {
            subscription: sub.clone(),
            card: card("5555555555554444"),
        },
    );
    let new_card = s.subscription(&sub).unwrap().card.clone().unwrap();
    assert_ne!(new_card, card_id);
    assert_eq!(s.card(&new_card).unwrap().address, Some(address));
}
