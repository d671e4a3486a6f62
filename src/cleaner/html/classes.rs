//! What an element's `class`, `id` and `role` say about it: site chrome
//! (related links, newsletter boxes, comments, share bars, …), likely article
//! content, or nothing. Words are general web vocabulary, not site names.

use scraper::node::Element;

/// The verdict for one element.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ClassVerdict {
    Neutral,
    /// Class/id words typical of article containers.
    Content,
    /// Class/id words typical of chrome, with the reason code.
    Chrome(&'static str),
}

impl ClassVerdict {
    /// Readability-style container-scoring weight.
    pub fn weight(self) -> f32 {
        match self {
            ClassVerdict::Neutral => 0.0,
            ClassVerdict::Content => 25.0,
            ClassVerdict::Chrome(_) => -25.0,
        }
    }
}

/// Reason code for one lower-cased class/id word, if it names chrome.
fn chrome_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "comment" | "comments" | "disqus" | "respond" | "replies" | "reply" | "discussion" => "comments",
        "related" | "recommended" | "recommendations" | "recommendation" | "recirc" | "recirculation" | "outbrain"
        | "taboola" | "trending" | "popular" | "mostread" | "readmore" | "readnext" | "upnext" | "teaser"
        | "teasers" => "related",
        "newsletter" | "newsletters" | "subscribe" | "subscription" | "signup" | "optin" | "donate" | "membership" => {
            "newsletter"
        }
        "share" | "sharing" | "social" | "sharebar" | "sharethis" | "addthis" | "follow" | "socials" => "share",
        "cookie" | "cookies" | "consent" | "gdpr" | "onetrust" => "cookies",
        "ad" | "ads" | "advert" | "adverts" | "advertisement" | "advertising" | "adslot" | "adunit" | "sponsor"
        | "sponsored" | "promo" | "promos" | "promotion" | "promoted" | "dfp" | "commercial" => "advert",
        "nav" | "navbar" | "navigation" | "menu" | "breadcrumb" | "breadcrumbs" | "pagination" | "pager"
        | "toolbar" | "masthead" | "skiplink" | "topbar" | "subnav" => "menu",
        "footer" => "footer",
        "header" => "header",
        "sidebar" | "rail" | "aside" | "sidebox" => "aside",
        "popup" | "modal" | "overlay" | "dialog" | "banner" | "lightbox" => "popup",
        "byline" | "author" | "authors" | "dateline" | "timestamp" | "meta" | "metadata" => "byline",
        "tags" | "tag" | "categories" | "topics" | "keywords" => "tags",
        "caption" | "credit" | "credits" | "figcaption" => "caption",
        "offscreen" | "visuallyhidden" | "sronly" => "hidden",
        _ => return None,
    })
}

fn content_word(w: &str) -> bool {
    matches!(
        w,
        "article"
            | "articlebody"
            | "body"
            | "content"
            | "entry"
            | "main"
            | "post"
            | "story"
            | "text"
            | "blog"
            | "prose"
    )
}

/// Call `f` with each lower-cased word of the element's class and id:
/// split at non-alphanumerics and at camelCase humps ("shareBar" → share, bar).
pub fn for_each_word(e: &Element, mut f: impl FnMut(&str)) {
    let mut buf = String::new();
    for attr in [e.attr("class"), e.attr("id")].into_iter().flatten() {
        // Whole-attribute forms that split into ambiguous words.
        let lower = attr.to_ascii_lowercase();
        for joined in ["sr-only", "screen-reader", "visually-hidden", "element-invisible"] {
            if lower.contains(joined) {
                f("sronly");
            }
        }
        let mut prev_lower = false;
        for ch in attr.chars() {
            if ch.is_ascii_alphanumeric() {
                if ch.is_ascii_uppercase() && prev_lower && !buf.is_empty() {
                    f(&buf);
                    buf.clear();
                }
                prev_lower = ch.is_ascii_lowercase() || ch.is_ascii_digit();
                buf.push(ch.to_ascii_lowercase());
            } else {
                if !buf.is_empty() {
                    f(&buf);
                    buf.clear();
                }
                prev_lower = false;
            }
        }
        if !buf.is_empty() {
            f(&buf);
            buf.clear();
        }
    }
}

/// The element's class/id words, lower-cased.
pub fn words_of(e: &Element) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(e, |w| out.push(w.to_string()));
    out
}

/// Judge one element by its class, id and ARIA role.
pub fn judge(e: &Element) -> ClassVerdict {
    if let Some(role) = e.attr("role") {
        match role.to_ascii_lowercase().as_str() {
            "navigation" | "menu" | "menubar" | "search" => return ClassVerdict::Chrome("menu"),
            "banner" => return ClassVerdict::Chrome("header"),
            "contentinfo" => return ClassVerdict::Chrome("footer"),
            "complementary" => return ClassVerdict::Chrome("aside"),
            "dialog" | "alertdialog" => return ClassVerdict::Chrome("popup"),
            _ => {}
        }
    }
    if e.attr("class").is_none() && e.attr("id").is_none() {
        return ClassVerdict::Neutral;
    }
    let mut chrome = None;
    let mut content = false;
    for_each_word(e, |w| {
        if chrome.is_none() {
            chrome = chrome_word(w);
        }
        content |= content_word(w);
    });
    match (chrome, content) {
        (Some(reason), _) => ClassVerdict::Chrome(reason),
        (None, true) => ClassVerdict::Content,
        (None, false) => ClassVerdict::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::{Html, Selector};

    fn verdict(html: &str) -> ClassVerdict {
        let dom = Html::parse_fragment(html);
        let sel = Selector::parse("div").unwrap();
        let el = dom.select(&sel).next().unwrap();
        judge(el.value())
    }

    #[test]
    fn class_words() {
        assert_eq!(
            verdict("<div class='relatedStories'></div>"),
            ClassVerdict::Chrome("related")
        );
        assert_eq!(
            verdict("<div id='newsletter-box'></div>"),
            ClassVerdict::Chrome("newsletter")
        );
        assert_eq!(verdict("<div class='sr-only'></div>"), ClassVerdict::Chrome("hidden"));
        assert_eq!(verdict("<div class='entry-content'></div>"), ClassVerdict::Content);
        assert_eq!(verdict("<div role='navigation'></div>"), ClassVerdict::Chrome("menu"));
        // "shared" or "address" are not "share"/"ad".
        assert_eq!(verdict("<div class='shared-address'></div>"), ClassVerdict::Neutral);
        assert_eq!(verdict("<div></div>"), ClassVerdict::Neutral);
    }
}
