//! The entities of an account plan (see docs/architecture.md and DOMAIN.md's terms).
//! Plain data: validation lives in `validate`, derived figures in `figures` and friends.

use crate::money::{Currency, Money};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use uuid::Uuid;

pub type Id = Uuid;

macro_rules! labelled_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident => $label:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        #[serde(rename_all = "snake_case")]
        #[ts(export)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The label a user reads (in the app and the printed plan).
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }
        }
    };
}

labelled_enum!(LifeStage {
    Prospect => "Prospect",
    Customer => "Customer",
    LoyalCustomer => "Loyal customer",
    FormerCustomer => "Former customer",
});

labelled_enum!(GrowthTrend {
    Unknown => "Unknown",
    Declining => "Declining",
    Flat => "Flat",
    Growing => "Growing",
    FastGrowing => "Fast growing",
});

labelled_enum!(TeamRole {
    AccountManager => "Account manager",
    SolutionEngineer => "Solution engineer",
    ExecutiveSponsor => "Executive sponsor",
    Marketing => "Marketing",
    CustomerSuccess => "Customer success",
    Services => "Services",
    Other => "Other",
});

labelled_enum!(PlanStatus {
    Draft => "Draft",
    Active => "Active",
    Closed => "Closed",
});

labelled_enum!(RelationshipStatus {
    None => "None",
    Transactional => "Transactional",
    PreferredSupplier => "Preferred supplier",
    StrategicPartner => "Strategic partner",
    TrustedAdvisor => "Trusted advisor",
});

labelled_enum!(BuyingRole {
    EconomicBuyer => "Economic buyer",
    DecisionMaker => "Decision maker",
    TechnicalEvaluator => "Technical evaluator",
    User => "User",
    Influencer => "Influencer",
    Champion => "Champion/coach",
    Gatekeeper => "Gatekeeper",
    Blocker => "Blocker",
});

labelled_enum!(Influence {
    High => "High",
    Medium => "Medium",
    Low => "Low",
});

labelled_enum!(Attitude {
    Champion => "Champion",
    Supporter => "Supporter",
    Neutral => "Neutral",
    Skeptic => "Skeptic",
    Opponent => "Opponent",
});

labelled_enum!(RelationshipLevel {
    None => "None",
    Vendor => "Vendor",
    CredibleSource => "Credible source",
    ProblemSolver => "Problem solver",
    TrustedAdvisor => "Trusted advisor",
});

labelled_enum!(LineKind {
    Influence => "Influence",
    Conflict => "Conflict",
});

labelled_enum!(ObjectiveKind {
    Revenue => "Revenue",
    Relationship => "Relationship",
    Positioning => "Positioning",
    Marketing => "Marketing",
});

labelled_enum!(ActionStatus {
    Open => "Open",
    Done => "Done",
    Blocked => "Blocked",
    Dropped => "Dropped",
});

labelled_enum!(CampaignKind {
    ExecutiveBriefing => "Executive briefing",
    Event => "Event",
    Webinar => "Webinar",
    Content => "Content/case study",
    DirectMail => "Direct mail",
    DigitalAds => "Digital ads",
    Email => "Email",
    ExecutiveSponsorship => "Executive sponsorship",
});

labelled_enum!(CampaignStatus {
    Planned => "Planned",
    Active => "Active",
    Done => "Done",
});

labelled_enum!(CellStatus {
    Installed => "Installed",
    InPipeline => "In pipeline",
    Open => "Open",
    Competitor => "Competitor",
    Blocked => "Blocked",
    NotApplicable => "Not applicable",
});

labelled_enum!(OpportunityStatus {
    Open => "Open",
    Won => "Won",
    Lost => "Lost",
});

labelled_enum!(OpportunityStage {
    Qualify => "Qualify",
    Develop => "Develop",
    Propose => "Propose",
    Negotiate => "Negotiate",
    Closed => "Closed",
});

