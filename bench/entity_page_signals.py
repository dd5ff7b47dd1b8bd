"""Which general signals separate clean from unclean entity pages (analysis, issue #10).

Reads the posts a build wrote (front matter + text), resolves the entities exactly as the
build does (registry mapping, :func:`resolve_corpus`, the page threshold), re-runs the
spaCy model on each article's text for the labels of each page's mentions, and writes one
TSV line of features per entity page.
``--report`` joins the verdicts of bench/entity_pages_*.tsv by URL and prints, per
feature, how many clean and unclean pages have it, and what each candidate rule (a
stricter page bar) would drop on each judged sample.

    .venv/bin/python bench/entity_page_signals.py CONTENT OUTPUT DATA_DIR --tsv f.tsv
    .venv/bin/python bench/entity_page_signals.py --tsv f.tsv --report

CONTENT, OUTPUT and DATA_DIR are a build's (the Wikinews build of docs/entities.md, with
PATH, OUTPUT_PATH and NEWS_DIGEST_DATA_DIR pointed outside the repository).

No product code reads this; it changes nothing.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(ROOT / "bench"))

from entity_pages import read_pages  # noqa: E402

from news_digest.enrich import cues, filters, gazetteer, ner  # noqa: E402
from news_digest.enrich.resolve import Known, resolve_corpus  # noqa: E402
from news_digest.site import taxonomy as tx  # noqa: E402
from news_digest.text import GROUP_TYPES  # noqa: E402

_FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*\n(.*)\Z", re.S)
SPACY_TYPE = {"PERSON": "person", "ORG": "organization", "GPE": "place", "LOC": "place",
              "FAC": "place", "NORP": "norp"}


AGENT_VERBS = ("said|says|told|announced|reported|stated|wrote|added|confirmed|claimed|"
               "released|published|spokesperson|spokesman|spokeswoman|chief|officials?|"
               "president|ceo|director")


def _name_confirms(etype: str, name: str) -> bool:
    """The name itself says its type: an organisation's body word ("… Party"), a place's
    feature word or a gazetteer/country entry, a person-shaped name."""
    last = name.split()[-1]
    if etype == "organization":
        return last in ner.ORG_SUFFIXES or " of " in name
    if etype == "place":
        return (last in ner.PLACE_SUFFIXES or gazetteer.is_place(name)
                or bool(filters.country_of(name)))
    return cues.person_like(name)


def _day(v):
    if isinstance(v, str):
        v = datetime.fromisoformat(v.strip())
    return v.date() if isinstance(v, datetime) else v


def read_posts(content: Path):
    posts = []
    for path in sorted(content.rglob("*.md")):
        m = _FRONT.match(path.read_text("utf-8"))
        if not m:
            continue
        fm = yaml.safe_load(m.group(1)) or {}
        if not isinstance(fm.get("entities"), dict):
            continue
        posts.append({"date": _day(fm["date"]), "story": str(fm.get("story") or path),
                      "title": fm.get("title", ""), "text": fm.get("title", "") + "\n" + m.group(2),
                      "source": (fm.get("source") or {}).get("publisher") or "",
                      "pairs": [(g, str(n)) for g, ns in fm["entities"].items()
                                if g in GROUP_TYPES and isinstance(ns, list) for n in ns]})
    return posts


def features(content: Path, output: Path, data_dir: Path, window: int = 90):
    posts = read_posts(content)
    registry = tx.load_registry(data_dir)
    aliases = tx.alias_index(registry)
    curated = tx.curated_names(data_dir)
    raw = []
    for p in posts:
        pairs = []
        for g, n in p["pairs"]:
            r = tx.canonical(g, n, registry, aliases, curated)
            if r is not None:
                pairs.append(r)
        raw.append(tuple(dict.fromkeys(pairs)))
    known = {n: Known(n, GROUP_TYPES[e.group])
             for n, e in registry.items() if e.group and not e.block and n in curated}
    inputs = [(p["date"], [(GROUP_TYPES[g], n) for g, n in pairs])
              for p, pairs in zip(posts, raw, strict=True)]
    res = resolve_corpus(inputs, known, window)
    stories: dict[tuple[str, str], set[str]] = defaultdict(set)
    arts: dict[tuple[str, str], set[int]] = defaultdict(set)
    for i, pairs in enumerate(res.entities_of):
        for t, n in pairs:
            stories[(t, n)].add(posts[i]["story"])
            arts[(t, n)].add(i)
    # input names (as written in front matter, before resolution) per resolved entity
    written: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    in_type: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for mp in res.mapping:
        for (t_in, n_in), key in mp.items():
            written[key][n_in] += 1
            in_type[key][t_in] += 1
    pages = {k for k, s in stories.items() if k[1] in curated or (
        k not in res.pageless and len(s) >= 2)}
    built = {(GROUP_TYPES[p.group], p.name): p for p in read_pages(output)}
    missing = set(built) - pages
    extra = pages - set(built)
    print(f"pages computed {len(pages)}, built {len(built)}; built-not-computed "
          f"{sorted(missing)[:10]}, computed-not-built {sorted(extra)[:10]}", file=sys.stderr)

    # spaCy over each article's text
    nlp = ner.load_spacy(ner.model_dir())
    docs = list(nlp.pipe([p["text"] for p in posts], batch_size=16))
    ents_by_key: list[dict[str, Counter[str]]] = []
    for doc in docs:
        d: dict[str, Counter[str]] = defaultdict(Counter)
        for e in doc.ents:
            txt = re.sub(r"^(?:the|The)\s+", "", e.text.strip())
            txt = re.sub(r"(?:'s|’s)$", "", txt)
            d[filters.spelling_key(txt)][e.label_] += 1
        ents_by_key.append(d)

    rows = []
    for key in sorted(pages & set(built)):
        t, name = key
        page = built[key]
        forms = {name, *res.spellings.get(name, ()), *written[key]}
        fkeys = {filters.spelling_key(f) for f in forms}
        labels: Counter[str] = Counter()
        art_labels: Counter[str] = Counter()   # per article: majority label
        occ = 0
        sal = Counter()
        for i in arts[key]:
            body = posts[i]["text"].split("\n", 1)[1].lstrip("\n")
            lead = body.split("\n\n", 1)[0]
            pats = [rf"(?<!\w){re.escape(f)}(?!\w)" for f in sorted(forms, key=len, reverse=True)]
            any_form = re.compile("|".join(pats))
            if any_form.search(posts[i]["title"]):
                sal["title"] += 1
            if any_form.search(lead):
                sal["lead"] += 1
            if re.search(rf"(?:{'|'.join(pats)})(?:['’]s?\s|\s+(?:{AGENT_VERBS})\b)",
                         posts[i]["text"]):
                sal["agent"] += 1
            c: Counter[str] = Counter()
            for fk in fkeys:
                c.update(ents_by_key[i].get(fk, {}))
            labels.update(c)
            if c:
                art_labels[c.most_common(1)[0][0]] += 1
            for f in forms:
                occ += len(re.findall(rf"(?<!\w){re.escape(f)}(?!\w)", posts[i]["text"]))
        agree = sum(v for lab, v in labels.items() if SPACY_TYPE.get(lab) == t)
        tot = sum(labels.values())
        votes = res.votes.get(name, {})
        vtot = sum(votes.values())
        days = {posts[i]["date"] for i in arts[key]}
        words = name.split()
        rows.append({
            "url": page.url, "type": t, "name": name,
            "stories": len(stories[key]), "articles": len(arts[key]),
            "days": len(days), "months": len({(d.year, d.month) for d in days}),
            "span_days": (max(days) - min(days)).days,
            "curated": int(name in curated), "evidenced": int(name in res.evidenced),
            "gazetteer": int(gazetteer.is_place(name)),
            "country": int(bool(filters.country_of(name))),
            "vote_share": round(votes.get(t, 0) / vtot, 3) if vtot else 1.0,
            "vote_types": len([v for v in votes.values() if v]),
            "vote_total": vtot,
            "in_share": round(in_type[key][t] / sum(in_type[key].values()), 3)
            if in_type[key] else 1.0,
            "spellings": len(res.spellings.get(name, ())),
            "words": len(words), "allcaps": int(name.replace(".", "").replace("&", "").isupper()),
            "single": int(len(words) == 1),
            "spacy_mentions": tot, "spacy_agree": round(agree / tot, 3) if tot else -1,
            "spacy_labels": len(labels),
            "spacy_other": round(sum(v for lab, v in labels.items()
                                     if lab not in SPACY_TYPE) / tot, 3) if tot else -1,
            "spacy_art_agree": round(sum(v for lab, v in art_labels.items()
                                         if SPACY_TYPE.get(lab) == t)
                                     / max(1, sum(art_labels.values())), 3),
            "occurrences": occ, "occ_per_article": round(occ / max(1, len(arts[key])), 2),
            "spacy_recall": round(tot / occ, 3) if occ else -1,
            "title_articles": sal["title"], "lead_articles": sal["lead"],
            "agent_articles": sal["agent"],
            "name_confirms": int(_name_confirms(t, name)),
            "label_dist": " ".join(f"{k}:{v}" for k, v in labels.most_common()),
            "votes": " ".join(f"{k}:{v}" for k, v in sorted(votes.items())),
        })
    return rows


def load_verdicts(files):
    """url → (clean, row), scored as ``entity_pages.py --judged`` scores them."""
    out = {}
    for f in files:
        with open(f, encoding="utf-8") as fh:
            for r in csv.DictReader(fh, delimiter="\t"):
                clean = (r["entity"] == "y" and r["type_ok"] == "y"
                         and r["well_formed"] == "y" and not r["duplicate_of"].strip())
                out[r["url"]] = (clean, r)
    return out


def _f(r, k):
    return float(r[k])


def _unconfirmed(r):
    """No curator, gazetteer, country list or word of the name itself says the type."""
    return r["curated"] == "0" and r["evidenced"] == "0" and r["name_confirms"] == "0"


FEATURES = {
    "stories == 2 (the minimum)": lambda r: _f(r, "stories") == 2,
    "stories <= 3": lambda r: _f(r, "stories") <= 3,
    "type organization": lambda r: r["type"] == "organization",
    "type person": lambda r: r["type"] == "person",
    "type place": lambda r: r["type"] == "place",
    "not curated": lambda r: r["curated"] == "0",
    "type not decided by registry/gazetteer": lambda r: r["evidenced"] == "0",
    "name's words do not say the type": lambda r: r["name_confirms"] == "0",
    "type unconfirmed (all three)": _unconfirmed,
    "single word": lambda r: r["single"] == "1",
    "all capitals": lambda r: r["allcaps"] == "1",
    "corpus type vote < 100%": lambda r: _f(r, "vote_share") < 1,
    "spelling variants merged": lambda r: _f(r, "spellings") > 0,
    "spaCy labels not all its type": lambda r: _f(r, "spacy_agree") < 1,
    "spaCy majority differs in an article": lambda r: _f(r, "spacy_art_agree") < 1,
    "spaCy missed some occurrences": lambda r: 0 <= _f(r, "spacy_recall") < 1,
    "written once per article (<= 1)": lambda r: _f(r, "occ_per_article") <= 1,
    "written <= 1.5 times per article": lambda r: _f(r, "occ_per_article") <= 1.5,
    "all stories within 30 days": lambda r: _f(r, "span_days") <= 30,
    "never in a headline": lambda r: _f(r, "title_articles") == 0,
    "never in a headline or lead": lambda r: _f(r, "title_articles") == 0
    and _f(r, "lead_articles") == 0,
    "never says/owns (X said, X's)": lambda r: _f(r, "agent_articles") == 0,
}

RULES = {
    "R1 uncurated one-word organisation written once in each of its stories":
        lambda r: (r["curated"] == "0" and r["type"] == "organization" and r["single"] == "1"
                   and _f(r, "occ_per_article") <= 1),
    "R2 organisation, type unconfirmed, spaCy split, <= 4 stories":
        lambda r: (r["type"] == "organization" and _unconfirmed(r)
                   and _f(r, "spacy_agree") < 1 and _f(r, "stories") <= 4),
    "R3 organisation, type unconfirmed, at the page minimum (2 stories)":
        lambda r: r["type"] == "organization" and _unconfirmed(r) and _f(r, "stories") == 2,
}

SETS = {
    "r16 random200": ["judged_round16_random_a", "judged_round16_random_b"],
    "r16 top60": ["judged_round16_top60"],
    "r15 random200": ["judged_round15_random_a", "judged_round15_random_b"],
    "r15 top60": ["judged_round15_top60"],
    "audit (519)": [f"audit_before_round15_{i}" for i in (1, 2, 3)],
}


def report(features_tsv: Path) -> None:
    """The feature table (clean vs unclean) and the candidate rules on every judged set;
    judged pages the build no longer has are left out (they are gone already)."""
    with features_tsv.open(encoding="utf-8") as fh:
        feats = {r["url"]: r for r in csv.DictReader(fh, delimiter="\t")}
    judged = {}
    for name, stems in SETS.items():
        verdicts = load_verdicts(ROOT / "bench" / f"entity_pages_{s}.tsv" for s in stems)
        gone = [u for u in verdicts if u not in feats]
        judged[name] = {u: (c, feats[u]) for u, (c, _) in verdicts.items() if u in feats}
        print(f"{name}: {len(verdicts)} judged, {len(gone)} no longer pages "
              f"({sum(not verdicts[u][0] for u in gone)} of them unclean)")
    views = {"r16 (random+top)": {**judged["r16 random200"], **judged["r16 top60"]},
             "r15 random": judged["r15 random200"], "audit": judged["audit (519)"]}
    print("\n| feature | " + " | ".join(f"{v}: clean | unclean" for v in views) + " |")
    for fname, fn in FEATURES.items():
        cells = []
        for rows in views.values():
            clean = [r for c, r in rows.values() if c]
            unclean = [r for c, r in rows.values() if not c]
            a, b = sum(map(fn, clean)), sum(map(fn, unclean))
            cells.append(f"{a}/{len(clean)} ({a / len(clean):.0%}) | "
                         f"{b}/{len(unclean)} ({b / len(unclean):.0%})")
        print(f"| {fname} | " + " | ".join(cells) + " |")
    every = list(feats.values())
    for rname, fn in RULES.items():
        print(f"\n{rname}")
        for sname, rows in judged.items():
            n, c0 = len(rows), sum(c for c, _ in rows.values())
            hit = sorted((r["name"], c) for c, r in rows.values() if fn(r))
            cd = sum(c for _, c in hit)
            after = (c0 - cd) / (n - len(hit))
            print(f"  {sname:14s} {c0}/{n} clean ({c0 / n:.1%}); dropped {len(hit)}: clean {cd} "
                  f"({cd / c0:.1%} of clean), unclean {len(hit) - cd}; after {after:.1%} "
                  f"({(after - c0 / n) * 100:+.1f}) {[h for h, _ in hit]}")
        left = [r for r in every if not fn(r)]
        one = [r for r in left if _f(r, "stories") <= 1]
        print(f"  site: {len(every)} → {len(left)} pages; one-story share "
              f"{len(one) / len(left):.1%}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("content", type=Path, nargs="?")
    ap.add_argument("output", type=Path, nargs="?")
    ap.add_argument("data_dir", type=Path, nargs="?")
    ap.add_argument("--tsv", type=Path, required=True,
                    help="features file: written when CONTENT OUTPUT DATA_DIR are given")
    ap.add_argument("--report", action="store_true",
                    help="feature table and candidate rules against the judged TSVs")
    a = ap.parse_args(argv)
    if a.content is not None:
        rows = features(a.content, a.output, a.data_dir)
        with a.tsv.open("w", encoding="utf-8", newline="") as fh:
            w = csv.DictWriter(fh, list(rows[0]), delimiter="\t")
            w.writeheader()
            w.writerows(rows)
        print(f"{len(rows)} pages → {a.tsv}", file=sys.stderr)
    if a.report:
        report(a.tsv)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
