//! Portfolio segmentation by need, value and behavior; tiers (DOMAIN.md, "Segmentation").

use crate::model::*;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub const NEED_CRITERIA: [&str; 3] = [
    "Share of its portfolio our offerings cover",
    "Alignment with our growth areas",
    "Service intensity",
];
pub const VALUE_CRITERIA: [&str; 3] = ["Current revenue", "Total opportunity", "Margin mix"];
pub const BEHAVIOR_CRITERIA: [&str; 3] =
    ["Buyer empowerment", "Progressiveness", "Process maturity"];

pub fn default_criteria() -> Segmentation {
    let make = |names: [&str; 3]| {
        names
            .iter()
            .map(|n| CriterionScore {
                criterion: n.to_string(),
                score: None,
                note: String::new(),
            })
            .collect()
    };
    Segmentation {
        need: make(NEED_CRITERIA),
        value: make(VALUE_CRITERIA),
        behavior: make(BEHAVIOR_CRITERIA),
    }
}

/// Weights of each criterion within its dimension (same order as the criteria).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Weights {
    pub need: Vec<f64>,
    pub value: Vec<f64>,
    pub behavior: Vec<f64>,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            need: vec![1.0; 3],
            value: vec![1.0; 3],
            behavior: vec![1.0; 3],
        }
    }
}

/// A named set of weights, e.g. one per lifecycle stage of our offerings ("Growth offerings").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WeightProfile {
    pub name: String,
    pub weights: Weights,
}

/// Profiles need a name (unique, ignoring case) and valid weights.
pub fn validate_profiles(profiles: &[WeightProfile]) -> Result<(), crate::CoreError> {
    let mut seen = std::collections::HashSet::new();
    for p in profiles {
        crate::validate::name("profile_name", "Profile name", &p.name)?;
        if !seen.insert(p.name.trim().to_lowercase()) {
            return Err(crate::CoreError::conflict(
                "profile_name",
                format!("There is already a profile named \"{}\"", p.name.trim()),
            ));
        }
        validate_weights(&p.weights)?;
    }
    Ok(())
}

/// Thresholds (1-5) that decide the tiers. Defaults: 3.5 counts as high.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct Thresholds {
    pub high_value: f64,
    pub high_need: f64,
    pub high_behavior: f64,
    /// Accounts below Tier 1 whose mean of value and need reaches this are Tier 2.
    pub tier2: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            high_value: 3.5,
            high_need: 3.5,
            high_behavior: 3.5,
            tier2: 2.5,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Tier {
    Tier1a,
    Tier1b,
    Tier2,
    Tier3,
    Unscored,
}

