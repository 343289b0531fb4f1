"""Offset maps: where each character of a rewritten text came from in the original.

A rewrite (normalisation, transliteration) keeps some characters, replaces some by one or more
others, deletes some and inserts a few. :class:`OffsetMap` records that compactly so that any
position or span of the output can be traced back to the smallest span of the original that
produced it.

Model. For every *boundary* ``j`` of the output (``0 <= j <= len(output)``) the map keeps two
original boundaries, ``lo(j) <= hi(j)`` for an ordinary boundary: the characters of the original
between them were deleted at that point. Output character ``i`` comes from the original span
``[hi(i), lo(i + 1))``. Inside an expansion (one original character written as several) the
interior boundaries have ``lo > hi`` and every output character of the expansion maps to the
whole original character. Inserted characters map to an empty span. ``lo`` and ``hi`` are stored
as piecewise "identity plus a constant" functions: a breakpoint only where the shift changes, so
an untouched stretch costs nothing and the map is as small as the number of edits.

Composing is exact: ``(A.compose(B)).lo == A.lo o B.lo`` and the same for ``hi``.

>>> b = OffsetBuilder()
>>> b.keep(2); b.delete(1); b.replace(1, 2); b.keep(1)
>>> m = b.finish()
>>> m.output_length, m.original_length
(5, 5)
>>> [m.span_to_original(i, i + 1) for i in range(5)]
[(0, 1), (1, 2), (3, 4), (3, 4), (4, 5)]
>>> m.span_to_original(1, 3)
(1, 4)
>>> m.to_original(5)
5
"""
from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right

__all__ = ["OffsetMap", "OffsetBuilder", "identity_map", "from_edits"]


class _Piecewise:
    """f(j) = j + shift[k] for xs[k] <= j < xs[k + 1] (xs[0] == 0)."""

    __slots__ = ("xs", "shifts")

    def __init__(self, xs=None, shifts=None):
        self.xs = xs if xs is not None else array("q", [0])
        self.shifts = shifts if shifts is not None else array("q", [0])

    def set_from(self, j: int, value: int) -> None:
        """From boundary ``j`` on, f(j) == value (and grows by one per boundary)."""
        shift = value - j
        xs, shifts = self.xs, self.shifts
        if shifts[-1] == shift:
            return
        if xs[-1] == j:
            shifts[-1] = shift
            if len(xs) > 1 and shifts[-2] == shift:
                xs.pop()
                shifts.pop()
        else:
            xs.append(j)
            shifts.append(shift)

    def __call__(self, j: int) -> int:
        xs = self.xs
        if len(xs) == 1:
            return j + self.shifts[0]
        return j + self.shifts[bisect_right(xs, j) - 1]

    def compose(self, inner: "_Piecewise", domain_end: int) -> "_Piecewise":
        """self o inner, over boundaries 0..domain_end (work in Python ~ the smaller map)."""
        fxs, fsh = self.xs, self.shifts
        gxs, gsh = inner.xs, inner.shifts
        oxs, osh = [], []
        ng, nf = len(gxs), len(fxs)

        def emit(xs, shifts):
            if not xs:
                return
            if osh and osh[-1] == shifts[0]:
                xs, shifts = xs[1:], shifts[1:]
            oxs.extend(xs)
            osh.extend(shifts)

        if ng <= nf:
            for k in range(ng):
                start = gxs[k]
                end = gxs[k + 1] if k + 1 < ng else domain_end + 1
                if start >= end:
                    continue
                d = gsh[k]
                m0 = bisect_right(fxs, start + d) - 1
                m1 = bisect_right(fxs, end - 1 + d)  # f breakpoints inside the value range
                emit([start], [d + fsh[m0]])
                if m1 > m0 + 1:
                    emit([y - d for y in fxs[m0 + 1:m1]], [d + s for s in fsh[m0 + 1:m1]])
        else:
            starts = [x + s for x, s in zip(gxs, gsh)]  # g at each segment start (nondecreasing)
            cross = [0]
            for m in range(1, nf):
                y = fxs[m]
                k = bisect_left(starts, y)
                j = gxs[k] if k < ng else domain_end + 1
                if k > 0:
                    jj = y - gsh[k - 1]
                    if jj < j:
                        j = max(jj, gxs[k - 1])
                cross.append(j)
            cross.append(domain_end + 1)
            for m in range(nf):
                a, b = cross[m], cross[m + 1]
                if a >= b:
                    continue
                c = fsh[m]
                k0 = bisect_right(gxs, a) - 1
                k1 = bisect_left(gxs, b)
                emit([a], [gsh[k0] + c])
                if k1 > k0 + 1:
                    emit(list(gxs[k0 + 1:k1]), [s + c for s in gsh[k0 + 1:k1]])
        if not oxs:
            oxs, osh = [0], [0]
        return _Piecewise(array("q", oxs), array("q", osh))

    def __eq__(self, other):
        return isinstance(other, _Piecewise) and self.xs == other.xs and self.shifts == other.shifts


