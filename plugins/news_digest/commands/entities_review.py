"""``news-digest entities review``: what a curator should look at first, with the fix.

It reads every post's front matter (the same input the build reads), resolves the
entities across the corpus exactly as the build does
(:func:`news_digest.enrich.resolve.resolve_corpus`), and lists

- **suspected duplicates**: two pages of one type whose names are one spelling away
  (rapidfuzz ≥ :data:`SIMILAR`), or a person's first name plus surname against a
  longer form, or an acronym against its expansion;
- **lowest-confidence entities**: pages whose type the corpus does not agree on (the
  share of articles that gave the voted type), and generic or one-word names that
  got a page only because a curator listed them elsewhere;
- **organisations only the articles' wording types**: organisation pages that no
  curated entry, no gazetteer or name rule and no body word in the name ("… Party",
  "… University", "… of …") confirms, fewest articles first. The model types software,
  services, websites, journals and call signs as organisations consistently (Tor, IRC,
  Marine One in every article that names them), so no vote flags them; blind judges of
  the Wikinews site found most of the unclean pages that remain in this region (though
  most pages in it are clean: it is where to look, not a verdict).

Each item carries the registry lines that would fix it (``merge`` as an alias list,
``retype`` as a ``type:`` line, ``block: true``), ready to paste into
``data/entities.yml``; the next build applies them. ``--json`` prints one object with
``duplicates``, ``low_confidence`` and ``unconfirmed`` lists, for scripts. The command
changes nothing.

The ``entities`` sub-command is a group: ``review`` is registered here with
:func:`register`; the registry edit commands (merge, rename, retype, block) register
beside it the same way.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import fuzz

from news_digest.enrich import filters, ner
from news_digest.enrich.resolve import Known, resolve_corpus
from news_digest.frontmatter import FastLoader
from news_digest.text import GROUP_TYPES
from news_digest.vocab.knowledge import load_registry

SIMILAR = 90
"""rapidfuzz ratio (0–100) of two names' spelling keys above which they look like one."""

FRONT = re.compile(r"\A---\s*\n(.*?)\n---\s*(?:\n|\Z)", re.S)


@dataclass(frozen=True)
class Item:
    """One thing to review: what, why, how sure, and the registry lines that fix it."""

    kind: str
    """``duplicate``, ``type``, ``generic`` or ``unconfirmed``."""
    name: str
    type: str
    articles: int
    """Posts that name it (front matter), which can be more than the page's stories."""
    reason: str
    confidence: float
    """0–1: how sure the build is that the page is right as it is (lowest first)."""
    fix: str
    """YAML lines for ``data/entities.yml``."""
    other: str | None = None


def _day(value: Any) -> date | None:
    """A post's date: YAML gives a datetime, a date, or (quoted, as ingest writes it) text."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def front_matters(content: Path) -> Iterator[tuple[Path, dict[str, Any] | str]]:
    """Each post under ``content`` with its front matter, or the one-line reason it does
    not parse; ordinary Pelican posts (no front matter) and dot folders are passed over.
    What the review and the edit commands read of the site's posts."""
    for path in sorted(content.rglob("*.md")):
        if any(part.startswith(".") for part in path.relative_to(content).parts):
            continue
        match = FRONT.match(path.read_text("utf-8", errors="replace"))
        if not match:
            continue  # an ordinary Pelican post: no entities
        try:
            fm = yaml.load(match.group(1), Loader=FastLoader) or {}
        except yaml.YAMLError as exc:
            yield path, str(exc).splitlines()[0]
            continue
        if isinstance(fm, dict):
            yield path, fm


def entity_pairs(fm: dict[str, Any]) -> list[tuple[str, str]]:
    """A post's ``(type, name)`` entities, as its front matter lists them."""
    groups = fm.get("entities")
    if not isinstance(groups, dict):
        return []
    return [(GROUP_TYPES[g], str(n)) for g, names in groups.items()
            if g in GROUP_TYPES and isinstance(names, list) for n in names if str(n).strip()]


def listed_names(fm: dict[str, Any], key: str) -> tuple[str, ...]:
    """The names a post's ``cued:`` or ``works:`` lists: the corpus vote's evidence, a
    type a close cue stated or a work a works cue named (as the site reads them,
    :mod:`news_digest.site.resolution`)."""
    value = fm.get(key)
    return tuple(str(n) for n in value if isinstance(n, str | int | float)) \
        if isinstance(value, list) else ()


