//! People: names found by title, speech-verb, apposition and given-name
//! rules, merged at document level (see [`super::ner`]).

use crate::record::Person;

pub use super::ner::PersonEntity;

impl PersonEntity {
    pub fn to_record(&self) -> Person {
        Person {
            name: self.name.clone(),
            role: self.role.clone(),
            // A person named only in the headline or byline has no body span.
            mentions: self.spans.len().max(1),
        }
    }

    pub fn surname(&self) -> &str {
        self.name.rsplit(' ').next().unwrap_or(&self.name)
    }
}

/// People named in `body`; spans are byte ranges in `body`.
pub fn extract(body: &str) -> Vec<PersonEntity> {
    super::ner::analyse("", body).people
}
