//! Seeded generators: a small PRNG and mutations of JSON documents that keep them plausible
//! enough to reach the validation behind the parser.

use serde_json::{json, Value};

/// SplitMix64: tiny, fast, and the same sequence for the same seed on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    pub fn one_in(&mut self, n: u64) -> bool {
        self.next().is_multiple_of(n.max(1))
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn uuid(&mut self) -> String {
        uuid::Uuid::from_u64_pair(self.next(), self.next()).to_string()
    }
}

/// Strings that have broken text handling elsewhere: empty, blank, too long, scripts and
/// directions, markup, control characters, dates that do not exist.
pub fn nasty_string(rng: &mut Rng) -> String {
    match rng.below(16) {
        0 => String::new(),
        1 => "   \t\n".into(),
        2 => "x".repeat(201),
        3 => "é".repeat(10_001),
        4 => "<script>alert('x')</script><img src=x onerror=alert(1)>".into(),
        5 => "\u{202E}evil\u{202C} مرحبا עברית".into(),
        6 => "名前 日本語 中文 한국어".into(),
        7 => "👩‍👩‍👧‍👦🏳️‍🌈\u{200B}\u{FEFF}".into(),
        8 => "\u{0}\u{1}\u{7F}".into(),
        9 => "2026-02-30".into(),
        10 => "9999-12-31".into(),
        11 => "-0001-01-01".into(),
        12 => rng.uuid(),
        13 => "EUR".into(),
        14 => "Robert'); DROP TABLE accounts;--".into(),
        _ => "z".repeat(rng.below(300)),
    }
}

/// A value of any JSON type, often at the edges of a field's range.
pub fn nasty_value(rng: &mut Rng, ids: &[String]) -> Value {
    match rng.below(14) {
        0 => Value::Null,
        1 => json!(rng.one_in(2)),
        2 => json!(*rng.pick(&[
            i64::MAX,
            i64::MIN,
            -1,
            0,
            5,
            6,
            13,
            101,
            256,
            65_536,
            4_294_967_296
        ])),
        3 => json!(u64::MAX),
        4 => json!(*rng.pick(&[1e308, -1e308, -0.5, 0.1, 3.5, 1e-320])),
        5 | 6 => json!(nasty_string(rng)),
        7 | 8 if !ids.is_empty() => json!(rng.pick(ids)),
        9 => json!([]),
        10 => json!({}),
        11 => json!([nasty_string(rng), 1, null]),
        12 => json!({ "id": rng.uuid(), "name": nasty_string(rng) }),
        _ => json!(rng.uuid()),
    }
}

fn is_uuid(s: &str) -> bool {
    s.len() == 36 && uuid::Uuid::parse_str(s).is_ok()
}

/// Every UUID string in a document (candidates for broken or crossed references).
pub fn ids_in(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::String(s) if is_uuid(s) => out.push(s.clone()),
        Value::Array(a) => a.iter().for_each(|x| ids_in(x, out)),
        Value::Object(o) => o.values().for_each(|x| ids_in(x, out)),
        _ => {}
    }
}

/// One random change somewhere in `doc`: a field removed or given another type or an
/// out-of-range number, a string made huge or strange, a reference broken or pointed at the
/// wrong record, a list element duplicated or removed.
pub fn mutate(doc: &mut Value, rng: &mut Rng, ids: &[String]) {
    // Walk down to a container, stopping early now and then so shallow fields get hit too.
    let mut node = doc;
    loop {
        let len = match &*node {
            Value::Array(a) => a.len(),
            Value::Object(o) => o.len(),
            _ => 0,
        };
        if len == 0 {
            break;
        }
        let i = rng.below(len);
        let child_is_container = match &*node {
            Value::Array(a) => matches!(a[i], Value::Array(_) | Value::Object(_)),
            Value::Object(o) => {
                matches!(o.values().nth(i), Some(Value::Array(_) | Value::Object(_)))
            }
            _ => false,
        };
        if !child_is_container || rng.one_in(6) {
            change_child(node, i, rng, ids);
            return;
        }
        node = match node {
            Value::Array(a) => &mut a[i],
            Value::Object(o) => o.values_mut().nth(i).unwrap(),
            _ => unreachable!(),
        };
    }
    if let Value::Array(a) = node {
        a.push(nasty_value(rng, ids));
    }
}

fn change_child(node: &mut Value, i: usize, rng: &mut Rng, ids: &[String]) {
    let replacement = |old: &Value, rng: &mut Rng| -> Value {
        match old {
            Value::String(s) if is_uuid(s) && rng.one_in(2) => {
                // A broken reference, or one to a record of another kind.
                if rng.one_in(2) || ids.is_empty() {
                    json!(rng.uuid())
                } else {
                    json!(rng.pick(ids))
                }
            }
            Value::Number(n) if rng.one_in(2) => {
                let x = n.as_i64().unwrap_or(0);
                json!(*rng.pick(&[
                    x.wrapping_neg(),
                    x.saturating_add(1),
                    x.saturating_mul(1000),
                    -1,
                    i64::MAX
                ]))
            }
            _ => nasty_value(rng, ids),
        }
    };
    match node {
        Value::Array(a) => match rng.below(4) {
            0 => {
                a.remove(i);
            }
            1 => {
                let copy = a[i].clone();
                a.push(copy);
            }
            _ => a[i] = replacement(&a[i], rng),
        },
        Value::Object(o) => {
            let key = o.keys().nth(i).unwrap().clone();
            if rng.one_in(4) {
                o.remove(&key);
            } else {
                let new = replacement(&o[&key], rng);
                o.insert(key, new);
            }
        }
        _ => {}
    }
}

/// Damage at the byte level: cut short, a byte changed, or nesting far past the limit.
pub fn damage_bytes(bytes: &mut Vec<u8>, rng: &mut Rng) {
    match rng.below(4) {
        0 => bytes.truncate(rng.below(bytes.len())),
        1 => {
            if !bytes.is_empty() {
                let i = rng.below(bytes.len());
                bytes[i] = rng.next() as u8;
            }
        }
        2 => {
            let depth = 1 + rng.below(20_000);
            let at = rng.below(bytes.len());
            let deep: Vec<u8> = std::iter::repeat_n(b'[', depth).collect();
            bytes.splice(at..at, deep);
        }
        _ => bytes.extend_from_slice(b",}]\"\\u00"),
    }
}