class OffsetMap:
    """Maps positions of an output text back to its original.

    >>> m = identity_map(3)
    >>> m.to_original(2), m.span_to_original(0, 3)
    (2, (0, 3))
    """

    __slots__ = ("_lo", "_hi", "output_length", "original_length")

    def __init__(self, lo: _Piecewise, hi: _Piecewise, output_length: int, original_length: int):
        self._lo = lo
        self._hi = hi
        self.output_length = output_length
        self.original_length = original_length

    # -- queries --------------------------------------------------------------------------------
    def _check(self, i: int) -> None:
        if not 0 <= i <= self.output_length:
            raise IndexError(f"position {i} outside output of length {self.output_length}")

    def to_original(self, i: int) -> int:
        """Original position of output position ``i`` (the start of what output char ``i`` came
        from; ``len(output)`` maps to ``len(original)``).

        >>> b = OffsetBuilder(); b.delete(2); b.keep(1); b.finish().to_original(0)
        2
        """
        self._check(i)
        return self._hi(i)

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """The smallest original span covering output ``[start, end)``.

        >>> b = OffsetBuilder(); b.keep(1); b.delete(1); b.keep(1); m = b.finish()
        >>> m.span_to_original(0, 2), m.span_to_original(1, 2)
        ((0, 3), (2, 3))
        """
        self._check(start)
        self._check(end)
        if end < start:
            raise ValueError(f"span end {end} before start {start}")
        s = self._hi(start)
        if end == start:
            return (s, s)
        e = self._lo(end)
        if e < s:  # only inside an insertion
            e = s
        return (s, e)

    def char_to_original(self, i: int) -> tuple[int, int]:
        """The original span output character ``i`` came from (empty for inserted characters)."""
        if not 0 <= i < self.output_length:
            raise IndexError(f"character {i} outside output of length {self.output_length}")
        return self.span_to_original(i, i + 1)

    @property
    def is_identity(self) -> bool:
        """True when nothing moved.

        >>> identity_map(4).is_identity
        True
        """
        return (len(self._lo.xs) == 1 and len(self._hi.xs) == 1 and self._lo.shifts[0] == 0
                and self._hi.shifts[0] == 0 and self.output_length == self.original_length)

    @property
    def breakpoints(self) -> int:
        """How many breakpoints the map stores (its size)."""
        return len(self._lo.xs) + len(self._hi.xs)

    # -- combining ------------------------------------------------------------------------------
    def compose(self, later: "OffsetMap") -> "OffsetMap":
        """The map of applying ``later`` to this map's output: output of ``later`` to the
        original of ``self``.

        >>> a = OffsetBuilder(); a.delete(1); a.keep(3); a = a.finish()      # "xabc" -> "abc"
        >>> b = OffsetBuilder(); b.keep(1); b.replace(1, 2); b.keep(1); b = b.finish()  # -> "aBBc"
        >>> c = a.compose(b)
        >>> [c.span_to_original(i, i + 1) for i in range(4)]
        [(1, 2), (2, 3), (2, 3), (3, 4)]
        """
        if later.original_length != self.output_length:
            raise ValueError(f"cannot compose: later map reads {later.original_length} characters, "
                             f"this one writes {self.output_length}")
        if later.is_identity:
            return self
        if self.is_identity:
            return later
        n = later.output_length
        return OffsetMap(self._lo.compose(later._lo, n), self._hi.compose(later._hi, n),
                         n, self.original_length)

    def __eq__(self, other):
        return (isinstance(other, OffsetMap) and self.output_length == other.output_length
                and self.original_length == other.original_length and self._lo == other._lo
                and self._hi == other._hi)

    def __repr__(self) -> str:
        return (f"OffsetMap(output_length={self.output_length}, original_length="
                f"{self.original_length}, breakpoints={self.breakpoints})")

    # -- serialisation --------------------------------------------------------------------------
    def to_dict(self) -> dict:
        """A JSON-ready form (``from_dict`` reads it back).

        >>> m = identity_map(2); OffsetMap.from_dict(m.to_dict()) == m
        True
        """
        return {"output_length": self.output_length, "original_length": self.original_length,
                "lo": [list(self._lo.xs), list(self._lo.shifts)],
                "hi": [list(self._hi.xs), list(self._hi.shifts)]}

    @classmethod
    def from_dict(cls, data: dict) -> "OffsetMap":
        lo = _Piecewise(array("q", data["lo"][0]), array("q", data["lo"][1]))
        hi = _Piecewise(array("q", data["hi"][0]), array("q", data["hi"][1]))
        return cls(lo, hi, data["output_length"], data["original_length"])

    def spans(self) -> list[tuple[int, int]]:
        """The original span of every output character (for debugging and tests; O(n))."""
        return [self.span_to_original(i, i + 1) for i in range(self.output_length)]


