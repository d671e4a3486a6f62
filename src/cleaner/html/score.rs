//! Article-container choice: a Readability-style score (prose blocks credit
//! their ancestors; class/id words and link density adjust), then the best
//! container plus its sibling containers that hold prose too. Everything is a
//! linear pass over the element arena, which is in document (pre-)order, so a
//! parent always precedes its children.

use super::dom::{Elem, NONE, PROSE_MIN, Page};

/// Per-element verdicts the block labeller needs.
pub struct Verdicts {
    /// Effective chrome reason: the element's own, else its nearest ancestor's.
    pub chrome: Vec<Option<&'static str>>,
    /// Whether the element is inside the chosen article region. All `true`
    /// when no container could be chosen.
    pub in_region: Vec<bool>,
    /// The chosen container, if any.
    pub top: Option<usize>,
}

/// How many ancestors a prose block credits.
const LEVELS: usize = 5;
/// Prose-mass climb: below this share of the page's prose the top is
/// suspect; the ancestor taken must hold at least `MASS_HIGH` of it and have
/// a link density under `MASS_MAX_LINKS`.
const MASS_LOW: f32 = 0.6;
const MASS_HIGH: f32 = 0.75;
const MASS_MAX_LINKS: f32 = 0.33;
/// Bound on ancestor walks, so that absurdly deep pages stay linear.
const MAX_CLIMB: usize = 64;

fn link_density(e: &Elem) -> f32 {
    if e.text == 0 {
        0.0
    } else {
        e.links as f32 / e.text as f32
    }
}

fn tag_base(tag: &str) -> f32 {
    match tag {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    }
}

/// Tags whose own text counts as a container's (text directly in a div).
fn is_container_tag(tag: &str) -> bool {
    matches!(tag, "div" | "section" | "article" | "main" | "td" | "center")
}

