"""The front-matter reader, without a full build."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from news_digest import frontmatter
from news_digest.site import reader as rd

MD_SETTINGS = {"MARKDOWN": {"extension_configs": {
    "markdown.extensions.extra": {}, "markdown.extensions.meta": {}},
    "output_format": "html5"}}


def test_split_front_matter_and_plain_markdown() -> None:
    fm, body = frontmatter.split_front_matter("---\ntitle: x\n---\nBody\n")
    assert fm == "title: x" and body == "Body\n"
    assert frontmatter.split_front_matter("Title: x\n\nBody")[0] is None
    # a horizontal rule later in the body is not front matter
    assert frontmatter.split_front_matter("Body\n\n---\n\nmore")[0] is None


def test_yaml_error_names_file_and_line() -> None:
    with pytest.raises(frontmatter.FrontMatterError) as err:
        frontmatter.load_front_matter('title: ok\nsummary: [unclosed\n', "content/2020/x.md")
    assert str(err.value).startswith("content/2020/x.md:")
    assert ":3:" in str(err.value) or ":4:" in str(err.value)
    with pytest.raises(frontmatter.FrontMatterError, match="mapping"):
        frontmatter.load_front_matter("- a\n- b\n", "x.md")


def test_keys_are_case_insensitive_like_pelican() -> None:
    assert frontmatter.load_front_matter("Title: A\nDate: 2020-01-01\n", "x.md")["title"] == "A"


@pytest.mark.parametrize("value, expected", [
    (datetime(2020, 1, 8, 2, tzinfo=UTC), datetime(2020, 1, 8, 2, tzinfo=UTC)),
    ("2020-01-08T03:00:00+01:00", datetime(2020, 1, 8, 2, tzinfo=UTC)),
    ("2020-01-08 02:00", datetime(2020, 1, 8, 2, tzinfo=UTC)),
    (date(2020, 1, 8), datetime(2020, 1, 8, tzinfo=UTC)),
])
def test_dates_become_aware_utc(value: object, expected: datetime) -> None:
    got = rd.parse_date(value, "x.md")
    assert got == expected and got.tzinfo is not None and got.utcoffset().total_seconds() == 0


def test_bad_date_is_a_clear_error() -> None:
    with pytest.raises(frontmatter.FrontMatterError, match=r"x\.md"):
        rd.parse_date("next tuesday", "x.md")


def test_body_without_meta_extension_and_escaped_html() -> None:
    md = rd.make_markdown(MD_SETTINGS, escape_html=True)
    html = md.convert("Title: not metadata\n\n<script>alert(1)</script>\n\n"
                      "x &lt;b&gt; [a](javascript:alert(1)) [b](https://e.org)")
    assert "Title: not metadata" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "javascript:" not in html and 'href="https://e.org"' in html
    assert "&lt;b&gt;" in html
    trusted = rd.make_markdown(MD_SETTINGS, escape_html=False).convert("<em>x</em>")
    assert "<em>x</em>" in trusted


def test_entity_names_accepts_type_spellings() -> None:
    pairs = rd.entity_names({"people": ["A", "A"], "organization": "B", "GPE": ["C"],
                             "weird": ["D"]}, "x.md")
    assert pairs == (("people", "A"), ("organizations", "B"), ("places", "C"))


def test_spellings_read_as_a_curator_may_have_left_them(caplog: pytest.LogCaptureFixture
                                                        ) -> None:
    """A curator may edit ``spellings:``; what is not names is dropped, the rest kept,
    and a wrong shape is named in a warning, never a reason to skip the post."""
    got = rd.entity_spellings({"Qassem Soleimani": ["Suleimani", "Suleimani", 7, {"x": 1}],
                               "Iran": "Persia", "Nobody": [], "": ["x"]}, "x.md")
    assert got == (("Qassem Soleimani", ("Suleimani", "7")), ("Iran", ("Persia",)))
    assert rd.entity_spellings(["Suleimani"], "x.md") == ()
    assert "x.md: spellings should be a mapping" in caplog.text


def test_a_key_given_twice_is_an_error_naming_the_line() -> None:
    from news_digest.frontmatter import FrontMatterError, load_front_matter

    text = "title: x\nentities:\n  places: [A]\n  people: [B]\n  places: [C]\n"
    with pytest.raises(FrontMatterError, match=r"p\.md:6: .*'places' is given twice"):
        load_front_matter(text, "p.md")
