//! Validation at the core's door: every write goes through here before it reaches the store.

use crate::error::{CoreError, CoreResult, MAX_NAME, MAX_TEXT};
use crate::model::*;
use crate::money::Money;
use std::collections::HashSet;

pub fn name(field: &str, label: &str, value: &str) -> CoreResult<()> {
    if value.trim().is_empty() {
        return Err(CoreError::Empty {
            field: field.into(),
            label: label.into(),
        });
    }
    limit(field, label, value, MAX_NAME)
}

pub fn text(field: &str, label: &str, value: &str) -> CoreResult<()> {
    limit(field, label, value, MAX_TEXT)
}

fn limit(field: &str, label: &str, value: &str, max: usize) -> CoreResult<()> {
    let len = value.chars().count();
    if len > max {
        return Err(CoreError::TooLong {
            field: field.into(),
            label: label.into(),
            len,
            max,
        });
    }
    Ok(())
}

pub fn money(field: &str, label: &str, value: Money) -> CoreResult<()> {
    if value.is_negative() {
        return Err(CoreError::Negative {
            field: field.into(),
            label: label.into(),
        });
    }
    Ok(())
}

pub fn range(field: &str, label: &str, value: i64, min: i64, max: i64) -> CoreResult<()> {
    if value < min || value > max {
        return Err(CoreError::OutOfRange {
            field: field.into(),
            label: label.into(),
            min,
            max,
            value,
        });
    }
    Ok(())
}

pub fn score(field: &str, label: &str, value: Option<u8>) -> CoreResult<()> {
    match value {
        Some(v) => range(field, label, v as i64, 1, 5),
        None => Ok(()),
    }
}

pub fn account(a: &Account) -> CoreResult<()> {
    name("name", "Account name", &a.name)?;
    text("industry", "Industry", &a.industry)?;
    text("region", "Region", &a.region)?;
    text("website", "Website", &a.website)?;
    text("owner", "Owner", &a.owner)?;
    text("strategy", "Business strategy", &a.strategy)?;
    text("success_metric", "Success metric", &a.success_metric)?;
    // Deserialising does not check the code; this does (ISO 4217).
    crate::money::Currency::parse("currency", a.currency.code())?;
    if let Some(r) = a.annual_revenue {
        money("annual_revenue", "Annual revenue", r)?;
    }
    range(
        "fiscal_year_end_month",
        "Fiscal-year end month",
        a.fiscal_year_end_month as i64,
        1,
        12,
    )?;
    let mut seen = HashSet::new();
    for m in &a.team {
        name("team.name", "Team member name", &m.name)?;
        if !seen.insert(m.id) {
            return Err(CoreError::conflict("team", "A team member appears twice"));
        }
    }
    for i in &a.initiatives {
        name("initiatives.name", "Initiative name", &i.name)?;
        text(
            "initiatives.description",
            "Initiative description",
            &i.description,
        )?;
        for f in &i.success_factors {
            text("initiatives.success_factors", "Critical success factor", f)?;
        }
    }
    for c in &a.competitors {
        name("competitors.name", "Competitor name", &c.name)?;
        text("competitors.strengths", "Strengths", &c.strengths)?;
        text("competitors.weaknesses", "Weaknesses", &c.weaknesses)?;
        text(
            "competitors.counter_strategy",
            "Counter-strategy",
            &c.counter_strategy,
        )?;
    }
    for i in &a.interactions {
        name("interactions.summary", "Interaction summary", &i.summary)?;
        if let Some(m) = i.team_member_id {
            if a.team_member(m).is_none() {
                return Err(CoreError::not_found(
                    "interactions.team_member_id",
                    "That team member",
                ));
            }
        }
    }
    for t in &a.buying_triggers {
        name("buying_triggers.description", "Trigger", &t.description)?;
    }
    for dim in [
        &a.segmentation.need,
        &a.segmentation.value,
        &a.segmentation.behavior,
    ] {
        for c in dim {
            name("segmentation.criterion", "Criterion", &c.criterion)?;
            score("segmentation.score", &c.criterion, c.score)?;
            text("segmentation.note", "Note", &c.note)?;
        }
    }
    for r in &a.renewals {
        name("renewals.description", "Renewal", &r.description)?;
        money("renewals.annual_value", "Annual value", r.annual_value)?;
    }
    Ok(())
}

