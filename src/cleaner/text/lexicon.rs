//! General-language word lists: stop words (to tell prose from labels) and
//! chrome phrases (widgets every site has), in several languages.
//!
//! The lists are written by hand from general knowledge of each language and
//! of common web page widgets; they name no site and no page.

use crate::prebuilt::Matcher;
use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous;
use aho_corasick::{Anchored, dfa};
use regex::Regex;
use rustc_hash::FxHashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, OnceLock};

/// Function words of English, German, French, Spanish, Italian, Dutch,
/// Portuguese, Swedish, Danish/Norwegian and Polish. Prose is dense in them;
/// menus, names and labels are not.
const STOP_WORDS: &[&str] = &[
    // English
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "because", "been", "but", "by",
    "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if",
    "in", "into", "is", "it", "its", "just", "more", "most", "my", "no", "not", "of", "on", "one", "or", "our", "out",
    "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those",
    "to", "up", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will", "with", "would", "you",
    "your", "may", "many", "very", "over", "such", "only", "other", "been", "being", "said", "says", "its", "it's",
    // German
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder", "aber",
    "ist", "sind", "war", "waren", "wird", "werden", "wurde", "hat", "haben", "nicht", "auch", "mit", "von", "zu",
    "zum", "zur", "im", "auf", "für", "bei", "nach", "aus", "sich", "sie", "er", "es", "wir", "ich", "dass", "wie",
    "noch", "nur", "schon", "so", "als", "wenn", "man", "kann", "mehr", "sein", "seine", "ihre", "vor", "um", "über",
    "durch", "gegen", "dieser", "diese", "dieses", // French
    "le", "la", "les", "un", "une", "des", "du", "de", "et", "ou", "mais", "est", "sont", "était", "été", "être",
    "avoir", "a", "ont", "pas", "ne", "que", "qui", "dans", "pour", "par", "sur", "avec", "ce", "cette", "ces", "il",
    "elle", "ils", "elles", "nous", "vous", "on", "se", "son", "sa", "ses", "leur", "leurs", "au", "aux", "plus",
    "comme", "tout", "très", "aussi", "y", "en", // Spanish
    "el", "los", "las", "una", "unos", "unas", "y", "o", "pero", "es", "son", "era", "fue", "ser", "ha", "han", "no",
    "que", "quien", "en", "para", "por", "con", "sin", "sobre", "este", "esta", "estos", "estas", "ese", "esa", "su",
    "sus", "al", "del", "se", "lo", "le", "más", "muy", "como", "también", "ya", "hay", // Italian
    "il", "lo", "gli", "uno", "e", "ed", "ma", "è", "sono", "era", "erano", "stato", "essere", "ha", "hanno", "non",
    "che", "chi", "di", "da", "nel", "nella", "per", "con", "su", "questo", "questa", "questi", "quello", "della",
    "delle", "dei", "degli", "alla", "al", "si", "anche", "più", "come", "molto", // Dutch
    "de", "het", "een", "en", "of", "maar", "is", "zijn", "was", "waren", "wordt", "werd", "heeft", "hebben", "niet",
    "ook", "met", "van", "voor", "op", "aan", "bij", "naar", "uit", "dat", "die", "dit", "deze", "wie", "wat", "hij",
    "zij", "ze", "we", "ik", "er", "om", "te", "als", "nog", "al", "dan", // Portuguese
    "o", "os", "as", "um", "uma", "uns", "umas", "e", "ou", "mas", "é", "são", "foi", "ser", "tem", "têm", "não",
    "que", "em", "no", "na", "nos", "nas", "para", "por", "com", "sem", "sobre", "este", "esta", "esse", "essa", "seu",
    "sua", "ao", "do", "da", "dos", "das", "se", "mais", "muito", "como", "também", "já",
    // Swedish, Danish, Norwegian
    "och", "att", "det", "som", "är", "var", "har", "inte", "med", "för", "på", "till", "av", "den", "ett", "en", "om",
    "från", "vi", "jag", "han", "hon", "de", "sig", "men", "eller", "og", "at", "er", "ikke", "med", "til", "af",
    "fra", "som", "har", "det", "den", "et", "jeg", "vil", // Polish
    "i", "w", "z", "na", "do", "nie", "się", "że", "to", "jest", "są", "był", "była", "jak", "ale", "lub", "oraz",
    "po", "od", "przez", "dla", "o", "jego", "jej", "ich", "ten", "ta", "te", "tym", "już", "tak",
];

/// Length in bytes of the longest stop word: longer tokens need no lookup.
pub const MAX_STOP_WORD_LEN: usize = {
    let (mut i, mut max) = (0, 0);
    while i < STOP_WORDS.len() {
        if STOP_WORDS[i].len() > max {
            max = STOP_WORDS[i].len();
        }
        i += 1;
    }
    max
};
// Every stop word fits in a packed `u64`.
const _: () = assert!(MAX_STOP_WORD_LEN <= 8);

/// Slots of [`STOP_TABLE`]: a power of two, over twice the stop words, so
/// that a lookup probes one or two slots.
const STOP_SLOTS: usize = 1024;

/// The stop words, each packed into a `u64` ([`pack_word`]), in an
/// open-addressed table built at compile time (0 marks an empty slot): a
/// multiply, a shift and a compare or two per lookup, no string compare.
static STOP_TABLE: [u64; STOP_SLOTS] = {
    let mut table = [0u64; STOP_SLOTS];
    let mut n = 0;
    while n < STOP_WORDS.len() {
        let word = STOP_WORDS[n].as_bytes();
        let mut packed = 0u64;
        let mut i = 0;
        while i < word.len() {
            packed |= (word[i] as u64) << (8 * i);
            i += 1;
        }
        let mut slot = stop_slot(packed);
        while table[slot] != 0 && table[slot] != packed {
            slot = (slot + 1) % STOP_SLOTS;
        }
        table[slot] = packed;
        n += 1;
    }
    table
};
// Room to spare: the table stays sparse, lookups short.
const _: () = assert!(STOP_WORDS.len() * 2 <= STOP_SLOTS);

/// The home slot of a packed word in [`STOP_TABLE`] (Fibonacci hashing).
const fn stop_slot(packed: u64) -> usize {
    (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - STOP_SLOTS.trailing_zeros())) as usize
}

/// A word of at most eight bytes as a number: its bytes, little-endian,
/// zero-padded. None for longer words, and for one ending in a zero byte
/// (it would collide with the word without it).
pub fn pack_word(word: &[u8]) -> Option<u64> {
    if word.last() == Some(&0) {
        return None;
    }
    let mut buf = [0u8; 8];
    buf.get_mut(..word.len())?.copy_from_slice(word);
    Some(u64::from_le_bytes(buf))
}

/// Whether `word` (already lower-cased) is a function word in one of the
/// supported languages.
pub fn is_stop_word(word: &str) -> bool {
    pack_word(word.as_bytes()).is_some_and(is_packed_stop_word)
}

/// [`is_stop_word`] of a word packed by [`pack_word`].
#[inline]
pub fn is_packed_stop_word(packed: u64) -> bool {
    if packed == 0 {
        return false;
    }
    let mut slot = stop_slot(packed);
    loop {
        match STOP_TABLE[slot] {
            0 => return false,
            found if found == packed => return true,
            _ => slot = (slot + 1) % STOP_SLOTS,
        }
    }
}

/// A chrome phrase: the pattern, its reason code, and the longest block (in
/// words) it applies to. Widget labels are short; a long paragraph that
/// mentions "newsletter" is still prose.
struct Phrase {
    pattern: &'static str,
    reason: &'static str,
    max_words: usize,
}

const fn p(pattern: &'static str, reason: &'static str, max_words: usize) -> Phrase {
    Phrase {
        pattern,
        reason,
        max_words,
    }
}

/// No chrome phrase applies to a block longer than this.
pub const MAX_PHRASE_WORDS: usize = 80;

