//! General-language word lists: stop words (to tell prose from labels) and
//! chrome phrases (widgets every site has), in several languages.
//!
//! The lists are written by hand from general knowledge of each language and
//! of common web page widgets; they name no site and no page.

use crate::prebuilt::Matcher;
use regex::Regex;
use rustc_hash::FxHashSet;
use std::sync::LazyLock;

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

/// The stop words, each packed into a `u64` ([`pack_word`]): one multiply
/// to hash, no string compare.
static STOP_SET: LazyLock<FxHashSet<u64>> =
    LazyLock::new(|| STOP_WORDS.iter().filter_map(|w| pack_word(w.as_bytes())).collect());

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
pub fn is_packed_stop_word(packed: u64) -> bool {
    STOP_SET.contains(&packed)
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
        r"(?i)affiliate links?|(earn|receive|make) (a )?(small )?(commission|compensation)|at no (extra|additional) cost to you|by (submitting|signing up|subscribing|clicking)|\bi agree (to|that)\b|you agree to (our|the)|provision(en)?-?link|partnerlinks?|liens? affiliés?|enlaces? de afiliados?",
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

/// `pattern` with every `\b` made an ASCII word boundary.
pub fn ascii_boundaries(pattern: &str) -> String {
    pattern.replace(r"\b", r"(?-u:\b)")
}

/// Reason code of the first chrome phrase that matches `text` (a block of
/// `words` words), if any.
pub fn chrome_reason(text: &str, words: usize) -> Option<&'static str> {
    PHRASES
        .iter()
        .zip(PHRASE_REGEXES.iter())
        .find(|(p, re)| words <= p.max_words && re.is_match(text))
        .map(|(p, _)| p.reason)
        .or_else(|| is_comment_header(text, words).then_some("comments"))
}

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
    static LABELLED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&ascii_boundaries(
            r"(?i)\b(photo|photograph|credit|image|picture|foto|bild|crédit)s?( credit)?\s*[:©]\s*(\S+\s*){1,6}$",
        ))
        .expect("static regex")
    });
    // Unlabelled credits after a dash or a sentence: "... on Monday. —
    // Agency pic", "... in 2024. Photo by Jane Roe on Example".
    static TRAILING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&ascii_boundaries(
            r"(?i)\s[—–]{1,2}\s*((?-i:\p{Lu})\S*\s+){0,2}(pics?|photos?|pictures?|fotos?)(\s+(by|from|courtesy of|via)\s+(\S+\s*){1,5})?$|[.!?]\s+(photos?|pictures?|images?|fotos?)\s+(by|from|courtesy of|via)\s+(\S+\s*){1,6}$",
        ))
        .expect("static regex")
    });
    let text = text.trim_end();
    // Credits sit at the very end: look at the last 160 characters only.
    let tail = text.char_indices().rev().nth(160).map_or(text, |(i, _)| &text[i..]);
    // What each pattern needs, tested first: a labelled credit has a ':'
    // or '©', an unlabelled one a picture word (ASCII letters, whose only
    // non-ASCII case partners are those of 'k' and 's'). Most blocks then
    // skip both regexes, and a short run never compiles them.
    if (tail.contains([':', '©']) && LABELLED.is_match(tail)) || (names_a_picture(tail) && TRAILING.is_match(tail)) {
        return true;
    }
    let Some(open) = text.strip_suffix(')').and_then(|t| t.rfind('(')) else {
        return false;
    };
    // A credit is short; a longer aside that mentions a photo is prose.
    let credit = &text[open..];
    credit.split_whitespace().count() <= 6 && CREDIT.is_match(credit)
}

/// Whether `text` has "pic", "photo", "foto" or "image" in any case: every
/// branch of the unlabelled-credit pattern names one of them.
fn names_a_picture(text: &str) -> bool {
    text.as_bytes().windows(3).enumerate().any(|(i, w)| {
        let rest = &text.as_bytes()[i..];
        let starts = |word: &[u8]| rest.len() >= word.len() && rest[..word.len()].eq_ignore_ascii_case(word);
        matches!(w[0] | 0x20, b'p' | b'f' | b'i')
            && (starts(b"pic") || starts(b"photo") || starts(b"foto") || starts(b"image"))
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
    fn picture_words_gate_the_unlabelled_credit_pattern() {
        for yes in ["at dusk. PHOTOS by Jane Roe", "— Agency pic", "Fotos: x", "Images via"] {
            assert!(names_a_picture(yes), "{yes}");
        }
        for no in ["The bridge reopened on Monday.", "pi", "", "— Agency"] {
            assert!(!names_a_picture(no), "{no}");
        }
        assert!(ends_with_photo_credit(
            "Cars queue at the crossing at dawn. — Agency pic"
        ));
        assert!(!ends_with_photo_credit("Cars queue at the crossing at dawn. — Agency"));
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