def read_posts(content: Path) -> tuple[list[tuple[date, list[tuple[str, str]]]],
                                       dict[str, list[tuple[str, ...]]], list[str]]:
    """``(date, [(type, name)])`` per post under ``content``, each post's ``cued:`` and
    ``works:`` names (:func:`listed_names`, by key), and one line per bad file."""
    posts: list[tuple[date, list[tuple[str, str]]]] = []
    evidence: dict[str, list[tuple[str, ...]]] = {"cued": [], "works": []}
    problems: list[str] = []
    for path, fm in front_matters(content):
        if isinstance(fm, str):
            problems.append(f"{path}: invalid YAML front matter ({fm})")
            continue
        if not isinstance(fm.get("entities"), dict):
            continue
        day = _day(fm.get("date"))
        if day is None:
            problems.append(f"{path}: no date in front matter; skipped")
            continue
        posts.append((day, entity_pairs(fm)))
        for key, lists in evidence.items():
            lists.append(listed_names(fm, key))
    return posts, evidence, problems


def _yaml_name(name: str) -> str:
    return yaml.safe_dump(name, default_flow_style=True, allow_unicode=True,
                          width=10_000).removesuffix("\n...\n").strip()


_STARTS_OR_ENDS = "one name is the start or end of the other"
_ONE_WORD_MORE = "a one-word name and the same name with one word more"
PART_OF = (_STARTS_OR_ENDS, _ONE_WORD_MORE)
"""Reasons that say only that one name holds the other: a guess for the curator."""


def merge_lines(keep: str, etype: str, alias: str, sure: bool = True) -> str:
    """The registry lines that merge ``alias`` into ``keep``.

    When one name only contains the other ("West Coast" / "West Coast Bank", "INS" /
    "INS Mysore") they may as well be a thing and a part of it, or a region and a bank
    named after it: the lines come commented out with the question, so pasting the
    queue unread merges nothing; a spelling or acronym pair comes ready to paste."""
    lines = f"{_yaml_name(keep)}:\n  type: {etype}\n  aliases: [{_yaml_name(alias)}]\n"
    if sure:
        return lines
    return (f"# check: are {alias!r} and {keep!r} one {etype}? If so, uncomment:\n"
            + "".join(f"# {line}\n" for line in lines.splitlines()))


def _looks_alike(a: str, b: str, etype: str) -> str | None:
    """Why two names of one type may be one entity, or None.

    Word by word, so "Department of State" and "Department of Justice" (one word
    apart) are not alike while "Leonov" and "Leonow" are.
    """
    ka, kb = filters.spelling_key(a), filters.spelling_key(b)
    wa, wb = ka.split(), kb.split()
    differ = [(x, y) for x, y in zip(wa, wb, strict=False) if x != y]
    if len(wa) == len(wb) and differ and all(
            min(len(x), len(y)) >= 4 and fuzz.ratio(x, y) >= SIMILAR - 10 for x, y in differ):
        return f"spelled alike ({fuzz.ratio(ka, kb):.0f}%)"
    if filters.acronym_of(a) == b.replace(".", "") or filters.acronym_of(b) == a.replace(".",
                                                                                          ""):
        return "an acronym and its expansion"
    if etype == "place" and (a.endswith(", " + b) or b.endswith(", " + a)):
        return None  # "Randolph, New Hampshire" is a town in the state, not the state
    short, long_ = sorted((wa, wb), key=len)
    if (etype != "person" and len(short) >= 2 and len(long_) > len(short)
            and (long_[:len(short)] == short or long_[-len(short):] == short)):
        return _STARTS_OR_ENDS
    if etype == "organization" and len(short) == 1 and len(long_) == 2 and long_[0] == short[0]:
        # "NBC" / "NBC News", "Harvard" / "Harvard University": a body and its division,
        # or a short name and the full one; which, only the curator can say
        return _ONE_WORD_MORE
    if (etype == "person" and len(wa) >= 2 and len(wb) >= 2 and wa[-1] == wb[-1]
            and wa[0] != wb[0] and (wa[0].startswith(wb[0]) or wb[0].startswith(wa[0]))):
        return "same surname, one first name a short form of the other"
    return None


