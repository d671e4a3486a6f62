//! User-supplied chrome rules (`--rules FILE`).
//!
//! File format: one rule per line; blank lines and lines starting with `#`
//! are ignored. `re:PATTERN` is a regular expression matched against each
//! block; any other line is a phrase matched case-insensitively as a
//! substring. Blocks dropped by a user rule carry the reason code `rule`.

use anyhow::{Context, Result};
use regex::{Regex, RegexSet};

#[derive(Debug, Clone, Default)]
pub struct Rules {
    /// Lower-cased phrases.
    phrases: Vec<String>,
    patterns: Option<RegexSet>,
}

/// Reason code for blocks dropped by a user rule.
pub const RULE_REASON: &str = "rule";

impl Rules {
    pub fn parse(src: &str) -> Result<Rules> {
        let mut phrases = Vec::new();
        let mut patterns = Vec::new();
        for (n, raw) in src.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(pat) = line.strip_prefix("re:") {
                Regex::new(pat).with_context(|| format!("rules line {}: bad regex {pat:?}", n + 1))?;
                patterns.push(pat.to_string());
            } else {
                phrases.push(line.to_lowercase());
            }
        }
        let patterns = if patterns.is_empty() {
            None
        } else {
            Some(RegexSet::new(&patterns)?)
        };
        Ok(Rules { phrases, patterns })
    }

    pub fn load(path: &std::path::Path) -> Result<Rules> {
        let src = std::fs::read_to_string(path).with_context(|| format!("reading rules file {}", path.display()))?;
        Rules::parse(&src).with_context(|| format!("in rules file {}", path.display()))
    }

    /// Whether any user rule matches `block`.
    pub fn matches(&self, block: &str) -> bool {
        if !self.phrases.is_empty() {
            let lower = block.to_lowercase();
            if self.phrases.iter().any(|p| lower.contains(p.as_str())) {
                return true;
            }
        }
        self.patterns.as_ref().is_some_and(|set| set.is_match(block))
    }

    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty() && self.patterns.is_none()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_and_patterns_match() {
        let rules = Rules::parse("# comment\nBuy the print edition\nre:^Sponsored by \\w+$\n").unwrap();
        assert!(rules.matches("Please BUY THE PRINT EDITION today"));
        assert!(rules.matches("Sponsored by Acme"));
        assert!(!rules.matches("The minister said on Monday."));
    }

    #[test]
    fn bad_regex_is_an_error_naming_the_line() {
        let err = Rules::parse("ok\nre:(unclosed").unwrap_err();
        assert!(format!("{err:#}").contains("line 2"));
    }
}
