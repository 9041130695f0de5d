//! Property tests over random directories, policies and command sequences.
//! `PROPTEST_CASES` sets the cases per property (scripts/test.sh runs 10,000).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use chrono::{DateTime, Utc};
use common::*;
use proptest::prelude::*;
use ssp::domain::card::{luhn_valid, CardInput};
use ssp::domain::catalog::KNOWN_PRODUCTS;
use ssp::domain::directory::{
    AccountKind, AccountSource, AccountStatus, Cloud, Management, Sector,
};
use ssp::domain::eligibility::RULES;
use ssp::domain::invariants::{self, Invariant};
use ssp::domain::lifecycle;
use ssp::domain::*;
use ssp::store::files::SavedRef;
use ssp::store::records;
use std::collections::BTreeMap;

// ---------- eligibility over random directories ----------

fn arb_tenant(i: usize) -> impl Strategy<Value = Tenant> {
    (
        prop_oneof![Just(Management::Managed), Just(Management::Unmanaged)],
        prop_oneof![
            Just(Sector::Commercial),
            Just(Sector::Government),
            Just(Sector::Education),
            Just(Sector::Nonprofit)
        ],
        prop_oneof![Just(Cloud::Public), Just(Cloud::Sovereign)],
        prop_oneof![Just("US"), Just("IN"), Just("BR"), Just("CD"), Just("JP"), Just("DE")],
    )
        .prop_map(move |(management, sector, cloud, country)| Tenant {
            id: TenantId(format!("t{i}")),
            name: format!("Tenant {i}"),
            domains: vec![format!("t{i}.example")],
            management,
            sector,
            cloud,
            market: Market {
                country: Country::try_from(country).unwrap(),
                currency: Currency::USD,
            },
            partner: false,
            subscription_agreement: !i.is_multiple_of(3),
        })
}

fn arb_user(i: usize, tenants: usize) -> impl Strategy<Value = User> {
    (
        0..tenants,
        prop_oneof![Just(AccountKind::Member), Just(AccountKind::Guest)],
        prop_oneof![
            Just(AccountStatus::Active),
            Just(AccountStatus::Disabled),
            Just(AccountStatus::Deleted)
        ],
    )
        .prop_map(move |(t, kind, status)| User {
            id: UserId(format!("u{i}")),
            display_name: format!("User {i}"),
            email: Email::try_from(format!("u{i}@t{t}.example").as_str()).unwrap(),
            tenant: TenantId(format!("t{t}")),
            kind,
            source: if i.is_multiple_of(2) {
                AccountSource::CloudOnly
            } else {
                AccountSource::Synced
            },
            status,
            roles: vec![],
            delegations: vec![],
        })
}

fn arb_world() -> impl Strategy<Value = (Directory, Policies)> {
    let tenants = (0..4usize).map(arb_tenant).collect::<Vec<_>>();
    let users = (0..6usize).map(|i| arb_user(i, 4)).collect::<Vec<_>>();
    let policy = prop_oneof![
        Just(PolicyValue::Enabled),
        Just(PolicyValue::OnlyTrialsWithoutPaymentMethod),
        Just(PolicyValue::Disabled)
    ];
    let policies = proptest::collection::vec((0..4usize, 0..KNOWN_PRODUCTS.len(), policy), 0..8);
    (tenants, users, policies).prop_map(|(tenants, users, entries)| {
        let mut policies = Policies::default();
        for (t, p, v) in entries {
            policies.set(&TenantId(format!("t{t}")), &pid(KNOWN_PRODUCTS[p].0), v);
        }
        (Directory { tenants, users }, policies)
    })
}

fn arb_email() -> impl Strategy<Value = String> {
    prop_oneof![
        (0..8usize, 0..5usize).prop_map(|(u, t)| format!("u{u}@t{t}.example")),
        "[a-z@. ]{0,12}",
    ]
}

proptest! {
    /// Exactly one verdict per input: deterministic, consistent, and a rule before the
    /// policy decides whatever the policy says.
    #[test]
    fn one_verdict_per_input((directory, policies) in arb_world(), email in arb_email(), p in 0..KNOWN_PRODUCTS.len()) {
        let product = catalog().products[p].clone();
        let v = evaluate_email(&directory, &policies, &product, &email);
        prop_assert_eq!(&v, &evaluate_email(&directory, &policies, &product, &email));
        prop_assert!(RULES.contains(&v.rule()));
        prop_assert_eq!(v.is_refusal(), v.allowance() == Allowance::Nothing);
        if v.rule() != Rule::Policy {
            prop_assert!(v.is_refusal());
            let v2 = evaluate_email(&directory, &Policies::default(), &product, &email);
            prop_assert_eq!(v.decision, v2.decision, "only the last rule reads the policy");
        }
        // A signed-in verdict for the account found agrees with the typed one.
        if let Ok(e) = Email::try_from(email.as_str()) {
            if let Some(t) = directory.tenant_for_domain(e.domain()) {
                if let Some(user) = directory.account(&t.id, &e) {
                    prop_assert_eq!(evaluate(&directory, &policies, &product, user).decision, v.decision);
                }
            }
        }
    }
}