def review(posts: Sequence[tuple[date, Sequence[tuple[str, str]]]],
           known: dict[str, Known], page_min: int = 2, window_days: int = 90,
           limit: int = 30, cued: Sequence[Sequence[str]] = (),
           works: Sequence[Sequence[str]] = ()) -> dict[str, list[Item]]:
    """The review queue: suspected duplicates and lowest-confidence pages, worst first.

    ``cued`` and ``works`` are each post's ``cued:`` and ``works:`` names, so the queue
    types a name, and leaves a work without a page, as the site does."""
    result = resolve_corpus(posts, known, window_days, cued, works)
    articles: Counter[tuple[str, str]] = Counter()
    for pairs in result.entities_of:
        articles.update(set(pairs))
    pages = sorted(k for k, n in articles.items()
                   if (n >= page_min or k[1] in known) and k not in result.pageless)
    duplicates: list[Item] = []
    by_type: dict[str, list[str]] = defaultdict(list)
    for etype, name in pages:
        by_type[etype].append(name)
    for etype, names in sorted(by_type.items()):
        buckets: dict[str, list[str]] = defaultdict(list)
        for name in names:  # compare names that share a word: no n² over the site
            for word in set(filters.spelling_key(name).split()):
                if len(word) >= 3:
                    buckets[word].append(name)
            acro = filters.acronym_of(name)
            if acro:
                buckets[acro.lower()].append(name)
        seen: set[tuple[str, str]] = set()
        for bucket in buckets.values():
            for i, a in enumerate(bucket):
                for b in bucket[i + 1:]:
                    pair = tuple(sorted((a, b)))
                    if pair in seen or a == b:
                        continue
                    seen.add(pair)  # type: ignore[arg-type]
                    why = _looks_alike(*pair, etype)
                    if why is None:
                        continue
                    keep, drop = sorted(pair, key=lambda n: (-articles[(etype, n)], n))
                    n_keep, n_drop = articles[(etype, keep)], articles[(etype, drop)]
                    duplicates.append(Item(
                        "duplicate", keep, etype, n_keep + n_drop, why,
                        round(1 - min(n_keep, n_drop) / (n_keep + n_drop), 3),
                        merge_lines(keep, etype, drop, sure=why not in PART_OF),
                        other=drop))
    low: list[Item] = []
    for etype, name in pages:
        votes = result.votes.get(name, {})
        total = sum(votes.values())
        share = votes.get(etype, 0) / total if total else 1.0
        n = articles[(etype, name)]
        if share < 1.0 and name not in result.evidenced:
            second = max((t for t in votes if t != etype), key=lambda t: (votes[t], t))
            against = votes.get(etype, 0) < votes[second]
            low.append(Item("type", name, etype, n,
                            f"typed {etype} in {votes.get(etype, 0)} of {total} articles, "
                            f"{second} in {votes[second]}"
                            + ("; the page's type comes from the name's other evidence"
                               if against else ""), round(share, 3),
                            type_lines(name, etype, second)))
        if filters.generic(name) or (len(name.split()) == 1 and not name.isupper()
                                      and etype == "person"):
            low.append(Item("generic", name, etype, n,
                            "generic or one-word name: which one is meant?", 0.0,
                            f"{_yaml_name(name)}:\n  type: {etype}\n  block: true\n"))
    unconfirmed = [
        Item("unconfirmed", name, etype, articles[(etype, name)],
             "only the articles' wording calls it an organisation (no registry entry, no "
             "body word in its name): a product, service, website or work?", 0.5,
             f"{_yaml_name(name)}:\n  type: organization  # or: place; or, for a thing: "
             "block: true\n")
        for etype, name in pages
        if etype == "organization" and name not in known and name not in result.evidenced
        and not _body_named(name)]

    def worst_first(it: Item) -> tuple[float, int, str, str]:
        return (it.confidence, -it.articles, it.name, it.other or "")

    return {"duplicates": sorted(duplicates, key=worst_first)[:limit],
            "low_confidence": sorted(low, key=worst_first)[:limit],
            "unconfirmed": sorted(unconfirmed, key=lambda it: (it.articles, it.name))[:limit]}


def _body_named(name: str) -> bool:
    """The name says it is a body: its last word is one ("Labour Party", "Acme Inc"),
    or it names what it is of ("Bank of England")."""
    return name.split()[-1] in ner.ORG_SUFFIXES or " of " in name