labelled_enum!(TriggerKind {
    FundingRound => "Funding round",
    NewExecutive => "New executive",
    Merger => "Merger or acquisition",
    Regulation => "Regulation",
    ContractRenewal => "Contract renewal",
    Expansion => "Expansion",
    Other => "Other",
});

labelled_enum!(InteractionKind {
    Meeting => "Meeting",
    Call => "Call",
    Email => "Email",
    Event => "Event",
    Qbr => "QBR",
    Other => "Other",
});

/// One of our people on the account team.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TeamMember {
    pub id: Id,
    pub name: String,
    pub role: TeamRole,
}

/// A customer initiative with the factors that decide whether it succeeds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Initiative {
    pub id: Id,
    pub name: String,
    pub description: String,
    pub success_factors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Competitor {
    pub id: Id,
    pub name: String,
    pub strengths: String,
    pub weaknesses: String,
    pub counter_strategy: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Interaction {
    pub id: Id,
    pub date: NaiveDate,
    pub kind: InteractionKind,
    pub summary: String,
    /// Team member who was there, if recorded.
    pub team_member_id: Option<Id>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BuyingTrigger {
    pub id: Id,
    pub date: NaiveDate,
    pub kind: TriggerKind,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StageChange {
    pub date: NaiveDate,
    pub from: LifeStage,
    pub to: LifeStage,
}

/// One named criterion of a segmentation dimension, scored 1-5 by the account manager.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CriterionScore {
    pub criterion: String,
    pub score: Option<u8>,
    pub note: String,
}

/// Need, value and behavior criteria of an account (DOMAIN.md, segmentation).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Segmentation {
    pub need: Vec<CriterionScore>,
    pub value: Vec<CriterionScore>,
    pub behavior: Vec<CriterionScore>,
}

/// A recurring contract that comes up for renewal.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Renewal {
    pub id: Id,
    pub offering_id: Option<Id>,
    /// The buying center whose revenue the contract is part of (older files have none).
    #[serde(default)]
    pub buying_center_id: Option<Id>,
    pub description: String,
    pub annual_value: Money,
    pub renewal_on: NaiveDate,
    /// Set when the customer did not renew: counts towards churn.
    pub churned_on: Option<NaiveDate>,
}

/// The customer company.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Account {
    pub id: Id,
    pub name: String,
    pub industry: String,
    pub region: String,
    pub website: String,
    pub annual_revenue: Option<Money>,
    pub employees: Option<u32>,
    /// Month (1-12) in which the customer's fiscal year ends.
    pub fiscal_year_end_month: u8,
    pub owner: String,
    pub team: Vec<TeamMember>,
    pub life_stage: LifeStage,
    pub stage_history: Vec<StageChange>,
    pub growth_trend: GrowthTrend,
    pub strategy: String,
    pub initiatives: Vec<Initiative>,
    pub success_metric: String,
    pub competitors: Vec<Competitor>,
    pub interactions: Vec<Interaction>,
    pub buying_triggers: Vec<BuyingTrigger>,
    pub segmentation: Segmentation,
    pub renewals: Vec<Renewal>,
    /// Currency new plans of this account start with.
    pub currency: Currency,
    pub created_on: NaiveDate,
}

impl Account {
    /// A new account with sensible defaults: a customer, EUR, fiscal year ending in December.
    pub fn new(name: &str, today: NaiveDate) -> Account {
        Account {
            id: Uuid::new_v4(),
            name: name.trim().to_string(),
            industry: String::new(),
            region: String::new(),
            website: String::new(),
            annual_revenue: None,
            employees: None,
            fiscal_year_end_month: 12,
            owner: String::new(),
            team: Vec::new(),
            life_stage: LifeStage::Customer,
            stage_history: Vec::new(),
            growth_trend: GrowthTrend::Unknown,
            strategy: String::new(),
            initiatives: Vec::new(),
            success_metric: String::new(),
            competitors: Vec::new(),
            interactions: Vec::new(),
            buying_triggers: Vec::new(),
            segmentation: crate::segmentation::default_criteria(),
            renewals: Vec::new(),
            currency: Currency::default(),
            created_on: today,
        }
    }

