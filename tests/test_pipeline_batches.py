"""The pipeline processes batches: the same output as one by one, and a failure stays with its article."""
import pytest

from eventwire.ingest import read_inputs
from eventwire.model import Article
from eventwire.pipeline import process, process_all

pytestmark = pytest.mark.slow


def test_pipeline_batches_give_the_same_output_in_order(root):
    one = [process(a).to_contract() for a in read_inputs([str(root / "examples" / "demo-corpus")])]
    batched = [a.to_contract() for a in process_all(read_inputs([str(root / "examples" / "demo-corpus")]),
                                                      batch_size=5)]
    assert batched == one


def test_pipeline_a_failing_article_does_not_stop_its_batch():
    good = Article(id="good", text="Title\n\nKenya condemned Uganda on Monday.\n", published="2024-01-01")
    bad = Article(id="bad", text="Title\n\nUganda rejected it.\n", published="2024-01-01")
    bad.paragraphs = None  # a broken record: the clean stage will fail on it
    bad.meta["html"] = 12345  # not a page: trafilatura cannot read it
    out = list(process_all([good, bad, Article(id="g2", text="Title\n\nChad met Niger.\n")], batch_size=3))
    assert [a.id for a in out] == ["good", "bad", "g2"]
    assert out[1].error and not out[0].error and not out[2].error