/// Chrome phrases in English, German, French, Spanish, Italian, Dutch and
/// Portuguese. Ordered: the first match gives the reason.
const PHRASES: &[Phrase] = &[
    // Page furniture above the article.
    p(
        r"(?i)^(loading|laden|chargement|cargando|caricamento)\W*$|^(skip|jump) to (main |primary )?(content|navigation|footer|search)|^zum inhalt springen|^aller au contenu|logo\W*$",
        "menu",
        12,
    ),
    p(
        r"(?i)^(menu|men[üu]|main menu|navigation|search|suche|rechercher|buscar|cerca|zoeken|pesquisar|close|schließen|fermer|cerrar|chiudi|sluiten|fechar|sign in|sign up|log ?in|log ?out|anmelden|registrieren|se connecter|iniciar sesión|accedi|inloggen|entrar|register|my account|account|mein konto|home|startseite|accueil|inicio|contact( us)?|kontakt|about( us)?|impressum|toggle navigation|open menu|show search|hide search|back|zurück|next|previous|weiter|more|mehr|plus|más|altro|meer|mais)\W*$",
        "menu",
        3,
    ),
    p(
        r"(?i)\[\s*(search|submit|go|ok|suchen)?\s*\]|^search( for)?\s*:",
        "menu",
        12,
    ),
    p(
        r"(?i)shopping (cart|bag|basket)|warenkorb|panier|carrito|carrello|winkelwagen|carrinho|^cart\W*(\d+)?$|wish ?list|saved articles|my bookmarks",
        "widget",
        10,
    ),
    // Calls to action and shop buttons.
    p(
        r"(?i)^(learn more|read more|find out more|shop now|buy now|order now|book now|get the recipe|jump to recipe|print recipe|view all|see all|see more|show more|show less|load more|view more|click here|download( now)?|get started|start (your )?free trial|try (it )?(for )?free|request a demo|get a demo|book a demo|contact sales|on sale|add to (cart|bag|basket)|in stock|out of stock|check price|view deal|see price|mehr erfahren|jetzt kaufen|weiterlesen|mehr lesen|alle anzeigen|en savoir plus|lire la suite|voir plus|leer más|ver más|saber más|scopri di più|leggi di più|lees meer|bekijk|saiba mais|leia mais|ver mais)\b[^.!?]{0,20}$",
        "widget",
        6,
    ),
    // Sign-up boxes.
    p(
        r"(?i)newsletter|sign up for|subscribe (to|now|today|for)|^subscribe\W*$|abonnieren|abonnez|suscr[ií]b|iscriviti|inschrijven|assine|we (don'?t|never|won'?t) spam|unsubscribe (at )?any ?time|your inbox|enter your e-?mail|e-?mail address\W*$|get (the|our) (latest|best)",
        "newsletter",
        22,
    ),
    // Breadcrumbs and counters.
    p(
        r"(?i)^(home|start|startseite|accueil|inicio|news)\s*[»›>/|:]",
        "breadcrumb",
        30,
    ),
    p(
        r"\S\s*[»›]\s*\S.*[»›]|^\S[^.!?]{0,60}\s[»›/>]\s\S[^.!?]{0,80}$",
        "breadcrumb",
        20,
    ),
    p(
        r"(?i)^[\d.,]+\s*[km]?\s+(views?|reads?|shares?|comments?|likes?|kommentare|aufrufe|vues|commentaires|visitas|comentarios|visualizzazioni|commenti|reacties|visualizações|comentários)\W*$|^(views?|shares?|comments?|hits|visits|visitors|page ?views)\W*[\d.,]+[km]?$|^\d+\s*(min(ute)?s?|mins?\.?) read$|^reading time|lesezeit|temps de lecture|tiempo de lectura",
        "counter",
        6,
    ),
    // Share and follow bars.
    p(
        r"(?i)^(share|share this|share on \w+|share article|share story|teilen|partager|compartir|condividi|delen|compartilhar|partilhar|tweet|e-?mail|print|drucken|imprimer|imprimir|stampa|afdrukken|copy( the)? link|link copied|copied|facebook|twitter|x|whatsapp|linkedin|pinterest|reddit|telegram|flipboard|threads|bluesky|instagram|youtube|tiktok|mastodon|pin( it)?|save|speichern|merken|messenger|sms|gift this article|comment|kommentieren|listen|anhören|écouter|follow|folgen|suivre|seguir|segui|volgen)\W*$",
        "share",
        4,
    ),
    p(
        r"(?i)copy (the )?link|send via|sharing options|share (via|by) e-?mail|^share\b.*\b(close|options)\b",
        "share",
        8,
    ),
    p(
        r"(?i)^click to (share|print|email|e-mail)\b|\(opens in (a )?new (window|tab)\)",
        "share",
        14,
    ),
    p(
        r"(?i)^[\x22“]?(follow|add us on|find us on|like us on|join us on) @?[\w.]+((?-i: \p{Lu}[\w.]*){0,2} on \w+( @\w+)?)?\W*$",
        "share",
        8,
    ),
    p(
        r"(?i)^(follow us|share (this|on|via)|teilen (auf|per)|partager (sur|par)|compartir en|condividi su|deel (op|via)|folge uns|suivez-nous|síguenos|seguici|volg ons)\b",
        "share",
        12,
    ),
    // Comment sections.
    p(
        r"(?i)leave a (comment|reply)|post a comment|add a comment|write a comment|comment policy|akismet|your email address will not be published|required fields are marked|comments? (are|is) closed|no comments? yet|be the first to comment|^\d*\s*comments?\W*$|^kommentare?\b|^commentaires?\b|^comentarios?\b|^commenti\b|^reacties?\b|^coment[aá]rios?\b|^(join|start) the (discussion|conversation)|^discussion\W*$|^(reply|antworten|répondre|responder|rispondi|reageer)\W*$|log in to comment|cancel reply|^(view|show|see|load|read) (all )?(\d+ )?comments\W*$|^kommentare (anzeigen|lesen)\W*$|^(flag as inappropriate|report (abuse|this comment|comment))\W*$",
        "comments",
        25,
    ),
    // Teasers for other articles.
    p(
        r"(?i)^(you (may|might) (also )?(like|enjoy|be interested)|related( articles?| posts?| stories| content| reading| news| topics?| coverage)?|more (from|on|about|in|stories|news|articles|like this)|recommended( for you| articles| reading| stories)?|read (more|next|also)|also read|see also|popular( now| posts| articles| stories)?|most (read|popular|viewed|shared)|trending( now)?|top stories|latest (news|stories|posts|articles)|don'?t miss|further reading|keep reading|continue reading|what to read next|up next|more to explore|das könnte sie auch interessieren|mehr zum thema|lesen sie auch|auch interessant|weitere (artikel|beiträge|nachrichten)|meistgelesen|à lire aussi|lire aussi|sur le même sujet|les plus lus|lee también|te puede interesar|noticias relacionadas|leggi anche|potrebbe interessarti|articoli correlati|lees ook|meer nieuws|gerelateerde artikelen|leia também|veja também|notícias relacionadas)\b",
        "related",
        12,
    ),
    // Labels of teaser lists and post navigation: English, German, Polish,
    // Swedish, Danish and Norwegian.
    p(
        r"(?i)^(editors?'?’?s?'? (picks|choice)|post navigation|beitragsnavigation|(previous|next) (post|article|story)|(vorheriger|nächster) (beitrag|artikel)|die redaktion empfiehlt|empfehlungen der redaktion|czytaj (więcej|też|także|również|dalej)|zobacz (też|także|również)|powiązane|polecane|najnowsze|najczęściej czytane|läs (också|mer)|læs (også|mere)|les (også|mer))\b",
        "related",
        12,
    ),
    // Tags and author boxes after the article.
    p(
        r"(?i)^(tags?|tagged( with)?|topics?|themen|schlagwörter|mots-clés|etiquetas|argomenti|trefwoorden|categories|category|filed under|posted in)\s*[:\-–]?\s*\S*",
        "tags",
        12,
    ),
    p(
        r"(?i)^(about the author|about (the )?writer|über (den|die) autor(in)?|à propos de l'auteur|sobre el autor|sull'autore|over de auteur|sobre o autor|author bio|meet the author)\b",
        "author",
        8,
    ),
    // Author bios: "Jane Roe is a senior reporter at ...".
    p(
        r"^([A-Z][a-zA-Z.'’-]+ ){1,3}(?i:is|was|ist|war|est|es|è) (?i:a|an|the|our|ein|eine|un|une|uno|una|een|um|uma)?\s*([a-zA-Z-]+ ){0,4}(?i:writer|reporter|journalist|editor|correspondent|contributor|columnist|author|freelancer?|redakteur(in)?|journalistin|autor(in)?|rédact(eur|rice)|periodista|giornalista|verslaggever|redacteur|jornalista)",
        "author",
        80,
    ),
    // Cookie, privacy and legal notices.
    p(
        r"(?i)cookies?\b.*\b(use|uses|consent|accept|policy|settings|preferences)|accept (all )?cookies|verwendet cookies|utilise des cookies|utiliza cookies|utilizza (i )?cookie|gebruikt cookies|utiliza cookies|cookie (settings|policy|preferences)",
        "cookies",
        60,
    ),
    // Consent banners of ad networks speak for the site and its partners
    // ("we and our 100 partners store ..."); their long paragraphs pass the
    // cookie phrase's length limit and would open the article region.
    p(
        r"(?i)\b(we and our|wir und unsere|nous et nos|nosotros y nuestros|noi e i nostri|wij en onze|nós e os nossos) (\d+ )?(partners?|vendors|partenaires|socios|fornitori|parceiros)\b",
        "cookies",
        MAX_PHRASE_WORDS,
    ),
    p(
        r"(?i)^(©|\(c\)\s*\d{4}|copyright\b)|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|tutti i diritti riservati|alle rechten voorbehouden|todos os direitos reservados",
        "footer",
        40,
    ),
    p(
        r"(?i)^(privacy( policy| notice)?|terms( of (use|service))?|terms (and|&) conditions|datenschutz(erklärung)?|agb|nutzungsbedingungen|mentions légales|politique de confidentialité|aviso legal|política de privacidad|privacy policy|informativa sulla privacy|privacyverklaring|política de privacidade|accessibility( statement)?|sitemap|site map|careers|jobs|advertise( with us)?|rss( feed)?|faq|help|hilfe|aide|ayuda|aiuto)\W*$",
        "footer",
        5,
    ),
    p(
        r"(?i)^back to top\W*$|^nach oben\W*$|^haut de page\W*$|^volver arriba\W*$|^torna su\W*$|^naar boven\W*$|^voltar ao topo\W*$",
        "footer",
        4,
    ),
    // Adverts.
    p(
        r"(?i)^(advertisement|advertising|sponsored( content| post| by .*)?|ad|ads|anzeige|werbung|publicité|publicidad|pubblicità|advertentie|publicidade|promoted|paid (post|content)|story continues (below|after) (this )?advertisement|continue reading below|article continues below( advertisement)?|scroll to continue( with content)?|\[ins::ins\]|reklama|annons|annonce|mainos)\W*$",
        "advert",
        8,
    ),
    // Affiliate disclosures and form consent lines.
    p(
        r"(?i)affiliate links?|(earn|receive|make) (a |an )?(small )?(affiliate )?(commission|compensation)|at no (extra|additional) cost to you|by (submitting|signing up|subscribing|clicking)|\bi agree (to|that)\b|you agree to (our|the)|provision(en)?-?link|partnerlinks?|liens? affiliés?|enlaces? de afiliados?",
        "advert",
        60,
    ),
    // Image credits.
    p(
        r"(?i)^(photo|image|picture|foto|bild|credit|crédit|source|quelle|illustration|getty images|shutterstock|afp|reuters|ap photo)s?\s*(:|/|by|credit|©)",
        "caption",
        30,
    ),
    // Alt text of author photos and avatars, gallery buttons.
    p(
        r"(?i)^((photo|picture|image|headshot) of (the )?author|(user |author )?avatar( photo| image)?|.{1,40}['’]s? (avatar|profile (photo|picture|image))|open this photo in gallery:?)$",
        "caption",
        8,
    ),
    p(r"[—–|-]?\s*©\s*[^.!?©]{2,60}$", "caption", 80),
    p(
        r"(?i)\([^()]*\b(photo|image|foto|picture|credit|bild|getty|reuters|afp|shutterstock|file)s?\b[^()]*\)\s*$",
        "caption",
        80,
    ),
    // Publication lines, even when the date in them cannot be read.
    p(
        r"(?i)^(published|updated|posted|last updated|first published|modified|veröffentlicht|aktualisiert|stand|publié|mis à jour|publicado|actualizado|atualizado|pubblicato|aggiornato|gepubliceerd|bijgewerkt|publicerad|uppdaterad)\b",
        "date",
        14,
    ),
    // Horizontal rules and stray symbols.
    p(r"^[\W_]+$", "separator", MAX_PHRASE_WORDS),
];

/// Word boundaries are ASCII (`(?-u:\b)`): Unicode ones make the regex
/// engine fall back to a slow matcher on non-ASCII text, and every phrase
/// starts and ends with ASCII letters anyway.
/// One regex per phrase, not one `RegexSet`: the set's overlapping search must
/// scan every block to its end and its lazy DFA kept building new states (the
/// `.*` and counted repeats of many patterns combine), which cost over half of
/// the plain-text run; separate regexes stop at the first hit, skip phrases
/// whose `max_words` the block exceeds, and use literal prefilters.
/// Most are DFAs compiled by the build script (`crate::prebuilt`).
static PHRASE_REGEXES: LazyLock<Vec<Matcher>> = LazyLock::new(|| {
    PHRASES
        .iter()
        .map(|p| Matcher::new(&ascii_boundaries(p.pattern)).expect("static chrome phrase"))
        .collect()
});