    pub fn team_member(&self, id: Id) -> Option<&TeamMember> {
        self.team.iter().find(|m| m.id == id)
    }
}

/// An account's plan for one period (usually a fiscal year).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Plan {
    pub id: Id,
    pub account_id: Id,
    /// e.g. "FY2027".
    pub period: String,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub status: PlanStatus,
    pub currency: Currency,
    /// The plan this one was rolled forward from.
    pub rolled_from: Option<Id>,
    /// The story in the account manager's words, printed on the executive summary page and,
    /// shortened, on the one-page summary (older files have none).
    #[serde(default)]
    pub executive_summary: String,
    /// Asks / help needed from our side before the next QBR.
    #[serde(default)]
    pub asks: String,
    /// Wins since the last QBR.
    #[serde(default)]
    pub wins: String,
}

/// A competitor's estimated share of a buying center's wallet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CompetitorShare {
    pub competitor_id: Id,
    /// Whole percent of the buying center's total wallet.
    pub share_pct: u8,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BuyingCenter {
    pub id: Id,
    pub name: String,
    /// Division, business unit, function or region.
    pub description: String,
    pub total_wallet: Money,
    pub our_revenue: Money,
    pub sales_goal: Money,
    /// Whole percent; above 100 is allowed with a warning.
    pub target_share_pct: Option<u32>,
    pub relationship_status: RelationshipStatus,
    pub initiative_ids: Vec<Id>,
    pub competitors: Vec<CompetitorShare>,
    /// Display order in tables.
    pub position: u32,
}

/// One of our people who knows a contact, and how well.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Relationship {
    pub team_member_id: Id,
    pub level: RelationshipLevel,
    pub owner: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Contact {
    pub id: Id,
    pub buying_center_id: Id,
    pub name: String,
    pub title: String,
    pub reports_to: Option<Id>,
    pub dotted_line_to: Vec<Id>,
    pub role: BuyingRole,
    pub influence: Influence,
    pub attitude: Attitude,
    pub relationships: Vec<Relationship>,
    pub last_contact_on: Option<NaiveDate>,
    pub verified_on: Option<NaiveDate>,
    pub email: String,
    pub phone: String,
    pub notes: String,
}

impl Contact {
    pub fn owner(&self) -> Option<&Relationship> {
        self.relationships.iter().find(|r| r.owner)
    }
}

