"""Tweets: parse every ``tweet`` block into body, author, handle, date, links, hashtags, mentions
and the attribution span. Entities follow the twitter-text rules (:mod:`toolkit.twitter_text`).

>>> from toolkit.document import Document
>>> from toolkit.stages.blocks import split_blocks
>>> doc = Document(text="Free now! pic.twitter.com/Ab12Cd — Jane (@jane) May 5, 2024", id="d")
>>> split_blocks(doc, None); parse_tweets(doc, None)
>>> t = doc.tweets[0]
>>> (t.text, t.author.handle, t.date, t.links)
('Free now!', 'jane', '2024-05-05', ['pic.twitter.com/Ab12Cd'])
"""
from __future__ import annotations

from .. import twitter_text
from ..document import Author, Document, Span, trim_quote_markers, trim_span
from ..pipeline import stage
from ..tweets import OLD_STYLE, find_attributions

__all__ = ["parse_tweets"]


def _body_and_links(doc: Document, s: int, e: int):
    """The body span (links at its end cut off) and every link in ``[s, e)``."""
    text = doc.text
    region = text[s:e]
    urls = twitter_text.extract_urls(region)
    links = [u.text for u in urls]
    body_end = e
    for url in reversed(urls):
        tail = text[s + url.end:body_end]
        if tail.strip() == "":
            body_end = s + url.start
        else:
            break
    body_start, body_end = trim_quote_markers(text, *trim_span(text, s, body_end))
    return body_start, body_end, links



def _entities(body: str) -> tuple[list[str], list[str]]:
    hashtags = ["#" + h.value for h in twitter_text.extract_hashtags(body)]
    mentions = ["@" + m.value for m in twitter_text.extract_mentions(body)]
    return hashtags, mentions


@stage("tweets")
def parse_tweets(doc: Document, config) -> None:
    """Stage ``tweets``: one :class:`~toolkit.document.Tweet` per attribution in a tweet block."""
    text = doc.text
    for block in doc.blocks:
        if block.kind != "tweet":
            continue
        found = find_attributions(block.text)
        if not found:
            old = OLD_STYLE.match(block.text)
            if not old:
                continue
            bs, be, links = _body_and_links(doc, block.start + old.end(), block.end)
            hashtags, mentions = _entities(text[bs:be])
            doc.add_tweet(block, bs, be, author=Author(None, old.group(1)), date=None, links=links,
                          hashtags=hashtags, mentions=mentions,
                          attribution=Span(block.start, block.start + old.end() - 1,
                                           text[block.start:block.start + old.end() - 1]))
            continue
        region = block.start
        for a in found:
            a_start, a_end = block.start + a.start, block.start + a.end
            bs, be, links = _body_and_links(doc, region, a_start)
            hashtags, mentions = _entities(text[bs:be])
            tweet = doc.add_tweet(block, bs, be, author=Author(a.name_text, a.handle), date=a.date, links=links,
                                  hashtags=hashtags, mentions=mentions,
                                  attribution=Span(a_start, a_end, text[a_start:a_end]))
            if a.date_text and a.date is None:
                doc.add_error("bad_date", f"{doc.id}: tweet {tweet.id}: date {a.date_text!r} does not parse; "
                                          "left as null", stage="tweets", severity="warning")
            region = a_end
