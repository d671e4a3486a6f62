//! Quotes: every double-quoted span, with the speaker from the nearest
//! attribution ("…," X said / said X), pronouns resolved to the last person.

use super::people::PersonEntity;
use crate::record::Quote;
use regex::Regex;
use std::sync::LazyLock;

static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"“([^”\n]+)”|"([^"\n]+)"|«\s?([^»\n]+?)\s?»"#).expect("static regex"));
static SPEECH_VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(said|says|told|added|stated|asked|wrote|explained|noted|according to)\b").expect("static regex")
});

pub fn extract(body: &str, people: &[PersonEntity]) -> Vec<Quote> {
    let mut quotes = Vec::new();
    for c in QUOTED.captures_iter(body) {
        let Some(inner) = c.get(1).or(c.get(2)).or(c.get(3)) else {
            continue;
        };
        let whole = c.get(0).map_or(0..0, |m| m.range());
        let text = inner.as_str().trim();
        let words = text.split_whitespace().count();
        let partial = words < 4 && !text.ends_with([',', '.', '?', '!']);
        // The sentence around the quote: from the previous sentence end to the next.
        let sent_start = body[..whole.start].rfind(['.', '\n']).map_or(0, |i| i + 1);
        let sent_end = body[whole.end..].find('\n').map_or(body.len(), |i| whole.end + i);
        let context = &body[sent_start..sent_end];
        let cue = SPEECH_VERB.find(context).map(|m| m.as_str().to_string());
        let speaker = if cue.is_some() {
            speaker_near(body, sent_start..sent_end, whole.start, people)
        } else {
            None
        };
        quotes.push(Quote {
            text: text.to_string(),
            speaker,
            cue,
            partial,
        });
    }
    quotes
}

/// The person mentioned in the sentence (closest to the quote), else the
/// last person mentioned before it when the sentence uses a pronoun.
fn speaker_near(
    body: &str,
    sentence: std::ops::Range<usize>,
    quote_start: usize,
    people: &[PersonEntity],
) -> Option<String> {
    let in_sentence = people
        .iter()
        .flat_map(|p| p.spans.iter().map(move |s| (p, s)))
        .filter(|(_, s)| sentence.contains(&s.start))
        .min_by_key(|(_, s)| s.start.abs_diff(quote_start));
    if let Some((p, _)) = in_sentence {
        return Some(p.name.clone());
    }
    let context = &body[sentence.clone()];
    let has_pronoun = context
        .split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "he" | "she" | "He" | "She"));
    if has_pronoun {
        return people
            .iter()
            .flat_map(|p| p.spans.iter().map(move |s| (p, s)))
            .filter(|(_, s)| s.start < sentence.start)
            .max_by_key(|(_, s)| s.start)
            .map(|(p, _)| p.name.clone());
    }
    None
}
