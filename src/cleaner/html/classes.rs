//! What an element's `class`, `id` and `role` say about it: site chrome
//! (related links, newsletter boxes, comments, share bars, …), likely article
//! content, or nothing. Words are general web vocabulary, not site names.

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

/// Length of the longest word [`chrome_word`] or [`content_word`] knows.
const MAX_WORD: usize = 15;

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

/// Whole-attribute forms that split into ambiguous words, with the offset
/// of their hyphen (the search starts from the attribute's hyphens).
const JOINED: [(&[u8], usize); 4] = [
    (b"sr-only", 2),
    (b"screen-reader", 6),
    (b"visually-hidden", 8),
    (b"element-invisible", 7),
];

/// Which of [`JOINED`] occur in `attr`, ignoring ASCII case.
fn joined_forms(attr: &[u8]) -> [bool; 4] {
    let mut found = [false; 4];
    for hyphen in memchr::memchr_iter(b'-', attr) {
        for (seen, (form, at)) in found.iter_mut().zip(JOINED) {
            if !*seen && let Some(start) = hyphen.checked_sub(at) {
                *seen = attr
                    .get(start..start + form.len())
                    .is_some_and(|w| w.eq_ignore_ascii_case(form));
            }
        }
    }
    found
}

/// Call `f` with each lower-cased word of the element's class and id:
/// split at non-alphanumerics and at camelCase humps ("shareBar" → share, bar).
pub fn for_each_word(class: Option<&str>, id: Option<&str>, mut f: impl FnMut(&str)) {
    // Words are ASCII, so they are slices of the attribute; only those with
    // capitals are lower-cased (into `buf`).
    let mut buf = String::new();
    let mut emit = |word: &str| {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            buf.clear();
            buf.push_str(word);
            buf.make_ascii_lowercase();
            f(&buf);
        } else {
            f(word);
        }
    };
    for attr in [class, id].into_iter().flatten() {
        let bytes = attr.as_bytes();
        // Whole-attribute forms that split into ambiguous words.
        for found in joined_forms(bytes) {
            if found {
                emit("sronly");
            }
        }
        let n = bytes.len();
        let mut i = 0;
        while i < n {
            // Skip separators, then take one word: alphanumerics up to a
            // separator or a capital right after a lower-case letter or digit.
            while i < n && !bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            if i == n {
                break;
            }
            let start = i;
            let mut prev_lower = !bytes[i].is_ascii_uppercase();
            i += 1;
            while i < n {
                let b = bytes[i];
                if !b.is_ascii_alphanumeric() || (prev_lower && b.is_ascii_uppercase()) {
                    break;
                }
                prev_lower = !b.is_ascii_uppercase();
                i += 1;
            }
            emit(&attr[start..i]);
        }
    }
}

/// The element's class/id words, lower-cased.
pub fn words_of(class: Option<&str>, id: Option<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for_each_word(class, id, |w| out.push(w.to_string()));
    out
}

/// Judge one element by its ARIA role, class and id.
pub fn judge(role: Option<&str>, class: Option<&str>, id: Option<&str>) -> ClassVerdict {
    if let Some(role) = role {
        let is = |r: &str| role.eq_ignore_ascii_case(r);
        if is("navigation") || is("menu") || is("menubar") || is("search") {
            return ClassVerdict::Chrome("menu");
        } else if is("banner") {
            return ClassVerdict::Chrome("header");
        } else if is("contentinfo") {
            return ClassVerdict::Chrome("footer");
        } else if is("complementary") {
            return ClassVerdict::Chrome("aside");
        } else if is("dialog") || is("alertdialog") {
            return ClassVerdict::Chrome("popup");
        }
    }
    if class.is_none() && id.is_none() {
        return ClassVerdict::Neutral;
    }
    let mut chrome = None;
    let mut content = false;
    for_each_word(class, id, |w| {
        // No listed word is longer ("recommendations").
        if w.len() > MAX_WORD {
            return;
        }
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
    use super::super::tree::{Attr, Dom, NodeId};
    use super::*;

    fn verdict(html: &str) -> ClassVerdict {
        let dom = Dom::parse(html);
        let div = (0..dom.nodes.len() as NodeId)
            .find_map(|i| dom.element(i).filter(|e| e.name() == "div"))
            .unwrap();
        judge(
            dom.attr(div, Attr::Role),
            dom.attr(div, Attr::Class),
            dom.attr(div, Attr::Id),
        )
    }

    fn words(class: &str) -> Vec<String> {
        words_of(Some(class), None)
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
        assert_eq!(verdict("<div role='Banner'></div>"), ClassVerdict::Chrome("header"));
        assert_eq!(
            verdict("<div class='Recommendations'></div>"),
            ClassVerdict::Chrome("related")
        );
        assert_eq!(verdict("<div class='recommendationsx'></div>"), ClassVerdict::Neutral);
    }

    #[test]
    fn words_split_at_humps_and_separators() {
        assert_eq!(words("shareBar"), ["share", "bar"]);
        assert_eq!(words("ABC-def_ghi2Jk"), ["abc", "def", "ghi2", "jk"]);
        assert_eq!(words("été story"), ["t", "story"]);
        assert_eq!(words("Visually-Hidden x"), ["sronly", "visually", "hidden", "x"]);
        assert_eq!(
            words("a-sr-only sr-onl y-screen-reader"),
            [
                "sronly", "sronly", "a", "sr", "only", "sr", "onl", "y", "screen", "reader"
            ]
        );
        assert_eq!(words("sr-only SR-Only"), ["sronly", "sr", "only", "sr", "only"]);
        assert_eq!(words_of(Some("a"), Some("bC")), ["a", "b", "c"]);
        assert!(words(" -- ").is_empty());
    }
}