// ---------- money ----------

fn arb_currency() -> impl Strategy<Value = Currency> {
    proptest::sample::select(Currency::ALL.to_vec())
}

proptest! {
    #[test]
    fn money_is_exact_or_refuses(minor in 0i64..=i64::MAX, factor in 0u32..=u32::MAX, other in 0i64..=i64::MAX, c in arb_currency()) {
        let m = Money::from_minor(minor, c).unwrap();
        let exact = i128::from(minor) * i128::from(factor);
        match m.checked_mul(factor) {
            Ok(p) => prop_assert_eq!(i128::from(p.minor()), exact),
            Err(_) => prop_assert!(exact > i128::from(i64::MAX)),
        }
        let o = Money::from_minor(other, c).unwrap();
        match m.checked_add(o) {
            Ok(sum) => prop_assert_eq!(i128::from(sum.minor()), i128::from(minor) + i128::from(other)),
            Err(_) => prop_assert!(i128::from(minor) + i128::from(other) > i128::from(i64::MAX)),
        }
        // Printing and parsing loses no minor unit.
        prop_assert_eq!(Money::parse(&m.to_decimal_string(), c).unwrap(), m);
    }
}

// ---------- command sequences ----------

#[derive(Debug, Clone)]
enum Op {
    Buy {
        who: usize,
        product: usize,
        n: u32,
        card: usize,
    },
    Trial {
        who: usize,
        product: usize,
        with_card: bool,
    },
    Change {
        who: usize,
        sub: usize,
        n: u32,
    },
    Assign {
        who: usize,
        sub: usize,
        from: u32,
        count: u32,
    },
    Unassign {
        who: usize,
        sub: usize,
        staff: u32,
    },
    Cancel {
        who: usize,
        sub: usize,
    },
    Policy {
        who: usize,
        product: usize,
        value: usize,
    },
    Move {
        who: usize,
        sub: usize,
        to: usize,
    },
    TakeCancel {
        who: usize,
        sub: usize,
    },
    Central {
        who: usize,
        product: usize,
        n: u32,
        into: Option<usize>,
        assign: u32,
    },
    Leave {
        who: usize,
        user: usize,
    },
    Advance {
        days: i64,
    },
    RecurringBilling {
        who: usize,
        sub: usize,
        on: bool,
    },
    Reactivate {
        who: usize,
        sub: usize,
    },
    ExtendTrial {
        who: usize,
        sub: usize,
    },
    PurchaseFromTrial {
        who: usize,
        sub: usize,
    },
    PayBill {
        who: usize,
        bill: usize,
    },
    ReplaceCard {
        who: usize,
        sub: usize,
        card: usize,
    },
}

const PEOPLE: [&str; 7] = ["megan", "lee", "admin", "billing", "reader", "guest", "partner.pat"];
const PRODUCTS: [&str; 4] = [POWER_BI_PRO, VISIO_P1, PROJECT_P1, POWER_APPS];
/// Approved; declined; approved; accepted at checkout and declined on every later charge.
const CARDS: [&str; 4] =
    ["4242424242424242", "4000000000000002", "5555555555554444", "4000000000000341"];

