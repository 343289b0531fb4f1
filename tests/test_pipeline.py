"""The pipeline: stages by name, dropping and adding stages, failing stages recorded."""
import pytest

import toolkit
from toolkit.pipeline import DEFAULT_STAGES, Config, Pipeline, registered_stages


def test_default_stages_are_registered():
    known = registered_stages()
    assert all(name in known for name in DEFAULT_STAGES)
    assert Pipeline().names == DEFAULT_STAGES


def test_drop_and_add_a_stage():
    calls = []
    p = Pipeline().without("detect").with_stage("mark", lambda d, c: calls.append(len(d.sentences)), after="sentences")
    assert "detect" not in p.names and p.names[p.names.index("sentences") + 1] == "mark"
    doc = toolkit.process("One. Two.", stages=p)
    assert calls == [2] and doc.sentences[0].lang == "und"


def test_unknown_stage_is_a_clear_error():
    with pytest.raises(KeyError, match="unknown stage 'nope'"):
        Pipeline(["blocks", "nope"])


def test_failing_stage_is_recorded_and_later_stages_run():
    def broken(doc, config):
        raise RuntimeError("boom")

    p = Pipeline(["blocks"]).with_stage("broken", broken).with_stage("after", lambda d, c: d.meta.update(ran=True))
    doc = p.run(toolkit.Document(text="Hi.", id="d"), Config())
    assert doc.meta["ran"] and doc.errors[0]["code"] == "stage_failed" and "boom" in doc.errors[0]["message"]
    with pytest.raises(RuntimeError):
        p.run(toolkit.Document(text="Hi.", id="d"), Config(strict=True))


def test_config_keeps_unknown_options():
    cfg = Config.from_options(normalize="search", colour="red")
    assert cfg.normalize == "search" and cfg.options == {"colour": "red"}
    assert cfg.with_options(seed=3).seed == 3


def test_process_rejects_bytes():
    with pytest.raises(TypeError, match="decode bytes"):
        toolkit.process(b"abc")
