//! iCalendar (.ics, RFC 5545) export of action due dates and campaign date ranges.
//! UIDs derive from the records' ids, so a re-import updates events instead of duplicating.

use crate::model::*;
use chrono::{Duration, NaiveDate};

pub struct CalendarEvent {
    pub uid: String,
    pub summary: String,
    pub description: String,
    /// All-day events: from `starts_on` up to and including `ends_on`.
    pub starts_on: NaiveDate,
    pub ends_on: NaiveDate,
}

/// Events for the actions with a due date (not dropped) of one plan, optionally one owner's.
pub fn action_events(
    account: &Account,
    content: &PlanContent,
    owner: Option<Id>,
) -> Vec<CalendarEvent> {
    content
        .actions
        .iter()
        .filter(|a| a.status != ActionStatus::Dropped)
        .filter(|a| owner.is_none() || a.owner_id == owner)
        .filter_map(|a| {
            let due = a.due_on?;
            let who = a
                .owner_id
                .and_then(|o| account.team_member(o))
                .map(|m| m.name.as_str())
                .unwrap_or("unassigned");
            let objective = content
                .strategies
                .iter()
                .find(|s| s.id == a.strategy_id)
                .and_then(|s| content.objectives.iter().find(|o| o.id == s.objective_id));
            Some(CalendarEvent {
                uid: format!("action-{}@account-planner", a.id),
                summary: format!("{}: {}", account.name, a.what),
                description: format!(
                    "Owner: {who}\nStatus: {}\nObjective: {}",
                    a.status.label(),
                    objective.map(|o| o.title.as_str()).unwrap_or("")
                ),
                starts_on: due,
                ends_on: due,
            })
        })
        .collect()
}

pub fn campaign_events(campaigns: &[Campaign]) -> Vec<CalendarEvent> {
    campaigns
        .iter()
        .map(|c| CalendarEvent {
            uid: format!("campaign-{}@account-planner", c.id),
            summary: format!("Campaign: {}", c.name),
            description: format!("{} ({})", c.kind.label(), c.status.label()),
            starts_on: c.starts_on,
            ends_on: c.ends_on,
        })
        .collect()
}

/// Escape TEXT values: backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
pub fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(ch),
        }
    }
    out
}

/// Fold a content line at 75 octets without splitting a UTF-8 character (RFC 5545 3.1).
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut len = 0;
    for ch in line.chars() {
        let w = ch.len_utf8();
        if len + w > 75 {
            out.push_str("\r\n ");
            len = 1;
        }
        out.push(ch);
        len += w;
    }
    out.push_str("\r\n");
    out
}

/// The whole calendar. `stamp` is the DTSTAMP of every event (fixed for reproducible files).
pub fn calendar(name: &str, events: &[CalendarEvent], stamp: chrono::NaiveDateTime) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        "PRODID:-//Account Planner//Account plans//EN".to_string(),
        "CALSCALE:GREGORIAN".to_string(),
        format!("X-WR-CALNAME:{}", escape_text(name)),
    ] {
        out.push_str(&fold(&line));
    }
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        for line in [
            "BEGIN:VEVENT".to_string(),
            format!("UID:{}", e.uid),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART;VALUE=DATE:{}", e.starts_on.format("%Y%m%d")),
            format!(
                "DTEND;VALUE=DATE:{}",
                (e.ends_on + Duration::days(1)).format("%Y%m%d")
            ),
            format!("SUMMARY:{}", escape_text(&e.summary)),
            format!("DESCRIPTION:{}", escape_text(&e.description)),
            "END:VEVENT".to_string(),
        ] {
            out.push_str(&fold(&line));
        }
    }
    out.push_str(&fold("END:VCALENDAR"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_folds() {
        assert_eq!(escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        let long = "SUMMARY:".to_string() + &"Ż".repeat(60);
        let folded = fold(&long);
        for part in folded.split("\r\n") {
            assert!(part.len() <= 75, "{} octets", part.len());
        }
        assert_eq!(folded.replace("\r\n ", "").trim_end(), long);
    }

    #[test]
    fn events_have_stable_uids_and_exclusive_end() {
        let s = crate::sample::sample_plan(NaiveDate::from_ymd_opt(2026, 11, 1).unwrap());
        let events = action_events(&s.account, &s.content, None);
        assert_eq!(events.len(), s.content.actions.len());
        let again = action_events(&s.account, &s.content, None);
        assert_eq!(events[0].uid, again[0].uid);
        let ics = calendar(
            "Plan",
            &campaign_events(&s.campaigns),
            NaiveDate::from_ymd_opt(2026, 11, 1)
                .unwrap()
                .and_hms_opt(0, 0, 0)
                .unwrap(),
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"));
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 3);
    }

    /// Parse our output with an independent iCalendar parser (the `ical` crate).
    #[test]
    fn a_real_parser_reads_unicode_commas_and_newlines_back() {
        let day = NaiveDate::from_ymd_opt(2026, 12, 24).unwrap();
        let summary = "Łukasz, Zoë; 王伟 — \\ review\nsecond line".to_string();
        let events = vec![CalendarEvent {
            uid: "action-1@account-planner".into(),
            summary: summary.clone(),
            description: "Owner: Maria Keller\nStatus: Open".into(),
            starts_on: day,
            ends_on: day,
        }];
        let ics = calendar(
            "Nordwind, FY2026",
            &events,
            day.and_hms_opt(8, 0, 0).unwrap(),
        );
        let mut parser = ical::IcalParser::new(std::io::BufReader::new(ics.as_bytes()));
        let cal = parser.next().expect("one calendar").expect("parses");
        assert_eq!(cal.events.len(), 1);
        let prop = |name: &str| {
            cal.events[0]
                .properties
                .iter()
                .find(|p| p.name == name)
                .and_then(|p| p.value.clone())
                .unwrap()
        };
        assert_eq!(prop("UID"), "action-1@account-planner");
        assert_eq!(prop("DTSTART"), "20261224");
        assert_eq!(prop("DTEND"), "20261225");
        // The parser returns the escaped TEXT value; unescaping it gives our text back.
        let unescaped = prop("SUMMARY")
            .replace("\\n", "\n")
            .replace("\\,", ",")
            .replace("\\;", ";")
            .replace("\\\\", "\\");
        assert_eq!(unescaped, summary);
    }
}