/// Longest executive summary: it is printed whole on the executive summary page.
pub const MAX_EXECUTIVE_SUMMARY: usize = 1_500;
/// Longest "asks" or "wins" text: a few sentences, printed beside the numbers.
pub const MAX_ASKS_OR_WINS: usize = 800;

/// The plan's commentary (executive summary, asks, wins): free text of bounded length.
pub fn commentary(p: &Plan) -> CoreResult<()> {
    limit(
        "executive_summary",
        "Executive summary",
        &p.executive_summary,
        MAX_EXECUTIVE_SUMMARY,
    )?;
    limit("asks", "Asks / help needed", &p.asks, MAX_ASKS_OR_WINS)?;
    limit("wins", "Wins since last QBR", &p.wins, MAX_ASKS_OR_WINS)
}

pub fn plan(p: &Plan) -> CoreResult<()> {
    name("period", "Plan period", &p.period)?;
    commentary(p)?;
    crate::money::Currency::parse("currency", p.currency.code())?;
    if p.ends_on < p.starts_on {
        return Err(CoreError::conflict(
            "ends_on",
            "The plan cannot end before it starts",
        ));
    }
    Ok(())
}

pub fn offering(o: &Offering) -> CoreResult<()> {
    name("name", "Offering name", &o.name)?;
    text("family", "Family", &o.family)?;
    text("description", "Description", &o.description)?;
    money(
        "typical_deal_size",
        "Typical deal size",
        o.typical_deal_size,
    )
}

/// What a plan record may refer to, beyond the plan itself.
pub struct Context<'a> {
    pub account: &'a Account,
    pub content: &'a PlanContent,
    pub offerings: &'a [Offering],
}

/// Validate one plan record as it would be after the write.
pub fn item(item: &PlanItem, ctx: &Context) -> CoreResult<()> {
    match item {
        PlanItem::BuyingCenter(b) => buying_center(b, ctx),
        PlanItem::Contact(c) => contact(c, ctx),
        PlanItem::Line(l) => line(l, ctx),
        PlanItem::Objective(o) => objective(o, ctx),
        PlanItem::Strategy(s) => {
            name("title", "Strategy", &s.title)?;
            if !ctx
                .content
                .objectives
                .iter()
                .any(|o| o.id == s.objective_id)
            {
                return Err(CoreError::not_found("objective_id", "That objective"));
            }
            Ok(())
        }
        PlanItem::Action(a) => action(a, ctx),
        PlanItem::Cell(c) => cell(c, ctx),
        PlanItem::Opportunity(o) => opportunity(o, ctx),
    }
}

fn buying_center(b: &BuyingCenter, ctx: &Context) -> CoreResult<()> {
    name("name", "Buying center name", &b.name)?;
    text("description", "Description", &b.description)?;
    money("total_wallet", "Total wallet", b.total_wallet)?;
    money("our_revenue", "Our revenue", b.our_revenue)?;
    money("sales_goal", "Sales goal", b.sales_goal)?;
    if let Some(t) = b.target_share_pct {
        range("target_share_pct", "Target share", t as i64, 0, 1000)?;
    }
    for i in &b.initiative_ids {
        if !ctx.account.initiatives.iter().any(|x| x.id == *i) {
            return Err(CoreError::not_found("initiative_ids", "That initiative"));
        }
    }
    let mut seen = HashSet::new();
    let mut total = 0u32;
    for c in &b.competitors {
        if !ctx
            .account
            .competitors
            .iter()
            .any(|x| x.id == c.competitor_id)
        {
            return Err(CoreError::not_found("competitors", "That competitor"));
        }
        if !seen.insert(c.competitor_id) {
            return Err(CoreError::conflict(
                "competitors",
                "A competitor is listed twice in this buying center",
            ));
        }
        range(
            "competitors.share_pct",
            "Competitor share",
            c.share_pct as i64,
            0,
            100,
        )?;
        total += c.share_pct as u32;
    }
    if total > 100 {
        return Err(CoreError::conflict(
            "competitors",
            format!("Competitor shares add up to {total}%, more than the whole wallet"),
        ));
    }
    if ctx
        .content
        .buying_centers
        .iter()
        .any(|x| x.id != b.id && x.name.trim().eq_ignore_ascii_case(b.name.trim()))
    {
        return Err(CoreError::conflict(
            "name",
            format!(
                "There is already a buying center named \"{}\"",
                b.name.trim()
            ),
        ));
    }
    Ok(())
}

