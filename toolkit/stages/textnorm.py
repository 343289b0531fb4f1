"""Stages ``normalize`` and ``transliterate``: fill ``Sentence.norm`` / ``Sentence.translit``.

>>> from toolkit.document import Document
>>> from toolkit.pipeline import Config
>>> doc = Document(text="قالَ", id="d"); b = doc.add_block("paragraph", 0, 4); s = doc.add_sentence(b, 0, 4)
>>> normalize_stage(doc, Config(normalize="search")); transliterate_stage(doc, Config(transliterate="buckwalter"))
>>> s.norm, s.translit
('قال', 'qAla')
"""
from __future__ import annotations

from ..normalization import normalize
from ..pipeline import stage
from ..transliteration import transliterate


@stage("normalize")
def normalize_stage(doc, config) -> None:
    """Set ``norm`` on every sentence when ``config.normalize`` names a profile."""
    profile = config.normalize
    if not profile:
        return
    switches = dict(config.options.get("normalize_switches") or {})
    for sent in doc.sentences:
        sent.norm = normalize(sent.text, profile, **switches).text


def _country_of_url(url) -> str | None:
    """The country of a URL's country-code domain when ``langs/ar/regions.tsv`` lists it (an outlet
    at ``hespress.ma`` writes Moroccan spellings); ``None`` otherwise.

    >>> _country_of_url("https://www.example.ma/news/1"), _country_of_url("https://example.com/x")
    ('MA', None)
    """
    import re

    from ..resources import read_tsv

    m = re.match(r"^(?:[a-z][a-z0-9+.-]*://)?([^/:?#]+)", str(url or "").strip(), re.IGNORECASE)
    if not m or "." not in m.group(1):
        return None
    tld = m.group(1).rsplit(".", 1)[-1].upper()
    known = {row[0].upper() for row in read_tsv("ar", "regions.tsv", min_columns=2)}
    return tld if tld in known else None


@stage("transliterate")
def transliterate_stage(doc, config) -> None:
    """Set ``translit`` on every sentence when ``config.transliterate`` names a scheme. The ``news``
    scheme spells names the way the press of a country does when one is known: the run's
    ``region`` option (``toolkit run --region MA``), else the document's ``meta["country"]`` (a
    JSON Lines record's ``country``), else the country-code domain of its ``meta["url"]``. An
    unknown region is reported and the general spellings used.

    >>> from toolkit.document import Document
    >>> from toolkit.pipeline import Config
    >>> doc = Document(text="إدريس", id="d", meta={"country": "MA"}); b = doc.add_block("paragraph", 0, 5)
    >>> s = doc.add_sentence(b, 0, 5); transliterate_stage(doc, Config(transliterate="news")); s.translit
    'Driss'
    """
    scheme = config.transliterate
    if not scheme:
        return
    region = None
    if scheme == "news":
        region = (config.options or {}).get("region") or doc.meta.get("country") or _country_of_url(doc.meta.get("url"))
        if region:
            try:
                transliterate("", scheme, region=str(region))
                region = str(region)
            except ValueError as exc:
                doc.add_error("unknown_region", f"{doc.id}: {exc}; general news spellings used", severity="warning")
                region = None
    for sent in doc.sentences:
        sent.translit = transliterate(sent.text, scheme, region=region).text