fn arb_op() -> impl Strategy<Value = Op> {
    let who = 0..PEOPLE.len();
    let product = 0..PRODUCTS.len();
    prop_oneof![
        (who.clone(), product.clone(), 1u32..6, 0..CARDS.len()).prop_map(
            |(who, product, n, card)| Op::Buy {
                who,
                product,
                n,
                card
            }
        ),
        (who.clone(), product.clone(), any::<bool>()).prop_map(|(who, product, with_card)| {
            Op::Trial {
                who,
                product,
                with_card,
            }
        }),
        (who.clone(), 0..8usize, 1u32..8).prop_map(|(who, sub, n)| Op::Change { who, sub, n }),
        (who.clone(), 0..8usize, 0u32..30, 0u32..23).prop_map(|(who, sub, from, count)| {
            Op::Assign {
                who,
                sub,
                from,
                count,
            }
        }),
        (who.clone(), 0..8usize, 0u32..30).prop_map(|(who, sub, staff)| Op::Unassign {
            who,
            sub,
            staff
        }),
        (who.clone(), 0..8usize).prop_map(|(who, sub)| Op::Cancel { who, sub }),
        (who.clone(), product.clone(), 0..3usize).prop_map(|(who, product, value)| Op::Policy {
            who,
            product,
            value
        }),
        (who.clone(), 0..8usize, 0..8usize).prop_map(|(who, sub, to)| Op::Move { who, sub, to }),
        (who.clone(), 0..8usize).prop_map(|(who, sub)| Op::TakeCancel { who, sub }),
        (
            who.clone(),
            product,
            1u32..10,
            proptest::option::of(0..8usize),
            0u32..4
        )
            .prop_map(|(who, product, n, into, assign)| Op::Central {
                who,
                product,
                n,
                into,
                assign
            }),
        (who.clone(), 0..PEOPLE.len()).prop_map(|(who, user)| Op::Leave { who, user }),
        (0i64..40).prop_map(|days| Op::Advance { days }),
        (who.clone(), 0..8usize, any::<bool>()).prop_map(|(who, sub, on)| Op::RecurringBilling {
            who,
            sub,
            on
        }),
        (who.clone(), 0..8usize).prop_map(|(who, sub)| Op::Reactivate { who, sub }),
        (who.clone(), 0..8usize).prop_map(|(who, sub)| Op::ExtendTrial { who, sub }),
        (who.clone(), 0..8usize).prop_map(|(who, sub)| Op::PurchaseFromTrial { who, sub }),
        (who.clone(), 0..16usize).prop_map(|(who, bill)| Op::PayBill { who, bill }),
        (who, 0..8usize, 0..CARDS.len()).prop_map(|(who, sub, card)| Op::ReplaceCard {
            who,
            sub,
            card
        }),
    ]
}

fn sub_at(s: &State, i: usize) -> SubscriptionId {
    s.subscriptions
        .get(i % s.subscriptions.len().max(1))
        .map_or(SubscriptionId("sub-none".into()), |x| x.id.clone())
}

/// Mostly the subscription's purchaser (so that sequences get somewhere), sometimes anyone.
fn owner_or(s: &State, sub: usize, w: usize) -> Actor {
    let purchaser = s
        .subscriptions
        .get(sub % s.subscriptions.len().max(1))
        .and_then(|x| x.purchaser.clone());
    match purchaser {
        Some(p) if !w.is_multiple_of(3) => actor(&p.0, "contoso"),
        _ => who(w),
    }
}

/// Everyone acts in Contoso: the partner through their delegation.
fn who(i: usize) -> Actor {
    actor(PEOPLE[i], "contoso")
}