fn contact(c: &Contact, ctx: &Context) -> CoreResult<()> {
    name("name", "Name", &c.name)?;
    text("title", "Title", &c.title)?;
    text("email", "Email", &c.email)?;
    text("phone", "Phone", &c.phone)?;
    text("notes", "Notes", &c.notes)?;
    if ctx.content.buying_center(c.buying_center_id).is_none() {
        return Err(CoreError::not_found(
            "buying_center_id",
            "That buying center",
        ));
    }
    if let Some(m) = c.reports_to {
        if m == c.id {
            return Err(CoreError::conflict(
                "reports_to",
                "A person cannot report to themselves",
            ));
        }
        if ctx.content.contact(m).is_none() {
            return Err(CoreError::not_found(
                "reports_to",
                "That manager (not a contact of this account)",
            ));
        }
        crate::relmap::check_reports_to(ctx.content, c)?;
    }
    for d in &c.dotted_line_to {
        if Some(*d) == c.reports_to {
            return Err(CoreError::conflict(
                "dotted_line_to",
                "A dotted-line manager cannot also be the solid-line manager",
            ));
        }
        if *d == c.id || ctx.content.contact(*d).is_none() {
            return Err(CoreError::not_found(
                "dotted_line_to",
                "That dotted-line manager",
            ));
        }
    }
    let mut owners = 0;
    let mut seen = HashSet::new();
    for r in &c.relationships {
        if ctx.account.team_member(r.team_member_id).is_none() {
            return Err(CoreError::not_found(
                "relationships",
                "That team member (add them to the account team first)",
            ));
        }
        if !seen.insert(r.team_member_id) {
            return Err(CoreError::conflict(
                "relationships",
                "A team member is listed twice for this contact",
            ));
        }
        owners += r.owner as usize;
    }
    if owners > 1 {
        return Err(CoreError::conflict(
            "relationships",
            "A contact has one owner at most",
        ));
    }
    Ok(())
}

fn line(l: &InfluenceLine, ctx: &Context) -> CoreResult<()> {
    if l.from_contact_id == l.to_contact_id {
        return Err(CoreError::conflict(
            "to_contact_id",
            "A line needs two different people",
        ));
    }
    for (field, id) in [
        ("from_contact_id", l.from_contact_id),
        ("to_contact_id", l.to_contact_id),
    ] {
        if ctx.content.contact(id).is_none() {
            return Err(CoreError::not_found(
                field,
                "That person (not a contact of this account)",
            ));
        }
    }
    let same = |x: &InfluenceLine| {
        x.id != l.id
            && x.kind == l.kind
            && ((x.from_contact_id == l.from_contact_id && x.to_contact_id == l.to_contact_id)
                || (l.kind == LineKind::Conflict
                    && x.from_contact_id == l.to_contact_id
                    && x.to_contact_id == l.from_contact_id))
    };
    if ctx.content.lines.iter().any(same) {
        return Err(CoreError::conflict(
            "to_contact_id",
            "That line is already drawn",
        ));
    }
    Ok(())
}

fn team_owner(field: &str, owner: Option<Id>, ctx: &Context) -> CoreResult<()> {
    if let Some(o) = owner {
        if ctx.account.team_member(o).is_none() {
            return Err(CoreError::not_found(
                field,
                "That owner (not on the account team)",
            ));
        }
    }
    Ok(())
}

