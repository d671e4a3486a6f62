//! Places: gazetteer matches (countries, cities, regions, seas) with
//! canonical names, filtered by context (see [`super::ner`]).

use crate::record::Place;

/// Places named in `body`, one entry per canonical place.
pub fn extract(body: &str) -> Vec<Place> {
    super::ner::analyse("", body).places
}
