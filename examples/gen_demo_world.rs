//! Writes the demo world: `cargo run --example gen_demo_world` → public/data/*.json.
//! The files are committed; this program is how they were made, through the domain's
//! own types, so they always parse. Prices are illustrative.

use chrono::{DateTime, Duration, Months, NaiveDate, TimeZone, Utc};
use ssp::domain::card::{Brand, CardId, Expiry, StoredCard};
use ssp::domain::catalog::{
    known_products, third_party_offers, Catalog, Country, Market, Price, ProductId,
};
use ssp::domain::directory::{
    AccountKind, AccountSource, AccountStatus, Cloud, Delegation, Email, Management, Role, Sector,
    Tenant, TenantId, User, UserId,
};
use ssp::domain::lifecycle::retry_on;
use ssp::domain::policy::{OfferType, PolicyTarget};
use ssp::domain::subscription::{
    one_month_after, AuditEvent, AuditOutcome, Bill, BillId, BillKind, BillStatus, Channel,
    Notification, NotificationKind, OrderEntry, OrderKind, PastDue, Payment, PaymentKind, Quantity,
    Status, Subscription, SubscriptionId,
};
use ssp::domain::{Currency, Money, Policies, PolicyValue};
use ssp::store::files::{CatalogFile, DirectoryFile, SeedFile, Summary};

/// Every demo account's password (README lists it).
const PASSWORD: &str = "Demo-2026!";

fn clock() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 26, 9, 0, 0).unwrap()
}

fn pid(s: &str) -> ProductId {
    ProductId::try_from(s).unwrap()
}

// ---------- catalog ----------

/// USD list price per user per month, in cents, and the one-line summaries.
const PRODUCT_INFO: [(&str, i64, &str, &str); 18] = [
    (
        "CFQ7TTC0H9MP",
        1400,
        "Self-service analytics: publish and share reports and dashboards.",
        "自助分析：发布和共享报表与仪表板。",
    ),
    (
        "CFQ7TTC0H6RP",
        2400,
        "Power BI Pro plus Premium features for larger models and paginated reports.",
        "Power BI Pro 加上高级功能，支持更大的模型和分页报表。",
    ),
    (
        "CFQ7TTC0LH2H",
        2000,
        "Build and run unlimited custom apps on your organization's data.",
        "基于组织数据构建和运行不限数量的自定义应用。",
    ),
    (
        "CFQ7TTC0LH3L",
        1500,
        "Automate workflows across apps and services with cloud flows.",
        "使用云端流自动执行跨应用和服务的工作流。",
    ),
    (
        "CFQ7TTC0LSGZ",
        15000,
        "Robotic process automation: attended bots for desktop tasks.",
        "机器人流程自动化：处理桌面任务的有人值守机器人。",
    ),
    (
        "CFQ7TTC0HDB1",
        1000,
        "Plan and track work with boards, grids and timelines.",
        "使用看板、网格和时间线规划和跟踪工作。",
    ),
    (
        "CFQ7TTC0HDB0",
        3000,
        "Project and portfolio management with scheduling and resources.",
        "包含日程安排和资源管理的项目与项目组合管理。",
    ),
    (
        "CFQ7TTC0HD33",
        500,
        "Create and share diagrams in Visio for the web.",
        "在 Visio 网页版中创建和共享图表。",
    ),
    (
        "CFQ7TTC0HD32",
        1500,
        "The Visio desktop app with professional diagram templates.",
        "带有专业图表模板的 Visio 桌面应用。",
    ),
    (
        "CFQ7TTC0J1FV",
        400,
        "Teams chat, meetings and files for people without a Teams license.",
        "为没有 Teams 许可证的人员提供 Teams 聊天、会议和文件。",
    ),
    (
        "CFQ7TTC0RM8K",
        700,
        "Intelligent meeting recaps, branded meetings and advanced webinars.",
        "智能会议回顾、品牌化会议和高级网络研讨会。",
    ),
    (
        "CFQ7TTC0J203",
        3100,
        "A Windows Cloud PC for each person, reachable from any device.",
        "为每个人提供可从任何设备访问的 Windows 云电脑。",
    ),
    (
        "CFQ7TTC0MM8R",
        3000,
        "AI assistance in Word, Excel, PowerPoint, Outlook and Teams.",
        "在 Word、Excel、PowerPoint、Outlook 和 Teams 中提供 AI 协助。",
    ),
    (
        "CFQ7TTC0N8SS",
        1199,
        "Video editing with premium stock, brand kits and 4K exports.",
        "提供高级素材、品牌套件和 4K 导出的视频编辑。",
    ),
    (
        "CFQ7TTC0LH05",
        800,
        "Microsoft 365 for frontline workers: Teams, email and web apps.",
        "面向一线员工的 Microsoft 365：Teams、电子邮件和网页版应用。",
    ),
    (
        "CFQ7TTC0N8SL",
        1000,
        "Search, hold and export your organization's data for investigations.",
        "为调查搜索、保留和导出组织数据。",
    ),
    (
        "CFQ7TTC0S3X1",
        2400,
        "Python analytics and charts inside Excel, with premium compute.",
        "在 Excel 中使用 Python 分析和图表，并提供高级计算。",
    ),
    (
        "CFQ7TTC0PW0V",
        600,
        "Goals and key results (OKRs) aligned across teams.",
        "跨团队对齐的目标和关键结果 (OKR)。",
    ),
];