impl Tier {
    pub fn label(self) -> &'static str {
        match self {
            Tier::Tier1a => "Tier 1a",
            Tier::Tier1b => "Tier 1b",
            Tier::Tier2 => "Tier 2",
            Tier::Tier3 => "Tier 3",
            Tier::Unscored => "Unscored",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(export)]
pub struct SegmentScores {
    pub need: Option<f64>,
    pub value: Option<f64>,
    pub behavior: Option<f64>,
    pub tier: Tier,
    pub tier_reason: String,
}

/// Weighted mean of the scored criteria; None when none is scored (or all weights are zero).
pub fn dimension_score(criteria: &[CriterionScore], weights: &[f64]) -> Option<f64> {
    let mut sum = 0.0;
    let mut weight = 0.0;
    for (i, c) in criteria.iter().enumerate() {
        if let Some(s) = c.score {
            let w = weights.get(i).copied().unwrap_or(1.0);
            sum += s as f64 * w;
            weight += w;
        }
    }
    (weight > 0.0).then(|| sum / weight)
}

pub fn validate_weights(w: &Weights) -> Result<(), crate::CoreError> {
    for (label, list) in [
        ("need", &w.need),
        ("value", &w.value),
        ("behavior", &w.behavior),
    ] {
        if list.iter().any(|x| !x.is_finite() || *x < 0.0) {
            return Err(crate::CoreError::conflict(
                label,
                format!("Weights of {label} must be zero or more"),
            ));
        }
        if list.iter().all(|x| *x == 0.0) {
            return Err(crate::CoreError::conflict(
                label,
                format!("At least one {label} weight must be above zero"),
            ));
        }
    }
    Ok(())
}

pub fn validate_thresholds(t: &Thresholds) -> Result<(), crate::CoreError> {
    for (field, v) in [
        ("high_value", t.high_value),
        ("high_need", t.high_need),
        ("high_behavior", t.high_behavior),
        ("tier2", t.tier2),
    ] {
        if !(1.0..=5.0).contains(&v) {
            return Err(crate::CoreError::conflict(
                field,
                "Thresholds must be between 1 and 5",
            ));
        }
    }
    Ok(())
}

pub fn tier(
    need: Option<f64>,
    value: Option<f64>,
    behavior: Option<f64>,
    t: &Thresholds,
) -> (Tier, String) {
    let (Some(n), Some(v)) = (need, value) else {
        return (Tier::Unscored, "Need and value are not both scored".into());
    };
    if v >= t.high_value && n >= t.high_need {
        match behavior {
            Some(b) if b >= t.high_behavior => (
                Tier::Tier1a,
                format!("Value {v:.1} and need {n:.1} high; behavior {b:.1} high (aligned)"),
            ),
            Some(b) => (
                Tier::Tier1b,
                format!("Value {v:.1} and need {n:.1} high; behavior {b:.1} low: consultative selling first"),
            ),
            None => (
                Tier::Tier1b,
                format!("Value {v:.1} and need {n:.1} high; behavior not scored"),
            ),
        }
    } else if (v + n) / 2.0 >= t.tier2 {
        (
            Tier::Tier2,
            format!("Value {v:.1}, need {n:.1}: not both high"),
        )
    } else {
        (Tier::Tier3, format!("Value {v:.1}, need {n:.1}: low"))
    }
}

pub fn segment(s: &Segmentation, w: &Weights, t: &Thresholds) -> SegmentScores {
    let need = dimension_score(&s.need, &w.need);
    let value = dimension_score(&s.value, &w.value);
    let behavior = dimension_score(&s.behavior, &w.behavior);
    let (tier, tier_reason) = tier(need, value, behavior, t);
    SegmentScores {
        need,
        value,
        behavior,
        tier,
        tier_reason,
    }
}

/// New business needed to reach a growth target when churn eats part of the base
/// (DOMAIN.md: 50% growth with 20% churn needs 70%). Percent in, percent out.
pub fn required_new_business_pct(growth_pct: f64, churn_pct: f64) -> f64 {
    growth_pct + churn_pct
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scored(scores: [Option<u8>; 3]) -> Vec<CriterionScore> {
        scores
            .iter()
            .map(|s| CriterionScore {
                criterion: "c".into(),
                score: *s,
                note: String::new(),
            })
            .collect()
    }

    #[test]
    fn weighted_mean_of_scored_criteria() {
        let c = scored([Some(5), Some(1), None]);
        assert_eq!(dimension_score(&c, &[1.0, 1.0, 1.0]), Some(3.0));
        assert_eq!(dimension_score(&c, &[3.0, 1.0, 1.0]), Some(4.0));
        assert_eq!(dimension_score(&scored([None; 3]), &[1.0; 3]), None);
    }

    #[test]
    fn tiers_at_boundaries() {
        let t = Thresholds::default();
        assert_eq!(tier(Some(3.5), Some(3.5), Some(3.5), &t).0, Tier::Tier1a);
        assert_eq!(tier(Some(3.5), Some(3.5), Some(3.4), &t).0, Tier::Tier1b);
        assert_eq!(tier(Some(3.4), Some(5.0), Some(5.0), &t).0, Tier::Tier2);
        assert_eq!(tier(Some(2.0), Some(3.0), None, &t).0, Tier::Tier2);
        assert_eq!(tier(Some(2.0), Some(2.9), None, &t).0, Tier::Tier3);
        assert_eq!(tier(None, Some(5.0), None, &t).0, Tier::Unscored);
    }

    #[test]
    fn weights_and_thresholds_are_checked() {
        assert!(validate_weights(&Weights::default()).is_ok());
        let mut w = Weights {
            need: vec![0.0; 3],
            ..Weights::default()
        };
        assert!(validate_weights(&w).is_err());
        w.need = vec![-1.0, 1.0, 1.0];
        assert!(validate_weights(&w).is_err());
        let t = Thresholds {
            tier2: 5.5,
            ..Thresholds::default()
        };
        assert!(validate_thresholds(&t).is_err());
    }

    #[test]
    fn profiles_need_unique_names_and_valid_weights() {
        let p = |name: &str| WeightProfile {
            name: name.into(),
            weights: Weights::default(),
        };
        assert!(validate_profiles(&[p("Growth"), p("Mature")]).is_ok());
        assert_eq!(
            validate_profiles(&[p("Growth"), p("growth ")])
                .unwrap_err()
                .code(),
            "conflict"
        );
        assert_eq!(validate_profiles(&[p("  ")]).unwrap_err().code(), "empty");
        let bad = WeightProfile {
            name: "x".into(),
            weights: Weights {
                need: vec![0.0; 3],
                ..Weights::default()
            },
        };
        assert!(validate_profiles(&[bad]).is_err());
    }

    #[test]
    fn growth_plus_churn() {
        assert_eq!(required_new_business_pct(50.0, 20.0), 70.0);
    }
}