/// An informal line across the org chart: A sways B, or A and B pull against each other.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InfluenceLine {
    pub id: Id,
    pub from_contact_id: Id,
    pub to_contact_id: Id,
    pub kind: LineKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Objective {
    pub id: Id,
    pub kind: ObjectiveKind,
    pub title: String,
    /// The measurable target, e.g. 2.5 (with unit "M EUR") or 3 (with unit "executive meetings").
    pub target: String,
    pub unit: String,
    pub starts_on: Option<NaiveDate>,
    pub due_on: Option<NaiveDate>,
    pub buying_center_id: Option<Id>,
    pub initiative_id: Option<Id>,
    pub owner_id: Option<Id>,
    pub position: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Strategy {
    pub id: Id,
    pub objective_id: Id,
    pub title: String,
    pub position: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Action {
    pub id: Id,
    pub strategy_id: Id,
    pub what: String,
    pub owner_id: Option<Id>,
    pub due_on: Option<NaiveDate>,
    pub status: ActionStatus,
    pub position: u32,
}

/// One cell of the white-space matrix: a buying center crossed with an offering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WhiteSpaceCell {
    pub id: Id,
    pub buying_center_id: Id,
    pub offering_id: Id,
    /// Status as the user set it; opportunities may override it (see `whitespace::effective_status`).
    pub status: CellStatus,
    pub value_to_us: Option<u8>,
    pub value_to_customer: Option<u8>,
    pub value_to_us_rationale: String,
    pub value_to_customer_rationale: String,
    pub estimated_revenue: Money,
    pub competitor: String,
    pub blocked_reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Opportunity {
    pub id: Id,
    pub name: String,
    pub buying_center_id: Id,
    pub offering_id: Option<Id>,
    pub amount: Money,
    pub stage: OpportunityStage,
    pub probability_pct: u8,
    pub close_on: Option<NaiveDate>,
    pub status: OpportunityStatus,
}

/// Everything inside one plan period. Stored record by record; assembled here.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PlanContent {
    pub buying_centers: Vec<BuyingCenter>,
    pub contacts: Vec<Contact>,
    pub lines: Vec<InfluenceLine>,
    pub objectives: Vec<Objective>,
    pub strategies: Vec<Strategy>,
    pub actions: Vec<Action>,
    pub cells: Vec<WhiteSpaceCell>,
    pub opportunities: Vec<Opportunity>,
}

impl PlanContent {
    pub fn buying_center(&self, id: Id) -> Option<&BuyingCenter> {
        self.buying_centers.iter().find(|b| b.id == id)
    }
    pub fn contact(&self, id: Id) -> Option<&Contact> {
        self.contacts.iter().find(|c| c.id == id)
    }
}

/// One record inside a plan: the unit the store writes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[serde(tag = "kind", content = "item", rename_all = "snake_case")]
#[ts(export)]
pub enum PlanItem {
    BuyingCenter(BuyingCenter),
    Contact(Contact),
    Line(InfluenceLine),
    Objective(Objective),
    Strategy(Strategy),
    Action(Action),
    Cell(WhiteSpaceCell),
    Opportunity(Opportunity),
}

labelled_enum!(
    /// Which kind of plan record; used by the store's keys and by deletes.
    ItemKind {
        BuyingCenter => "Buying center",
        Contact => "Contact",
        Line => "Line of influence",
        Objective => "Objective",
        Strategy => "Strategy",
        Action => "Action",
        Cell => "White-space cell",
        Opportunity => "Opportunity",
    }
);

impl PlanItem {
    pub fn id(&self) -> Id {
        match self {
            PlanItem::BuyingCenter(x) => x.id,
            PlanItem::Contact(x) => x.id,
            PlanItem::Line(x) => x.id,
            PlanItem::Objective(x) => x.id,
            PlanItem::Strategy(x) => x.id,
            PlanItem::Action(x) => x.id,
            PlanItem::Cell(x) => x.id,
            PlanItem::Opportunity(x) => x.id,
        }
    }

    pub fn kind(&self) -> ItemKind {
        match self {
            PlanItem::BuyingCenter(_) => ItemKind::BuyingCenter,
            PlanItem::Contact(_) => ItemKind::Contact,
            PlanItem::Line(_) => ItemKind::Line,
            PlanItem::Objective(_) => ItemKind::Objective,
            PlanItem::Strategy(_) => ItemKind::Strategy,
            PlanItem::Action(_) => ItemKind::Action,
            PlanItem::Cell(_) => ItemKind::Cell,
            PlanItem::Opportunity(_) => ItemKind::Opportunity,
        }
    }
}

impl PlanContent {
    /// Split into records (for the store) in a stable order.
    pub fn into_items(self) -> Vec<PlanItem> {
        let mut items = Vec::new();
        items.extend(self.buying_centers.into_iter().map(PlanItem::BuyingCenter));
        items.extend(self.contacts.into_iter().map(PlanItem::Contact));
        items.extend(self.lines.into_iter().map(PlanItem::Line));
        items.extend(self.objectives.into_iter().map(PlanItem::Objective));
        items.extend(self.strategies.into_iter().map(PlanItem::Strategy));
        items.extend(self.actions.into_iter().map(PlanItem::Action));
        items.extend(self.cells.into_iter().map(PlanItem::Cell));
        items.extend(self.opportunities.into_iter().map(PlanItem::Opportunity));
        items
    }

    /// Assemble from records, ordering each list by its display position.
    pub fn from_items(items: impl IntoIterator<Item = PlanItem>) -> PlanContent {
        let mut c = PlanContent::default();
        for item in items {
            c.insert(item);
        }
        c.buying_centers.sort_by_key(|b| b.position);
        c.objectives.sort_by_key(|o| o.position);
        c.strategies.sort_by_key(|s| s.position);
        c.actions.sort_by_key(|a| a.position);
        c
    }

    /// Insert or replace one record.
    pub fn insert(&mut self, item: PlanItem) {
        fn upsert<T>(list: &mut Vec<T>, value: T, id: Id, id_of: impl Fn(&T) -> Id) {
            match list.iter_mut().find(|x| id_of(x) == id) {
                Some(slot) => *slot = value,
                None => list.push(value),
            }
        }
        let id = item.id();
        match item {
            PlanItem::BuyingCenter(x) => upsert(&mut self.buying_centers, x, id, |v| v.id),
            PlanItem::Contact(x) => upsert(&mut self.contacts, x, id, |v| v.id),
            PlanItem::Line(x) => upsert(&mut self.lines, x, id, |v| v.id),
            PlanItem::Objective(x) => upsert(&mut self.objectives, x, id, |v| v.id),
            PlanItem::Strategy(x) => upsert(&mut self.strategies, x, id, |v| v.id),
            PlanItem::Action(x) => upsert(&mut self.actions, x, id, |v| v.id),
            PlanItem::Cell(x) => upsert(&mut self.cells, x, id, |v| v.id),
            PlanItem::Opportunity(x) => upsert(&mut self.opportunities, x, id, |v| v.id),
        }
    }

    pub fn remove(&mut self, kind: ItemKind, id: Id) {
        match kind {
            ItemKind::BuyingCenter => self.buying_centers.retain(|x| x.id != id),
            ItemKind::Contact => self.contacts.retain(|x| x.id != id),
            ItemKind::Line => self.lines.retain(|x| x.id != id),
            ItemKind::Objective => self.objectives.retain(|x| x.id != id),
            ItemKind::Strategy => self.strategies.retain(|x| x.id != id),
            ItemKind::Action => self.actions.retain(|x| x.id != id),
            ItemKind::Cell => self.cells.retain(|x| x.id != id),
            ItemKind::Opportunity => self.opportunities.retain(|x| x.id != id),
        }
    }
}

/// Our catalog of solutions, shared by all accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Offering {
    pub id: Id,
    pub name: String,
    pub family: String,
    pub description: String,
    pub typical_deal_size: Money,
    pub currency: Currency,
    /// A retired offering stays in old plans, greyed out.
    pub retired: bool,
}

/// One account a campaign is aimed at, with what it targets and achieved there.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CampaignTarget {
    pub account_id: Id,
    /// The marketing objective (in that account's plan) the campaign serves.
    pub objective_id: Option<Id>,
    pub buying_center_ids: Vec<Id>,
    pub contact_ids: Vec<Id>,
    pub engaged_contact_ids: Vec<Id>,
    pub meetings: u32,
    /// Influenced pipeline: opportunities of this account.
    pub opportunity_ids: Vec<Id>,
}

/// An ABM campaign; one campaign may be aimed at several accounts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Campaign {
    pub id: Id,
    pub name: String,
    pub kind: CampaignKind,
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
    pub budget: Money,
    pub currency: Currency,
    pub status: CampaignStatus,
    pub targets: Vec<CampaignTarget>,
}

/// A frozen copy of a plan taken at a QBR.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Snapshot {
    pub id: Id,
    pub plan_id: Id,
    pub taken_on: NaiveDate,
    pub label: String,
    pub account: Account,
    pub plan: Plan,
    pub content: PlanContent,
}