fn objective(o: &Objective, ctx: &Context) -> CoreResult<()> {
    name("title", "Objective", &o.title)?;
    text("target", "Target", &o.target)?;
    text("unit", "Unit", &o.unit)?;
    team_owner("owner_id", o.owner_id, ctx)?;
    if let (Some(s), Some(d)) = (o.starts_on, o.due_on) {
        if d < s {
            return Err(CoreError::conflict(
                "due_on",
                "The due date is before the objective's start",
            ));
        }
    }
    if let Some(b) = o.buying_center_id {
        if ctx.content.buying_center(b).is_none() {
            return Err(CoreError::not_found(
                "buying_center_id",
                "That buying center",
            ));
        }
    }
    if let Some(i) = o.initiative_id {
        if !ctx.account.initiatives.iter().any(|x| x.id == i) {
            return Err(CoreError::not_found("initiative_id", "That initiative"));
        }
    }
    Ok(())
}

fn action(a: &Action, ctx: &Context) -> CoreResult<()> {
    name("what", "Action", &a.what)?;
    team_owner("owner_id", a.owner_id, ctx)?;
    let strategy = ctx
        .content
        .strategies
        .iter()
        .find(|s| s.id == a.strategy_id)
        .ok_or_else(|| CoreError::not_found("strategy_id", "That strategy"))?;
    let objective = ctx
        .content
        .objectives
        .iter()
        .find(|o| o.id == strategy.objective_id);
    if let (Some(due), Some(start)) = (a.due_on, objective.and_then(|o| o.starts_on)) {
        if due < start {
            return Err(CoreError::conflict(
                "due_on",
                "The due date is before the objective's start",
            ));
        }
    }
    Ok(())
}

fn cell(c: &WhiteSpaceCell, ctx: &Context) -> CoreResult<()> {
    score("value_to_us", "Value to us", c.value_to_us)?;
    score(
        "value_to_customer",
        "Value to the customer",
        c.value_to_customer,
    )?;
    text(
        "value_to_us_rationale",
        "Rationale",
        &c.value_to_us_rationale,
    )?;
    text(
        "value_to_customer_rationale",
        "Rationale",
        &c.value_to_customer_rationale,
    )?;
    text("competitor", "Competitor", &c.competitor)?;
    text("blocked_reason", "Reason", &c.blocked_reason)?;
    money(
        "estimated_revenue",
        "Estimated revenue",
        c.estimated_revenue,
    )?;
    if ctx.content.buying_center(c.buying_center_id).is_none() {
        return Err(CoreError::not_found(
            "buying_center_id",
            "That buying center",
        ));
    }
    if !ctx.offerings.iter().any(|o| o.id == c.offering_id) {
        return Err(CoreError::not_found("offering_id", "That offering"));
    }
    if ctx.content.cells.iter().any(|x| {
        x.id != c.id && x.buying_center_id == c.buying_center_id && x.offering_id == c.offering_id
    }) {
        return Err(CoreError::conflict(
            "offering_id",
            "That cell already exists",
        ));
    }
    Ok(())
}

fn opportunity(o: &Opportunity, ctx: &Context) -> CoreResult<()> {
    name("name", "Opportunity name", &o.name)?;
    money("amount", "Amount", o.amount)?;
    range(
        "probability_pct",
        "Probability",
        o.probability_pct as i64,
        0,
        100,
    )?;
    if ctx.content.buying_center(o.buying_center_id).is_none() {
        return Err(CoreError::not_found(
            "buying_center_id",
            "That buying center (not in this account's plan)",
        ));
    }
    if let Some(off) = o.offering_id {
        if !ctx.offerings.iter().any(|x| x.id == off) {
            return Err(CoreError::not_found("offering_id", "That offering"));
        }
    }
    Ok(())
}

