//! Emit the plan as one HTML file with the same content as the printed plan (tables with
//! repeating headers, the heat map, simple SVG charts), for timing HTML-to-PDF converters
//! against this crate in scripts/pdf-compare.sh:
//! `plan_html OUT.html [--large]`.

use chrono::NaiveDate;
use planner_core::view::PlanView;
use std::collections::HashMap;
use std::fmt::Write;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn money(v: &PlanView, m: planner_core::money::Money) -> String {
    v.plan.currency.format(m)
}

fn table(out: &mut String, head: &[&str], rows: Vec<Vec<String>>) {
    out.push_str("<table><thead><tr>");
    for h in head {
        let _ = write!(out, "<th>{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for r in rows {
        out.push_str("<tr>");
        for c in r {
            let _ = write!(out, "<td>{}</td>", esc(&c));
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
}

fn html(v: &PlanView) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>{} {}</title><style>\
         @page {{ size: A4; margin: 15mm; }} body {{ font-family: 'DejaVu Sans', sans-serif; \
         font-size: 8pt; }} h1 {{ page-break-before: always; color: #1f3a5f; }} \
         table {{ border-collapse: collapse; width: 100%; }} thead {{ display: \
         table-header-group; }} tr {{ page-break-inside: avoid; }} th, td {{ border-bottom: \
         1px solid #ccd; padding: 2px 4px; text-align: left; }} .cell {{ width: 28px; \
         text-align: center; }}</style></head><body>",
        esc(&v.account.name),
        esc(&v.plan.period)
    );
    let _ = write!(
        o,
        "<div><h2>Strategic account plan</h2><p style=\"font-size:24pt\">{}</p><p>{} · {}</p>\
         <p>Confidential</p></div>",
        esc(&v.account.name),
        esc(&v.plan.period),
        esc(&v.account.owner)
    );
    let t = &v.totals;
    let _ = write!(
        o,
        "<h1>Executive summary</h1><p>Wallet {} · revenue {} · goal {} · weighted pipeline {}</p>\
         <svg width=\"500\" height=\"60\"><rect x=\"0\" y=\"0\" width=\"400\" height=\"14\" \
         fill=\"#1f3a5f\"/><rect x=\"0\" y=\"20\" width=\"{:.0}\" height=\"14\" \
         fill=\"#1b8a8c\"/></svg>",
        money(v, t.total_wallet),
        money(v, t.our_revenue),
        money(v, t.sales_goal),
        money(v, t.weighted_pipeline),
        400.0 * t.our_revenue.0 as f64 / t.sales_goal.0.max(1) as f64
    );
    o.push_str("<h1>Account overview</h1>");
    let _ = write!(o, "<p>{}</p>", esc(&v.account.strategy));
    table(
        &mut o,
        &["Name", "Role"],
        v.account
            .team
            .iter()
            .map(|m| vec![m.name.clone(), m.role.label().into()])
            .collect(),
    );
    o.push_str("<h1>Buying centers</h1>");
    table(
        &mut o,
        &[
            "Buying center",
            "Wallet",
            "Revenue",
            "Goal",
            "Pipeline",
            "Gap",
        ],
        v.buying_centers
            .iter()
            .map(|b| {
                vec![
                    b.buying_center.name.clone(),
                    money(v, b.buying_center.total_wallet),
                    money(v, b.buying_center.our_revenue),
                    money(v, b.buying_center.sales_goal),
                    money(v, b.figures.weighted_pipeline),
                    money(v, b.figures.gap_to_goal),
                ]
            })
            .collect(),
    );
    o.push_str("<h1>Relationship map</h1>");
    let names: HashMap<_, _> = v.contacts.iter().map(|c| (c.id, c)).collect();
    for b in &v.buying_centers {
        let _ = write!(o, "<h2>{}</h2><ul>", esc(&b.buying_center.name));
        for c in v
            .contacts
            .iter()
            .filter(|c| c.buying_center_id == b.buying_center.id)
        {
            let boss = c
                .reports_to
                .and_then(|m| names.get(&m))
                .map(|m| m.name.as_str())
                .unwrap_or("—");
            let _ = write!(
                o,
                "<li><b>{}</b>, {} · {} · {} · reports to {}</li>",
                esc(&c.name),
                esc(&c.title),
                c.role.label(),
                c.attitude.label(),
                esc(boss)
            );
        }
        o.push_str("</ul>");
    }
    o.push_str("<h1>White space and plays</h1><table><thead><tr><th></th>");
    for c in &v.white_space.columns {
        let _ = write!(o, "<th class=\"cell\">{}</th>", esc(&c.name));
    }
    o.push_str("</tr></thead><tbody>");
    let cells: HashMap<_, _> = v
        .white_space
        .cells
        .iter()
        .map(|c| ((c.cell.buying_center_id, c.cell.offering_id), c))
        .collect();
    for r in &v.white_space.rows {
        let name = v
            .buying_centers
            .iter()
            .find(|b| b.buying_center.id == *r)
            .map(|b| b.buying_center.name.as_str())
            .unwrap_or("");
        let _ = write!(o, "<tr><td>{}</td>", esc(name));
        for c in &v.white_space.columns {
            match cells.get(&(*r, c.id)) {
                Some(cv) => {
                    let s = cv.mutual_value_score.unwrap_or(0) as u32;
                    let _ = write!(
                        o,
                        "<td class=\"cell\" style=\"background: rgb({},{},{})\">{}</td>",
                        240 - s * 7,
                        248 - s * 5,
                        232 - s * 6,
                        s
                    );
                }
                None => o.push_str("<td class=\"cell\"></td>"),
            }
        }
        o.push_str("</tr>");
    }
    o.push_str("</tbody></table>");
    table(
        &mut o,
        &["Buying center", "Offering", "Score", "Quadrant", "Revenue"],
        v.plays
            .iter()
            .map(|p| {
                vec![
                    p.buying_center.to_string(),
                    p.offering.to_string(),
                    p.mutual_value_score.to_string(),
                    p.quadrant.label().into(),
                    money(v, p.estimated_revenue),
                ]
            })
            .collect(),
    );
    o.push_str("<h1>Objectives, strategies and actions</h1>");
    for ob in &v.objectives {
        let _ = write!(o, "<h3>{}</h3><ul>", esc(&ob.objective.title));
        for s in &ob.strategies {
            let _ = write!(o, "<li>{}<ul>", esc(&s.strategy.title));
            for a in &s.actions {
                let _ = write!(
                    o,
                    "<li>{} · {}</li>",
                    esc(&a.action.what),
                    a.action.status.label()
                );
            }
            o.push_str("</ul></li>");
        }
        o.push_str("</ul>");
    }
    o.push_str("<h1>Campaigns</h1>");
    table(
        &mut o,
        &["Campaign", "Type", "Status", "Start", "End"],
        v.campaigns
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    c.kind.label().into(),
                    c.status.label().into(),
                    c.starts_on.to_string(),
                    c.ends_on.to_string(),
                ]
            })
            .collect(),
    );
    o.push_str("<h1>Opportunities</h1>");
    table(
        &mut o,
        &["Opportunity", "Stage", "Prob.", "Amount", "Status"],
        v.opportunities
            .iter()
            .map(|p| {
                vec![
                    p.name.clone(),
                    p.stage.label().into(),
                    format!("{}%", p.probability_pct),
                    money(v, p.amount),
                    p.status.label().into(),
                ]
            })
            .collect(),
    );
    o.push_str("<h1>Competitors</h1>");
    table(
        &mut o,
        &["Competitor", "Strengths", "Weaknesses", "Counter-strategy"],
        v.account
            .competitors
            .iter()
            .map(|c| {
                vec![
                    c.name.clone(),
                    c.strengths.clone(),
                    c.weaknesses.clone(),
                    c.counter_strategy.clone(),
                ]
            })
            .collect(),
    );
    o.push_str("<h1>Plan completeness</h1><ul>");
    for i in &v.completeness.items {
        let _ = write!(
            o,
            "<li>{} {}</li>",
            if i.done { "✓" } else { "✗" },
            esc(&i.label)
        );
    }
    o.push_str("</ul></body></html>");
    o
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: plan_html OUT.html [--large]");
        std::process::exit(2);
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 1).expect("valid date");
    let view = if args.iter().any(|a| a == "--large") {
        planner_core::workload::large_view(1, today)
    } else {
        planner_core::sample::sample_view(today)
    };
    if let Err(e) = std::fs::write(path, html(&view)) {
        eprintln!("cannot write {path}: {e}");
        std::process::exit(1);
    }
}
