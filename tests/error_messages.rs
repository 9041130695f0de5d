//! Every error a person can meet has a message in both languages: each variant of
//! `DomainError`, `MoneyError`, the store's `DispatchError`, `StoreError`,
//! `StateFileError` and `RecordsError` is explained through the catalog, with every
//! placeholder filled and no English `Display` text in between.

use ssp::domain::authz::Denied;
use ssp::domain::card::{Brand, CardError, CardId, Decline};
use ssp::domain::commands::{Arg, AssignRefusal, DomainError, Explanation};
use ssp::domain::eligibility::{Decision, Stage, Verdict};
use ssp::domain::invariants::{Record, Violation};
use ssp::domain::money::{Currency, MoneyError};
use ssp::domain::subscription::{BillId, Status, SubscriptionId};
use ssp::domain::{ProductId, Role, UserId};
use ssp::i18n::{explain, lookup, Lang};
use ssp::store::error::{DispatchError, StateFileError, StoreError};
use ssp::store::records::RecordsError;

/// Which variant an error is, by position: a new variant does not compile here until it is
/// added, and `domain_samples` must then show one of it.
fn domain_variant(e: &DomainError) -> usize {
    use DomainError as E;
    match e {
        E::Denied(_) => 0,
        E::Ineligible(_) => 1,
        E::TrialNotAllowed(_) => 2,
        E::TrialAlreadyUsed => 3,
        E::UnknownProduct(_) => 4,
        E::NoPrice(_) => 5,
        E::UnknownSubscription(_) => 6,
        E::UnknownBill(_) => 7,
        E::UnknownCard(_) => 8,
        E::UnknownUser(_) => 9,
        E::Declined(_) => 10,
        E::Card(_) => 11,
        E::NotActive(_) => 12,
        E::NotSelfServicePurchase => 13,
        E::Unchanged => 14,
        E::BelowAssigned { .. } => 15,
        E::NothingSelected => 16,
        E::TooManyAtOnce { .. } => 17,
        E::NotEnoughLicenses { .. } => 18,
        E::AssigneesRefused(_) => 19,
        E::NotAssigned(_) => 20,
        E::BillAlreadyPaid => 21,
        E::NoCard => 22,
        E::ReasonMissing => 23,
        E::UnsuitableTarget => 24,
        E::Shortfall { .. } => 25,
        E::OwnAccount => 26,
        E::Money(_) => 27,
        E::SubmissionKeyMissing => 28,
        E::AlreadySubmitted => 29,
        E::NoSuchTrial { .. } => 30,
        E::CancellationWindowClosed { .. } => 31,
        E::TrialNotCanceled { .. } => 32,
        E::PaymentPastDue => 33,
        E::CannotReactivate(_) => 34,
        E::NotATrialToBuy => 38,
        E::RemoveNeedsRecurringBilling => 39,
        E::TrialNotExtendable => 35,
        E::OfferTypeValue(_) => 36,
        E::PolicyOnOfferType { .. } => 37,
    }
}
const DOMAIN_VARIANTS: usize = 40;