/// For each phrase of [`PHRASES`], what every text it matches holds,
/// ASCII case aside: one of these prefixes at its start, or one of the
/// [`PHRASE_LITERALS`] anywhere (neither: the phrase is always tried).
/// Derived from the patterns by the tests in `phrase_literals`, which
/// check every entry and write the tables anew to
/// `target/phrase_literals.rs` when a pattern changes.
#[rustfmt::skip]
const PHRASE_PREFIXES: &[&[&str]] = &[
    &["aller au con", "cargando", "caricamento", "chargement", "jump to cont", "jump to foot", "jump to main", "jump to navi", "jump to prim", "jump to sear", "laden", "loading", "skip to cont", "skip to foot", "skip to main", "skip to navi", "skip to prim", "skip to sear", "zum inhalt s"],
    &["about", "accedi", "account", "accueil", "altro", "anmelden", "back", "buscar", "cerca", "cerrar", "chiudi", "close", "contact", "entrar", "fechar", "fermer", "hide search", "home", "impressum", "iniciar sesi", "inicio", "inloggen", "kontakt", "log in", "log out", "login", "logout", "main menu", "mais", "meer", "mehr", "mein konto", "menu", "menÜ", "menü", "more", "my account", "mÁs", "más", "navigation", "next", "open menu", "pesquisar", "plus", "previous", "rechercher", "register", "registrieren", "schließen", "schlieẞen", "se connecter", "search", "show search", "sign in", "sign up", "sluiten", "startseite", "suche", "toggle navig", "weiter", "zoeken", "zurÜck", "zurück"],
    &["search"],
    &["cart"],
    &["add to bag", "add to baske", "add to cart", "alle anzeige", "bekijk", "book a demo", "book now", "buy now", "check price", "click here", "contact sale", "download", "en savoir pl", "find out mor", "get a demo", "get started", "get the reci", "in stock", "jetzt kaufen", "jump to reci", "learn more", "leer mÁs", "leer más", "lees meer", "leggi di pi", "leia mais", "lire la suit", "load more", "mehr erfahre", "mehr lesen", "on sale", "order now", "out of stock", "print recipe", "read more", "request a de", "saber mÁs", "saber más", "saiba mais", "scopri di pi", "see all", "see more", "see price", "shop now", "show less", "show more", "start free t", "start your f", "try for free", "try free", "try it for f", "try it free", "ver mais", "ver mÁs", "ver más", "view all", "view deal", "view more", "voir plus", "weiterlesen"],
    &["subscribe"],
    &["accueil", "home", "inicio", "news", "start"],
    &[],
    &["comment", "hits", "page views", "pageviews", "reading time", "share", "view", "visitors", "visits"],
    &["afdrukken", "anhÖren", "anhören", "bluesky", "comment", "compartilhar", "compartir", "condividi", "copied", "copy link", "copy the lin", "delen", "drucken", "e-mail", "email", "facebook", "flipboard", "folgen", "follow", "gift this ar", "imprimer", "imprimir", "instagram", "kommentieren", "link copied", "linkedin", "listen", "mastodon", "merken", "messenger", "partager", "partilhar", "pin", "print", "reddit", "save", "segui", "share", "sms", "speichern", "stampa", "suivre", "teilen", "telegram", "threads", "tiktok", "tweet", "twitter", "volgen", "whatsapp", "x", "youtube", "Écouter", "écouter"],
    &["share"],
    &["click to e-m", "click to ema", "click to pri", "click to sha"],
    &["\"add us on ", "\"find us on ", "\"follow ", "\"join us on ", "\"like us on ", "add us on ", "find us on ", "follow ", "join us on ", "like us on ", "“add us on", "“find us o", "“follow ", "“join us o", "“like us o"],
    &["compartir en", "condividi su", "deel op", "deel via", "folge uns", "follow us", "partager par", "partager sur", "seguici", "share on", "share this", "share via", "suivez-nous", "sÍguenos", "síguenos", "teilen auf", "teilen per", "volg ons"],
    &["antworten", "comentario", "comentÁrio", "comentário", "commentaire", "commenti", "discussion", "flag as inap", "join the con", "join the dis", "kommentar", "load ", "reactie", "read ", "reageer", "reply", "report abuse", "report comme", "report this ", "responder", "rispondi", "rÉpondre", "répondre", "see ", "show ", "start the co", "start the di", "view "],
    &["also read", "articoli cor", "auch interes", "continue rea", "das kÖnnte ", "das könnte ", "don't miss", "dont miss", "further read", "gerelateerde", "keep reading", "latest artic", "latest news", "latest posts", "latest stori", "lee tambiÉn", "lee también", "lees ook", "leggi anche", "leia tambÉm", "leia também", "les plus lus", "lesen sie au", "lire aussi", "meer nieuws", "mehr zum the", "meistgelesen", "more about", "more article", "more from", "more in", "more like th", "more news", "more on", "more stories", "more to expl", "most popular", "most read", "most shared", "most viewed", "noticias rel", "notÍcias re", "notícias re", "popular", "potrebbe int", "read also", "read more", "read next", "recommended", "related", "see also", "sur le mÊme", "sur le même", "te puede int", "top stories", "trending", "up next", "veja tambÉm", "veja também", "weitere arti", "weitere beit", "weitere nach", "what to read", "you may also", "you may be i", "you may enjo", "you may like", "you might al", "you might be", "you might en", "you might li", "À lire auss", "à lire auss"],
    &["beitragsnavi", "czytaj dalej", "czytaj rÓwn", "czytaj równ", "czytaj takŻ", "czytaj takż", "czytaj teŻ", "czytaj też", "czytaj wiĘc", "czytaj więc", "die redaktio", "editor choic", "editor picks", "editor' choi", "editor' pick", "editor'' cho", "editor'' pic", "editor's cho", "editor's pic", "editor's' ch", "editor's' pi", "editor'’ c", "editor'’ p", "editor'’' ", "editor'’s ", "editor'’s'", "editors choi", "editors pick", "editors' cho", "editors' pic", "editors'' ch", "editors'' pi", "editors's ch", "editors's pi", "editors's' c", "editors's' p", "editors'’ ", "editors'’'", "editors'’s", "editorss cho", "editorss pic", "editorss' ch", "editorss' pi", "editors’ c", "editors’ p", "editors’' ", "editors’s ", "editors’s'", "editor’ ch", "editor’ pi", "editor’' c", "editor’' p", "editor’s c", "editor’s p", "editor’s' ", "empfehlungen", "les mer", "les ogsÅ", "les også", "les ogsÅ", "lÄs mer", "lÄs ocksÅ", "lÄs också", "lÄs ocksÅ", "lÆs mere", "lÆs ogsÅ", "lÆs også", "lÆs ogsÅ", "läs mer", "läs ocksÅ", "läs också", "läs ocksÅ", "læs mere", "læs ogsÅ", "læs også", "læs ogsÅ", "najczĘŚcie", "najczĘście", "najczęŚcie", "najczęście", "najnowsze", "next article", "next post", "next story", "nÄchster ar", "nÄchster be", "nächster ar", "nächster be", "polecane", "post navigat", "powiĄzane", "powiązane", "previous art", "previous pos", "previous sto", "vorheriger a", "vorheriger b", "zobacz rÓwn", "zobacz równ", "zobacz takŻ", "zobacz takż", "zobacz teŻ", "zobacz też"],
    &["argomenti", "categories", "category", "etiquetas", "filed under", "mots-clÉs", "mots-clés", "posted in", "schlagwÖrte", "schlagwörte", "tag", "themen", "topic", "trefwoorden"],
    &["about the au", "about the wr", "about writer", "author bio", "meet the aut", "over de aute", "sobre el aut", "sobre o auto", "sull'autore", "À propos de", "Über den au", "Über die au", "à propos de", "über den au", "über die au"],
    &[],
    &[],
    &[],
    &["(c)", "copyright", "©"],
    &["accessibilit", "advertise", "agb", "aide", "aiuto", "aviso legal", "ayuda", "careers", "datenschutz", "faq", "help", "hilfe", "informativa ", "jobs", "mentions lÉ", "mentions lé", "nutzungsbedi", "politique de", "polÍtica de", "política de", "privacy", "rss", "site map", "sitemap", "terms"],
    &["back to top", "haut de page", "naar boven", "nach oben", "torna su", "voltar ao to", "volver arrib"],
    &["[ins::ins]", "ad", "annonce", "annons", "anzeige", "article cont", "continue rea", "mainos", "paid content", "paid post", "promoted", "pubblicitÀ", "pubblicità", "publicidad", "publicitÉ", "publicité", "reklama", "scroll to co", "sponsored", "story contin", "werbung"],
    &[],
    &["afp", "ap photo", "bild", "credit", "crÉdit", "crédit", "foto", "getty images", "illustration", "image", "photo", "picture", "quelle", "reuters", "shutterstock", "source"],
    &[],
    &[],
    &[],
    &["actualizado", "aggiornato", "aktualisiert", "atualizado", "bijgewerkt", "first publis", "gepubliceerd", "last updated", "mis À jour", "mis à jour", "modified", "posted", "pubblicato", "publicado", "publicerad", "published", "publiÉ", "publié", "stand", "updated", "uppdaterad", "verÖffentli", "veröffentli"],
    &[],
];
/// See [`PHRASE_PREFIXES`]: for each phrase, literals anywhere in the text.
#[rustfmt::skip]
const PHRASE_LITERALS: &[&[&str]] = &[
    &["logo"],
    &[],
    &["["],
    &["carrello", "carrinho", "carrito", "my bookmarks", "panier", "saved articl", "shopping bag", "shopping bas", "shopping car", "warenkorb", "winkelwagen", "wish list", "wishlist"],
    &[],
    &["abonnez", "abonnieren", "assine", "e-mail addre", "email addres", "enter your e", "get our best", "get our late", "get the best", "get the late", "inschrijven", "iscriviti", "newsletter", "sign up for", "subscribe fo", "subscribe no", "subscribe to", "suscrib", "suscrÍb", "suscríb", "unsubscribe ", "we don't spa", "we dont spam", "we never spa", "we won't spa", "we wont spam", "your inbox"],
    &[],
    &["/", ">", "»", "›"],
    &["aufrufe", "comentarios", "comentÁrios", "comentários", "comment", "kommentare", "lesezeit", "like", "reacties", "read", "share", "temps de lec", "tiempo de le", "view", "visitas", "visualizaÇ", "visualizaç", "visualizzazi", "vues"],
    &[],
    &["copy link", "copy the lin", "send via", "share by e-m", "share by ema", "share via e-", "share via em", "sharing opti"],
    &["(opens in a ", "(opens in ne"],
    &[],
    &[],
    &["add a commen", "akismet", "be the first", "cancel reply", "comment", "leave a comm", "leave a repl", "log in to co", "post a comme", "required fie", "write a comm", "your email a"],
    &[],
    &[],
    &[],
    &[],
    &["author", "autor", "columnist", "contributor", "corresponden", "editor", "freelance", "giornalista", "jornalista", "journalist", "periodista", "redacteur", "redakteur", "reporter", "rÉdacteur", "rÉdactrice", "rédacteur", "rédactrice", "verslaggever", "writer"],
    &["accept all c", "accept cooki", "cookie", "gebruikt coo", "utilise des ", "utiliza cook", "utilizza coo", "utilizza i c", "verwendet co"],
    &["noi e i nost", "nosotros y n", "nous et nos ", "nÓs e os no", "nós e os no", "we and our ", "wij en onze ", "wir und unse"],
    &["all rights r", "alle rechte ", "alle rechten", "todos los de", "todos os dir", "tous droits ", "tutti i diri"],
    &[],
    &[],
    &[],
    &["affiliate li", "at no additi", "at no extra ", "by clicking", "by signing u", "by submittin", "by subscribi", "earn a affil", "earn a commi", "earn a compe", "earn a small", "earn affilia", "earn an affi", "earn an comm", "earn an comp", "earn an smal", "earn commiss", "earn compens", "earn small a", "earn small c", "enlace de af", "enlaces de a", "i agree that", "i agree to", "lien affili", "liens affili", "make a affil", "make a commi", "make a compe", "make a small", "make affilia", "make an affi", "make an comm", "make an comp", "make an smal", "make commiss", "make compens", "make small a", "make small c", "partnerlink", "provision-li", "provisionen-", "provisionenl", "provisionlin", "receive a af", "receive a co", "receive a sm", "receive affi", "receive an a", "receive an c", "receive an s", "receive comm", "receive comp", "receive smal", "you agree to"],
    &[],
    &["' profile im", "' profile ph", "' profile pi", "'s profile i", "'s profile p", "avatar", "headshot of ", "image of aut", "image of the", "open this ph", "photo of aut", "photo of the", "picture of a", "picture of t", "’ profile ", "’s profile"],
    &["©"],
    &["afp", "bild", "credit", "file", "foto", "getty", "image", "photo", "picture", "reuters", "shutterstock"],
    &[],
    &[],
];