pub fn campaign(c: &Campaign) -> CoreResult<()> {
    name("name", "Campaign name", &c.name)?;
    money("budget", "Budget", c.budget)?;
    if c.ends_on < c.starts_on {
        return Err(CoreError::conflict(
            "ends_on",
            "The campaign ends before it starts",
        ));
    }
    let mut seen = HashSet::new();
    for t in &c.targets {
        if !seen.insert(t.account_id) {
            return Err(CoreError::conflict(
                "targets",
                "An account is targeted twice",
            ));
        }
    }
    Ok(())
}

/// Check a campaign's target against the account's plan: outcomes must belong to that account.
pub fn campaign_target(
    t: &CampaignTarget,
    account: &Account,
    content: &PlanContent,
) -> CoreResult<()> {
    if t.account_id != account.id {
        return Err(CoreError::conflict(
            "targets",
            "Target checked against the wrong account",
        ));
    }
    for o in &t.opportunity_ids {
        if !content.opportunities.iter().any(|x| x.id == *o) {
            return Err(CoreError::conflict(
                "opportunity_ids",
                format!("An influenced opportunity is not one of {}'s", account.name),
            ));
        }
    }
    for b in &t.buying_center_ids {
        if content.buying_center(*b).is_none() {
            return Err(CoreError::not_found(
                "buying_center_ids",
                "That buying center",
            ));
        }
    }
    for c in t.contact_ids.iter().chain(&t.engaged_contact_ids) {
        if content.contact(*c).is_none() {
            return Err(CoreError::not_found("contact_ids", "That contact"));
        }
    }
    if let Some(o) = t.objective_id {
        if !content.objectives.iter().any(|x| x.id == o) {
            return Err(CoreError::not_found("objective_id", "That objective"));
        }
    }
    Ok(())
}

/// A campaign with its targets: each targeted account must be among `accounts` (the account
/// with its current plan's content, empty when it has no plan), and each target's outcomes
/// and audience must belong to that account's plan. The app's save and the import both call
/// this, so a file cannot bring in what the app would refuse.
pub fn campaign_with_targets(
    c: &Campaign,
    accounts: &[(&Account, &PlanContent)],
) -> CoreResult<()> {
    campaign(c)?;
    for t in &c.targets {
        let (account, content) = accounts
            .iter()
            .find(|(a, _)| a.id == t.account_id)
            .ok_or_else(|| CoreError::not_found("targets", "A targeted account"))?;
        campaign_target(t, account, content)?;
    }
    Ok(())
}