fn domain_samples() -> Vec<DomainError> {
    let product = ProductId::try_from("CFQ7TTC0LH18").unwrap();
    let sub = SubscriptionId("sub-000001".into());
    let user = UserId("u-megan".into());
    let verdict = |decision| Verdict {
        decision,
        stage: Stage::SignedIn,
        tenant: None,
    };
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
    let mut all = vec![
        DomainError::NoSuchTrial { offered: None },
        DomainError::NoSuchTrial {
            offered: Some(ssp::domain::TrialKind::WithPaymentMethod),
        },
        DomainError::NoSuchTrial {
            offered: Some(ssp::domain::TrialKind::WithoutPaymentMethod),
        },
        DomainError::CancellationWindowClosed {
            closed_on: day,
            expires: day,
        },
        DomainError::TrialNotCanceled {
            with_payment_method: true,
        },
        DomainError::TrialNotCanceled {
            with_payment_method: false,
        },
        DomainError::PaymentPastDue,
        DomainError::NotATrialToBuy,
        DomainError::CannotReactivate(Status::Active),
        DomainError::CannotReactivate(Status::Deleted),
        DomainError::TrialNotExtendable,
        DomainError::OfferTypeValue(ssp::domain::PolicyValue::OnlyTrialsWithoutPaymentMethod),
        DomainError::PolicyOnOfferType {
            product: "Contoso Expense Cloud".into(),
            offer_type: ssp::domain::policy::OfferType::SaaS,
        },
        DomainError::TrialAlreadyUsed,
        DomainError::UnknownProduct(product.clone()),
        DomainError::NoPrice(product),
        DomainError::UnknownSubscription(sub),
        DomainError::UnknownBill(BillId("bill-000001".into())),
        DomainError::UnknownCard(CardId("card-000001".into())),
        DomainError::UnknownUser(user.clone()),
        DomainError::NotSelfServicePurchase,
        DomainError::Unchanged,
        DomainError::BelowAssigned { assigned: 3 },
        DomainError::RemoveNeedsRecurringBilling,
        DomainError::NothingSelected,
        DomainError::TooManyAtOnce { given: 21 },
        DomainError::NotEnoughLicenses {
            available: 1,
            requested: 2,
        },
        DomainError::AssigneesRefused(vec![(user.clone(), AssignRefusal::Guest)]),
        DomainError::NotAssigned(user),
        DomainError::BillAlreadyPaid,
        DomainError::NoCard,
        DomainError::ReasonMissing,
        DomainError::UnsuitableTarget,
        DomainError::Shortfall {
            needed: 5,
            available: 2,
        },
        DomainError::OwnAccount,
        DomainError::SubmissionKeyMissing,
        DomainError::AlreadySubmitted,
        DomainError::Ineligible(verdict(Decision::PolicyDisabled)),
        DomainError::TrialNotAllowed(verdict(Decision::TrialsOnly)),
    ];
    all.extend(
        [
            Denied::UnknownUser,
            Denied::AccountInactive,
            Denied::NotInTenant,
            Denied::OtherTenant,
            Denied::Guest,
            Denied::NotPurchaser,
            Denied::MissingRole(vec![Role::GlobalAdmin]),
        ]
        .map(DomainError::Denied),
    );
    all.extend(
        [
            Decline::Declined,
            Decline::InsufficientFunds,
            Decline::ExpiredCard,
            Decline::IncorrectSecurityCode,
        ]
        .map(DomainError::Declined),
    );
    all.extend(
        [
            CardError::NumberMissing,
            CardError::NumberNotDigits,
            CardError::UnknownBrand,
            CardError::NumberLength(Brand::Visa),
            CardError::Checksum,
            CardError::ExpiryMalformed,
            CardError::Expired,
            CardError::CodeLength {
                brand: Brand::AmericanExpress,
                expected: 4,
            },
            CardError::HolderMissing,
            CardError::CountryMissing,
        ]
        .map(DomainError::Card),
    );
    all.extend(
        [Status::Active, Status::Expired, Status::Disabled, Status::Deleted]
            .map(DomainError::NotActive),
    );
    all.extend(
        [
            MoneyError::Overflow,
            MoneyError::CurrencyMismatch(Currency::USD, Currency::JPY),
            MoneyError::Negative,
            MoneyError::UnknownCurrency("XXX".into()),
            MoneyError::Malformed("1,5".into()),
        ]
        .map(DomainError::Money),
    );
    all
}

fn store_samples() -> Vec<DispatchError> {
    let file = |e| DispatchError::Store(StoreError::File(e));
    let records = |e| DispatchError::Store(StoreError::Records(e));
    vec![
        DispatchError::NotSignedIn,
        DispatchError::Store(StoreError::Unavailable("QuotaExceededError".into())),
        file(StateFileError::NotJson("expected value at line 1".into())),
        file(StateFileError::SchemaNotNumber),
        file(StateFileError::NewerSchema {
            schema: 9,
            supported: 1,
        }),
        file(StateFileError::Shape("missing field `state`".into())),
        file(StateFileError::NoTenants),
        file(StateFileError::Invariant(Violation::DuplicateId {
            kind: Record::Subscription,
            id: "sub-000001".into(),
        })),
        file(StateFileError::Invariant(Violation::SequenceBehind {
            id: "sub-000009".into(),
            sequence: 0,
        })),
        file(StateFileError::Invariant(Violation::Unresolved {
            kind: Record::Bill,
            id: "bill-000001".into(),
            names: Record::Subscription,
            missing: "sub-000404".into(),
        })),
        file(StateFileError::Invariant(Violation::AssigneeUnknown {
            subscription: "sub-000001".into(),
            user: "u-x".into(),
        })),
        file(StateFileError::Invariant(Violation::AssigneeOtherTenant {
            subscription: "sub-000001".into(),
            user: "kai".into(),
        })),
        file(StateFileError::Invariant(Violation::AssignedTwice {
            subscription: "sub-000001".into(),
            user: "megan".into(),
        })),
        file(StateFileError::Invariant(Violation::OverAssigned {
            subscription: "sub-000001".into(),
            assigned: 3,
            licenses: 2,
        })),
        file(StateFileError::Invariant(Violation::NegativeAmount {
            kind: Record::Bill,
            id: "bill-000001".into(),
        })),
        file(StateFileError::Invariant(Violation::WrongCurrency {
            kind: Record::Subscription,
            id: "sub-000001".into(),
            found: "EUR".into(),
            expected: "USD".into(),
        })),
        records(RecordsError::NoHead),
        records(RecordsError::Newer {
            schema: 9,
            supported: ssp::store::files::SCHEMA,
        }),
        records(RecordsError::Malformed {
            key: "s:0".into(),
            reason: "EOF".into(),
        }),
        records(RecordsError::Missing { key: "s:1".into() }),
    ]
}