/// Letters that `(?i)` matches with an ASCII one ('ſ' with 's', the Kelvin
/// sign with 'k') and the literals' ASCII case does not: a text holding
/// one is tried against every phrase.
const FOLDED_TO_ASCII: [&str; 2] = ["ſ", "\u{212A}"];

/// Which phrases a block may match: its first bytes against the phrases'
/// prefixes, and one pass of an Aho-Corasick automaton over the phrases'
/// literals. Most blocks have few candidates, so most phrase matchers are
/// never run (their calls were a quarter of the plain-text run).
struct PhraseGate {
    /// The prefixes of one byte, by that byte (lower-cased): their
    /// phrases (bits, by index).
    short_prefixes: [u64; 256],
    /// The longer prefixes by their first two bytes (lower-cased), with
    /// their phrases.
    prefixes: FxHashMap<[u8; 2], Vec<(&'static [u8], u64)>>,
    literals: Vec<&'static str>,
    /// The literals' automaton for the first blocks: quick to build (a
    /// one-file run needs no more).
    nfa: contiguous::NFA,
    /// Bytes searched so far, and the faster automaton built once they
    /// pass [`DFA_AFTER`] (as [`Matcher`] does).
    scanned: AtomicUsize,
    dfa: OnceLock<dfa::DFA>,
    /// The phrases of each literal.
    phrases: Vec<u64>,
    /// The phrases with neither prefixes nor literals.
    always: u64,
}

const _: () =
    assert!(PHRASES.len() <= 64 && PHRASE_PREFIXES.len() == PHRASES.len() && PHRASE_LITERALS.len() == PHRASES.len());

static GATE: LazyLock<PhraseGate> = LazyLock::new(|| {
    let mut short_prefixes = [0u64; 256];
    let mut prefixes: FxHashMap<[u8; 2], Vec<(&'static [u8], u64)>> = FxHashMap::default();
    let mut index: FxHashMap<&str, usize> = FxHashMap::default();
    let (mut literals, mut phrases, mut always) = (Vec::new(), Vec::new(), 0u64);
    let mut add = |literal: &'static str, bits: u64| {
        let i = *index.entry(literal).or_insert_with(|| {
            literals.push(literal);
            phrases.push(0);
            literals.len() - 1
        });
        phrases[i] |= bits;
    };
    for (k, (starts, lits)) in PHRASE_PREFIXES.iter().zip(PHRASE_LITERALS).enumerate() {
        if starts.is_empty() && lits.is_empty() {
            always |= 1 << k;
        }
        for start in starts.iter().map(|s| s.as_bytes()) {
            let bucket = match start {
                [] => {
                    always |= 1 << k;
                    continue;
                }
                [one] => {
                    short_prefixes[usize::from(one.to_ascii_lowercase())] |= 1 << k;
                    continue;
                }
                [a, b, ..] => prefixes
                    .entry([a.to_ascii_lowercase(), b.to_ascii_lowercase()])
                    .or_default(),
            };
            match bucket.iter_mut().find(|(s, _)| s.eq_ignore_ascii_case(start)) {
                Some((_, bits)) => *bits |= 1 << k,
                None => bucket.push((start, 1 << k)),
            }
        }
        for lit in lits.iter() {
            add(lit, 1 << k);
        }
    }
    for lit in FOLDED_TO_ASCII {
        add(lit, u64::MAX);
    }
    PhraseGate {
        short_prefixes,
        prefixes,
        nfa: contiguous::NFA::builder()
            .ascii_case_insensitive(true)
            .prefilter(false)
            .build(&literals)
            .expect("static phrase literals"),
        literals,
        scanned: AtomicUsize::new(0),
        dfa: OnceLock::new(),
        phrases,
        always,
    }
});

/// Bytes the gate searches with its NFA before it builds its DFA: the DFA
/// searches twice as fast but takes milliseconds to build.
const DFA_AFTER: usize = 256 * 1024;

fn literal_dfa(literals: &[&str]) -> dfa::DFA {
    dfa::DFA::builder()
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(literals)
        .expect("static phrase literals")
}

/// The phrases (`phrases`, by literal) of every literal of `aut` that
/// occurs in `text`, overlapping or not, as an overlapping search finds
/// them: one walk of the transitions, taking every pattern of each match
/// state. The search API's call per match and its state kept in memory
/// cost over twice as much per byte.
#[inline]
fn literal_bits(aut: &impl Automaton, phrases: &[u64], text: &[u8]) -> u64 {
    // An automaton without an unanchored start: every phrase may match.
    let Ok(mut sid) = aut.start_state(Anchored::No) else {
        return u64::MAX;
    };
    let mut bits = 0;
    for &b in text {
        sid = aut.next_state(Anchored::No, sid, b);
        if aut.is_special(sid) {
            if aut.is_dead(sid) {
                break;
            }
            for k in 0..aut.match_len(sid) {
                bits |= phrases
                    .get(aut.match_pattern(sid, k).as_usize())
                    .copied()
                    .unwrap_or(u64::MAX);
            }
        }
    }
    bits
}

impl PhraseGate {
    /// The phrases (bits, by index) that may match `text`.
    fn candidates(&self, text: &str) -> u64 {
        let mut bits = self.always;
        let bytes = text.as_bytes();
        if let Some(first) = bytes.first() {
            bits |= self.short_prefixes[usize::from(first.to_ascii_lowercase())];
        }
        if let [a, b, ..] = bytes
            && let Some(bucket) = self.prefixes.get(&[a.to_ascii_lowercase(), b.to_ascii_lowercase()])
        {
            for (start, phrases) in bucket {
                if bytes
                    .get(..start.len())
                    .is_some_and(|head| head.eq_ignore_ascii_case(start))
                {
                    bits |= phrases;
                }
            }
        }
        let warm = self.dfa.get().is_some() || self.scanned.fetch_add(text.len(), Ordering::Relaxed) >= DFA_AFTER;
        if warm {
            let dfa = self.dfa.get_or_init(|| literal_dfa(&self.literals));
            bits | literal_bits(dfa, &self.phrases, bytes)
        } else {
            bits | literal_bits(&self.nfa, &self.phrases, bytes)
        }
    }
}

/// `pattern` with every `\b` made an ASCII word boundary.
pub fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Reason code of the first chrome phrase that matches `text` (a block of
/// `words` words), if any.
pub fn chrome_reason(text: &str, words: usize) -> Option<&'static str> {
    let mut candidates = GATE.candidates(text) & !ruled_out(text);
    // The candidates in order, lowest bit first.
    while candidates != 0 {
        let k = candidates.trailing_zeros() as usize;
        candidates &= candidates - 1;
        if let (Some(p), Some(re)) = (PHRASES.get(k), PHRASE_REGEXES.get(k))
            && words <= p.max_words
            && re.is_match(text)
        {
            return Some(p.reason);
        }
    }
    is_comment_header(text, words).then_some("comments")
}

/// Phrases (bits) that cannot match `text` for a reason the literal gate
/// cannot see: cheap tests of what their patterns need, for the phrases
/// the gate let through most often in vain.
fn ruled_out(text: &str) -> u64 {
    let bytes = text.as_bytes();
    let mut out = 0;
    // `^[\W_]+$` (no literals: tried on every block) matches no text that
    // opens with an ASCII letter or digit (both are `\w`).
    if bytes.first().is_some_and(u8::is_ascii_alphanumeric) {
        out |= 1 << SEPARATOR;
    }
    // A parenthesised credit ends the text: `\)\s*$`.
    if !text.trim_end().ends_with(')') {
        out |= 1 << PAREN_CAPTION;
    }
    out
}

/// Whether two strings are equal, at compile time: the indices below
/// must name the phrases whose patterns [`ruled_out`] reads.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Index of the separator phrase in [`PHRASES`].
const SEPARATOR: usize = PHRASES.len() - 1;
const _: () = assert!(same(PHRASES[SEPARATOR].pattern, r"^[\W_]+$"));
/// Index of the phrase of parenthesised credits ("(AP Photo)").
const PAREN_CAPTION: usize = 30;
const _: () = assert!(same(
    PHRASES[PAREN_CAPTION].pattern,
    r"(?i)\([^()]*\b(photo|image|foto|picture|credit|bild|getty|reuters|afp|shutterstock|file)s?\b[^()]*\)\s*$"
));

/// A comment's header: its author and "says:" ("12. Jane Roe says:"), or
/// the thread's title ("14 thoughts on ..."). Kept apart from the phrase
/// list (its open word runs are slow to search) and tried only on short
/// lines that end with a colon or start with a count.
fn is_comment_header(text: &str, words: usize) -> bool {
    static HEADER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(\d+\.\s*)?\S+( \S+){0,3} (says|wrote|schreibt|a écrit|escribió|ha scritto|schreef|skriver):\s*$",
        )
        .expect("static regex")
    });
    // A thread's title quotes the article's (long) headline: "14 thoughts
    // on “...”", "One response to “...”".
    static THREAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(\d+|one) (thoughts?|responses?|replies|reply|comments?) (on|to)\s+[\x22“”„«‘'].+")
            .expect("static regex")
    });
    // A forum's post header: "by handle (12345) writes: on <date>" (its
    // author, a user number, the time), and a reply's title ("Re: ...").
    static POST: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(by|von|par|por|door|di|av)\s+\S+(\s+\S+){0,3}?(\s*\(\s*\d+\s*\))?\s+(says|writes|wrote|schreibt|écrit|escribe|scrive|schrijft|skriver)\s*:(\s+.*\d.*)?$|^re:(\s|$)")
            .expect("static regex")
    });
    let text = text.trim();
    if words <= 40 && text.starts_with(|c: char| c.is_ascii_digit() || c == 'O' || c == 'o') && THREAD.is_match(text) {
        return true;
    }
    if words > 20 {
        return false;
    }
    (words <= 12 && (text.ends_with(':') || text.starts_with(|c: char| c.is_ascii_digit())) && HEADER.is_match(text))
        || text.contains(':') && POST.is_match(text) && (words <= 12 || !text.starts_with(['R', 'r']))
}

