//! HTML → labelled blocks plus page metadata.
//!
//! One walk over the DOM ([`dom`]) yields text blocks (paragraph, heading and
//! list-item separation kept), an element arena and the metadata facts. The
//! article container is chosen from DOM signals ([`score`]: prose per
//! element, link density, tag semantics, class/id words from [`classes`]);
//! blocks outside it, or inside chrome elements within it, are labelled
//! chrome here, and the rest go through the plain-text block classifier.
//! Headline and date come from JSON-LD, `<meta>` and the visible `<h1>`
//! ([`meta`]).

mod classes;
mod dom;
mod meta;
mod score;
mod tree;

use super::{Block, CleanDoc, Rules};
use tree::{Attr, Dom};

pub use meta::normalise_date;

/// Parse only (html5ever into the cleaner's compact DOM) and return the
/// number of nodes (text pieces counted one by one): the floor that the
/// benchmarks compare the cleaner with.
#[doc(hidden)]
pub fn parse_only(html: &str) -> usize {
    Dom::parse(html).nodes.len()
}

pub fn clean(html: &str, rules: &Rules) -> CleanDoc {
    let dom = Dom::parse(html);
    let page = dom::walk(&dom);
    let verdicts = score::choose(&page);
    let (meta, h1) = meta::resolve(&page, &verdicts);
    let headline_toks = meta.headline.as_deref().map(meta::tokens);
    let mut blocks: Vec<Block> = Vec::with_capacity(page.blocks.len());
    // NEWSNORM_HTML_DEBUG=TEXT prints the chosen container and the ancestors
    // of the blocks containing TEXT (maintainers' diagnostics).
    let debug_needle = std::env::var("NEWSNORM_HTML_DEBUG").ok();
    let page_owners: Vec<usize> = match debug_needle {
        Some(_) => page.blocks.iter().map(|b| b.owner).collect(),
        None => Vec::new(),
    };
    let headline_len = meta.headline.as_deref().map_or(0, str::len);
    let page_elems = page.elems;
    for b in page.blocks {
        let chrome = if b.owner == dom::NONE || !verdicts.in_region[b.owner] {
            Some("outside")
        } else if let Some(reason) = verdicts.chrome[b.owner] {
            Some(reason)
        } else if Some(b.owner) == h1
            || (b.text.len() <= headline_len + 8 && headline_toks.as_ref().is_some_and(|h| meta::tokens_eq(&b.text, h)))
        {
            Some("headline")
        } else if b.links as usize * 2 > b.text.len() {
            Some("links")
        } else {
            None
        };
        blocks.push(Block {
            text: b.text,
            kind: b.kind,
            chrome,
        });
    }
    super::text::label_chrome(&mut blocks, rules);
    if let Some(needle) = debug_needle {
        debug(&dom, &page_elems, &page_owners, &blocks, &verdicts, &needle);
    }
    CleanDoc { blocks, meta }
}