def type_lines(name: str, current: str, other: str) -> str:
    """The registry lines that settle a doubted type: the page's type pinned, the other
    reading as a comment beside it. Neither is right by default (the articles' majority
    calls a senator an organisation as readily as the resolver's evidence calls a
    company a person), so what a curator pastes unread changes nothing; editing one word
    retypes."""
    return f"{_yaml_name(name)}:\n  type: {current}  # or: {other}\n"


def _known(data_dir: Path) -> dict[str, Known]:
    """Curated registry entries (above ingest's learned section) as strong evidence."""
    path = data_dir / "entities.yml"
    registry = load_registry(path if path.exists() else None)
    text = path.read_text("utf-8") if path.exists() else ""
    cut = next((n for n, line in enumerate(text.splitlines(), 1)
                if line.startswith("# learned by news-digest ingest")), None)
    return {e.name: Known(e.name, e.type) for e in registry.entries
            if not e.block and (cut is None or e.line < cut)}


def _through_registry(posts: list[tuple[date, list[tuple[str, str]]]], data_dir: Path,
                      known: dict[str, Known]) -> list[tuple[date, list[tuple[str, str]]]]:
    """Names mapped through the registry's aliases, blocked names dropped, as the build
    does before resolving (a curated entry's type wins; a learned one's does not)."""
    path = data_dir / "entities.yml"
    registry = load_registry(path if path.exists() else None)
    out = []
    for day, pairs in posts:
        mapped = []
        for etype, name in pairs:
            entry = registry.entry(name)
            if entry is None:
                mapped.append((etype, name))
            elif not entry.block:
                mapped.append((known[entry.name].type if entry.name in known else etype,
                               entry.name))
        out.append((day, mapped))
    return out


def _print(queue: dict[str, list[Item]], out: Any) -> None:
    titles = {"duplicates": "Suspected duplicates (merge)",
              "low_confidence": "Lowest-confidence entities (retype or block)",
              "unconfirmed": "Organisations only the articles' wording types, fewest "
                             "articles first (block the things among them)"}
    for section, items in queue.items():
        print(f"{titles[section]}: {len(items)}", file=out)
        for it in items:
            pair = f"{it.name} ≟ {it.other}" if it.other else it.name
            print(f"\n  [{it.type}] {pair}  ({it.articles} articles, confidence "
                  f"{it.confidence:.2f}): {it.reason}", file=out)
            for line in it.fix.splitlines():
                print(f"    {line}", file=out)
        print(file=out)


def cmd_review(args: argparse.Namespace,
               load_settings: Callable[[argparse.Namespace], Any]) -> int:
    """Print the queue; ``load_settings`` is the command line's own settings loader."""
    settings = load_settings(args)
    content = Path(args.content) if args.content else Path(settings.content)
    if not content.is_dir():
        print(f"news-digest: {content}: no such content folder", file=sys.stderr)
        return 2
    posts, evidence, problems = read_posts(content)
    for line in problems:
        print(f"news-digest: {line}", file=sys.stderr)
    known = _known(Path(settings.data_dir))
    posts = _through_registry(posts, Path(settings.data_dir), known)
    queue = review(posts, known, settings.entity_page_min, settings.entity_window_days,
                   args.limit, evidence["cued"], evidence["works"])
    if args.json:
        json.dump({k: [asdict(i) for i in v] for k, v in queue.items()}, sys.stdout,
                  ensure_ascii=False, indent=1, sort_keys=True)
        sys.stdout.write("\n")
    else:
        _print(queue, sys.stdout)
    return 0


def register(entities_sub: Any, load_settings: Callable[[argparse.Namespace], Any]) -> None:
    """Add ``review`` to the ``entities`` sub-command group (``load_settings`` comes from
    the command line module, which nothing imports)."""
    p = entities_sub.add_parser(
        "review", help="list suspected duplicate and lowest-confidence entities, with the "
                       "registry lines that fix them")
    p.add_argument("--content", help="content folder (default: Pelican's PATH)")
    p.add_argument("--data", help="folder of entities.yml (default: data/)")
    p.add_argument("--json", action="store_true", help="one JSON object")
    p.add_argument("--limit", type=int, default=30, help="items per list (default 30)")
    p.set_defaults(func=lambda a: cmd_review(a, load_settings))