/// A caption of any length: the block ends with a photo credit, labelled
/// ("... at dusk. Photograph: Jane Roe/Agency", "Credit: Jane Roe") or in
/// parentheses ("... on Monday. (AP Photo/Jane Roe, File)", "(Bild: Jane
/// Roe)", "(ITV via AP)"). Captions of news photos often run past the word
/// limit of the phrase list.
pub fn ends_with_photo_credit(text: &str) -> bool {
    static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&ascii_boundaries(
            r"(?i)^\([^()]*(\b(photos?|images?|fotos?|bild|pictures?|credits?|getty|shutterstock)\b|\w \bvia (?-i:\p{Lu}))[^()]*\)$",
        ))
        .expect("static regex")
    });
    let text = text.trim_end();
    // Credits sit at the very end: look at the last 160 characters only.
    let tail = &text[last_chars_start(text, 160)..];
    // What each pattern needs, tested first: a labelled credit a ':' or
    // '©' with at most six words after it, an unlabelled one a picture
    // word with at most nine ([`near_the_end`]). Most blocks then skip
    // both regexes (each search cost thousands of instructions), and a
    // short run never compiles them.
    if credit_at_end(tail) {
        return true;
    }
    let Some(open) = text.strip_suffix(')').and_then(|t| t.rfind('(')) else {
        return false;
    };
    // A credit is short; a longer aside that mentions a photo is prose.
    let credit = &text[open..];
    credit.split_whitespace().count() <= 6 && CREDIT.is_match(credit)
}

/// `LABELLED.is_match(tail) || TRAILING.is_match(tail)`, the regexes
/// searched only when the cheap tests of what they need pass.
fn credit_at_end(tail: &str) -> bool {
    if !may_end_with_credit(tail) {
        return false;
    }
    // Both patterns end with their label or picture word among the last
    // few words: only those are looked at.
    let mut spans = [(0, 0); TRAILING_WORDS];
    let n = last_words(tail, &mut spans);
    let words: [&str; TRAILING_WORDS] = std::array::from_fn(|k| &tail[spans[k].0..spans[k].1]);
    let last = &tail[spans
        .get(CREDIT_WORDS - 1)
        .filter(|_| n >= CREDIT_WORDS)
        .map_or(0, |s| s.0)..];
    (after_last_label(last).is_some_and(|rest| near_the_end(rest, LABELLED_WORDS))
        && names_a_label(last)
        && LABELLED.is_match(tail))
        || (may_be_unlabelled_credit(&words[..n]) && TRAILING.is_match(tail))
}

/// What either credit pattern needs somewhere in `tail`, told in one
/// pass over its bytes before any word is split: [`LABELLED`] a ':' or a
/// '©' (its byte A9, which other chars hold too: then it just passes),
/// [`TRAILING`] a picture word, whose first three letters are "pic",
/// "pho", "fot" or "ima" in any ASCII case (the non-ASCII letters that
/// `(?i)` folds to ASCII, 'ſ' and the Kelvin sign, are not among them).
/// Most blocks have neither.
fn may_end_with_credit(tail: &str) -> bool {
    let b = tail.as_bytes();
    if memchr::memchr2(b':', 0xA9, b).is_some() {
        return true;
    }
    // `| 0x20` lower-cases ASCII letters and maps no other byte to one.
    b.windows(3).any(|w| {
        matches!(w[0] | 0x20, b'p' | b'f' | b'i')
            && matches!(
                [w[0] | 0x20, w[1] | 0x20, w[2] | 0x20],
                [b'p', b'i', b'c'] | [b'p', b'h', b'o'] | [b'f', b'o', b't'] | [b'i', b'm', b'a']
            )
    })
}

/// A labelled credit at the end: "... Photograph: Jane Roe/Agency". (The
/// words after the label are `\S+(\s+\S+){0,5}\s*`, not the equal but
/// ambiguous `(\S+\s*){1,6}`, whose reverse lazy DFA kept building
/// states at thousands of instructions each.)
static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&ascii_boundaries(
        r"(?i)\b(photo|photograph|credit|image|picture|foto|bild|crédit)s?( credit)?\s*[:©]\s*\S+(\s+\S+){0,5}\s*$",
    ))
    .expect("static regex")
});
// Unlabelled credits after a dash or a sentence: "... on Monday. —
// Agency pic", "... in 2024. Photo by Jane Roe on Example".
static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&ascii_boundaries(
        r"(?i)\s[—–]{1,2}\s*((?-i:\p{Lu})\S*\s+){0,2}(pics?|photos?|pictures?|fotos?)(\s+(by|from|courtesy of|via)\s+\S+(\s+\S+){0,4}\s*)?$|[.!?]\s+(photos?|pictures?|images?|fotos?)\s+(by|from|courtesy of|via)\s+\S+(\s+\S+){0,5}\s*$",
    ))
    .expect("static regex")
});

/// Where the text's last `n + 1` chars start (0 if it has no more):
/// `text.char_indices().rev().nth(n)`, counted on the bytes (a char
/// starts at each byte that is not a UTF-8 continuation byte).
fn last_chars_start(text: &str, n: usize) -> usize {
    let bytes = text.as_bytes();
    if bytes.len() <= n {
        return 0;
    }
    // An ASCII end: a char per byte.
    let ascii_from = bytes.len() - n - 1;
    if bytes[ascii_from..].is_ascii() {
        return ascii_from;
    }
    let mut starts = 0;
    for i in (0..bytes.len()).rev() {
        if bytes[i] & 0xC0 != 0x80 {
            if starts == n {
                return i;
            }
            starts += 1;
        }
    }
    0
}

/// Words (runs of non-space) the labelled-credit pattern allows after its
/// ':' or '©': `\S+(\s+\S+){0,5}\s*$`.
const LABELLED_WORDS: usize = 6;

/// Words from the label of a labelled credit to the end, at most: the
/// label, " credit", a ':' apart and six words.
const CREDIT_WORDS: usize = 9;

/// Words (runs of non-space) the unlabelled-credit pattern's match spans
/// at most: a dash, two capitalised words, the picture word, "courtesy
/// of" and five words; or a sentence's last word, the picture word,
/// "courtesy of" and six words.
const TRAILING_WORDS: usize = 11;

/// Fills `spans` with where the last words (runs of non-space, as `\S+`)
/// of `text` start and end, the last first, as many as fit; returns how
/// many there are.
fn last_words(text: &str, spans: &mut [(usize, usize)]) -> usize {
    let bytes = text.as_bytes();
    let (mut n, mut end) = (0, None);
    let mut i = bytes.len();
    // Char by char from the end: ASCII ones told by their byte, others
    // decoded from their first byte.
    while let Some(&last) = i.checked_sub(1).and_then(|j| bytes.get(j)) {
        let (start, space) = if last < 0x80 {
            let space = matches!(last, b'\t'..=b'\r' | b' ');
            let mut start = i - 1;
            if !space {
                // The rest of an ASCII word at once.
                while start > 0 && bytes[start - 1] < 0x80 && !matches!(bytes[start - 1], b'\t'..=b'\r' | b' ') {
                    start -= 1;
                }
            }
            (start, space)
        } else {
            let mut start = i - 1;
            while start > 0 && bytes[start] & 0xC0 == 0x80 {
                start -= 1;
            }
            let c = text.get(start..i).and_then(|c| c.chars().next());
            (start, c.is_some_and(char::is_whitespace))
        };
        if !space {
            end.get_or_insert(i);
        } else if let Some(e) = end.take() {
            spans[n] = (i, e);
            n += 1;
            if n == spans.len() {
                return n;
            }
        }
        i = start;
    }
    if let Some(e) = end {
        spans[n] = (0, e);
        n += 1;
    }
    n
}

/// Whether the last `words` (the last first) may end with an unlabelled
/// credit: a picture word after a dash, maybe two capitalised words
/// between ("— Agency pic"), or after a sentence, followed by "by",
/// "from", "courtesy of" or "via" and a name (". Photo by Jane Roe").
fn may_be_unlabelled_credit(words: &[&str]) -> bool {
    const DASHES: [char; 2] = ['—', '–'];
    const AFTER: &[&str] = &["by", "from", "courtesy", "via"];
    words.iter().enumerate().any(|(k, &w)| {
        // Most words fail on their first letter or length: no picture word.
        let bare = if w.as_bytes().first() == Some(&0xE2) {
            w.trim_start_matches(DASHES)
        } else {
            w
        };
        if !(3..=9).contains(&bare.len())
            || !matches!(bare.as_bytes().first(), Some(b'p' | b'P' | b'f' | b'F' | b'i' | b'I'))
        {
            return false;
        }
        let by = |min: usize, max: usize| (min..=max).contains(&k) && one_of(words[k - 1], AFTER);
        let after_dash = (k == 0 || by(2, 7))
            && one_of(
                w.trim_start_matches(DASHES),
                &["pic", "pics", "photo", "photos", "picture", "pictures", "foto", "fotos"],
            )
            && words[k..].iter().take(4).any(|d| d.starts_with(DASHES));
        let after_sentence = by(2, 8)
            && one_of(
                w,
                &[
                    "photo", "photos", "picture", "pictures", "image", "images", "foto", "fotos",
                ],
            )
            && words.get(k + 1).is_some_and(|p| p.ends_with(['.', '!', '?']));
        after_dash || after_sentence
    })
}

