//! People: capitalised name chains with a title or speech-verb cue, merged
//! at document level (a surname joins the full name that ends with it).

use super::Span;
use crate::record::Person;
use regex::Regex;
use std::sync::LazyLock;

/// A person found in the body, with every mention's span.
#[derive(Debug, Clone, PartialEq)]
pub struct PersonEntity {
    pub name: String,
    pub role: Option<String>,
    pub spans: Vec<Span>,
}

impl PersonEntity {
    pub fn to_record(&self) -> Person {
        Person {
            name: self.name.clone(),
            role: self.role.clone(),
            mentions: self.spans.len(),
        }
    }

    pub fn surname(&self) -> &str {
        self.name.rsplit(' ').next().unwrap_or(&self.name)
    }
}

static TITLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?P<role>(?:(?:U\.S\.|Foreign|Prime|Defense|Deputy|Vice|Special|Secretary|State)\s+)*(?:President|Minister|Envoy|Secretary|Senator|Sen\.|Rep\.|Gov\.|Governor|Mayor|Chancellor|Judge|Mr\.|Mrs\.|Ms\.|Dr\.|spokesman|spokeswoman|CEO|Chairman|Director))\s+(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+(?:bin|al|de|van|von|Al|\p{Lu}[\p{L}'’-]+))*)",
    )
    .expect("static regex")
});
static SAID_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:said|says|told|added)\s+(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+)")
        .expect("static regex")
});
static SUBJECT_SAID: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<name>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+)+)\s+(?:said|says|told|added)\b")
        .expect("static regex")
});

pub fn extract(body: &str) -> Vec<PersonEntity> {
    let mut people: Vec<PersonEntity> = Vec::new();
    let mut add = |name: &str, role: Option<&str>, span: Span| {
        if let Some(p) = people.iter_mut().find(|p| p.name == name) {
            if p.role.is_none() {
                p.role = role.map(str::to_string);
            }
            if !p.spans.contains(&span) {
                p.spans.push(span);
            }
        } else {
            people.push(PersonEntity {
                name: name.to_string(),
                role: role.map(str::to_string),
                spans: vec![span],
            });
        }
    };
    for c in TITLED.captures_iter(body) {
        if let (Some(n), Some(r)) = (c.name("name"), c.name("role")) {
            let role = r.as_str();
            let role = (!matches!(role, "Mr." | "Mrs." | "Ms." | "Dr.")).then_some(role);
            add(n.as_str(), role, n.range());
        }
    }
    for re in [&*SAID_BY, &*SUBJECT_SAID] {
        for c in re.captures_iter(body) {
            if let Some(n) = c.name("name") {
                add(n.as_str(), None, n.range());
            }
        }
    }
    merge_surnames(people)
}

/// Fold single-word entries into the longer name that ends with them.
fn merge_surnames(mut people: Vec<PersonEntity>) -> Vec<PersonEntity> {
    people.sort_by_key(|p| std::cmp::Reverse(p.name.split(' ').count()));
    let mut merged: Vec<PersonEntity> = Vec::new();
    for p in people {
        if let Some(full) = merged
            .iter_mut()
            .find(|m| m.name.ends_with(&format!(" {}", p.name)) || m.name == p.name)
        {
            full.spans.extend(p.spans);
            if full.role.is_none() {
                full.role = p.role;
            }
        } else {
            merged.push(p);
        }
    }
    for p in &mut merged {
        p.spans.sort_by_key(|s| s.start);
        p.spans.dedup();
    }
    merged.sort_by_key(|p| p.spans.first().map_or(0, |s| s.start));
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titled_names_and_surname_merge() {
        let body = "Foreign Minister Jana Novak met the press. Later, Foreign Minister Novak left.";
        let people = extract(body);
        assert_eq!(people.len(), 1);
        assert_eq!(people[0].name, "Jana Novak");
        assert_eq!(people[0].role.as_deref(), Some("Foreign Minister"));
        assert_eq!(people[0].spans.len(), 2);
    }
}