/// Diagnostics: the ancestors of blocks containing `needle`.
fn debug(dom: &Dom, elems: &[dom::Elem<'_>], owners: &[usize], blocks: &[Block], v: &score::Verdicts, needle: &str) {
    if let Some(top) = v.top {
        eprintln!("TOP {}", describe(dom, elems, v, top));
    }
    for (b, &o) in blocks.iter().zip(owners) {
        if !b.text.contains(needle) {
            continue;
        }
        eprintln!("BLOCK {:?} {:?}", b.chrome, &b.text[..b.text.len().min(60)]);
        let mut e = o;
        while e != dom::NONE {
            eprintln!("   {}", describe(dom, elems, v, e));
            e = elems[e].parent;
        }
    }
}

fn describe(dom: &Dom, elems: &[dom::Elem<'_>], v: &score::Verdicts, e: usize) -> String {
    let el = &elems[e];
    let attrs = dom
        .element(el.node)
        .map(|x| {
            format!(
                "class={:?} id={:?}",
                dom.attr(x, Attr::Class).unwrap_or(""),
                dom.attr(x, Attr::Id).unwrap_or("")
            )
        })
        .unwrap_or_default();
    format!(
        "#{e} <{}> {attrs} chrome={:?} own={:?} region={} text={} links={} prose={} w={}",
        el.tag, v.chrome[e], el.chrome, v.in_region[e], el.text, el.links, el.prose, el.weight
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r##"<!doctype html><html lang="en"><head>
<title>Harbour closes after storm | The Gull</title>
<meta property="og:site_name" content="The Gull">
<meta property="article:published_time" content="2025-03-03T09:30:00+01:00">
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Harbour closes after storm"}</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="layout">
 <article class="story">
  <h1>Harbour closes after storm</h1>
  <div class="byline">By A. Writer</div>
  <div class="story-body">
   <p>The harbour in the old town was closed on Monday after a storm damaged two of its piers, officials said.</p>
   <h2>What happens next</h2>
   <ul><li>Repairs start next week.</li></ul>
   <p>Engineers expect the work to take about three months, and the ferry will use a temporary pier.</p>
   <div class="share-tools"><a href="#">Share on Facebook</a></div>
   <p>Local shops, which depend on visitors from the ferry, say they will stay open through the repairs.</p>
  </div>
  <div class="related-stories"><h3>Related</h3><ul><li><a href="/a">Another long headline about the harbour</a></li></ul></div>
 </article>
 <aside class="sidebar"><p>Most read: a story about a very different thing, with commas, and more commas.</p></aside>
</div>
<footer>Copyright 2025 The Gull</footer>
</body></html>"##;

    #[test]
    fn picks_article_and_metadata() {
        let doc = clean(PAGE, &Rules::default());
        let body = doc.body();
        assert!(body.starts_with("The harbour in the old town"), "{body}");
        assert!(body.contains("What happens next\n\nRepairs start next week."), "{body}");
        assert!(body.ends_with("through the repairs."), "{body}");
        for chrome in [
            "Share on Facebook",
            "Related",
            "Most read",
            "Copyright",
            "By A. Writer",
            "Home",
        ] {
            assert!(!body.contains(chrome), "{chrome} left in {body}");
        }
        assert_eq!(doc.meta.headline.as_deref(), Some("Harbour closes after storm"));
        assert_eq!(doc.meta.published.as_deref(), Some("2025-03-03T09:30:00+01:00"));
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn no_metadata_leaves_date_to_text_logic() {
        let doc = clean(
            "<html><body><p>Just a paragraph of text that is long enough to count, with a comma.</p></body></html>",
            &Rules::default(),
        );
        assert_eq!(doc.meta.published, None);
        assert_eq!(doc.meta.headline, None);
        assert!(doc.body().starts_with("Just a paragraph"));
    }

    const PROSE: &str = "<p>The council met on a wet evening to argue about the bridge, the budget, and the bus lanes, for hours.</p>\
        <p>Nobody agreed on anything, but the minutes, the motions, and the coffee were all recorded with care.</p>";

    #[test]
    fn url_date_fixes_a_utc_shift_and_fills_a_gap() {
        let page = |meta: &str| {
            format!(
                "<html><head><link rel=canonical href='https://example.org/2024/05/06/bridge-vote'>{meta}</head>\
                 <body><article>{PROSE}</article></body></html>"
            )
        };
        let shifted = clean(
            &page("<meta property='article:published_time' content='2024-05-07T02:00:00Z'>"),
            &Rules::default(),
        );
        assert_eq!(shifted.meta.published.as_deref(), Some("2024-05-06"));
        // Metadata dated well after the URL's day dates a re-issue.
        let later = clean(
            &page("<meta property='article:published_time' content='2024-05-20T02:00:00Z'>"),
            &Rules::default(),
        );
        assert_eq!(later.meta.published.as_deref(), Some("2024-05-06"));
        // Metadata well before the URL's day is kept (the URL may be a
        // later path for the same story).
        let earlier = clean(
            &page("<meta property='article:published_time' content='2024-04-20T02:00:00Z'>"),
            &Rules::default(),
        );
        assert_eq!(earlier.meta.published.as_deref(), Some("2024-04-20T02:00:00Z"));
        let none = clean(&page(""), &Rules::default());
        assert_eq!(none.meta.published.as_deref(), Some("2024-05-06"));
    }

    #[test]
    fn compact_url_dates() {
        let page = |url: &str| {
            format!(
                "<html><head><link rel=canonical href='{url}'>\
                 <meta property='article:published_time' content='2024-05-07T02:00:00Z'></head>\
                 <body><article>{PROSE}</article></body></html>"
            )
        };
        let doc = clean(
            &page("https://example.org/news/20240506/bridge-vote"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2024-05-06"));
        // Not a valid day: an id, not a date.
        let doc = clean(
            &page("https://example.org/news/20241399/bridge-vote"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2024-05-07T02:00:00Z"));
        let doc = clean(
            &page("https://example.org/news/202405061/bridge-vote"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2024-05-07T02:00:00Z"));
    }

    #[test]
    fn labelled_byline_date_beats_unshown_metadata() {
        let html = format!(
            "<html><head><meta property='article:published_time' content='2025-01-02'></head><body>\
             <article><h1>Bridge vote</h1>{PROSE}<p>Published March 3, 2024</p></article></body></html>"
        );
        let doc = clean(&html, &Rules::default());
        assert_eq!(doc.meta.published.as_deref(), Some("2024-03-03"));
        // Shown metadata date stays.
        let html = format!(
            "<html><head><meta property='article:published_time' content='2025-01-02'></head><body>\
             <article><h1>Bridge vote</h1><p>Jan 2, 2025</p>{PROSE}<p>Published March 3, 2024</p></article></body></html>"
        );
        assert_eq!(
            clean(&html, &Rules::default()).meta.published.as_deref(),
            Some("2025-01-02")
        );
    }

    #[test]
    fn visible_h1_above_article_wins_over_seo_title() {
        let html = format!(
            "<html><head><title>Best bridges ranked for 2025 | Gull</title></head><body>\
             <article><h1>Why the council could not agree on the bridge</h1>{PROSE}</article></body></html>"
        );
        let doc = clean(&html, &Rules::default());
        assert_eq!(
            doc.meta.headline.as_deref(),
            Some("Why the council could not agree on the bridge")
        );
        assert!(!doc.body().contains("Why the council"));
        // An <h1> deep in the body is a section heading, not the headline.
        let html = format!(
            "<html><head><title>Best bridges ranked for 2025 | Gull</title></head><body>\
             <article>{PROSE}<h1>Our verdict on it</h1>{PROSE}</article></body></html>"
        );
        let doc = clean(&html, &Rules::default());
        assert_eq!(doc.meta.headline.as_deref(), Some("Best bridges ranked for 2025"));
    }

    #[test]
    fn visible_h1_above_article_wins_over_json_ld_headline() {
        let html = format!(
            "<html><head><script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"headline\":\"Best bridges ranked\"}}</script></head>\
             <body><article><h1>Why the council could not agree on the bridge</h1>{PROSE}</article></body></html>"
        );
        let doc = clean(&html, &Rules::default());
        assert_eq!(
            doc.meta.headline.as_deref(),
            Some("Why the council could not agree on the bridge")
        );
        // No <h1> above the prose: JSON-LD's headline.
        let html = format!(
            "<html><head><script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"headline\":\"Best bridges ranked\"}}</script></head>\
             <body><article>{PROSE}<h1>Our verdict on it</h1>{PROSE}</article></body></html>"
        );
        assert_eq!(
            clean(&html, &Rules::default()).meta.headline.as_deref(),
            Some("Best bridges ranked")
        );
    }

    #[test]
    fn hero_h1_in_its_own_section_heads_the_article() {
        let hero = |h1s: &str| {
            format!(
                "<html><head><title>Best bridges ranked for 2025 | Gull</title></head><body>\
                 <div class=hero><div class=row><div class=col><div class=inner><div class=title>{h1s}</div></div></div></div></div>\
                 <div class=wrap><div class=row><div class=col><div class=inner><div class=text>{PROSE}{PROSE}</div></div></div></div></div>\
                 </body></html>"
            )
        };
        let title = "Why the council could not agree on the bridge";
        let doc = clean(&hero(&format!("<h1>{title}</h1>")), &Rules::default());
        assert_eq!(doc.meta.headline.as_deref(), Some(title));
        // With a second visible <h1> before the article, the nearer one is
        // the article's (the first is a page banner).
        let doc = clean(
            &hero(&format!("<h1>Our town news desk today</h1></div><div><h1>{title}</h1>")),
            &Rules::default(),
        );
        assert_eq!(doc.meta.headline.as_deref(), Some(title));
        // Without any <h1>, the metadata title stays.
        let doc = clean(&hero("<h2>Section</h2>"), &Rules::default());
        assert_eq!(doc.meta.headline.as_deref(), Some("Best bridges ranked for 2025"));
    }

    #[test]
    fn blog_name_h1_that_the_title_prefixes_is_not_the_headline() {
        let page = |og: &str| {
            format!(
                "<html><head><title>Field Notes: Why the river moved</title>{og}</head><body>\
                 <header><h1><a href='/'>Field Notes</a></h1></header>\
                 <article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
            )
        };
        let doc = clean(
            &page("<meta property='og:title' content='Why the river moved'>"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.headline.as_deref(), Some("Why the river moved"));
        // Without the og:title nothing says which part is the name.
        let doc = clean(&page(""), &Rules::default());
        assert_eq!(doc.meta.headline.as_deref(), Some("Field Notes"));
    }

    #[test]
    fn heading_that_a_raw_title_continues_keeps_its_tail() {
        let page = |title: &str| {
            format!(
                "<html><head><title>{title}</title></head><body>\
                 <article><h1>Part 2: The crossing - Night</h1><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
            )
        };
        let doc = clean(
            &page("Part 2: The crossing - Night - River Tales | Story Shelf"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.headline.as_deref(), Some("Part 2: The crossing - Night"));
        // No title shows where the heading ends: the short tail goes.
        let doc = clean(&page("Stories"), &Rules::default());
        assert_eq!(doc.meta.headline.as_deref(), Some("Part 2: The crossing"));
    }

    #[test]
    fn heading_in_a_banner_hero_right_above_the_article() {
        let page = |gap: &str| {
            format!(
                "<html><head><title>How to oil a squeaky gate hinge | Shop</title></head><body>\
                 <div class=wrap><section class='hero-banner'><div><h1>Oiling gate hinges</h1></div></section>{gap}\
                 <section class='article-content'><p>{PROSE}</p><p>{PROSE}</p></section></div></body></html>"
            )
        };
        let doc = clean(&page(""), &Rules::default());
        assert_eq!(doc.meta.headline.as_deref(), Some("Oiling gate hinges"));
        // A modal after the article is still a popup.
        let html = format!(
            "<html><head><title>How to oil a squeaky gate hinge | Shop</title></head><body>\
             <div class=wrap><section class='article-content'><p>{PROSE}</p><p>{PROSE}</p></section></div>\
             <div class='modal'><h1>Get ten percent off today</h1></div></body></html>"
        );
        let doc = clean(&html, &Rules::default());
        assert_eq!(doc.meta.headline.as_deref(), Some("How to oil a squeaky gate hinge"));
    }

    #[test]
    fn short_page_label_h1_unlike_the_titles_is_skipped() {
        let page = |h1: &str| {
            format!(
                "<html><head><title>Five ways to keep a pond clean</title></head><body>\
                 <div class=hero><h1>{h1}</h1></div><article><p>{PROSE}</p><p>{PROSE}</p></article></body></html>"
            )
        };
        let doc = clean(&page("Blog Entry Page"), &Rules::default());
        assert_eq!(doc.meta.headline.as_deref(), Some("Five ways to keep a pond clean"));
        // A short heading that shares a word with the title is the page's.
        let doc = clean(&page("Pond care basics"), &Rules::default());
        assert_eq!(doc.meta.headline.as_deref(), Some("Pond care basics"));
        // A longer heading that shares nothing still heads the article.
        let doc = clean(&page("What the garden club learned this year"), &Rules::default());
        assert_eq!(
            doc.meta.headline.as_deref(),
            Some("What the garden club learned this year")
        );
    }

    #[test]
    fn title_date_and_published_on_meta_fill_a_gap() {
        let page = |head: &str| format!("<html><head>{head}</head><body><article>{PROSE}</article></body></html>");
        let doc = clean(
            &page("<title>Bridge vote | Gull | 06.05.2024</title>"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2024-05-06"));
        let doc = clean(
            &page(
                "<title>Bridge vote | Gull | 06.05.2024</title><meta name=published_on content='2024-05-01T10:00:00Z'>",
            ),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2024-05-01T10:00:00Z"));
        let doc = clean(&page("<title>Bridge vote | Gull</title>"), &Rules::default());
        assert_eq!(doc.meta.published, None);
    }

    #[test]
    fn unlabelled_byline_date_when_metadata_has_none() {
        let page = |byline: &str| {
            format!(
                "<html><body><article><h1>Bridge vote</h1><p>By Ann Lee</p><p>{byline}</p>{PROSE}</article></body></html>"
            )
        };
        let doc = clean(&page("17/08/2025"), &Rules::default());
        assert_eq!(doc.meta.published.as_deref(), Some("2025-08-17"));
        // An "Updated" date is not the publication date.
        let doc = clean(&page("Updated 17/08/2025"), &Rules::default());
        assert_eq!(doc.meta.published, None);
    }

    #[test]
    fn escaped_entities_in_a_visible_h1_are_decoded() {
        let html = format!(
            "<html><head><title>Tips &amp; tricks for the bridge | Gull</title></head><body>\
             <article><h1>Tips &amp;#x26; tricks for the bridge</h1>{PROSE}</article></body></html>"
        );
        let doc = clean(&html, &Rules::default());
        assert_eq!(doc.meta.headline.as_deref(), Some("Tips & tricks for the bridge"));
    }

    #[test]
    fn garbage_does_not_panic() {
        for input in [
            "",
            "<",
            "<<<>>>",
            "<html><body><p>",
            "\u{0}\u{feff}<div",
            "<script>{</script><time datetime=x>",
        ] {
            let _ = clean(input, &Rules::default());
        }
        let deep = format!(
            "{}<p>x</p>{}",
            "<span><div>".repeat(2_000),
            "</div></span>".repeat(2_000)
        );
        let _ = clean(&deep, &Rules::default());
    }
    #[test]
    fn metadata_settles_the_order_of_a_shown_numeric_date() {
        let page = |meta: &str| {
            format!(
                "<html><head>{meta}</head><body><article><h1>Bridge vote</h1><p>By Ann Lee</p>\
                 <p>08/11/2023 | 20:26</p>{PROSE}</article></body></html>"
            )
        };
        let doc = clean(
            &page("<meta property='article:published_time' content='2023-11-08T20:26:00+00:00'>"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2023-11-08T20:26:00+00:00"));
        // Metadata months away from both readings does not swap the shown date.
        let doc = clean(
            &page("<meta property='article:published_time' content='2024-02-20T10:00:00Z'>"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2023-08-11"));
    }
    #[test]
    fn a_shown_update_date_dates_a_page_that_hides_its_publication() {
        let page = |head: &str, byline: &str| {
            format!(
                "<html><head>{head}<script type='application/ld+json'>{{\"@type\":\"Article\",\
                 \"datePublished\":\"2021-03-01T10:00:00+00:00\",\"dateModified\":\"2024-05-06T08:00:00+00:00\"}}</script></head>\
                 <body><article><h1>Bridge vote</h1><p>{byline}</p>{PROSE}</article></body></html>"
            )
        };
        let modified = "<meta property='article:modified_time' content='2024-05-06T08:00:00+00:00'>";
        let doc = clean(&page(modified, "Last updated: May 6, 2024"), &Rules::default());
        assert_eq!(doc.meta.published.as_deref(), Some("2024-05-06T08:00:00+00:00"));
        // OpenGraph gives the publication time: the page keeps it.
        let both = format!("{modified}<meta property='article:published_time' content='2021-03-01T10:00:00+00:00'>");
        let doc = clean(&page(&both, "Last updated: May 6, 2024"), &Rules::default());
        assert_eq!(doc.meta.published.as_deref(), Some("2021-03-01T10:00:00+00:00"));
        // The publication day is shown somewhere: it stays.
        let doc = clean(
            &page(modified, "Last updated: May 6, 2024 (first published March 1, 2021)"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2021-03-01T10:00:00+00:00"));
        // An update line further up in the page header counts too.
        let steps: String = (1..=30).map(|n| format!("<p>Step {n}</p>")).collect();
        let doc = clean(
            &page(modified, &format!("Last updated: May 6, 2024</p>{steps}<p>Ann Lee")),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2024-05-06T08:00:00+00:00"));
        // The update date is not shown: the publication date stays.
        let doc = clean(&page(modified, "By Ann Lee"), &Rules::default());
        assert_eq!(doc.meta.published.as_deref(), Some("2021-03-01T10:00:00+00:00"));
    }
    #[test]
    fn a_byline_date_another_metadata_source_gives_wins_over_an_unshown_one() {
        let page = |meta: &str, byline: &str| {
            format!(
                "<html><head>{meta}<script type='application/ld+json'>{{\"@type\":\"Article\",\
                 \"datePublished\":\"2024-08-29T10:00:00+00:00\"}}</script></head>\
                 <body><article><h1>Bridge vote</h1><p>{byline}</p>{PROSE}</article></body></html>"
            )
        };
        let doc = clean(
            &page("<meta name='date' content='November 25, 2025'>", "Nov 25, 2025 5:00 am"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2025-11-25"));
        // No other source agrees: the JSON-LD date stays.
        let doc = clean(&page("", "Nov 25, 2025 5:00 am"), &Rules::default());
        assert_eq!(doc.meta.published.as_deref(), Some("2024-08-29T10:00:00+00:00"));
        // A day apart is a time-zone shift, not a disagreement.
        let doc = clean(
            &page("<meta name='date' content='August 30, 2024'>", "Aug 30, 2024 1:00 am"),
            &Rules::default(),
        );
        assert_eq!(doc.meta.published.as_deref(), Some("2024-08-29T10:00:00+00:00"));
    }
    #[test]
    fn a_title_date_beats_an_unlabelled_caption_date() {
        let html = format!(
            "<html><head><title>Bridge vote | Gull | 28.04.2023</title></head><body><article><h1>Bridge vote</h1>\
             <p>The old bridge at dusk, 24 April 2023</p>{PROSE}</article></body></html>"
        );
        assert_eq!(
            clean(&html, &Rules::default()).meta.published.as_deref(),
            Some("2023-04-28")
        );
        let html = html.replace(" | 28.04.2023", "");
        assert_eq!(
            clean(&html, &Rules::default()).meta.published.as_deref(),
            Some("2023-04-24")
        );
    }

    #[test]
    fn the_latest_modified_date_of_any_source_counts() {
        let html = format!(
            "<html><head><meta name='updated' content='2024-05-06'>\
             <script type='application/ld+json'>{{\"@type\":\"Article\",\"datePublished\":\"2021-03-01\",\"dateModified\":\"2021-03-01\"}}</script>\
             </head><body><article><h1>Bridge vote</h1><p>Updated May 6, 2024</p>{PROSE}</article></body></html>"
        );
        assert_eq!(
            clean(&html, &Rules::default()).meta.published.as_deref(),
            Some("2024-05-06")
        );
        let html = html.replace("2024-05-06", "2021-03-01");
        assert_eq!(
            clean(&html, &Rules::default()).meta.published.as_deref(),
            Some("2021-03-01")
        );
    }
}
