"""JSON Lines and RSS seeds on real articles: metadata kept, text kept, appends cheap.

    python bench/formats.py            # reads ../shared/corpus/wikinews (skips if absent)

The Wikinews folder is turned, in a temporary folder, into what scrapers write: one
JSON Lines file (``title``, ``maintext``, ``date_publish``, ``url``, as news-please
names them) and one RSS 2.0 file (``content:encoded`` HTML, one ``<p>`` per paragraph,
``pubDate``, ``guid``). Nothing is tuned on it; it measures. Printed per format:

- metadata: share of the posts written whose title, date (with ``date_source: metadata``) and source
  URL are the record's own;
- text: token precision/recall of each post's body against the article's body paragraphs
  (multiset of lower-cased word tokens; Markdown escapes removed);
- time: ingest CPU seconds (one process, rules NER): cold, no change, and after 5
  records are appended to the JSON Lines file, with how many posts each run wrote.
"""

from __future__ import annotations

import html
import json
import re
import sys
import tempfile
import time
from collections import Counter
from datetime import datetime
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews"
sys.path.insert(0, str(ROOT / "plugins"))

_WORD = re.compile(r"\w+")
_DATELINE = re.compile(r"^\w+day, \w+ \d{1,2}, \d{4}\s*$")


def articles() -> list[dict[str, str]]:
    """Title, date, URL from index.tsv; body = paragraphs after the title and dateline."""
    lines = (CORPUS / "index.tsv").read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    out = []
    for line in lines[1:]:
        row = dict(zip(header, line.split("\t"), strict=False))
        text = (CORPUS / "articles" / row["file"]).read_text(encoding="utf-8")
        blocks = [b.strip() for b in text.split("\n\n") if b.strip()]
        body = [b for b in blocks[1:] if not _DATELINE.match(b)]
        out.append({"title": row["title"], "date": row["date"], "url": row["url"],
                    "paragraphs": body})
    return out


def write_jsonl(path: Path, items: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for a in items:
            fh.write(json.dumps({"title": a["title"], "maintext": "\n".join(a["paragraphs"]),
                                 "date_publish": f"{a['date']} 12:00:00", "url": a["url"],
                                 "source_domain": "en.wikinews.org"}) + "\n")


def write_rss(path: Path, items: list[dict[str, str]]) -> None:
    entries = []
    for a in items:
        when = format_datetime(datetime.fromisoformat(f"{a['date']}T12:00:00+00:00"))
        body = "".join(f"<p>{html.escape(p)}</p>" for p in a["paragraphs"])
        entries.append(
            f"<item><title>{html.escape(a['title'])}</title><link>{html.escape(a['url'])}"
            f"</link><guid>{html.escape(a['url'])}</guid><pubDate>{when}</pubDate>"
            f"<content:encoded><![CDATA[{body}]]></content:encoded></item>")
    path.write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Wikinews</title><link>https://en.wikinews.org/</link><description>x"
        "</description>" + "\n".join(entries) + "</channel></rss>\n", encoding="utf-8")


def tokens(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.replace("\\", "").lower()))


def measure(content: Path, items: list[dict[str, str]]) -> dict[str, float]:
    import yaml

    by_url = {a["url"]: a for a in items}
    meta_ok = n = 0
    tp = got = want = 0
    for path in sorted(content.rglob("*.md")):
        _, head, body = path.read_text(encoding="utf-8").split("---\n", 2)
        fm = yaml.safe_load(head)
        a = by_url.get(fm["source"]["url"])
        n += 1
        if a is None:
            continue
        meta_ok += (fm["title"] == a["title"] and fm["date"].startswith(a["date"])
                    and fm["date_source"] == "metadata")
        mine, gold = tokens(body), tokens(" ".join(a["paragraphs"]))
        tp += sum((mine & gold).values())
        got += sum(mine.values())
        want += sum(gold.values())
    return {"posts": n, "metadata": meta_ok / max(1, n),
            "precision": tp / max(1, got), "recall": tp / max(1, want)}


def timed(settings: object) -> tuple[float, object]:
    from news_digest.ingest.run import ingest

    start = time.process_time()
    report = ingest(settings)  # type: ignore[arg-type]
    return time.process_time() - start, report


def main() -> int:
    if not (CORPUS / "index.tsv").exists():
        print(f"skipped: {CORPUS} not found (the corpus is not part of the repo)")
        return 0
    from news_digest.settings import Settings

    items = articles()
    head = items[:-5]
    with tempfile.TemporaryDirectory() as tmp:
        for fmt in ("jsonl", "rss"):
            site = Path(tmp) / fmt
            (site / "seeds").mkdir(parents=True)
            s = Settings(seeds=site / "seeds", content=site / "content",
                         data_dir=site / "data", ner_backend="rules", processes=1)
            seed = site / "seeds" / f"wikinews.{fmt}"
            (write_jsonl if fmt == "jsonl" else write_rss)(seed, head)
            cold, r1 = timed(s)
            again, r2 = timed(s)
            (write_jsonl if fmt == "jsonl" else write_rss)(seed, items)
            append, r3 = timed(s)
            m = measure(site / "content", items)
            print(f"{fmt:5}  posts {m['posts']}/{len(items)}  metadata {m['metadata']:.3f}  "
                  f"text P {m['precision']:.3f} R {m['recall']:.3f}")
            print(f"       ingest CPU s: cold {cold:.2f} ({len(r1.new)} written)  "  # type: ignore[attr-defined]
                  f"no change {again:.2f} ({len(r2.new) + len(r2.updated)} written)  "  # type: ignore[attr-defined]
                  f"+5 records {append:.2f} ({len(r3.new) + len(r3.updated)} written, "  # type: ignore[attr-defined]
                  f"{r3.unchanged} unchanged)")  # type: ignore[attr-defined]
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