/// Whether `w` is one of `words` (ASCII, lower case) as `(?i)` matches
/// them: ASCII case aside, and 'ſ' for 's' (the Kelvin sign for 'k' too,
/// but no word has a 'k').
fn one_of(w: &str, words: &[&str]) -> bool {
    words.iter().any(|word| {
        let mut chars = w.chars();
        word.bytes().all(|b| {
            chars
                .next()
                .is_some_and(|c| c.to_ascii_lowercase() == char::from(b) || (b == b's' && c == 'ſ'))
        }) && chars.next().is_none()
    })
}

/// The text after the last ':' or '©' of `text`, if it has one. A match of
/// the labelled-credit pattern ends with at most [`LABELLED_WORDS`] words
/// after its mark, so after the last mark too.
fn after_last_label(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    let mut end = bytes.len();
    // '©' is C2 A9; A9 alone continues other chars ('é' is C3 A9).
    while let Some(i) = memchr::memrchr2(b':', 0xA9, &bytes[..end]) {
        if bytes[i] == b':' || (i > 0 && bytes[i - 1] == 0xC2) {
            return text.get(i + 1..);
        }
        end = i;
    }
    None
}

/// Whether `text` has at most `n` words (runs of non-space, as `\S+`).
fn near_the_end(text: &str, n: usize) -> bool {
    text.split_whitespace().nth(n).is_none()
}

/// Whether `text` holds one of `words` (lower case) with its ASCII
/// letters in any case. ASCII letters' only non-ASCII case partners are
/// those of 'k' and 's', which the words do not start with, and `pick`
/// tells the bytes (lower-cased) that may start one.
fn holds_any(text: &str, words: &[&[u8]], pick: impl Fn([u8; 2]) -> bool) -> bool {
    let b = text.as_bytes();
    b.windows(2).enumerate().any(|(i, pair)| {
        let head = [pair[0] | 0x20, pair[1] | 0x20];
        pick(head)
            && words
                .iter()
                .any(|w| b.get(i..i + w.len()).is_some_and(|t| t.eq_ignore_ascii_case(w)))
    })
}

/// Whether `text` has a word the labelled-credit pattern's label starts
/// with, in any case ('é' or 'É' in "crédit").
fn names_a_label(text: &str) -> bool {
    const WORDS: &[&[u8]] = &[
        b"photo",
        b"credit",
        b"cr\xc3\xa9dit",
        b"cr\xc3\x89dit",
        b"image",
        b"picture",
        b"foto",
        b"bild",
    ];
    holds_any(text, WORDS, |head| {
        matches!(
            head,
            [b'p', b'i' | b'h'] | [b'c', b'r'] | [b'i', b'm'] | [b'f', b'o'] | [b'b', b'i']
        )
    })
}

