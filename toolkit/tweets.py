"""The grammar of embedded tweets as articles carry them once flattened to text.

``BODY pic.twitter.com/X — Display Name (@handle) January 20, 2025``, also with the dash lost or
turned into ``?``, the date glued to the next word (``2025In a statement``), day-first and
Arabic or other localised month names (``20 يناير 2025``), Arabic-Indic digits, and the older
``@handle: text`` form. Month names are data: every ``langs/<code>/months.tsv``.

>>> a = find_attributions("Free at last pic.twitter.com/Ab12 — Jane Doe (@jdoe) May 5, 2024")[0]
>>> (a.name_text, a.handle, a.date)
('Jane Doe', 'jdoe', '2024-05-05')
>>> parse_date("31 February 2024") is None
True
"""
from __future__ import annotations

import datetime as _dt
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

from . import resources

__all__ = ["Attribution", "find_attributions", "parse_date", "month_number", "OLD_STYLE"]

# "(@handle)" — the anchor of every attribution line. X caps handles at 15 characters, but text copied
# from other platforms or retyped by hand carries longer ones, and inside "— Name (@handle) Date" the
# form itself is the evidence, so the bracketed anchor accepts up to 30 (a bare "@handle:" keeps 15).
_HANDLE = regex.compile(r"\(\s*@(\w{1,30})\s*\)")
# A dash that stands for the attribution dash: em/en dash, a spaced hyphen, or a "?" left by a
# bad encoding; at line start or after whitespace.
_DASH = regex.compile(r"(?:(?<=^|[\s\p{P}\p{S}])(?:—|–|―|&mdash;)|(?<=^|\s)(?:--?|\?)(?=\s))", regex.M)
_LINK = regex.compile(r"(?:https?://\S+|pic\.twitter\.com/\w+|t\.co/\w+)")
_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_MD_LINK_TAIL = regex.compile(r"\]\([^)\s]*\)")
#: ``@handle: text`` at the start of a block (the older flattened form).
OLD_STYLE = regex.compile(r"^(?:RT\s+)?@(\w{1,15}):\s+(?=\S)")


@lru_cache(maxsize=1)
def _months() -> dict[str, int]:
    table: dict[str, int] = {}
    for lang in resources.available_languages():
        if resources.has_resource(lang, "months.tsv"):
            for name, number in resources.read_mapping(lang, "months.tsv").items():
                table[name.casefold()] = int(number)
    return table


@lru_cache(maxsize=1)
def _date_patterns() -> tuple:
    names = sorted(_months(), key=len, reverse=True)
    month = "(?P<month>" + "|".join(regex.escape(n) for n in names) + r")\.?"
    day = r"(?P<day>[0-9٠-٩۰-۹]{1,2})(?:st|nd|rd|th)?"
    year = r"(?P<year>[0-9٠-٩۰-۹]{4})(?![0-9٠-٩۰-۹])"
    month_first = regex.compile(rf"{month}\s+{day},?\s+{year}", regex.I | regex.V1)
    day_first = regex.compile(rf"{day}\s+(?:de\s+)?{month},?\s+(?:de\s+)?{year}", regex.I | regex.V1)
    iso = regex.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?!\d)")
    return month_first, day_first, iso


def month_number(name: str) -> int | None:
    """The month number of a month name in any language with a ``months.tsv``.

    >>> month_number("January"), month_number("يناير"), month_number("Frimaire")
    (1, 1, None)
    """
    return _months().get(name.casefold().rstrip("."))


def _iso(year: str, month: str | int, day: str) -> str | None:
    try:
        y = int(year.translate(_DIGITS))
        m = month if isinstance(month, int) else (int(month) if month.isdigit() else month_number(month))
        d = int(day.translate(_DIGITS))
        if m is None:
            return None
        return _dt.date(y, m, d).isoformat()
    except (ValueError, TypeError):
        return None


def match_date(text: str, pos: int = 0):
    """The date written at ``text[pos:]`` (after optional spaces): ``(end, iso or None)`` or None.

    >>> match_date("January 20, 2025The minister")
    (16, '2025-01-20')
    """
    pos += len(text[pos:pos + 20]) - len(text[pos:pos + 20].lstrip(" \t\u200e\u200f"))
    bracketed = text.startswith("[", pos)       # Markdown: [November 30, 2015](https://...)
    for pattern in _date_patterns():
        m = pattern.match(text, pos + bracketed)
        if m:
            gd = m.groupdict()
            end = m.end()
            if bracketed:
                link = _MD_LINK_TAIL.match(text, end)
                if not link:
                    continue
                end = link.end()
            return end, _iso(gd["year"], gd["month"], gd["day"])
    return None


