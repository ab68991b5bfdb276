//! Renewals coming up: which contracts the account team must secure soon.

use crate::model::Renewal;
use chrono::NaiveDate;

/// How far ahead the one-page summary looks for renewals: two quarters, time to act on one.
pub const RENEWAL_HORIZON_DAYS: i64 = 180;

/// Renewals not churned that fall due from `today` to `days` ahead, soonest first.
pub fn due_within(renewals: &[Renewal], today: NaiveDate, days: i64) -> Vec<&Renewal> {
    let mut due: Vec<&Renewal> = renewals
        .iter()
        .filter(|r| {
            r.churned_on.is_none() && (0..=days).contains(&(r.renewal_on - today).num_days())
        })
        .collect();
    due.sort_by_key(|r| (r.renewal_on, r.id));
    due
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::money::Money;
    use uuid::Uuid;

    fn renewal(n: u128, on: &str, churned: Option<&str>) -> Renewal {
        Renewal {
            id: Uuid::from_u128(n),
            offering_id: None,
            buying_center_id: None,
            description: format!("Contract {n}"),
            annual_value: Money(100_000),
            renewal_on: on.parse().unwrap(),
            churned_on: churned.map(|d| d.parse().unwrap()),
        }
    }

    #[test]
    fn only_live_renewals_in_the_window_soonest_first() {
        let today: NaiveDate = "2026-12-05".parse().unwrap();
        let all = [
            renewal(1, "2027-06-03", None), // day 180: in
            renewal(2, "2027-06-04", None), // day 181: out
            renewal(3, "2026-12-20", None),
            renewal(4, "2027-01-10", Some("2026-11-30")), // churned: out
            renewal(5, "2026-12-04", None),               // yesterday: out
            renewal(6, "2026-12-05", None),               // today: in
        ];
        let due: Vec<u128> = due_within(&all, today, RENEWAL_HORIZON_DAYS)
            .iter()
            .map(|r| r.id.as_u128())
            .collect();
        assert_eq!(due, [6, 3, 1]);
    }
}