/// Nothing in the plan may point at a record that is not there (after deletes, or in a file).
/// The error names the first record found pointing at nothing.
pub fn dangling_references(c: &PlanContent) -> CoreResult<()> {
    let bc = |id: Id| c.buying_center(id).is_some();
    let person = |id: Id| c.contact(id).is_some();
    let orphan = |what: String| {
        Err(CoreError::conflict(
            "delete",
            format!("Deleting this would leave {what} pointing at nothing"),
        ))
    };
    if let Some(x) = c.contacts.iter().find(|x| {
        !bc(x.buying_center_id)
            || x.reports_to.is_some_and(|m| !person(m))
            || x.dotted_line_to.iter().any(|d| !person(*d))
    }) {
        return orphan(format!("the contact \"{}\"", x.name));
    }
    if c.lines
        .iter()
        .any(|l| !person(l.from_contact_id) || !person(l.to_contact_id))
    {
        return orphan("a line of influence".into());
    }
    if let Some(o) = c.opportunities.iter().find(|o| !bc(o.buying_center_id)) {
        return orphan(format!("the opportunity \"{}\"", o.name));
    }
    if c.cells.iter().any(|x| !bc(x.buying_center_id)) {
        return orphan("a white-space cell".into());
    }
    if let Some(s) = c
        .strategies
        .iter()
        .find(|s| !c.objectives.iter().any(|o| o.id == s.objective_id))
    {
        return orphan(format!("the strategy \"{}\"", s.title));
    }
    if let Some(a) = c
        .actions
        .iter()
        .find(|a| !c.strategies.iter().any(|s| s.id == a.strategy_id))
    {
        return orphan(format!("the action \"{}\"", a.what));
    }
    if let Some(o) = c
        .objectives
        .iter()
        .find(|o| o.buying_center_id.is_some_and(|b| !bc(b)))
    {
        return orphan(format!("the objective \"{}\"", o.title));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn day() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    fn sample() -> crate::sample::SamplePlan {
        crate::sample::sample_plan(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap())
    }

    #[test]
    fn dangling_references_name_the_record_left_pointing_at_nothing() {
        let s = sample();
        assert!(dangling_references(&s.content).is_ok());
        let mut c = s.content.clone();
        let bc = c.buying_centers[0].id;
        c.buying_centers.retain(|b| b.id != bc);
        let err = dangling_references(&c).unwrap_err();
        let person = s
            .content
            .contacts
            .iter()
            .find(|p| p.buying_center_id == bc)
            .unwrap();
        assert_eq!((err.code(), err.field()), ("conflict", "delete"));
        assert!(err.to_string().contains(&person.name), "{err}");
        // A strategy whose objective is gone.
        let mut c = s.content.clone();
        let objective = c.strategies[0].objective_id;
        c.objectives.retain(|o| o.id != objective);
        c.objectives
            .iter_mut()
            .for_each(|o| o.buying_center_id = None);
        assert!(dangling_references(&c)
            .unwrap_err()
            .to_string()
            .contains("strategy"));
    }

    #[test]
    fn campaign_targets_must_name_known_accounts_and_their_own_records() {
        let s = sample();
        let c = s
            .campaigns
            .iter()
            .find(|c| c.targets.iter().any(|t| !t.opportunity_ids.is_empty()))
            .expect("a sample campaign with influenced opportunities");
        let known = [(&s.account, &s.content)];
        assert!(campaign_with_targets(c, &known).is_ok());
        // An account that is not there.
        assert_eq!(
            campaign_with_targets(c, &[]).unwrap_err().field(),
            "targets"
        );
        // An opportunity of another account.
        let mut other = c.clone();
        other.targets[0].opportunity_ids.push(uuid::Uuid::new_v4());
        let err = campaign_with_targets(&other, &known).unwrap_err();
        assert_eq!(err.field(), "opportunity_ids");
        assert!(err.to_string().contains(&s.account.name));
        // The campaign's own fields are checked too.
        let mut unnamed = c.clone();
        unnamed.name = " ".into();
        assert_eq!(
            campaign_with_targets(&unnamed, &known).unwrap_err().code(),
            "empty"
        );
    }

    #[test]
    fn names_must_be_present_and_short() {
        assert_eq!(name("n", "Name", "  ").unwrap_err().code(), "empty");
        assert_eq!(
            name("n", "Name", &"x".repeat(201)).unwrap_err().code(),
            "too_long"
        );
        assert!(name("n", "Name", "Zoë Łukasz 中文 <b>").is_ok());
        assert_eq!(
            text("t", "Text", &"é".repeat(10_001)).unwrap_err().code(),
            "too_long"
        );
        assert!(text("t", "Text", &"é".repeat(10_000)).is_ok());
    }

    #[test]
    fn account_rejects_bad_fields() {
        let mut a = Account::new("Acme", day());
        assert!(account(&a).is_ok());
        a.annual_revenue = Some(Money(-1));
        assert_eq!(account(&a).unwrap_err().field(), "annual_revenue");
        a.annual_revenue = None;
        a.fiscal_year_end_month = 13;
        assert_eq!(account(&a).unwrap_err().code(), "out_of_range");
        a.fiscal_year_end_month = 12;
        a.currency = serde_json::from_str("\"XYZ\"").unwrap();
        let err = account(&a).unwrap_err();
        assert_eq!((err.code(), err.field()), ("unknown_currency", "currency"));
    }

    #[test]
    fn scores_are_one_to_five() {
        assert!(score("s", "Score", Some(1)).is_ok());
        assert!(score("s", "Score", Some(5)).is_ok());
        assert_eq!(
            score("s", "Score", Some(0)).unwrap_err().code(),
            "out_of_range"
        );
        assert_eq!(
            score("s", "Score", Some(6)).unwrap_err().code(),
            "out_of_range"
        );
    }
}