/// The explanation's keys exist, and the text in each language has no `{placeholder}` left.
fn assert_explained(what: &str, e: &Explanation) {
    for lang in Lang::ALL {
        assert!(
            lookup(lang, e.key).is_some(),
            "{what}: no message {} in {lang:?}",
            e.key
        );
        for (name, arg) in &e.args {
            match arg {
                Arg::Key(key) => assert!(
                    lookup(lang, key).is_some(),
                    "{what}: {name} names no message {key}"
                ),
                Arg::Keys(keys) => assert!(
                    keys.iter().all(|key| lookup(lang, key).is_some()),
                    "{what}: {name} names a key that is no message: {keys:?}"
                ),
                Arg::Explained(inner) => assert_explained(what, inner),
                Arg::Text(_) | Arg::Chosen(_) | Arg::Date(_) | Arg::Money(_) | Arg::Count(_) => {}
            }
        }
        let text = explain(lang, e);
        assert!(
            !text.contains('{') && !text.contains('}'),
            "{what} in {lang:?} leaves a placeholder: {text}"
        );
        assert!(!text.trim().is_empty(), "{what} in {lang:?} is empty");
    }
}

#[test]
fn every_domain_error_variant_has_a_message_in_both_languages() {
    let samples = domain_samples();
    let mut seen = [false; DOMAIN_VARIANTS];
    for e in &samples {
        seen[domain_variant(e)] = true;
        assert_explained(&format!("{e:?}"), &e.explanation());
    }
    let missing: Vec<usize> = (0..DOMAIN_VARIANTS).filter(|i| !seen[*i]).collect();
    assert!(missing.is_empty(), "variants without a sample: {missing:?}");
}

#[test]
fn every_store_error_has_a_message_in_both_languages() {
    for e in store_samples() {
        assert_explained(&format!("{e:?}"), &e.explanation());
    }
    for e in domain_samples() {
        let wrapped = DispatchError::Domain(e.clone());
        assert_eq!(wrapped.explanation(), e.explanation());
    }
}

#[test]
fn chinese_explanations_are_chinese() {
    // A zh-CN reader never gets the English text of an error (the old fallback was
    // `Display`); the placeholders' values (IDs, numbers) are all that stays as typed.
    for e in domain_samples() {
        let zh = explain(Lang::ZhCn, &e.explanation());
        let en = explain(Lang::EnUs, &e.explanation());
        assert_ne!(zh, en, "{e:?} reads the same in both languages");
    }
}

#[test]
fn a_status_inside_a_message_is_in_the_same_language() {
    let e = DomainError::NotActive(Status::Disabled).explanation();
    assert!(explain(Lang::EnUs, &e).contains("Disabled"));
    assert!(explain(Lang::ZhCn, &e).contains("已禁用"));
}

/// A rule no Microsoft page states says so where a person meets it, in both languages
/// (issue 32): one trial per person and product, guests and blocked accounts refused as
/// assignees, the license ceiling, the cloud operated by 21Vianet, the take-over's refund.
#[test]
fn this_demos_own_rules_say_so_in_both_languages() {
    for key in [
        "checkout.trial_used",
        "error.trial_used",
        "refusal.guest",
        "refusal.inactive",
        "quantity.too_many",
        "offer.sovereign_market",
        "verdict.sovereign_cloud",
        "products.take_over_refund",
    ] {
        let en = lookup(Lang::EnUs, key).unwrap_or_else(|| panic!("no {key}"));
        let zh = lookup(Lang::ZhCn, key).unwrap_or_else(|| panic!("no {key}"));
        assert!(en.contains("this demo's own"), "{key}: {en}");
        assert!(zh.contains("本演示自己的"), "{key}: {zh}");
    }
}