fn to_command(s: &State, op: &Op) -> Option<(Actor, Command)> {
    let staff = |from: u32, count: u32| {
        (from..from + count)
            .map(|n| uid(&format!("staff{}", n % 32)))
            .collect::<Vec<_>>()
    };
    Some(match op.clone() {
        Op::Buy {
            who: w,
            product,
            n,
            card: c,
        } => (
            who(w),
            Command::Purchase {
                product: pid(PRODUCTS[product]),
                licenses: qty(n),
                card: card(CARDS[c]),
                assign_to_me: n % 2 == 1,
            },
        ),
        Op::Trial {
            who: w,
            product,
            with_card,
        } => (
            who(w),
            Command::StartTrial {
                product: pid(PRODUCTS[product]),
                licenses: qty(2),
                card: with_card.then(|| card(CARDS[0])),
                assign_to_me: false,
            },
        ),
        Op::Change { who: w, sub, n } => (
            owner_or(s, sub, w),
            Command::ChangeLicenses {
                subscription: sub_at(s, sub),
                total: qty(n),
            },
        ),
        Op::Assign {
            who: w,
            sub,
            from,
            count,
        } => (
            owner_or(s, sub, w),
            Command::Assign {
                subscription: sub_at(s, sub),
                users: staff(from, count),
            },
        ),
        Op::Unassign {
            who: w,
            sub,
            staff: n,
        } => (
            owner_or(s, sub, w),
            Command::Unassign {
                subscription: sub_at(s, sub),
                user: uid(&format!("staff{n}")),
            },
        ),
        Op::Cancel { who: w, sub } => (
            owner_or(s, sub, w),
            Command::Cancel {
                subscription: sub_at(s, sub),
                reason: "reason".into(),
            },
        ),
        Op::Policy {
            who: w,
            product,
            value,
        } => (
            who(w),
            Command::SetPolicy {
                target: pid(PRODUCTS[product]).into(),
                value: PolicyValue::ALL[value],
            },
        ),
        Op::Move { who: w, sub, to } => (
            who(w),
            Command::TakeOverMoveUsers {
                subscription: sub_at(s, sub),
                to: sub_at(s, to),
            },
        ),
        Op::TakeCancel { who: w, sub } => (
            who(w),
            Command::TakeOverCancel {
                subscription: sub_at(s, sub),
                reason: "take over".into(),
            },
        ),
        Op::Central {
            who: w,
            product,
            n,
            into,
            assign,
        } => (
            who(w),
            Command::BuyCentral {
                product: pid(PRODUCTS[product]),
                licenses: qty(n),
                into: into.map(|i| sub_at(s, i)),
                assign: staff(20, assign),
            },
        ),
        Op::Leave { who: w, user } => (
            who(w),
            Command::SetAccountStatus {
                user: uid(PEOPLE[user]),
                status: AccountStatus::Disabled,
            },
        ),
        Op::Advance { .. } => return None,
        Op::RecurringBilling { who: w, sub, on } => (
            owner_or(s, sub, w),
            Command::SetRecurringBilling {
                subscription: sub_at(s, sub),
                on,
            },
        ),
        Op::Reactivate { who: w, sub } => (
            owner_or(s, sub, w),
            Command::Reactivate {
                subscription: sub_at(s, sub),
            },
        ),
        Op::ExtendTrial { who: w, sub } => (
            owner_or(s, sub, w),
            Command::ExtendTrial {
                subscription: sub_at(s, sub),
            },
        ),
        Op::PurchaseFromTrial { who: w, sub } => (
            owner_or(s, sub, w),
            Command::PurchaseFromTrial {
                subscription: sub_at(s, sub),
            },
        ),
        Op::PayBill { who: w, bill } => {
            let bill = s.bills.get(bill % s.bills.len().max(1))?;
            let sub = s
                .subscriptions
                .iter()
                .position(|x| x.id == bill.subscription)?;
            (
                owner_or(s, sub, w),
                Command::PayBill {
                    bill: bill.id.clone(),
                },
            )
        }
        Op::ReplaceCard {
            who: w,
            sub,
            card: c,
        } => (
            owner_or(s, sub, w),
            Command::ReplaceCard {
                subscription: sub_at(s, sub),
                card: card(CARDS[c]),
            },
        ),
    })
}

/// One command: a success writes one audit event (and a policy change leaves the
/// subscriptions alone); a refusal leaves the state as it was.
fn step(
    catalog: &Catalog,
    clock: DateTime<Utc>,
    s: State,
    actor: Actor,
    command: Command,
) -> Result<State, TestCaseError> {
    let is_policy = matches!(
        command,
        Command::SetPolicy { .. } | Command::SetPolicyWithModule { .. }
    );
    let before = serde_json::to_string(&s).unwrap();
    let s = match execute(
        &s,
        Ctx {
            catalog,
            now: clock,
        },
        &actor,
        submitted(command),
    ) {
        Ok((next, events)) => {
            prop_assert!(!events.is_empty());
            prop_assert_eq!(
                next.audit.len(),
                s.audit.len() + 1,
                "each success writes one audit event"
            );
            if is_policy {
                prop_assert_eq!(&next.subscriptions, &s.subscriptions);
            }
            next
        }
        Err(_) => {
            prop_assert_eq!(serde_json::to_string(&s).unwrap(), before);
            s
        }
    };
    invariants(&s)?;
    Ok(s)
}

