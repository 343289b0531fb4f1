"""Offset maps: building, lookups, composition (checked against a per-character model)."""
from hypothesis import given, settings, strategies as st

from toolkit.offsets import OffsetBuilder, from_edits, identity_map

OPS = st.lists(st.tuples(st.sampled_from(["keep", "delete", "replace", "insert"]),
                         st.integers(1, 3), st.integers(1, 3)), max_size=30)


def build(ops):
    """The map and a reference list of per-output-character spans."""
    b = OffsetBuilder()
    spans, orig = [], 0
    for op, n, m in ops:
        if op == "keep":
            b.keep(n)
            spans += [(orig + i, orig + i + 1) for i in range(n)]
            orig += n
        elif op == "delete":
            b.delete(n)
            orig += n
        elif op == "replace":
            b.replace(n, m)
            spans += [(orig, orig + n)] * m
            orig += n
        else:
            b.insert(m)
            spans += [(orig, orig)] * m
    return b.finish(), spans


@given(OPS)
def test_char_spans_match_model(ops):
    m, spans = build(ops)
    assert m.output_length == len(spans)
    assert [m.char_to_original(i) for i in range(len(spans))] == spans
    assert m.to_original(m.output_length) == m.original_length


@given(OPS)
def test_span_is_smallest_cover(ops):
    m, spans = build(ops)
    for s in range(len(spans)):
        for e in range(s + 1, len(spans) + 1):
            a, b = m.span_to_original(s, e)
            assert a == spans[s][0] and b == max(spans[e - 1][1], a)


@settings(max_examples=200)
@given(OPS, OPS)
def test_compose_matches_model(ops1, ops2):
    a, spans_a = build(ops1)
    # second map must read a's output: trim/extend its ops to that length
    b_ops, need = [], a.output_length
    for op, n, k in ops2:
        if op in ("keep", "delete", "replace"):
            n = min(n, need)
            if n == 0:
                continue
            need -= n
        b_ops.append((op, n, k))
    if need:
        b_ops.append(("keep", need, 1))
    b, spans_b = build(b_ops)
    c = a.compose(b)
    assert c.output_length == b.output_length and c.original_length == a.original_length
    for i, (s, e) in enumerate(spans_b):
        got = c.char_to_original(i)
        if s < e:
            assert got == (spans_a[s][0], spans_a[e - 1][1])
        else:  # inserted: empty, or the expanded original character it sits inside
            assert got[0] == got[1] or any(got == sp for sp in spans_a)


def test_from_edits_and_identity():
    m = from_edits([(0, 2, 0), (3, 1, 3)], 5)
    assert m.output_length == 5 and m.char_to_original(0) == (2, 3)
    assert identity_map(3).is_identity
    assert type(m).from_dict(m.to_dict()) == m
