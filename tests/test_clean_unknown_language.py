"""A page in a language the cleaner has no stop list for (issue #12, round 8).

Thai, Chinese and Japanese have no list of function words here (and Thai and Chinese no
spaces to find words by), so a line's own look had no evidence of prose at all and the
whole article was dropped as "not prose". Length now stands in for function words, as in
jusText's language-independent mode: a long line reads as a paragraph, a short one as a
menu item or a teaser. The Thai text below was written for this test.
"""

from __future__ import annotations

import base64
import random

from news_digest.ingest.clean import clean_text
from news_digest.ingest.clean_lines import Line, pick_stoplist, read_lines

ARTICLE = [
    "เมื่อวันจันทร์ที่ผ่านมา สภาเมืองได้เผยแพร่ผลการนับนกริมแม่น้ำประจำปี "
    "ซึ่งแสดงให้เห็นว่านกส่วนใหญ่ฟื้นตัวแล้วหลังจากน้ำท่วมใหญ่เมื่อสามปีก่อน "
    "อาสาสมัครหลายร้อยคนเดินสำรวจตลอดแนวแม่น้ำสองสายในฤดูใบไม้ผลิ และบันทึกจำนวนรังนกทุกรังที่พบ",
    "ปีนี้การสำรวจยังบันทึกด้วยว่ารังใดถูกใช้เป็นครั้งที่สอง "
    "เพราะสภาเมืองต้องการทราบว่านกที่กลับมาหลังน้ำท่วมจะอยู่ต่อหรือไม่ "
    "เจ้าหน้าที่กล่าวว่าข้อมูลนี้จะช่วยวางแผนการดูแลริมตลิ่งในอีกหลายปีข้างหน้า",
    "สภาเมืองระบุว่าการฟื้นตัวเห็นได้ชัดที่สุดในบริเวณที่เกษตรกรสร้างรั้วกั้นริมตลิ่ง "
    "และจะจัดสรรงบประมาณสำหรับการสร้างรั้วเพิ่มในปีหน้า "
    "หากที่ประชุมสภาอนุมัติงบประมาณดังกล่าวในการประชุมประจำเดือนมิถุนายนที่จะถึงนี้",
    "อย่างไรก็ตาม นกนางนวลแกลบที่มาทำรังมีจำนวนลดลงอีกครั้ง "
    "และผู้จัดการสำรวจยังไม่ทราบสาเหตุที่นกย้ายออกจากแม่น้ำตอนล่าง "
    "รายงานฉบับเต็มพร้อมตัวเลขของแต่ละช่วงแม่น้ำจะเผยแพร่ในช่วงปลายปีนี้",
]
MENU = ["หน้าแรก", "ข่าว", "การเมือง", "เศรษฐกิจ", "กีฬา", "บันเทิง", "ต่างประเทศ"]
TEASERS = [
    "ฝนตกหนักทำให้การจราจรติดขัดทั่วเมือง", "2019-01-22 20:44",
    "ตลาดหุ้นปิดบวกเล็กน้อยในวันศุกร์", "2019-01-22 19:10",
    "โรงเรียนเปิดภาคเรียนใหม่ช้ากว่ากำหนด", "2019-01-21 08:30",
]
FOOTER = ["เกี่ยวกับเรา", "ติดต่อเรา", "นโยบายความเป็นส่วนตัว"]


def page() -> str:
    return "\n\n".join(["ผลการนับนกริมแม่น้ำประจำปี | ข่าวเมือง", *MENU,
                        "ผลการนับนกริมแม่น้ำประจำปี", *ARTICLE, "ข่าวล่าสุด", *TEASERS,
                        *FOOTER])


def test_the_page_has_no_stop_list() -> None:
    """The premise: no list of function words covers a Thai page."""
    lines: list[Line] = read_lines(page())
    assert pick_stoplist(lines) is None


def test_an_article_in_a_language_without_a_stop_list_is_kept() -> None:
    """Before round 8 every line of this page scored as neither prose nor chrome, the
    article was dropped and the post came out empty ("no body text found")."""
    draft = clean_text(page())
    assert list(draft.paragraphs) == ARTICLE
    assert draft.warnings == ()


def test_menus_and_teasers_in_such_a_language_stay_out() -> None:
    """Length alone does not let a page's short lines in: menu words and teaser headlines
    are far shorter than a paragraph."""
    body = "\n".join(clean_text(page()).paragraphs)
    for line in [*MENU, *TEASERS, *FOOTER]:
        assert line not in body.split("\n")


def test_an_encoded_blob_is_not_read_as_a_language_without_spaces() -> None:
    """A scraper's dump of an embedded file: one line of base64 (found by a new-user
    trial with 4 MB of it). It has no stop-list words either, and length alone made it
    read as a long paragraph of an unspaced language, so it was published as an article.
    A run of Latin letters and digits longer than any word is not language."""
    blob = base64.b64encode(random.Random(5).randbytes(30_000)).decode("ascii")
    draft = clean_text("Attachment\n\n" + blob + "\n")
    assert draft.paragraphs == ()
    assert draft.warnings == ("no body text found",)
    # the Thai article keeps being read by its length
    assert list(clean_text("\n\n".join([*MENU, *ARTICLE])).paragraphs) == ARTICLE