class OffsetBuilder:
    """Builds an :class:`OffsetMap` while a text is rewritten left to right.

    >>> b = OffsetBuilder()
    >>> b.keep(3); b.insert(1); b.keep(1)
    >>> m = b.finish(); m.output_length, m.original_length, m.char_to_original(3)
    (5, 4, (3, 3))
    """

    __slots__ = ("_lo", "_hi", "out", "orig")

    def __init__(self):
        self._lo = _Piecewise()
        self._hi = _Piecewise()
        self.out = 0    # output characters written so far
        self.orig = 0   # original characters consumed so far

    def keep(self, n: int = 1) -> None:
        """``n`` characters copied (or replaced one for one)."""
        if n <= 0:
            return
        j, k = self.out, self.orig
        self._hi.set_from(j, k)
        self._lo.set_from(j + 1, k + 1)
        self.out = j + n
        self.orig = k + n

    def skip_to(self, orig: int) -> None:
        """Keep everything up to original position ``orig``."""
        self.keep(orig - self.orig)

    def delete(self, n: int = 1) -> None:
        """``n`` original characters dropped."""
        if n > 0:
            self.orig += n

    def replace(self, n_orig: int, n_out: int) -> None:
        """``n_orig`` original characters written as ``n_out`` output characters."""
        if n_out == 0:
            self.delete(n_orig)
            return
        if n_orig == n_out == 1:
            self.keep(1)
            return
        j, k = self.out, self.orig
        self._hi.set_from(j, k)
        if n_out > 1:
            # interior boundaries: lo = end of the original piece, hi = its start
            for t in range(1, n_out):
                self._lo.set_from(j + t, k + n_orig)
                self._hi.set_from(j + t, k)
        self._lo.set_from(j + n_out, k + n_orig)
        self.out = j + n_out
        self.orig = k + n_orig

    def insert(self, n_out: int) -> None:
        """``n_out`` output characters with no original."""
        self.replace(0, n_out)

    def finish(self, original_length: int | None = None) -> OffsetMap:
        """Close the map; trailing original characters not yet consumed are kept."""
        if original_length is not None and original_length > self.orig:
            self.keep(original_length - self.orig)
        self._hi.set_from(self.out, self.orig)
        return OffsetMap(self._lo, self._hi, self.out, self.orig)


def from_edits(edits, original_length: int) -> OffsetMap:
    """Build a map from sorted, non-overlapping ``(orig_pos, n_orig, n_out)`` edits; everything
    else is kept one for one.

    >>> m = from_edits([(1, 1, 0), (3, 1, 2)], 5)
    >>> m.output_length, [m.char_to_original(i) for i in range(5)]
    (5, [(0, 1), (2, 3), (3, 4), (3, 4), (4, 5)])
    """
    b = OffsetBuilder()
    lo_set, hi_set = b._lo.set_from, b._hi.set_from
    out = orig = 0
    for pos, n_orig, n_out in edits:
        if pos > orig:  # keep the stretch before the edit
            hi_set(out, orig)
            lo_set(out + 1, orig + 1)
            out += pos - orig
            orig = pos
        if n_out == 0:
            orig += n_orig
            continue
        hi_set(out, orig)
        for t in range(1, n_out):
            lo_set(out + t, orig + n_orig)
            hi_set(out + t, orig)
        lo_set(out + n_out, orig + n_orig)
        out += n_out
        orig += n_orig
    b.out, b.orig = out, orig
    return b.finish(original_length)


def identity_map(n: int) -> OffsetMap:
    """The map of a text left as it was.

    >>> identity_map(0).span_to_original(0, 0)
    (0, 0)
    """
    return OffsetMap(_Piecewise(), _Piecewise(), n, n)