fn invariants(s: &State) -> Result<(), TestCaseError> {
    use ssp::domain::subscription::{BillStatus, Status};
    for sub in &s.subscriptions {
        prop_assert!(
            sub.assigned_count() <= sub.licenses.get(),
            "{} has {} assigned of {}",
            sub.id,
            sub.assigned.len(),
            sub.licenses.get()
        );
        let mut unique = sub.assigned.clone();
        unique.sort();
        unique.dedup();
        prop_assert_eq!(
            unique.len(),
            sub.assigned.len(),
            "no one holds two licenses of one subscription"
        );
        if sub.status == Status::Deleted {
            prop_assert!(
                sub.assigned.is_empty(),
                "a deleted subscription holds no assignments"
            );
        }
        // Paid or ending: an active subscription either renews with a card to charge, is
        // central, ends on its term's date, or has a past-due bill with its next try.
        if sub.status == Status::Active && sub.is_self_service() {
            match &sub.past_due {
                Some(due) => {
                    let bill = s.bill(&due.bill);
                    prop_assert!(
                        bill.is_some_and(|b| b.status == BillStatus::PastDue),
                        "{} past due without its bill",
                        sub.id
                    );
                    prop_assert!(
                        due.next_try > sub.term_end,
                        "the next try is after the renewal"
                    );
                }
                None if sub.auto_renew => prop_assert!(
                    sub.card.is_some(),
                    "{} renews with nothing to charge",
                    sub.id
                ),
                None => prop_assert!(lifecycle::ending(sub).is_some(), "{} has no end", sub.id),
            }
        }
        // A reduction waits only on an active, renewing, paid subscription, and is one.
        if let Some(at_renewal) = sub.licenses_at_renewal {
            prop_assert!(
                sub.status == Status::Active && sub.auto_renew && sub.is_paid_self_service(),
                "{} waits to reduce but will not renew",
                sub.id
            );
            prop_assert!(
                at_renewal.get() < sub.licenses.get(),
                "{} schedules {} of {}",
                sub.id,
                at_renewal.get(),
                sub.licenses.get()
            );
        }
        if sub.status != Status::Active {
            prop_assert!(
                sub.past_due.is_none() && !sub.auto_renew,
                "{} ended but still bills",
                sub.id
            );
            prop_assert!(sub.status == Status::Deleted || lifecycle::ending(sub).is_some());
        }
    }
    // Every past-due bill belongs to a subscription that is trying it again.
    for b in s.bills.iter().filter(|b| b.status == BillStatus::PastDue) {
        prop_assert!(
            s.subscriptions
                .iter()
                .any(|x| x.past_due.as_ref().is_some_and(|d| d.bill == b.id)),
            "{} is past due and forgotten",
            b.id.0
        );
    }
    money_adds_up(s)
}

/// The purchaser's bills, the processor's record and the order history agree to the minor
/// unit: charges − refunds, per currency and per subscription; no subscription is
/// refunded more than it paid.
fn money_adds_up(s: &State) -> Result<(), TestCaseError> {
    use ssp::domain::subscription::{BillKind, BillStatus, OrderKind, PaymentKind};
    let mut bills: BTreeMap<String, i64> = BTreeMap::new();
    let mut processor: BTreeMap<String, i64> = BTreeMap::new();
    for b in &s.bills {
        let signed = match (b.kind, b.status) {
            (BillKind::Charge, BillStatus::Paid) => b.amount.minor(),
            (BillKind::Refund, _) => -b.amount.minor(),
            (BillKind::Charge, _) => 0,
        };
        if signed != 0 {
            *bills
                .entry(format!("{}/{}", b.subscription, b.amount.currency().code()))
                .or_default() += signed;
        }
        let taken: Vec<_> = s.payments.iter().filter(|p| p.bill == b.id).collect();
        prop_assert_eq!(
            taken.len(),
            usize::from(signed != 0),
            "{} has {} processor records",
            b.id.0,
            taken.len()
        );
    }
    for p in &s.payments {
        let b = s.bill(&p.bill).unwrap();
        prop_assert_eq!(p.amount, b.amount);
        let signed = match p.kind {
            PaymentKind::Charge => p.amount.minor(),
            PaymentKind::Refund => -p.amount.minor(),
        };
        *processor
            .entry(format!("{}/{}", b.subscription, p.amount.currency().code()))
            .or_default() += signed;
    }
    prop_assert_eq!(&bills, &processor, "bills and the processor agree");
    for sub in s.subscriptions.iter().filter(|x| x.is_self_service()) {
        let history: i64 = sub
            .history
            .iter()
            .map(|h| match (h.kind, h.amount) {
                (OrderKind::Refunded, Some(m)) => -m.minor(),
                (_, Some(m)) => m.minor(),
                (_, None) => 0,
            })
            .sum();
        let key = format!("{}/{}", sub.id, sub.unit_price.currency().code());
        let billed = bills.get(&key).copied().unwrap_or(0);
        prop_assert_eq!(history, billed, "{}: order history and bills", sub.id);
        prop_assert!(billed >= 0, "{} refunded more than it paid", sub.id);
    }
    Ok(())
}

