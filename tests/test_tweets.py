"""Embedded tweets in their flattened and HTML forms."""
import pytest

import toolkit
from toolkit.tweets import find_attributions, parse_date

from .conftest import shared_path


def tweet_of(text):
    doc = toolkit.process(text, strict=True)
    doc.check_offsets()
    assert doc.tweets, [b.kind for b in doc.blocks]
    return doc.tweets[0]


def test_flattened_arabic_tweet_with_hashtag_display_name():
    text = ("انتهى الاجتماع بعد ساعات! pic.twitter.com/AbCdEf1234 — #غزة_تنتصر 🇵🇸 (@SomeUser0) January 20, 2025")
    t = tweet_of(text)
    assert t.text == "انتهى الاجتماع بعد ساعات!"
    assert (t.author.name, t.author.handle, t.date) == ("#غزة_تنتصر 🇵🇸", "SomeUser0", "2025-01-20")
    assert t.links == ["pic.twitter.com/AbCdEf1234"] and t.hashtags == [] and t.lang == "ar"
    assert t.attribution.text == "— #غزة_تنتصر 🇵🇸 (@SomeUser0) January 20, 2025"


def test_body_entities():
    t = tweet_of("Crowds in #Gaza with @reporter and #القدس_ينتفض https://t.co/Xy12 pic.twitter.com/Ab — A B (@ab) May 1, 2024")
    assert t.hashtags == ["#Gaza", "#القدس_ينتفض"] and t.mentions == ["@reporter"]
    assert t.links == ["https://t.co/Xy12", "pic.twitter.com/Ab"]
    assert t.text == "Crowds in #Gaza with @reporter and #القدس_ينتفض"


@pytest.mark.parametrize("text,name,date", [
    ("Talks are over. pic.twitter.com/X1 Jane Roe (@jroe) May 5, 2024", "Jane Roe", "2024-05-05"),
    ("Talks are over. ? Senator Jane Roe (@jroe) October 8, 2017 Report", "Senator Jane Roe", "2017-10-08"),
    ("Talks are over. — Jane Roe (@jroe) December 30, 2017In the Saturday tweets", "Jane Roe", "2017-12-30"),
    ("انتهت المحادثات — وزارة الخارجية (@MoFA) ٢٠ يناير ٢٠٢٥", "وزارة الخارجية", "2025-01-20"),
    ("Talks are over. — Jane Roe (@jroe) [November 30, 2015](https://twitter.com/jroe/status/1)", "Jane Roe", "2015-11-30"),
    ("Fin des pourparlers. — Jeanne (@jr) 3 mars 2024", "Jeanne", None),
    ("Talks are over. — Jane Roe (@jroe) Smarch 45, 2024", "Jane Roe", None),
])
def test_attribution_variants(text, name, date):
    (a,) = find_attributions(text)
    assert (a.name_text, a.date) == (name, date)


def test_unparsed_date_is_null_with_a_warning():
    doc = toolkit.process("Body here. — Jane Roe (@jroe) February 30, 2024", strict=True)
    assert doc.tweets[0].date is None and doc.errors[0]["code"] == "bad_date"


def test_older_handle_colon_form():
    t = tweet_of("@MoFA: The talks will resume on Monday https://t.co/Ab12")
    assert t.author.handle == "MoFA" and t.text == "The talks will resume on Monday" and t.date is None


def test_attribution_on_its_own_line_joins_the_body():
    # one paragraph a line (as some sites publish): the lines are longer than any wrap width
    prose = "Prose paragraph one is here and it goes on for a while, as paragraphs in news articles do, " * 2
    text = (prose + "\nThe tweet body says something. pic.twitter.com/Ab\n"
            "— The Outlet (@Outlet) November 26, 2023\nNext prose paragraph is here." + prose)
    doc = toolkit.process(text, strict=True)
    assert [b.kind for b in doc.blocks] == ["paragraph", "tweet", "paragraph"]
    assert doc.tweets[0].text == "The tweet body says something."


def test_tweet_without_body():
    doc = toolkit.process("— Jane Roe (@jroe) May 5, 2024", strict=True)
    assert doc.tweets[0].text == "" and doc.tweets[0].author.handle == "jroe"
    doc.check_offsets()


def test_parse_date_never_guesses():
    assert parse_date("20 يناير 2025") == "2025-01-20"
    assert parse_date("January 2025") is None
    assert parse_date("32 January 2025") is None


def test_adversarial_lines_are_linear():
    line = " ".join(["#tag"] * 10_000) + " — N (@n) May 5, 2024"
    doc = toolkit.process(line, strict=True)
    assert len(doc.tweets[0].hashtags) == 10_000
    emoji = "😀" * 1000 + "\n\n" + "\u200f\u200e".join(["word"] * 1000)
    toolkit.process(emoji, strict=True).check_offsets()
    big = ("x " * 500_000) + "(@a)"
    assert len(toolkit.process(big, strict=True).text) == len(big)


def test_real_flattened_embeds_parse():
    path = shared_path("data", "tweets", "tweet_embeds_text.txt")
    text = path.read_text(encoding="utf-8")
    found = find_attributions(text)
    handles = {a.handle for a in found}
    assert {"realDonaldTrump", "SenBobCorker", "HillaryClinton"} <= handles
    assert all(a.date is None or len(a.date) == 10 for a in found)


def test_markdown_blockquote_embed():
    text = ("Intro paragraph of the story goes here.\n\n"
            "> The talks were useful and will go on next week.\n> \n"
            "> — Jane Roe (@jroe) [March 12, 2016](https://twitter.com/jroe/status/1)")
    doc = toolkit.process(text, strict=True)
    doc.check_offsets()
    assert [b.kind for b in doc.blocks] == ["paragraph", "tweet"]
    t = doc.tweets[0]
    assert (t.text, t.author.name, t.date) == ("The talks were useful and will go on next week.", "Jane Roe", "2016-03-12")
    assert [s.text for s in doc.sentences][1:] == ["The talks were useful and will go on next week.",
                                                   "— Jane Roe (@jroe) [March 12, 2016](https://twitter.com/jroe/status/1)"]


def test_attribution_wrapped_between_name_and_handle():
    text = ("Drought reached the marshes this summer, officials said.\n\n"
            "الجاموس ينفق في أهوار الجبايش والماء صار مالحًا. أنقذوا الأهوار\n"
            "قبل فوات الأوان #انقذوا_الاهوار pic.twitter.com/Hm3RtK9vXa — سجاد الحلفي\n"
            "(@SajjadMarshes) August 13, 2024\n\nLocal activists wrote on X that buffaloes were dying.")
    doc = toolkit.process(text, stages=["blocks", "tweets", "sentences"], strict=True)
    assert len(doc.tweets) == 1
    t = doc.tweets[0]
    assert (t.author.name, t.author.handle, t.date) == ("سجاد الحلفي", "SajjadMarshes", "2024-08-13")
    assert t.text.endswith("#انقذوا_الاهوار") and t.hashtags == ["#انقذوا_الاهوار"]
    doc.check_offsets()



def test_bracketed_handle_longer_than_fifteen_characters():
    t = tweet_of("فوز تاريخي الليلة pic.twitter.com/Zz12Yy34 — سامر الحلبي (@SamerHalabiSports) March 3, 2025")
    assert t.author.handle == "SamerHalabiSports" and t.text == "فوز تاريخي الليلة"