pub fn choose(page: &Page<'_>) -> Verdicts {
    let elems = &page.elems;
    let n = elems.len();
    let total_prose: u32 = elems.iter().filter(|e| e.parent == NONE).map(|e| e.prose).sum();

    // Effective chrome, top-down. A chrome element holding most of the
    // page's prose is the page's wrapper, not chrome (ASP.NET <form>s,
    // "has-sidebar" body wrappers, <header> around everything).
    let mut chrome: Vec<Option<&'static str>> = Vec::with_capacity(n);
    for (i, e) in elems.iter().enumerate() {
        let inherited = if e.parent == NONE { None } else { chrome[e.parent] };
        let own = e.chrome.filter(|&r| !vetoed(r, e.prose, total_prose));
        let _ = i;
        chrome.push(inherited.or(own));
    }

    // Readability scoring.
    let mut score = vec![0.0f32; n];
    let mut scored = vec![false; n];
    for b in &page.blocks {
        let o = b.owner;
        if o == NONE || chrome[o].is_some() {
            continue;
        }
        let len = b.text.len();
        if len < PROSE_MIN || (b.links as usize) * 2 >= len {
            continue;
        }
        let commas = b.text.matches([',', '，', '、']).count() as f32;
        let w = 1.0 + commas + (len as f32 / 100.0).min(3.0);
        let mut a = if is_container_tag(elems[o].tag) {
            o
        } else {
            elems[o].parent
        };
        let mut level = 0;
        while a != NONE && level < LEVELS {
            if !scored[a] {
                scored[a] = true;
                score[a] = tag_base(elems[a].tag) + elems[a].weight;
            }
            let div = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[a] += w / div;
            a = elems[a].parent;
            level += 1;
        }
    }
    for i in 0..n {
        if scored[i] {
            score[i] *= 1.0 - link_density(&elems[i]);
        }
    }

    let mut order: Vec<usize> = (0..n).filter(|&i| scored[i] && chrome[i].is_none()).collect();
    order.sort_by(|&a, &b| score[b].total_cmp(&score[a]));
    let Some(&first) = order.first() else {
        return Verdicts {
            chrome,
            in_region: vec![true; n],
            top: None,
        };
    };
    let mut top = first;

    // Alternatives nearly as good that share an ancestor with the top: the
    // article is split into several wrappers; take their common ancestor.
    let alts: Vec<usize> = order
        .iter()
        .skip(1)
        .take(4)
        .copied()
        .filter(|&i| score[i] >= 0.75 * score[top])
        .collect();
    if alts.len() >= 2 {
        let mut p = elems[top].parent;
        let mut steps = 0;
        while p != NONE && elems[p].tag != "body" && steps < MAX_CLIMB {
            let containing = alts.iter().filter(|&&a| is_ancestor(elems, p, a)).count();
            if containing >= 2 {
                top = p;
                break;
            }
            p = elems[p].parent;
            steps += 1;
        }
    }

    // Climb while the parent scores better (the top was a sub-section).
    let mut last = score[top];
    let threshold = last / 3.0;
    let mut p = elems[top].parent;
    let mut steps = 0;
    while p != NONE && elems[p].tag != "body" && steps < MAX_CLIMB {
        if scored[p] && chrome[p].is_none() {
            if score[p] < threshold {
                break;
            }
            if score[p] > last {
                top = p;
                break;
            }
            last = score[p];
        }
        p = elems[p].parent;
        steps += 1;
    }

    // Prose mass: when the top holds a minority of the page's prose, the
    // article is split into sections deeper than the scores reach; take
    // the lowest ancestor holding most of it, unless that is link-heavy.
    let mut good = vec![0u32; n];
    for b in &page.blocks {
        let o = b.owner;
        if o != NONE && chrome[o].is_none() && b.text.len() >= PROSE_MIN && (b.links as usize) * 2 < b.text.len() {
            good[o] += b.text.len() as u32;
        }
    }
    for i in (0..n).rev() {
        let p = elems[i].parent;
        if p != NONE {
            good[p] += good[i];
        }
    }
    let total_good: u32 = (0..n).filter(|&i| elems[i].parent == NONE).map(|i| good[i]).sum();
    if (good[top] as f32) < MASS_LOW * total_good as f32 {
        let mut a = elems[top].parent;
        let mut steps = 0;
        while a != NONE && steps < MAX_CLIMB {
            if good[a] as f32 >= MASS_HIGH * total_good as f32 {
                if link_density(&elems[a]) < MASS_MAX_LINKS && chrome[a].is_none() {
                    top = a;
                }
                break;
            }
            a = elems[a].parent;
            steps += 1;
        }
    }

    // Siblings that belong to the article too.
    let mut roots = vec![false; n];
    roots[top] = true;
    let parent = elems[top].parent;
    if parent != NONE {
        let bar = (score[top] * 0.2).max(10.0);
        for i in parent + 1..n {
            if elems[i].parent != parent || i == top || chrome[i].is_some() {
                continue;
            }
            let e = &elems[i];
            let ld = link_density(e);
            let take = (scored[i] && score[i] >= bar)
                || (e.tag == "p" && ((e.text > 80 && ld < 0.25) || (e.text > 0 && ld == 0.0 && e.prose > 0)));
            if take {
                roots[i] = true;
            }
        }
    }
    let mut in_region = vec![false; n];
    for i in 0..n {
        let p = elems[i].parent;
        in_region[i] = roots[i] || (p != NONE && in_region[p]);
    }
    Verdicts {
        chrome,
        in_region,
        top: Some(top),
    }
}

/// Whether chrome words are outweighed by the prose the element holds.
/// Weak words (layout: aside, header, byline, hidden…) give way to a fair
/// amount of prose; strong ones (comments, related, share…) only when the
/// element holds most of the page's prose (then it wraps the page).
fn vetoed(reason: &str, prose: u32, total: u32) -> bool {
    let weak = matches!(
        reason,
        "aside" | "header" | "byline" | "tags" | "caption" | "hidden" | "form" | "popup"
    );
    if weak {
        prose * 5 > total || prose > 1500
    } else {
        total > 0 && prose * 2 > total
    }
}

/// Whether `anc` is an ancestor of (or is) `node`, looking up a bounded way.
fn is_ancestor(elems: &[Elem<'_>], anc: usize, mut node: usize) -> bool {
    let mut steps = 0;
    while node != NONE && steps < MAX_CLIMB * 4 {
        if node == anc {
            return true;
        }
        if node < anc {
            // Pre-order: an ancestor always has a smaller index.
            return false;
        }
        node = elems[node].parent;
        steps += 1;
    }
    false
}