/// Statuses move only along Active → Expired → Disabled → Deleted; a command may also
/// cancel (Active → Disabled), take over (Active → Deleted) or reactivate (Expired or
/// Disabled → Active).
fn moves_allowed(before: &State, after: &State, by_clock: bool) -> Result<(), TestCaseError> {
    use ssp::domain::subscription::Status::{self, *};
    let rank = |s: Status| match s {
        Active => 0,
        Expired => 1,
        Disabled => 2,
        Deleted => 3,
    };
    for old in &before.subscriptions {
        let Some(new) = after.subscription(&old.id) else {
            return Err(TestCaseError::fail(format!("{} vanished", old.id)));
        };
        let (a, b) = (old.status, new.status);
        let ok = if by_clock {
            rank(a) <= rank(b)
        } else {
            a == b
                || matches!(
                    (a, b),
                    (Active, Disabled | Deleted) | (Expired | Disabled, Active)
                )
        };
        prop_assert!(
            ok,
            "{}: {:?} → {:?} ({})",
            old.id,
            a,
            b,
            if by_clock { "clock" } else { "command" }
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { max_shrink_iters: 2000, ..ProptestConfig::default() })]

    /// Over any sequence: assigned ≤ total; a refused command leaves the state as it was;
    /// a policy change never alters an existing subscription; no card number or security
    /// code is ever serialized; the stored records, changed only where the state changed,
    /// always read back as the state and match writing it whole.
    #[test]
    fn command_sequences_keep_the_invariants(ops in proptest::collection::vec(arb_op(), 1..24)) {
        let catalog = catalog();
        let mut s = state();
        let mut clock = now();
        let mut stored = BTreeMap::new();
        records::apply(&mut stored, &records::all(SavedRef { clock, state: &s }));
        for op in &ops {
            let before_step = s.clone();
            let clock_before = clock;
            if let Op::Advance { days } = op {
                clock += chrono::Duration::days(*days);
                s = advance(&s, clock).0;
                invariants(&s)?;
                moves_allowed(&before_step, &s, true)?;
                for sub in s.subscriptions.iter().filter(|x| x.status == ssp::domain::subscription::Status::Active) {
                    prop_assert!(sub.term_end > clock.date_naive() || sub.past_due.is_some(), "{} was left behind by the clock", sub.id);
                }
            } else if let Some((actor, command)) = to_command(&s, op) {
                s = step(&catalog, clock, s, actor, command)?;
                moves_allowed(&before_step, &s, false)?;
            }
            let writes = records::changes(SavedRef { clock: clock_before, state: &before_step }, SavedRef { clock, state: &s });
            records::apply(&mut stored, &writes);
            let back = records::assemble(stored.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
            prop_assert_eq!(&back.state, &s);
            prop_assert_eq!(back.clock, clock);
            let mut whole = BTreeMap::new();
            records::apply(&mut whole, &records::all(SavedRef { clock, state: &s }));
            prop_assert_eq!(&stored, &whole, "no stale record is left behind");
            prop_assert_eq!(invariants::check(&s, &catalog), Ok(()), "every state the commands make is sound");
        }
        let json = serde_json::to_string(&s).unwrap();
        for number in CARDS {
            prop_assert!(!json.contains(number), "a full card number was stored");
        }
        prop_assert!(!json.contains("security_code") && !json.contains("cvc"));
    }


    /// Random valid cards: what is stored keeps only brand, last four, expiry and holder.
    #[test]
    fn no_card_number_or_code_is_stored(body in "[0-9]{14}", code in "[0-9]{3}", n in 1u32..4) {
        // Make a Visa number with a valid check digit.
        let partial = format!("4{body}");
        let check = (0..10).find(|d| luhn_valid(&format!("{partial}{d}"))).unwrap();
        let number = format!("{partial}{check}");
        let card = CardInput { number: number.clone(), expiry: "12/30".into(), security_code: code.clone(), holder: "Pat".into(), country: "US".into() }
            .validate(today())
            .unwrap();
        let catalog = catalog();
        let result = execute(&state(), Ctx { catalog: &catalog, now: now() }, &actor("megan", "contoso"),
            submitted(Command::Purchase { product: pid(POWER_BI_PRO), licenses: qty(n), card, assign_to_me: true }));
        if let Ok((s, _)) = result {
            let json = serde_json::to_string(&s).unwrap();
            prop_assert!(!json.contains(&number));
            prop_assert!(!json.contains(&number[..12]), "not even the first twelve digits");
            let stored = serde_json::to_value(&s.cards[0]).unwrap();
            let keys: Vec<&String> = stored.as_object().unwrap().keys().collect();
            prop_assert_eq!(keys, vec!["brand", "country", "expiry", "holder", "id", "last4", "owner"]);
        }
    }
}

proptest! {
    /// Submissions that arrive twice — the same key, at once or later, among other commands
    /// — change the state once: a key that succeeded is refused with `AlreadySubmitted`
    /// and the state (money, licenses, audit) stays exactly as it was; a key whose first
    /// try was refused may try again. Keys come from a pool of four, so repeats are common.
    #[test]
    fn a_submission_changes_the_state_once(
        ops in proptest::collection::vec((arb_op(), 0usize..4, any::<bool>()), 1..24)
    ) {
        let catalog = catalog();
        let mut s = state();
        let clock = now();
        let keys: Vec<SubmissionKey> = (0..4).map(|_| fresh_key()).collect();
        let mut succeeded = std::collections::HashSet::new();
        let ctx = Ctx { catalog: &catalog, now: clock };
        for (op, k, resend) in &ops {
            let Some((actor, command)) = to_command(&s, op) else { continue };
            let key = keys[*k].clone();
            let before = serde_json::to_string(&s).unwrap();
            match execute(&s, ctx, &actor, Submission::keyed(key.clone(), command.clone())) {
                Ok((next, _)) => {
                    prop_assert!(succeeded.insert(key.clone()), "a used key succeeded again");
                    prop_assert_eq!(next.audit.last().unwrap().submission.as_ref(), Some(&key));
                    if *resend {
                        // The same events again: a double click, Enter twice.
                        let again = execute(&next, ctx, &actor, Submission::keyed(key.clone(), command));
                        prop_assert_eq!(again.err(), Some(DomainError::AlreadySubmitted));
                    }
                    s = next;
                }
                Err(DomainError::AlreadySubmitted) => {
                    prop_assert!(succeeded.contains(&key), "refused as a repeat, but never succeeded");
                    prop_assert_eq!(serde_json::to_string(&s).unwrap(), before);
                }
                Err(_) => {
                    prop_assert!(!succeeded.contains(&key), "a used key must be refused as a repeat first");
                    prop_assert_eq!(serde_json::to_string(&s).unwrap(), before);
                }
            }
        }
        // Every success left its key once in the audit log, and no key twice.
        let mut seen = std::collections::HashSet::new();
        for e in s.audit.iter().filter_map(|e| e.submission.as_ref()) {
            prop_assert!(seen.insert(e.clone()), "key {} taken twice", e.as_str());
        }
        prop_assert_eq!(seen, succeeded);
    }
}

/// Breaks one rule of a sound state, the way a hand-edited file or a bug would; returns
/// the rule it broke.
fn corrupt(s: &mut State, which: usize, pick: usize) -> Invariant {
    let n = s.subscriptions.len();
    let sub = pick % n;
    let money = |minor: i64, currency: &str| -> Money {
        serde_json::from_value(serde_json::json!({ "minor": minor, "currency": currency })).unwrap()
    };
    match which % 10 {
        0 => {
            let again = s.directory.users[pick % s.directory.users.len()].clone();
            s.directory.users.push(again);
            Invariant::UniqueIds
        }
        1 => {
            let again = (*s.subscriptions[sub]).clone();
            s.subscriptions.push(std::sync::Arc::new(again));
            Invariant::UniqueIds
        }
        2 => {
            // An imported file whose sequence was set back: the next ID would be an old one.
            s.sequence = 0;
            Invariant::SequenceAhead
        }
        3 => {
            std::sync::Arc::make_mut(&mut s.subscriptions[sub]).product =
                ProductId::try_from("CFQ7TTC0ZZZZ").unwrap();
            Invariant::ReferencesResolve
        }
        4 => {
            std::sync::Arc::make_mut(&mut s.subscriptions[sub]).purchaser = Some(uid("ghost"));
            Invariant::ReferencesResolve
        }
        5 => {
            let i = pick % s.bills.len();
            s.bills[i].subscription = SubscriptionId("elsewhere".into());
            Invariant::ReferencesResolve
        }
        6 => {
            // Someone of another organization (the data set's own Fabrikam user) gets a license.
            let outsider = s
                .directory
                .users
                .iter()
                .find(|u| u.tenant != s.subscriptions[sub].tenant)
                .map(|u| u.id.clone())
                .unwrap();
            let x = std::sync::Arc::make_mut(&mut s.subscriptions[sub]);
            x.assigned.push(outsider);
            x.licenses = Quantity::try_from(x.assigned.len() as u32).unwrap();
            Invariant::AssigneesBelong
        }
        7 => {
            // Two real people of the tenant, on a subscription of one license.
            let tenant = s.subscriptions[sub].tenant.clone();
            let people: Vec<UserId> = s
                .directory
                .users
                .iter()
                .filter(|u| u.tenant == tenant)
                .take(2)
                .map(|u| u.id.clone())
                .collect();
            let x = std::sync::Arc::make_mut(&mut s.subscriptions[sub]);
            x.licenses = Quantity::ONE;
            x.assigned = people;
            Invariant::AssignedWithinLicenses
        }
        8 => {
            let i = pick % s.bills.len();
            s.bills[i].amount = money(-100, s.bills[i].amount.currency().code());
            Invariant::MoneyInMarketCurrency
        }
        _ => {
            let x = std::sync::Arc::make_mut(&mut s.subscriptions[sub]);
            let other = if x.unit_price.currency().code() == "EUR" {
                "JPY"
            } else {
                "EUR"
            };
            x.unit_price = money(100, other);
            Invariant::MoneyInMarketCurrency
        }
    }
}

proptest! {
    /// A single corruption of any state the commands make is caught, and named by its rule.
    #[test]
    fn one_corruption_is_caught(ops in proptest::collection::vec(arb_op(), 0..12), which in 0usize..10, pick in 0usize..1000) {
        let catalog = catalog();
        let (mut s, _) = megan_buys(&state(), 3);
        for op in &ops {
            if let Some((actor, command)) = to_command(&s, op) {
                if let Ok((next, _)) = execute(&s, Ctx { catalog: &catalog, now: now() }, &actor, submitted(command)) {
                    s = next;
                }
            }
        }
        prop_assert_eq!(invariants::check(&s, &catalog), Ok(()));
        let rule = corrupt(&mut s, which, pick);
        match invariants::check(&s, &catalog) {
            Ok(()) => prop_assert!(false, "corruption {} went unnoticed", which),
            Err(v) => prop_assert_eq!(v.rule(), rule, "{:?}", v),
        }
    }
}

proptest! {
    /// One subscription's licenses over time, changed by its purchaser: licenses leave at
    /// once only as many as `removable_now` allowed that day (the seven days after buying or
    /// renewing, or after buying the licenses), a refund comes only with such a removal, and
    /// any larger reduction waits for the renewal, which charges the reduced total. The
    /// invariants and the money hold after every step.
    #[test]
    fn licenses_leave_at_once_only_inside_the_seven_days(
        ops in proptest::collection::vec((0u8..4, 1u32..9, 0i64..12), 1..30)
    ) {
        use ssp::domain::subscription::BillKind;
        let catalog = catalog();
        let megan = actor("megan", "contoso");
        let mut clock = now();
        let mut s = step(&catalog, clock, state(), megan.clone(), Command::Purchase {
            product: pid(POWER_BI_PRO),
            licenses: qty(5),
            card: card(CARDS[0]),
            assign_to_me: true,
        })?;
        let id = s.subscriptions[0].id.clone();
        for (kind, n, days) in ops {
            let before = s.subscription(&id).unwrap().clone();
            let command = match kind {
                0 | 1 => Command::ChangeLicenses { subscription: id.clone(), total: qty(n) },
                2 => Command::SetRecurringBilling { subscription: id.clone(), on: n % 2 == 0 },
                _ => {
                    clock += chrono::Duration::days(days);
                    s = advance(&s, clock).0;
                    invariants(&s)?;
                    continue;
                }
            };
            let bills = s.bills.len();
            let removable = lifecycle::removable_now(&before, clock.date_naive());
            s = step(&catalog, clock, s, megan.clone(), command)?;
            let after = s.subscription(&id).unwrap();
            let removed = before.licenses.get().saturating_sub(after.licenses.get());
            prop_assert!(removed <= removable, "{} removed at once, {} allowed", removed, removable);
            let refunded = s.bills[bills..].iter().any(|b| b.kind == BillKind::Refund);
            prop_assert!(!refunded || removed > 0, "a refund without a removal");
            if let Some(at_renewal) = after.licenses_at_renewal {
                if before.licenses_at_renewal != Some(at_renewal) {
                    prop_assert!(before.licenses.get() - at_renewal.get() > removable, "scheduled what could go at once");
                }
                prop_assert_eq!(
                    lifecycle::upcoming(after).map(|u| matches!(u, lifecycle::Upcoming::Renew { amount, .. } if amount == after.renewal_amount())),
                    Some(true)
                );
            }
        }
    }
}