/// Every rule a person meets names where it comes from (issue 32): each eligibility rule,
/// each lifecycle message (what the clock does next), each cancel option, each lifecycle
/// button and each policy value. A Microsoft page has its title and a quote in the catalog
/// in both languages and an address on learn.microsoft.com; a rule of this demo's own says
/// why. The functions are exhaustive matches: a new rule does not compile without a source.
#[test]
fn every_rule_has_a_source_or_says_it_is_this_demos_own() {
    use ssp::domain::eligibility::RULES;
    use ssp::domain::lifecycle::{CancelOption, Ending, LifecycleAction, Upcoming};
    use ssp::domain::policy::PolicyValue;
    use ssp::domain::sources::{self, Page, Source};
    let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 5).unwrap();
    let amount = ssp::domain::money::Money::from_minor(1000, Currency::USD).unwrap();
    let ending = Ending::from_expiry(day);
    let mut all: Vec<(String, Source)> = Vec::new();
    all.extend(
        RULES
            .iter()
            .map(|r| (format!("{r:?}"), sources::rule_source(*r))),
    );
    for next in [
        Upcoming::Renew { on: day, amount },
        Upcoming::ConvertTrial { on: day, amount },
        Upcoming::Retry {
            on: day,
            amount,
            last: true,
        },
        Upcoming::RenewCentral { on: day },
        Upcoming::Expire { on: day },
        Upcoming::Disable { on: day },
        Upcoming::Delete { on: day },
    ] {
        all.push((format!("{next:?}"), sources::upcoming_source(&next)));
    }
    for option in [
        CancelOption::Refund {
            refund: amount,
            last_day: day,
        },
        CancelOption::TurnOffRecurringBilling { ending },
        CancelOption::EndsAlready { ending },
        CancelOption::PastDue { next_try: day },
        CancelOption::NotActive(Status::Expired),
    ] {
        all.push((format!("{option:?}"), sources::cancel_source(&option)));
    }
    for action in [
        LifecycleAction::TurnOffRecurringBilling,
        LifecycleAction::TurnOnRecurringBilling,
        LifecycleAction::Reactivate,
        LifecycleAction::ExtendTrial,
        LifecycleAction::PurchaseFromTrial,
    ] {
        all.push((format!("{action:?}"), sources::action_source(action)));
    }
    all.extend(
        PolicyValue::ALL
            .iter()
            .map(|v| (format!("{v:?}"), sources::policy_source(*v))),
    );
    all.push((
        "the admin's read-only view".into(),
        sources::ADMIN_READ_ONLY,
    ));
    for decision in [
        ssp::domain::Decision::NoSubscriptionAgreement,
        ssp::domain::Decision::EligibleWithoutTrial,
        ssp::domain::Decision::TrialsOnly,
    ] {
        all.push((format!("{decision:?}"), sources::decision_source(decision)));
    }
    {
        use ssp::domain::views::LicenseChange as L;
        for change in [
            L::BelowAssigned {
                assigned: 2,
                total: 1,
            },
            L::Add {
                added: 1,
                charge: amount,
            },
            L::Remove {
                removed: 1,
                refund: amount,
                term_amount: amount,
            },
            L::AtRenewal {
                removed: 1,
                on: day,
                term_amount: amount,
            },
            L::KeepAtRenewal { kept: 1 },
            L::NeedsRecurringBilling,
        ] {
            let source = sources::license_source(&change).expect("a change has a source");
            all.push((format!("{change:?}"), source));
        }
        assert_eq!(sources::license_source(&L::Unchanged), None);
    }
    for page in Page::ALL {
        for lang in Lang::ALL {
            assert!(
                lookup(lang, page.title_key()).is_some(),
                "{page:?}: no title in {lang:?}"
            );
        }
        assert!(page
            .url("en-us")
            .starts_with("https://learn.microsoft.com/en-us/microsoft-365/commerce/"));
    }
    for (what, source) in all {
        match source {
            Source::Microsoft { page, quote } => {
                for lang in Lang::ALL {
                    let words = lookup(lang, quote)
                        .unwrap_or_else(|| panic!("{what}: no quote {quote} in {lang:?}"));
                    assert!(words.len() > 20, "{what}: {words}");
                }
                assert!(Page::ALL.contains(&page), "{what}: {page:?}");
            }
            Source::Ours { why } => {
                let en = lookup(Lang::EnUs, why).unwrap_or_else(|| panic!("{what}: no {why}"));
                assert!(en.contains("this demo"), "{what}: {en}");
                assert!(
                    lookup(Lang::ZhCn, why).is_some_and(|zh| zh.contains("本演示")),
                    "{what}"
                );
            }
        }
    }
}