def parse_date(text: str) -> str | None:
    """An ISO date from a tweet date string, or None when it does not parse (never a guess).

    >>> parse_date("٢٠ يناير ٢٠٢٥"), parse_date("Dec. 3, 2023"), parse_date("soon")
    ('2025-01-20', '2023-12-03', None)
    """
    found = match_date(text.strip())
    return found[1] if found else None


@dataclass
class Attribution:
    """One ``— Name (@handle) Date`` found in a text (offsets into that text)."""

    start: int            # the dash, or the name when the dash was lost
    end: int              # after the date (or the handle when there is no date)
    name_start: int
    name_end: int
    name_text: str
    handle: str
    date: str | None
    date_text: str | None
    has_dash: bool


def _name_start_without_dash(text: str, line_start: int, handle_pos: int) -> int:
    """Where a display name begins when the dash was lost: after the last link or sentence end."""
    window = text[line_start:handle_pos]
    cut = 0
    for m in _LINK.finditer(window):
        cut = max(cut, m.end())
    for m in regex.finditer(r"[.!?؟…](?:[\"”’»)]*)\s", window):
        cut = max(cut, m.end())
    name = window[cut:]
    words = name.split()
    if len(words) > 6:  # a display name is short; keep the last few words
        keep = " ".join(words[-4:])
        cut = cut + name.rfind(keep)
    return line_start + cut


def find_attributions(text: str) -> list[Attribution]:
    """Every flattened tweet attribution in ``text``, in order.

    >>> [a.has_dash for a in find_attributions("x pic.twitter.com/A Name (@n) May 1, 2024")]
    [False]
    >>> [(a.name_text, a.handle) for a in find_attributions("x pic.twitter.com/A — Sajjad Halfi\\n(@sh) May 1, 2024")]
    [('Sajjad Halfi', 'sh')]
    """
    found = []
    for m in _HANDLE.finditer(text):
        handle_start = m.start()
        line_start = text.rfind("\n", 0, handle_start) + 1
        if line_start > 0 and not text[line_start:handle_start].strip():
            line_start = text.rfind("\n", 0, line_start - 1) + 1   # wrapped: "— Name\n(@handle) Date"
        dashes = [d for d in _DASH.finditer(text, line_start, handle_start)]
        # a dash with a link after it belongs to the body ("A – B pic.twitter.com/x Name (@n)")
        dashes = [d for d in dashes if handle_start - d.end() <= 120
                  and not _LINK.search(text, d.end(), handle_start)]
        if dashes:
            strong = [d for d in dashes if d.group() in ("—", "–", "―", "&mdash;")]
            dash = (strong or dashes)[-1]      # "— Prisoners Club - Media (@x)": the em dash leads
            start = dash.start()
            name_start = dash.end()
            has_dash = True
        else:
            after = text[m.end():m.end() + 40]
            if not match_date(after) and text[m.end():].strip() and not text[m.end():].lstrip().startswith("\n"):
                continue  # no dash and no date: "(@handle)" in prose, not an attribution
            name_start = _name_start_without_dash(text, line_start, handle_start)
            start = name_start
            has_dash = False
        while name_start < handle_start and text[name_start].isspace():
            name_start += 1
        name_end = handle_start
        while name_end > name_start and text[name_end - 1].isspace():
            name_end -= 1
        dated = match_date(text, m.end())
        if dated:
            end, iso = dated
            date_text = text[m.end():end].strip()
        else:
            end, iso, date_text = m.end(), None, None
        if not has_dash and name_end == name_start:
            continue
        found.append(Attribution(start, end, name_start, name_end, text[name_start:name_end], m.group(1),
                                 iso, date_text, has_dash))
    return found


def is_link(token: str) -> bool:
    """True for a tweet link token (``pic.twitter.com/...``, ``t.co/...``, ``http(s)://...``).

    >>> is_link("pic.twitter.com/WFrKw"), is_link("Gaza")
    (True, False)
    """
    return bool(_LINK.fullmatch(token))


def visible_width(text: str) -> int:
    """Characters a reader sees (combining marks and format controls not counted)."""
    return sum(1 for c in text if unicodedata.category(c) not in ("Mn", "Cf"))