/// The demo's third-party offers (`catalog::THIRD_PARTY_OFFERS`): price and summary.
const OFFER_INFO: [(&str, i64, &str, &str); 4] = [
    (
        "DEMO3PSAAS01",
        800,
        "Expense reports from photos of receipts, approved in Teams. A demo offer from another publisher.",
        "根据收据照片生成报销单，并在 Teams 中审批。其他发布者的演示产品/服务。",
    ),
    (
        "DEMO3PPBIV01",
        300,
        "A Gantt chart visual for Power BI reports. A demo offer from another publisher.",
        "用于 Power BI 报表的甘特图视觉对象。其他发布者的演示产品/服务。",
    ),
    (
        "DEMO3PDYCE01",
        1500,
        "Inspection checklists for field teams, built on Dataverse. A demo offer from another publisher.",
        "面向现场团队的检查清单，基于 Dataverse 构建。其他发布者的演示产品/服务。",
    ),
    (
        "DEMO3PDYBC01",
        1200,
        "Payroll inside Dynamics 365 Business Central. A demo offer from another publisher.",
        "在 Dynamics 365 Business Central 中处理工资。其他发布者的演示产品/服务。",
    ),
];

/// Country, currency, and the rate from USD as a fraction (illustrative).
const MARKETS: [(&str, Currency, i64, i64); 11] = [
    ("US", Currency::USD, 1, 1),
    ("CA", Currency::CAD, 137, 100),
    ("GB", Currency::GBP, 80, 100),
    ("DE", Currency::EUR, 92, 100),
    ("FR", Currency::EUR, 92, 100),
    ("JP", Currency::JPY, 150, 100), // cents → yen: ×150 then ÷100
    ("AU", Currency::AUD, 152, 100),
    ("BR", Currency::BRL, 500, 100),
    ("CD", Currency::USD, 1, 1),
    ("IN", Currency::INR, 8300, 100),
    ("CN", Currency::CNY, 720, 100),
];

/// Converts and rounds to a price-list step (10 minor units; 10 yen).
fn convert(usd_cents: i64, num: i64, den: i64) -> i64 {
    let raw = usd_cents * num / den;
    (raw + 5) / 10 * 10
}

fn catalog() -> CatalogFile {
    let mut products = known_products();
    products.extend(third_party_offers());
    let mut prices = Vec::new();
    let mut summaries = Vec::new();
    for (id, usd, en, zh) in PRODUCT_INFO.into_iter().chain(OFFER_INFO) {
        for (country, currency, num, den) in MARKETS {
            let self_service = convert(usd, num, den);
            // Central (agreement) prices are lower, and differ: the admin compares both.
            let central = self_service * 88 / 100 / 10 * 10;
            prices.push(Price {
                product: pid(id),
                market: Market {
                    country: Country::try_from(country).unwrap(),
                    currency,
                },
                self_service: Money::from_minor(self_service, currency).unwrap(),
                central: Money::from_minor(central, currency).unwrap(),
            });
        }
        summaries.push(Summary {
            product: pid(id),
            en_us: en.into(),
            zh_cn: zh.into(),
        });
    }
    CatalogFile {
        catalog: Catalog { products, prices },
        summaries,
    }
}

// ---------- directory ----------

struct T {
    id: &'static str,
    name: &'static str,
    domains: &'static [&'static str],
    management: Management,
    sector: Sector,
    cloud: Cloud,
    country: &'static str,
    currency: Currency,
    partner: bool,
    /// An existing subscription agreement: trials without a payment method are offered.
    agreement: bool,
}

