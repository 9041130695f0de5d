//! `/admin/customers`: a partner's customers — the tenants they hold delegated admin
//! rights for. Choosing one makes the whole admin center act in that tenant only.

use crate::components::page_title::PageTitle;
use crate::components::table::{Col, TableHead};
use crate::domain::{Actor, Role, TenantId};
use crate::i18n::Msg;
use crate::locale::Locale;
use crate::store::browser::Store;
use crate::store::error::DispatchError;
use crate::store::session::Session;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// A customer as the list shows it.
#[derive(Clone, PartialEq)]
struct Customer {
    tenant: TenantId,
    name: String,
    domain: String,
    roles: Vec<Role>,
}

/// The signed-in person's delegations, grouped per customer, and their own tenant.
/// The person's own tenant (ID and name), if they may act there, and their customers.
type Customers = (Option<(TenantId, String)>, Vec<Customer>);

fn customers(store: Store, session: Session) -> Memo<Customers> {
    Memo::new(move |_| {
        let Some(actor) = session.actor() else {
            return (None, Vec::new());
        };
        store.state.with(|s| {
            let Some(user) = s.directory.user(&actor.user) else {
                return (None, Vec::new());
            };
            let home = s
                .directory
                .tenant(&user.tenant)
                .map(|t| (t.id.clone(), t.name.clone()));
            let mut list: Vec<Customer> = Vec::new();
            for d in &user.delegations {
                match list.iter_mut().find(|c| c.tenant == d.customer) {
                    Some(c) => c.roles.push(d.role),
                    None => {
                        let tenant = s.directory.tenant(&d.customer);
                        list.push(Customer {
                            tenant: d.customer.clone(),
                            name: tenant.map_or_else(|| d.customer.0.clone(), |t| t.name.clone()),
                            domain: tenant
                                .and_then(|t| t.domains.first().cloned())
                                .unwrap_or_default(),
                            roles: vec![d.role],
                        });
                    }
                }
            }
            (home, list)
        })
    })
}

/// The customers a partner serves: organization, domain, role, and the switch to it.
const CUSTOMER_COLUMNS: &[Col] = {
    use {Col::*, Msg::*};
    &[Text(ColOrganization), Wide(ColDomain), Text(ColDelegatedRole), Unseen(CustomerSwitch)]
};

#[component]
pub fn CustomersPage() -> impl IntoView {
    let locale = Locale::get();
    let store = Store::get();
    let session = Session::get();
    let navigate = StoredValue::new(use_navigate());
    let list = customers(store, session);
    let acting_in = move || session.actor().map(|a| a.tenant);
    // The store checks the delegation and logs it before the session changes tenant.
    let switch = Action::new_local(move |actor: &Actor| {
        let actor = actor.clone();
        async move {
            store.act_in(actor.clone()).await?;
            session.set(Some(actor));
            navigate.with_value(|n| n("/admin", Default::default()));
            Ok::<_, DispatchError>(())
        }
    });
    let act_in = move |tenant: TenantId| {
        let Some(actor) = session.actor_untracked() else {
            return;
        };
        switch.dispatch(Actor {
            user: actor.user,
            tenant,
        });
    };
    view! {
        <section class="panel" aria-labelledby="page-title">
            <PageTitle text=locale.string(Msg::CustomersTitle) />
            <p>{locale.text(Msg::CustomersIntro)}</p>
            <Show when=move || list.with(|(_, l)| l.is_empty())>
                <p class="message-bar message-bar--info" role="note">
                    {locale.text(Msg::CustomersNone)}
                </p>
            </Show>
            <div class="table-scroll">
                <table class="grid" id="customer-grid">
                    <TableHead cols=CUSTOMER_COLUMNS />
                    <tbody>
                        {move || {
                            list.get()
                                .1
                                .into_iter()
                                .map(|c| {
                                    let Customer { tenant, name, domain, roles } = c;
                                    let data_tenant = tenant.0.clone();
                                    let label = name.clone();
                                    let action = move || {
                                        if acting_in().as_ref() == Some(&tenant) {
                                            return view! {
                                                <span class="chip">
                                                    {locale.text(Msg::CustomersCurrent)}
                                                </span>
                                            }
                                                .into_any();
                                        }
                                        let (tenant, label) = (tenant.clone(), label.clone());
                                        view! {
                                            <button
                                                type="button"
                                                class="button"
                                                on:click=move |_| act_in(tenant.clone())
                                            >
                                                {move || {
                                                    locale.tf(Msg::CustomersManage, &[("tenant", &label)])
                                                }}
                                            </button>
                                        }
                                            .into_any()
                                    };
                                    view! {
                                        <tr data-tenant=data_tenant>
                                            <th scope="row">{name}</th>
                                            <td class="hide-narrow">{domain}</td>
                                            <td>{move || locale.roles(&roles)}</td>
                                            <td>{action}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            {move || {
                let (home, _) = list.get();
                let (id, name) = home?;
                (acting_in().as_ref() != Some(&id))
                    .then(|| {
                        view! {
                            <p>
                                <button
                                    type="button"
                                    class="button"
                                    id="customers-home"
                                    on:click=move |_| act_in(id.clone())
                                >
                                    {move || locale.tf(Msg::CustomersHome, &[("tenant", &name)])}
                                </button>
                            </p>
                        }
                    })
            }}
        </section>
    }
}