/// Reasons that end an article when they appear after it: the page has
/// moved on to other content.
pub fn is_section_end(reason: &str) -> bool {
    matches!(
        reason,
        "related" | "comments" | "newsletter" | "author" | "tags" | "footer" | "cookies"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn last_chars_are_counted_on_bytes() {
        for text in ["", "a", "abc", "Ünïcödé — “quoted” text", "東京都の港は月曜日に", "x━y"] {
            for n in 0..12 {
                let chars = text.char_indices().rev().nth(n).map_or(0, |(i, _)| i);
                assert_eq!(last_chars_start(text, n), chars, "{text:?} {n}");
            }
        }
    }

    #[test]
    fn picture_words_gate_the_unlabelled_credit_pattern() {
        let last_first = |t: &'static str| t.split_whitespace().rev().collect::<Vec<_>>();
        for yes in [
            "at dusk. PHOTOS by Jane Roe",
            "— Agency pic",
            "— Pictures courteſy of Jane",
            "the pier. —pic",
            "x — Harbour Agency PHOTOS via Jane Roe",
        ] {
            assert!(may_be_unlabelled_credit(&last_first(yes)), "{yes}");
        }
        for no in [
            "The bridge reopened on Monday.",
            "at dusk: Photos by Jane Roe",
            "Agency pic",
            "— Agency pic by",
            "— A B C pic",
            "at dusk. Photos of Jane Roe",
            "",
        ] {
            assert!(!may_be_unlabelled_credit(&last_first(no)), "{no}");
        }
        for yes in [
            "Photograph: x",
            "CRÉDIT: x",
            "Crédit : x",
            "(Bild: x)",
            "Image credit ©",
        ] {
            assert!(names_a_label(yes), "{yes}");
        }
        for no in ["Credo: x", "crèdit", "The bridge reopened on Monday:", "bi"] {
            assert!(!names_a_label(no), "{no}");
        }
        assert_eq!(after_last_label("Photo: Jane: Roe"), Some(" Roe"));
        assert_eq!(after_last_label("Photo © Jane Roe"), Some(" Jane Roe"));
        assert_eq!(after_last_label("Café Roe"), None);
        assert_eq!(after_last_label("©"), Some(""));
        assert!(near_the_end(" a b c d e f ", 6) && !near_the_end("a b c d e f g", 6));
        let mut spans = [(0, 0); 2];
        assert_eq!(last_words(" one two  three ", &mut spans), 2);
        assert_eq!(spans, [(10, 15), (5, 8)]);
        assert_eq!(last_words("one\u{a0}two", &mut spans), 2);
        assert_eq!(spans, [(5, 8), (0, 3)]);
        assert_eq!(last_words("  ", &mut spans), 0);
        assert!(ends_with_photo_credit(
            "Cars queue at the crossing at dawn. — Agency pic"
        ));
        assert!(!ends_with_photo_credit("Cars queue at the crossing at dawn. — Agency"));
    }

    /// The gates of [`credit_at_end`] never skip a text its regexes match.
    #[test]
    fn credit_gates_agree_with_the_regexes() {
        const PARTS: &[&str] = &[
            "Photo",
            "photos",
            "PHOTOGRAPH",
            "Credit",
            "crédit",
            "CRÉDITS",
            "image",
            "Pics",
            "foto",
            "Bild",
            "by",
            "from",
            "courtesy",
            "of",
            "via",
            "Jane",
            "Roe",
            "the",
            "harbour",
            ":",
            "©",
            "—",
            "–",
            "-",
            ".",
            "!",
            "Café",
            "ſ",
            "\u{a0}",
            "x:",
            "©y",
            "pic.",
            "(AP",
            "Photo/Jane)",
            "\n",
            "Agency",
            "—pic",
            "——",
            "courteſy",
            "photoſ",
            "PICS",
            "Images",
            "pictures",
            "?",
            "day.",
            "Mr.",
            "via",
            "by",
            "By",
        ];
        let mut rng = crate::testgen::Rng::new(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        // The patterns as first written, with ambiguous word repeats: the
        // rewritten ones must give the same answers.
        let labelled = Regex::new(&ascii_boundaries(
            r"(?i)\b(photo|photograph|credit|image|picture|foto|bild|crédit)s?( credit)?\s*[:©]\s*(\S+\s*){1,6}$",
        ))
        .unwrap();
        let trailing = Regex::new(&ascii_boundaries(
            r"(?i)\s[—–]{1,2}\s*((?-i:\p{Lu})\S*\s+){0,2}(pics?|photos?|pictures?|fotos?)(\s+(by|from|courtesy of|via)\s+(\S+\s*){1,5})?$|[.!?]\s+(photos?|pictures?|images?|fotos?)\s+(by|from|courtesy of|via)\s+(\S+\s*){1,6}$",
        ))
        .unwrap();
        let (mut hits, mut trailing_hits, mut total, mut gated) = (0, 0, 0, 0);
        for _ in 0..40_000 {
            let mut text = String::new();
            for _ in 0..1 + next(16) {
                if !text.is_empty() && next(5) != 0 {
                    text.push(' ');
                }
                text.push_str(PARTS[next(PARTS.len())]);
            }
            let expected = LABELLED.is_match(&text) || TRAILING.is_match(&text);
            assert_eq!(credit_at_end(&text), expected, "{text:?}");
            assert_eq!(
                (LABELLED.is_match(&text), TRAILING.is_match(&text)),
                (labelled.is_match(&text), trailing.is_match(&text)),
                "{text:?}"
            );
            hits += usize::from(expected);
            gated += usize::from(!may_end_with_credit(&text));
            trailing_hits += usize::from(TRAILING.is_match(&text));
            total += 1;
        }
        // The samples test both answers, of both patterns.
        assert!(hits > 100 && hits < total - 100, "{hits} of {total}");
        assert!(trailing_hits > 50, "{trailing_hits} of {total}");
        assert!(gated > 1000, "{gated} of {total} stopped at the first gate");
    }

    #[test]
    fn the_stop_table_holds_the_stop_words_and_no_other() {
        let set: std::collections::HashSet<&str> = STOP_WORDS.iter().copied().collect();
        for w in STOP_WORDS {
            assert!(is_stop_word(w), "{w}");
        }
        // Every word of up to three letters.
        let letters = "abcdefghijklmnopqrstuvwxyzéäöüßę";
        let (mut words, mut all) = (vec![String::new()], Vec::new());
        for _ in 0..3 {
            words = words
                .iter()
                .flat_map(|w| letters.chars().map(move |c| format!("{w}{c}")))
                .collect();
            all.extend(words.iter().cloned());
        }
        for w in &all {
            assert_eq!(is_stop_word(w), set.contains(w.as_str()), "{w:?}");
        }
        assert!(!is_packed_stop_word(0) && !is_stop_word("") && !is_stop_word("thesaurus"));
    }

    /// [`ruled_out`] never rules out a phrase that matches.
    #[test]
    fn ruled_out_phrases_do_not_match() {
        const PARTS: &[&str] = &[
            "Home", "News", "/", ">", "»", "›", ".", "!", "?", "(", ")", "(AP", "Photo)", "━━", "—", "_", "x",
            "\u{a0}", " ", "2024", "é", "…", "\t",
        ];
        let mut rng = crate::testgen::Rng::new(0x9e37_79b9_7f4a_7c15);
        let mut next = |n: usize| rng.below(n);
        let mut seen = [[0usize; 2]; 2];
        for _ in 0..20_000 {
            let text: String = (0..1 + next(10))
                .map(|_| PARTS[next(PARTS.len())])
                .collect::<Vec<_>>()
                .join(" ");
            let text = if next(3) == 0 { text.replace(' ', "") } else { text };
            let out = ruled_out(&text);
            for (n, k) in [SEPARATOR, PAREN_CAPTION].into_iter().enumerate() {
                let matches = PHRASE_REGEXES[k].is_match(&text);
                assert!(!(matches && out & (1 << k) != 0), "{k} {text:?}");
                seen[n][usize::from(matches)] += 1;
            }
        }
        assert!(seen.iter().all(|s| s[0] > 0 && s[1] > 0), "{seen:?}");
    }

    #[test]
    fn stop_words_cover_several_languages() {
        for w in ["the", "und", "les", "los", "della", "het", "não", "och"] {
            assert!(is_stop_word(w), "{w}");
        }
        assert!(!is_stop_word("harbour"));
    }

    #[test]
    fn phrases_give_reasons() {
        assert_eq!(chrome_reason("Share on Facebook", 3), Some("share"));
        assert_eq!(chrome_reason("Lesen Sie auch", 3), Some("related"));
        assert_eq!(
            chrome_reason("Sign up for our weekly newsletter", 6),
            Some("newsletter")
        );
        assert_eq!(chrome_reason("Home » Politics » Budget", 5), Some("breadcrumb"));
        assert_eq!(chrome_reason("1.2K views", 2), Some("counter"));
        assert_eq!(chrome_reason("Hits: 1,204", 2), Some("counter"));
        assert_eq!(chrome_reason("Visitors: 88", 2), Some("counter"));
        assert_eq!(chrome_reason("Hits: the season's best songs", 5), None);
        assert_eq!(
            chrome_reason("© 2024 Example Media. All rights reserved.", 6),
            Some("footer")
        );
        assert_eq!(chrome_reason("Anzeige", 1), Some("advert"));
        assert_eq!(chrome_reason("━━━━━━", 1), Some("separator"));
        assert_eq!(
            chrome_reason("This post contains affiliate links, we may earn a commission.", 10),
            Some("advert")
        );
    }

    #[test]
    fn consent_banners_and_affiliate_disclosures_of_any_length() {
        let banner = "We and our 42 partners keep and read identifiers on your device to measure \
                      audiences and pick adverts. You can change your mind at any time from the \
                      settings link at the foot of each page, where every purpose is listed with \
                      the firms that rely on it and the legal ground each one claims for it.";
        assert_eq!(chrome_reason(banner, 62), Some("cookies"));
        assert_eq!(
            chrome_reason("Wir und unsere Partner speichern Informationen auf Ihrem Gerät.", 9),
            Some("cookies")
        );
        assert_eq!(
            chrome_reason(
                "Readers fund this guide: when you buy through our links we may earn an affiliate commission.",
                16
            ),
            Some("advert")
        );
        // The same words in an article's own sentences are not a notice.
        assert_eq!(
            chrome_reason(
                "The mayor said we and our neighbours will rebuild the bridge by spring.",
                13
            ),
            None
        );
        assert_eq!(
            chrome_reason(
                "Agents earn an hourly wage rather than a bonus on each sale they close.",
                14
            ),
            None
        );
    }

    #[test]
    fn teaser_labels_share_bars_and_comment_links() {
        assert_eq!(chrome_reason("Die Redaktion empfiehlt", 3), Some("related"));
        assert_eq!(chrome_reason("Czytaj więcej", 2), Some("related"));
        assert_eq!(chrome_reason("Post navigation", 2), Some("related"));
        assert_eq!(chrome_reason("Previous post", 2), Some("related"));
        assert_eq!(chrome_reason("Editors' Picks", 2), Some("related"));
        assert_eq!(chrome_reason("Reklama", 1), Some("advert"));
        assert_eq!(
            chrome_reason("Click to share on Mastodon (Opens in new window) Mastodon", 9),
            Some("share")
        );
        assert_eq!(chrome_reason("View Comments", 2), Some("comments"));
        assert_eq!(chrome_reason("Show all 12 comments", 4), Some("comments"));
        assert_eq!(chrome_reason("Flag as Inappropriate", 3), Some("comments"));
        assert_eq!(chrome_reason("Report abuse", 2), Some("comments"));
        assert_eq!(chrome_reason("Report abuse to the police.", 5), None);
        // Prose that starts with the same words is not a label.
        assert_eq!(chrome_reason("Previous attempts to repair the pier failed.", 7), None);
        assert_eq!(chrome_reason("Click the map to see the route.", 7), None);
        assert_eq!(chrome_reason("View comments from residents were mixed.", 6), None);
    }

    #[test]
    fn long_captions_with_a_photo_credit() {
        let long = "Workers paint the railings of the old bridge over the river on a cold morning. ".repeat(6);
        assert!(ends_with_photo_credit(&format!("{long}(AP Photo/Jane Roe, File)")));
        assert!(ends_with_photo_credit(&format!("{long}(Harbour TV via AP)")));
        assert!(ends_with_photo_credit("Der Hafen am Montag. (Bild: Jane Roe)"));
        assert!(ends_with_photo_credit(&format!(
            "{long}Photograph: Jane Roe/Harbour Agency"
        )));
        assert!(ends_with_photo_credit("Workers on the old bridge Credit: Jane Roe"));
        assert!(!ends_with_photo_credit(
            "The council said the photo: a view of the harbour at dusk, was taken by a resident last year."
        ));
        assert!(!ends_with_photo_credit(&format!(
            "{long}(The council declined to comment.)"
        )));
        assert!(!ends_with_photo_credit("The ferry runs twice a day (via the old port)"));
        assert!(!ends_with_photo_credit(
            "The parcels are sent (mostly via the old port)"
        ));
        assert!(!ends_with_photo_credit("The harbour reopened on Monday."));
        assert!(ends_with_photo_credit(
            "Workers paint the railings of the old bridge on March 3, 2025. — Harbour Agency pic"
        ));
        assert!(ends_with_photo_credit(
            "The ferry leaves the old port at dusk. –– Pictures by Jane Roe"
        ));
        assert!(ends_with_photo_credit(
            "The ferry leaves the old port at dusk. Photo by Jane Roe on Example"
        ));
        assert!(!ends_with_photo_credit(
            "The council showed the plans to residents — and a photo"
        ));
        assert!(!ends_with_photo_credit("Readers sent us a photo by the harbour."));
        assert!(!ends_with_photo_credit("The old port - product photo"));
        assert!(!ends_with_photo_credit(
            "We kept the old guide. (This is a photo of the copy we own, so it looks a bit worn.)"
        ));
    }

    #[test]
    fn avatar_alt_text() {
        assert_eq!(chrome_reason("Photo of author", 3), Some("caption"));
        assert_eq!(chrome_reason("Jane Roe's avatar", 3), Some("caption"));
        assert_eq!(chrome_reason("Avatar photo", 2), Some("caption"));
        assert_eq!(chrome_reason("Open this photo in gallery:", 5), Some("caption"));
        assert_eq!(chrome_reason("The avatar of the old gods", 6), None);
        assert_eq!(chrome_reason("Photo of the harbour at dusk", 6), None);
    }

    #[test]
    fn author_bios() {
        let bio = "Jane Roe is a senior reporter covering transport and city politics.";
        assert_eq!(chrome_reason(bio, 11), Some("author"));
        let prose = "The mayor is a keen cyclist and rides to work every day.";
        assert_eq!(chrome_reason(prose, 12), None);
    }

    #[test]
    fn long_prose_is_not_chrome() {
        let text = "The council said the newsletter it sends to residents will now be printed on recycled paper, \
                    which it expects to save money over the coming years.";
        let words = text.split_whitespace().count();
        assert_eq!(chrome_reason(text, words), None);
        assert_eq!(chrome_reason("The minister spoke on Monday.", 5), None);
    }

    #[test]
    fn comment_headers() {
        assert_eq!(chrome_reason("12. Jane Roe says:", 4), Some("comments"));
        assert_eq!(chrome_reason("harbourfan88 wrote:", 2), Some("comments"));
        assert_eq!(
            chrome_reason("14 thoughts on “Storm closes harbour”", 6),
            Some("comments")
        );
        assert_eq!(chrome_reason("The harbour master says the piers are safe.", 8), None);
        let long = "21 thoughts on “Why the harbour bridge took two years longer to repair than the council had promised the town”";
        assert_eq!(chrome_reason(long, 19), Some("comments"));
        assert_eq!(
            chrome_reason("One response to “Storm closes harbour”", 6),
            Some("comments")
        );
        assert_eq!(
            chrome_reason("One response to the storm was to close the harbour.", 10),
            None
        );
        assert_eq!(chrome_reason("21 thoughts on the harbour", 5), None);
        assert_eq!(chrome_reason("The mayor said:", 3), None);
        // Forum posts: the author line with a user number and a time, and
        // the titles of replies.
        assert_eq!(
            chrome_reason(
                "by harbourfan ( 12345 ) writes: on Monday March 3, 2025 @10:15AM (#998877)",
                12
            ),
            Some("comments")
        );
        assert_eq!(chrome_reason("by harbourfan writes:", 3), Some("comments"));
        assert_eq!(
            chrome_reason("Re: The bridge is late again (Score:2)", 7),
            Some("comments")
        );
        assert_eq!(chrome_reason("Re:", 1), Some("comments"));
        assert_eq!(
            chrome_reason("By the harbour the mayor writes: we will rebuild.", 9),
            None
        );
        assert_eq!(chrome_reason("Repairs are late again", 4), None);
        assert_eq!(chrome_reason("By Jane Roe", 3), None);
    }

    #[test]
    fn follow_lines_with_a_name_and_handle() {
        assert_eq!(chrome_reason("Follow Jane Roe on Twitter @janeroe.", 6), Some("share"));
        assert_eq!(chrome_reason("\"Follow Max on Mastodon.\"", 4), Some("share"));
        assert_eq!(chrome_reason("Follow the river on foot to the old mill.", 9), None);
        assert_eq!(chrome_reason("Follow the river on foot.", 5), None);
    }
}

/// Derives [`PHRASE_LITERALS`] from the patterns and checks it: every
/// block a phrase matches must hold one of its literals.
#[cfg(test)]
mod phrase_literals {
    use super::*;
    use regex_syntax::hir::literal::{ExtractKind, Extractor};
    use regex_syntax::hir::{
        Class, ClassBytes, ClassBytesRange, ClassUnicode, ClassUnicodeRange, Dot, Hir, HirKind, Look,
    };

    /// Classes larger than this match "any character" here: no literal
    /// goes through them.
    const SMALL_CLASS: usize = 16;

    /// The case the gate ignores: ASCII letters, and the two non-ASCII
    /// letters that fold to ASCII ones (a block holding them is always
    /// tested, see [`FOLDED_TO_ASCII`]).
    fn fold(c: char) -> char {
        match c {
            'ſ' => 's',
            '\u{212A}' => 'k',
            c => c.to_ascii_lowercase(),
        }
    }

    /// `hir` with its case folded ([`fold`]): it matches the folded form
    /// of every text the original matches.
    fn folded(hir: &Hir) -> Hir {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => hir.clone(),
            HirKind::Literal(lit) => match std::str::from_utf8(&lit.0) {
                Ok(s) => Hir::literal(s.chars().map(fold).collect::<String>().into_bytes()),
                Err(_) => Hir::literal(lit.0.to_ascii_lowercase()),
            },
            HirKind::Class(Class::Unicode(cls)) => {
                let chars: Vec<char> = cls
                    .iter()
                    .flat_map(|r| r.start()..=r.end())
                    .take(SMALL_CLASS + 1)
                    .collect();
                if chars.len() > SMALL_CLASS {
                    return Hir::dot(Dot::AnyChar);
                }
                let ranges = chars.into_iter().map(|c| ClassUnicodeRange::new(fold(c), fold(c)));
                Hir::class(Class::Unicode(ClassUnicode::new(ranges)))
            }
            HirKind::Class(Class::Bytes(cls)) => {
                let bytes: Vec<u8> = cls
                    .iter()
                    .flat_map(|r| r.start()..=r.end())
                    .take(SMALL_CLASS + 1)
                    .collect();
                if bytes.len() > SMALL_CLASS {
                    return Hir::dot(Dot::AnyByte);
                }
                let ranges = bytes
                    .into_iter()
                    .map(|b| ClassBytesRange::new(b.to_ascii_lowercase(), b.to_ascii_lowercase()));
                Hir::class(Class::Bytes(ClassBytes::new(ranges)))
            }
            HirKind::Repetition(rep) => {
                let mut rep = rep.clone();
                rep.sub = Box::new(folded(&rep.sub));
                Hir::repetition(rep)
            }
            HirKind::Capture(cap) => {
                let mut cap = cap.clone();
                cap.sub = Box::new(folded(&cap.sub));
                Hir::capture(cap)
            }
            HirKind::Concat(subs) => Hir::concat(subs.iter().map(folded).collect()),
            HirKind::Alternation(subs) => Hir::alternation(subs.iter().map(folded).collect()),
        }
    }

    type Lits = Vec<Vec<u8>>;

    /// Literals one of which starts every match of `hir`, if finitely many.
    fn prefixes(hir: &Hir) -> Option<Lits> {
        let mut ex = Extractor::new();
        ex.kind(ExtractKind::Prefix)
            .limit_class(SMALL_CLASS)
            .limit_total(4096)
            .limit_literal_len(32);
        let seq = ex.extract(hir);
        let lits: Lits = seq.literals()?.iter().map(|l| l.as_bytes().to_vec()).collect();
        (!lits.iter().any(Vec::is_empty)).then_some(lits)
    }

    /// Better literals: longer (fewer false hits), then fewer.
    fn score(lits: &Lits) -> (usize, std::cmp::Reverse<usize>) {
        (
            lits.iter().map(Vec::len).min().unwrap_or(0),
            std::cmp::Reverse(lits.len()),
        )
    }

    /// Literals one of which every match of `hir` holds, if finitely many.
    fn required(hir: &Hir) -> Option<Lits> {
        let mut best = prefixes(hir);
        let mut consider = |cand: Option<Lits>| {
            if let Some(c) = cand
                && best.as_ref().is_none_or(|b| score(&c) > score(b))
            {
                best = Some(c);
            }
        };
        match hir.kind() {
            HirKind::Capture(cap) => consider(required(&cap.sub)),
            HirKind::Repetition(rep) if rep.min >= 1 => consider(required(&rep.sub)),
            HirKind::Alternation(subs) => {
                let each: Option<Vec<Lits>> = subs.iter().map(required).collect();
                consider(each.map(|e| e.concat()));
            }
            HirKind::Concat(subs) => {
                for k in 0..subs.len() {
                    consider(required(&subs[k]));
                    consider(prefixes(&Hir::concat(subs[k..].to_vec())));
                }
            }
            _ => {}
        }
        best
    }

    /// Bytes a literal of the table keeps: a shorter one still has to be in
    /// the block, and the table stays small.
    const KEEP: usize = 12;

    /// `lits` cut to [`KEEP`] bytes (whole characters), deduplicated,
    /// without those that another implies (holds, or starts with for
    /// `prefixes`).
    fn tidy(lits: Lits, prefixes: bool) -> Vec<String> {
        let mut out: Vec<String> = lits
            .iter()
            .map(|l| {
                let l = &l[..l.len().min(KEEP)];
                match std::str::from_utf8(l) {
                    Ok(s) => s.to_string(),
                    Err(e) => String::from_utf8_lossy(&l[..e.valid_up_to()]).into_owned(),
                }
            })
            .collect();
        out.sort();
        out.dedup();
        let all = out.clone();
        out.retain(|l| {
            !all.iter().any(|o| {
                o != l
                    && if prefixes {
                        l.starts_with(o.as_str())
                    } else {
                        l.contains(o.as_str())
                    }
            })
        });
        out
    }

    /// What every text phrase `p` matches holds: one of the first list at
    /// its start or one of the second anywhere. None if some branch of the
    /// pattern needs no literal.
    fn derive(p: &Phrase) -> Option<(Vec<String>, Vec<String>)> {
        let hir = regex_syntax::ParserBuilder::new()
            .build()
            .parse(&ascii_boundaries(p.pattern))
            .expect("static chrome phrase");
        let hir = folded(&hir);
        let branches = match hir.kind() {
            HirKind::Alternation(subs) => subs.clone(),
            _ => vec![hir],
        };
        let (mut starts, mut anywhere) = (Lits::new(), Lits::new());
        for branch in &branches {
            // A branch anchored at the text's start: its prefixes start it.
            let anchored = branch.properties().look_set_prefix().contains(Look::Start);
            match prefixes(branch).filter(|_| anchored) {
                Some(lits) => starts.extend(lits),
                None => anywhere.extend(required(branch)?),
            }
        }
        let (starts, anywhere) = (tidy(starts, true), tidy(anywhere, false));
        (!starts.iter().chain(&anywhere).any(String::is_empty)).then_some((starts, anywhere))
    }

    /// The tables as Rust source, for pasting over [`PHRASE_PREFIXES`] and
    /// [`PHRASE_LITERALS`].
    fn table_source() -> String {
        let mut out = String::new();
        for (name, second) in [("PHRASE_PREFIXES", false), ("PHRASE_LITERALS", true)] {
            out.push_str(&format!("const {name}: &[&[&str]] = &[\n"));
            for p in PHRASES {
                let (starts, anywhere) = derive(p).unwrap_or_default();
                let lits = if second { anywhere } else { starts };
                let quoted: Vec<String> = lits.iter().map(|l| format!("{l:?}")).collect();
                out.push_str(&format!("    &[{}],\n", quoted.join(", ")));
            }
            out.push_str("];\n");
        }
        out
    }

    /// Every literal a phrase requires at a text's start starts with one
    /// of its prefixes or holds one of its literals, every literal it
    /// requires anywhere holds one of its literals (then a block it
    /// matches holds one of its entries), and a phrase with a branch that
    /// requires no literal has none. On failure the derived tables are
    /// written to `target/phrase_literals.rs`.
    #[test]
    fn the_tables_hold_every_phrases_required_literals() {
        let mut wrong = Vec::new();
        for (k, p) in PHRASES.iter().enumerate() {
            let lower = |t: &[&str]| t.iter().map(|t| t.to_ascii_lowercase()).collect::<Vec<_>>();
            let (starts, anywhere) = (lower(PHRASE_PREFIXES[k]), lower(PHRASE_LITERALS[k]));
            let inside = |l: &String| anywhere.iter().any(|t| l.contains(t.as_str()));
            let covered = match derive(p) {
                _ if starts.is_empty() && anywhere.is_empty() => true,
                None => false,
                Some((s, a)) => {
                    s.iter()
                        .all(|l| starts.iter().any(|t| l.starts_with(t.as_str())) || inside(l))
                        && a.iter().all(inside)
                }
            };
            if !covered {
                wrong.push(k);
            }
        }
        if !wrong.is_empty() {
            let path = concat!(env!("CARGO_MANIFEST_DIR"), "/target/phrase_literals.rs");
            let _ = std::fs::write(path, table_source());
            panic!("phrases {wrong:?} need new literals: see {path}");
        }
    }

    #[test]
    fn the_gate_finds_the_phrases_a_block_may_match() {
        let bit = |k: usize| 1u64 << k;
        // The menu phrases of "Search"; none of a sentence without literals.
        let search = GATE.candidates("SEARCH");
        assert!(search & bit(1) != 0 && search & bit(2) != 0, "{search:b}");
        assert_eq!(GATE.candidates("The minister spoke on Monday."), GATE.always);
        // A long s or a Kelvin sign: every phrase.
        assert_eq!(GATE.candidates("ſubſcribe"), u64::MAX);
        assert_eq!(chrome_reason("Newsletter abonnieren", 2), Some("newsletter"));
        assert_eq!(chrome_reason("\u{212A}ontakt", 1), Some("menu"));
    }

    /// The gate's walk of the literal automata finds the phrases an
    /// overlapping search of the same literals finds, on texts pieced
    /// together from literals (overlapping, in any case), words and
    /// non-ASCII letters.
    #[test]
    fn the_literal_walk_equals_an_overlapping_search() {
        use aho_corasick::{AhoCorasick, AhoCorasickKind};
        let gate = &*GATE;
        let search = |kind| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .kind(Some(kind))
                .build(&gate.literals)
                .unwrap()
        };
        let (nfa, dfa) = (search(AhoCorasickKind::ContiguousNFA), search(AhoCorasickKind::DFA));
        let walk_dfa = literal_dfa(&gate.literals);
        let pieces: Vec<String> = gate
            .literals
            .iter()
            .flat_map(|l| {
                [
                    l.to_string(),
                    l.to_uppercase(),
                    l.chars().take(l.chars().count() / 2).collect(),
                ]
            })
            .chain(["the ", " ", "harbour", "É", "ſ", "x", "\u{212A}", "/", "»"].map(String::from))
            .collect();
        let mut rng = crate::testgen::Rng::new(5);
        let mut found = 0;
        for _ in 0..3000 {
            let text: String = (0..rng.below(8))
                .map(|_| pieces[rng.below(pieces.len())].as_str())
                .collect();
            let expected = nfa
                .find_overlapping_iter(&text)
                .fold(0, |bits, m| bits | gate.phrases[m.pattern().as_usize()]);
            let also = dfa
                .find_overlapping_iter(&text)
                .fold(0, |bits, m| bits | gate.phrases[m.pattern().as_usize()]);
            assert_eq!(also, expected, "{text:?}");
            assert_eq!(
                literal_bits(&gate.nfa, &gate.phrases, text.as_bytes()),
                expected,
                "{text:?}"
            );
            assert_eq!(
                literal_bits(&walk_dfa, &gate.phrases, text.as_bytes()),
                expected,
                "{text:?}"
            );
            found += usize::from(expected.count_ones() > 1);
        }
        assert!(found > 1000, "{found}");
    }
}