const TENANTS: [T; 17] = {
    use Cloud::*;
    use Management::*;
    use Sector::*;
    [
        T {
            id: "contoso",
            name: "Contoso Ltd.",
            domains: &["contoso.com", "contoso.onmicrosoft.com"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "US",
            currency: Currency::USD,
            partner: false,
            agreement: true,
        },
        T {
            id: "fabrikam",
            name: "Fabrikam, Inc.",
            domains: &["fabrikam.com"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "US",
            currency: Currency::USD,
            partner: false,
            agreement: true,
        },
        T {
            id: "northwind-edu",
            name: "Northwind University",
            domains: &["northwind.edu"],
            management: Managed,
            sector: Education,
            cloud: Public,
            country: "US",
            currency: Currency::USD,
            partner: false,
            agreement: true,
        },
        T {
            id: "adatum-gov",
            name: "Adatum County Government",
            domains: &["adatum.gov"],
            management: Managed,
            sector: Government,
            cloud: Public,
            country: "US",
            currency: Currency::USD,
            partner: false,
            agreement: true,
        },
        T {
            id: "litware-viral",
            name: "litware.com",
            domains: &["litware.com"],
            management: Unmanaged,
            sector: Commercial,
            cloud: Public,
            country: "US",
            currency: Currency::USD,
            partner: false,
            agreement: true,
        },
        T {
            id: "humongous-npo",
            name: "Humongous Foundation",
            domains: &["humongous.org"],
            management: Managed,
            sector: Nonprofit,
            cloud: Public,
            country: "GB",
            currency: Currency::GBP,
            partner: false,
            agreement: true,
        },
        T {
            id: "tailspin-in",
            name: "Tailspin Toys India",
            domains: &["tailspintoys.in"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "IN",
            currency: Currency::INR,
            partner: false,
            agreement: true,
        },
        T {
            id: "wingtip-br",
            name: "Wingtip Toys Brasil",
            domains: &["wingtiptoys.com.br"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "BR",
            currency: Currency::BRL,
            partner: false,
            agreement: true,
        },
        T {
            id: "woodgrove-cd",
            name: "Woodgrove Kinshasa",
            domains: &["woodgrove.cd"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "CD",
            currency: Currency::USD,
            partner: false,
            agreement: true,
        },
        T {
            id: "proseware-jp",
            name: "Proseware Japan",
            domains: &["proseware.jp"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "JP",
            currency: Currency::JPY,
            partner: false,
            agreement: true,
        },
        T {
            id: "fourthcoffee-de",
            name: "Fourth Coffee GmbH",
            domains: &["fourthcoffee.de"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "DE",
            currency: Currency::EUR,
            partner: false,
            agreement: true,
        },
        T {
            id: "lamna-fr",
            name: "Lamna Healthcare France",
            domains: &["lamna.fr"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "FR",
            currency: Currency::EUR,
            partner: false,
            agreement: true,
        },
        T {
            id: "alpine-uk",
            name: "Alpine Ski House",
            domains: &["alpineskihouse.co.uk"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "GB",
            currency: Currency::GBP,
            partner: false,
            agreement: true,
        },
        T {
            id: "coho-ca",
            name: "Coho Winery",
            domains: &["cohowinery.ca"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "CA",
            currency: Currency::CAD,
            partner: false,
            agreement: false,
        },
        T {
            id: "margie-au",
            name: "Margie's Travel",
            domains: &["margiestravel.com.au"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "AU",
            currency: Currency::AUD,
            partner: false,
            agreement: true,
        },
        T {
            id: "contoso-cn",
            name: "Contoso China (operated by 21Vianet)",
            domains: &["contoso.cn"],
            management: Managed,
            sector: Commercial,
            cloud: Sovereign,
            country: "CN",
            currency: Currency::CNY,
            partner: false,
            agreement: true,
        },
        T {
            id: "relecloud",
            name: "Relecloud Partners",
            domains: &["relecloud.com"],
            management: Managed,
            sector: Commercial,
            cloud: Public,
            country: "US",
            currency: Currency::USD,
            partner: true,
            agreement: true,
        },
    ]
};

struct Directory {
    users: Vec<User>,
}

impl Directory {
    fn add(&mut self, id: &str, name: &str, email: &str, tenant: &str) -> &mut User {
        self.users.push(User {
            id: UserId(id.into()),
            display_name: name.into(),
            email: Email::try_from(email).unwrap(),
            tenant: TenantId(tenant.into()),
            kind: AccountKind::Member,
            source: AccountSource::CloudOnly,
            status: AccountStatus::Active,
            roles: vec![],
            delegations: vec![],
        });
        self.users.last_mut().unwrap()
    }
}

const FIRST: [&str; 20] = [
    "Aiden", "Bianca", "Carlos", "Dana", "Elif", "Farah", "Gustavo", "Hana", "Ivan", "Jun",
    "Keira", "Luca", "Maya", "Nikhil", "Olga", "Priya", "Quinn", "Rosa", "Sven", "Tomás",
];
const LAST: [&str; 16] = [
    "Abbott", "Becker", "Chen", "Duarte", "Eriksen", "Fischer", "García", "Haddad", "Ito",
    "Jensen", "Kowalski", "Laurent", "Moreau", "Novak", "Okafor", "Petrov",
];

fn ascii(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' => 'a',
            'í' => 'i',
            'é' => 'e',
            _ => c,
        })
        .collect::<String>()
        .to_lowercase()
}

fn directory() -> DirectoryFile {
    let tenants: Vec<Tenant> = TENANTS
        .iter()
        .map(|t| Tenant {
            id: TenantId(t.id.into()),
            name: t.name.into(),
            domains: t.domains.iter().map(|d| d.to_string()).collect(),
            management: t.management,
            sector: t.sector,
            cloud: t.cloud,
            market: Market {
                country: Country::try_from(t.country).unwrap(),
                currency: t.currency,
            },
            partner: t.partner,
            subscription_agreement: t.agreement,
        })
        .collect();
    let mut d = Directory { users: vec![] };
    // Contoso: every role, members cloud-only and synced, a guest, people who left, purchasers.
    d.add("patti", "Patti Fernandez", "patti@contoso.com", "contoso")
        .roles = vec![Role::GlobalAdmin];
    d.add("nestor", "Nestor Wilke", "nestor@contoso.com", "contoso")
        .roles = vec![Role::BillingAdmin];
    d.add("miriam", "Miriam Graham", "miriam@contoso.com", "contoso")
        .roles = vec![Role::GlobalReader];
    d.add("megan", "Megan Bowen", "megan@contoso.com", "contoso");
    d.add("diego", "Diego Siciliani", "diego@contoso.com", "contoso")
        .source = AccountSource::Synced;
    d.add("lee", "Lee Gu", "lee@contoso.com", "contoso");
    d.add("adele", "Adele Vance", "adele@contoso.com", "contoso");
    d.add("alex", "Alex Wilber", "alex@contoso.com", "contoso")
        .source = AccountSource::Synced;
    d.add("isaiah", "Isaiah Langer", "isaiah@contoso.com", "contoso")
        .source = AccountSource::Synced;
    d.add(
        "johanna",
        "Johanna Lorenz",
        "johanna@contoso.com",
        "contoso",
    );
    d.add("lynne", "Lynne Robbins", "lynne@contoso.com", "contoso")
        .status = AccountStatus::Disabled;
    d.add("grady", "Grady Archie", "grady@contoso.com", "contoso")
        .status = AccountStatus::Disabled;
    d.add("joni", "Joni Sherman", "joni@contoso.com", "contoso")
        .status = AccountStatus::Deleted;
    d.add(
        "kai-guest",
        "Kai Carter (Fabrikam)",
        "kai_fabrikam.com#EXT#@contoso.onmicrosoft.com",
        "contoso",
    )
    .kind = AccountKind::Guest;
    let mut n = 0;
    for last in LAST {
        for first in FIRST {
            let id = format!("{}.{}", ascii(first), ascii(last));
            let user = d.add(
                &id,
                &format!("{first} {last}"),
                &format!("{id}@contoso.com"),
                "contoso",
            );
            if n % 5 < 2 {
                user.source = AccountSource::Synced;
            }
            n += 1;
        }
    }
    // Fabrikam, the partner's second customer, with Kai as a member at home.
    d.add(
        "fabrikam-admin",
        "Amber Rodriguez",
        "amber@fabrikam.com",
        "fabrikam",
    )
    .roles = vec![Role::GlobalAdmin];
    d.add("kai", "Kai Carter", "kai@fabrikam.com", "fabrikam");
    d.add(
        "fabrikam-billing",
        "Ben Walters",
        "ben@fabrikam.com",
        "fabrikam",
    )
    .roles = vec![Role::BillingAdmin];
    for (tenant, domain, people) in [
        (
            "northwind-edu",
            "northwind.edu",
            ["Ana Bowman", "Reed Fields"],
        ),
        ("adatum-gov", "adatum.gov", ["Cecil Folk", "Dora Pike"]),
        ("litware-viral", "litware.com", ["Rob Young", "Sara Davis"]),
        (
            "humongous-npo",
            "humongous.org",
            ["Ellie Price", "Owen Lane"],
        ),
        (
            "tailspin-in",
            "tailspintoys.in",
            ["Arjun Mehta", "Kavya Rao"],
        ),
        (
            "wingtip-br",
            "wingtiptoys.com.br",
            ["Beatriz Lima", "Rafael Souza"],
        ),
        (
            "woodgrove-cd",
            "woodgrove.cd",
            ["Amani Ilunga", "Joseph Kabila"],
        ),
        (
            "proseware-jp",
            "proseware.jp",
            ["Yuki Tanaka", "Haruto Sato"],
        ),
        (
            "fourthcoffee-de",
            "fourthcoffee.de",
            ["Lena Schmidt", "Jonas Weber"],
        ),
        ("lamna-fr", "lamna.fr", ["Chloé Martin", "Hugo Bernard"]),
        (
            "alpine-uk",
            "alpineskihouse.co.uk",
            ["Oliver Smith", "Amelia Jones"],
        ),
        ("coho-ca", "cohowinery.ca", ["Liam Tremblay", "Emma Roy"]),
        (
            "margie-au",
            "margiestravel.com.au",
            ["Jack Wilson", "Mia Taylor"],
        ),
        ("contoso-cn", "contoso.cn", ["Wei Zhang", "Li Na"]),
    ] {
        for (i, name) in people.iter().enumerate() {
            let first = ascii(name.split(' ').next().unwrap()).replace('é', "e");
            let id = format!("{tenant}-{first}");
            let user = d.add(&id, name, &format!("{first}@{domain}"), tenant);
            if i == 0 && tenant != "litware-viral" {
                user.roles = vec![Role::GlobalAdmin];
            }
        }
    }
    // The partner: delegated admin rights in two customers.
    d.add(
        "ravi",
        "Ravi Shankar (Relecloud)",
        "ravi@relecloud.com",
        "relecloud",
    )
    .delegations = vec![
        Delegation {
            customer: TenantId("contoso".into()),
            role: Role::GlobalAdmin,
        },
        Delegation {
            customer: TenantId("fabrikam".into()),
            role: Role::BillingAdmin,
        },
    ];
    d.add(
        "relecloud-admin",
        "Sofia Alvarez",
        "sofia@relecloud.com",
        "relecloud",
    )
    .roles = vec![Role::GlobalAdmin];
    let passwords = d
        .users
        .iter()
        .map(|u| (u.id.0.clone(), PASSWORD.to_string()))
        .collect();
    DirectoryFile {
        tenants,
        users: d.users,
        passwords,
    }
}

// ---------- seed state ----------

/// The start of the monthly term that ends on `end`.
fn history_start(end: NaiveDate) -> NaiveDate {
    end.checked_sub_months(Months::new(1)).unwrap()
}

struct Seeder {
    catalog: CatalogFile,
    seq: u64,
    subscriptions: Vec<Subscription>,
    bills: Vec<Bill>,
    cards: Vec<StoredCard>,
    notifications: Vec<Notification>,
    audit: Vec<AuditEvent>,
    payments: Vec<Payment>,
    /// Each tenant's first Global admin: who bought its central subscriptions.
    admins: Vec<(TenantId, UserId)>,
}

impl Seeder {
    /// The processor's record of a charge the seed's history made.
    fn paid(&mut self, bill: &BillId, card: Option<&CardId>, at: DateTime<Utc>, amount: Money) {
        if let Some(card) = card {
            self.payments.push(Payment {
                bill: bill.clone(),
                card: card.clone(),
                at,
                amount,
                kind: PaymentKind::Charge,
            });
        }
    }

    fn next(&mut self, prefix: &str) -> String {
        self.seq += 1;
        format!("{prefix}-{:06}", self.seq)
    }

    fn price(&self, product: &str, country: &str, central: bool) -> Money {
        let p = self
            .catalog
            .catalog
            .prices
            .iter()
            .find(|p| p.product == pid(product) && p.market.country.code() == country)
            .unwrap();
        if central {
            p.central
        } else {
            p.self_service
        }
    }

    fn card(&mut self, owner: &str, brand: Brand, last4: &str, holder: &str) -> CardId {
        let id = CardId(self.next("card"));
        self.cards.push(StoredCard {
            id: id.clone(),
            owner: UserId(owner.into()),
            brand,
            last4: last4.into(),
            expiry: Expiry {
                year: 2028,
                month: 9,
            },
            holder: holder.into(),
            later_charges: None,
            address: None,
            country: Country::US,
        });
        id
    }

    /// A subscription bought `months_ago` months before the clock, with a paid bill for
    /// every past month and, when `due`, the current month's bill still due.
    #[allow(clippy::too_many_arguments)]
    fn subscription(
        &mut self,
        tenant: &str,
        country: &str,
        product: &str,
        purchaser: Option<&str>,
        channel: Channel,
        licenses: u32,
        assigned: Vec<UserId>,
        months_ago: u32,
        card: Option<CardId>,
        due: bool,
    ) -> SubscriptionId {
        let id = SubscriptionId(self.next("sub"));
        let today = clock().date_naive();
        let start: NaiveDate =
            today.checked_sub_months(Months::new(months_ago)).unwrap() - Duration::days(3);
        let unit = self.price(product, country, channel == Channel::Central);
        let amount = unit.checked_mul(licenses).unwrap();
        let by = match purchaser {
            Some(p) => UserId(p.into()),
            None => self
                .admins
                .iter()
                .find(|(t, _)| t.0 == tenant)
                .map(|(_, u)| u.clone())
                .expect("a Global admin buys centrally"),
        };
        let at = |d: NaiveDate| d.and_hms_opt(10, 0, 0).unwrap().and_utc();
        let first_kind = if matches!(channel, Channel::Trial { .. }) {
            OrderKind::TrialStarted
        } else {
            OrderKind::Purchase
        };
        let mut history = vec![OrderEntry {
            at: at(start),
            kind: first_kind,
            by: by.clone(),
            licenses,
            amount: (first_kind == OrderKind::Purchase).then_some(amount),
        }];
        let mut term_start = start;
        let is_trial = matches!(channel, Channel::Trial { .. });
        let term = |d: NaiveDate| {
            if channel == Channel::Central {
                d.checked_add_months(Months::new(12)).unwrap()
            } else {
                one_month_after(d)
            }
        };
        let mut term_end = term(term_start);
        let mut month = 0;
        while !is_trial && term_end <= today {
            if let Some(p) = purchaser {
                let bill = BillId(self.next("bill"));
                self.bills.push(Bill {
                    id: bill.clone(),
                    subscription: id.clone(),
                    billed_to: UserId(p.into()),
                    period_start: term_start,
                    period_end: term_end,
                    issued: term_start,
                    amount,
                    status: BillStatus::Paid,
                    kind: BillKind::Charge,
                });
                self.paid(&bill, card.as_ref(), at(term_start), amount);
            }
            term_start = term_end;
            term_end = term(term_start);
            history.push(OrderEntry {
                at: at(term_start),
                kind: OrderKind::Renewed,
                by: UserId("system".into()),
                licenses,
                amount: Some(amount),
            });
            month += 1;
        }
        let _ = month;
        let mut past_due = None;
        if let (Some(p), false) = (purchaser, is_trial) {
            let bill = BillId(self.next("bill"));
            let status = if due {
                BillStatus::PastDue
            } else {
                BillStatus::Paid
            };
            self.bills.push(Bill {
                id: bill.clone(),
                subscription: id.clone(),
                billed_to: UserId(p.into()),
                period_start: term_start,
                period_end: term_end,
                issued: term_start,
                amount,
                status,
                kind: BillKind::Charge,
            });
            if due {
                // The renewal and its first retry were declined; the last try is ahead.
                let renewal = term_start;
                let next_try = retry_on(renewal, 2).unwrap();
                self.notifications.push(Notification {
                    to: UserId(p.into()),
                    at: clock(),
                    subscription: id.clone(),
                    kind: NotificationKind::PaymentFailed {
                        bill: bill.clone(),
                        next_try: Some(next_try),
                    },
                    read: false,
                });
                past_due = Some(PastDue {
                    bill,
                    attempts: 2,
                    next_try,
                });
                // The term it would renew into has not started: no renewal in the history,
                // the two declines instead.
                term_end = term_start;
                term_start = history_start(term_end);
                if history.last().is_some_and(|h| h.kind == OrderKind::Renewed) {
                    history.pop();
                }
                for day in [term_end, retry_on(term_end, 1).unwrap()] {
                    history.push(OrderEntry {
                        at: at(day),
                        kind: OrderKind::PaymentDeclined,
                        by: UserId("system".into()),
                        licenses,
                        amount: None,
                    });
                }
            } else {
                self.paid(&bill, card.as_ref(), at(term_start), amount);
            }
        }
        self.audit.push(AuditEvent {
            at: at(start),
            actor: Some(by),
            tenant: Some(TenantId(tenant.into())),
            action: if is_trial {
                "start_trial"
            } else if purchaser.is_some() {
                "purchase"
            } else {
                "buy_central"
            }
            .into(),
            subject: id.0.clone(),
            outcome: AuditOutcome::Succeeded,
            detail: format!("{licenses} × {product}"),
            why: None,
            submission: None,
        });
        self.subscriptions.push(Subscription {
            id: id.clone(),
            product: pid(product),
            tenant: TenantId(tenant.into()),
            purchaser: purchaser.map(|p| UserId(p.into())),
            channel,
            licenses: Quantity::try_from(licenses).unwrap(),
            assigned,
            status: Status::Active,
            term_start,
            term_end,
            auto_renew: !matches!(
                channel,
                Channel::Trial {
                    with_payment_method: false
                }
            ),
            status_since: None,
            end_reason: None,
            past_due,
            trial_extended: false,
            unit_price: unit,
            card,
            history,
            cancel_reason: None,
            licenses_at_renewal: None,
        });
        id
    }
}

fn staff(dir: &DirectoryFile, skip: usize, take: usize) -> Vec<UserId> {
    dir.users
        .iter()
        .filter(|u| u.tenant.0 == "contoso" && u.id.0.contains('.'))
        .skip(skip)
        .take(take)
        .map(|u| u.id.clone())
        .collect()
}

fn seed(catalog: CatalogFile, dir: &DirectoryFile) -> SeedFile {
    let mut admins: Vec<(TenantId, UserId)> = Vec::new();
    for u in dir
        .users
        .iter()
        .filter(|u| u.roles.contains(&Role::GlobalAdmin))
    {
        if !admins.iter().any(|(t, _)| t == &u.tenant) {
            admins.push((u.tenant.clone(), u.id.clone()));
        }
    }
    let mut s = Seeder {
        catalog,
        seq: 0,
        subscriptions: vec![],
        bills: vec![],
        cards: vec![],
        notifications: vec![],
        audit: vec![],
        payments: vec![],
        admins,
    };
    let mut policies = Policies::default();
    let t = |id: &str| TenantId(id.into());
    policies.set(&t("contoso"), &pid("CFQ7TTC0LSGZ"), PolicyValue::Disabled);
    policies.set(
        &t("contoso"),
        &pid("CFQ7TTC0HD33"),
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
    );
    policies.set(&t("fabrikam"), &pid("CFQ7TTC0H6RP"), PolicyValue::Disabled);
    policies.set(
        &t("fourthcoffee-de"),
        &pid("CFQ7TTC0MM8R"),
        PolicyValue::OnlyTrialsWithoutPaymentMethod,
    );
    // Contoso keeps Power BI visuals from other publishers out: the offer type's switch.
    policies
        .set_value(
            &t("contoso"),
            &PolicyTarget::OfferType(OfferType::PowerBiVisuals),
            PolicyValue::Disabled,
        )
        .unwrap();

    let central = Channel::Central;
    let ss = Channel::SelfService;
    // Contoso's central purchases.
    s.subscription(
        "contoso",
        "US",
        "CFQ7TTC0H9MP",
        None,
        central,
        50,
        staff(dir, 0, 30),
        5,
        None,
        false,
    );
    s.subscription(
        "contoso",
        "US",
        "CFQ7TTC0LH2H",
        None,
        central,
        25,
        staff(dir, 30, 10),
        3,
        None,
        false,
    );
    s.subscription(
        "contoso",
        "US",
        "CFQ7TTC0HDB0",
        None,
        central,
        10,
        staff(dir, 40, 5),
        8,
        None,
        false,
    );
    s.subscription(
        "contoso",
        "US",
        "CFQ7TTC0MM8R",
        None,
        central,
        20,
        vec![UserId("patti".into()), UserId("nestor".into())],
        1,
        None,
        false,
    );
    // Self-service purchases: Megan, Diego (two products), Lynne (has left); Yuki's renewal
    // is past due.
    let megan_card = s.card("megan", Brand::Visa, "4242", "Megan Bowen");
    let mut megan_people = staff(dir, 100, 5);
    megan_people.push(UserId("megan".into()));
    s.subscription(
        "contoso",
        "US",
        "CFQ7TTC0H9MP",
        Some("megan"),
        ss,
        10,
        megan_people,
        3,
        Some(megan_card),
        false,
    );
    let diego_card = s.card("diego", Brand::Mastercard, "4444", "Diego Siciliani");
    s.subscription(
        "contoso",
        "US",
        "CFQ7TTC0H9MP",
        Some("diego"),
        ss,
        5,
        staff(dir, 110, 4),
        2,
        Some(diego_card.clone()),
        false,
    );
    s.subscription(
        "contoso",
        "US",
        "CFQ7TTC0HD32",
        Some("diego"),
        ss,
        3,
        vec![UserId("diego".into()), UserId("alex".into())],
        1,
        Some(diego_card),
        false,
    );
    let lynne_card = s.card("lynne", Brand::AmericanExpress, "0005", "Lynne Robbins");
    s.subscription(
        "contoso",
        "US",
        "CFQ7TTC0LH3L",
        Some("lynne"),
        ss,
        4,
        staff(dir, 120, 3),
        6,
        Some(lynne_card),
        false,
    );
    // Trials: Lee without a card (Visio is trials-only here), Johanna with one.
    s.subscription(
        "contoso",
        "US",
        "CFQ7TTC0HD33",
        Some("lee"),
        Channel::Trial {
            with_payment_method: false,
        },
        5,
        vec![UserId("lee".into())],
        0,
        None,
        false,
    );
    let johanna_card = s.card("johanna", Brand::Visa, "1881", "Johanna Lorenz");
    s.subscription(
        "contoso",
        "US",
        "CFQ7TTC0LH2H",
        Some("johanna"),
        Channel::Trial {
            with_payment_method: true,
        },
        2,
        vec![],
        0,
        Some(johanna_card),
        false,
    );
    // Fabrikam, Japan, Germany.
    s.subscription(
        "fabrikam",
        "US",
        "CFQ7TTC0H9MP",
        None,
        central,
        10,
        vec![UserId("kai".into())],
        4,
        None,
        false,
    );
    let kai_card = s.card("kai", Brand::Discover, "1117", "Kai Carter");
    s.subscription(
        "fabrikam",
        "US",
        "CFQ7TTC0LH2H",
        Some("kai"),
        ss,
        2,
        vec![UserId("kai".into())],
        1,
        Some(kai_card),
        false,
    );
    let yuki_card = s.card("proseware-jp-yuki", Brand::Jcb, "0505", "Yuki Tanaka");
    s.subscription(
        "proseware-jp",
        "JP",
        "CFQ7TTC0HD33",
        Some("proseware-jp-yuki"),
        ss,
        3,
        vec![],
        2,
        Some(yuki_card),
        true,
    );
    s.subscription(
        "fourthcoffee-de",
        "DE",
        "CFQ7TTC0H9MP",
        None,
        central,
        8,
        vec![],
        2,
        None,
        false,
    );
    SeedFile {
        clock: clock(),
        policies,
        subscriptions: s
            .subscriptions
            .into_iter()
            .map(std::sync::Arc::new)
            .collect(),
        bills: s.bills,
        cards: s.cards,
        notifications: s.notifications,
        audit: s.audit,
        payments: s.payments,
        sequence: s.seq,
    }
}

fn write<T: serde::Serialize>(path: &str, value: &T) {
    let json = serde_json::to_string_pretty(value).unwrap();
    std::fs::write(path, json + "\n").unwrap();
    println!("wrote {path}");
}

fn main() {
    let catalog = catalog();
    let dir = directory();
    let seed = seed(catalog.clone(), &dir);
    std::fs::create_dir_all("public/data").unwrap();
    write("public/data/catalog.json", &catalog);
    write("public/data/directory.json", &dir);
    write("public/data/seed.json", &seed);
}
