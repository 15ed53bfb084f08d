"""Ingest reads dates from file names and never loses a bad file."""
from eventwire.ingest import date_from_name, read_inputs


def test_ingest_date_from_file_name():
    assert date_from_name("ukraine-talks-2022-01-31") == "2022-01-31"
    assert date_from_name("report-2022-13-45") is None
    assert date_from_name("no-date-here") is None


def test_ingest_published_option_wins_over_name(tmp_path):
    f = tmp_path / "story-2021-05-01.txt"
    f.write_text("Title\n\nBody text here.\n")
    assert next(read_inputs([str(f)])).published == "2021-05-01"
    assert next(read_inputs([str(f)], "2020-01-01")).published == "2020-01-01"


def test_ingest_binary_file_is_an_error_not_a_crash(tmp_path):
    f = tmp_path / "junk.txt"
    f.write_bytes(b"\x00\x01\x02binary")
    good = tmp_path / "ok.txt"
    good.write_text("A story.\n")
    out = list(read_inputs([str(tmp_path)]))
    assert [a.id for a in out] == ["junk", "ok"]
    assert out[0].error and not out[1].error


def test_ingest_own_dateline_date_wins_over_the_default(tmp_path):
    import eventwire

    f = tmp_path / "story.txt"
    f.write_text("Title\n\nPARIS, March 3, 2021 (AFP) - France condemned Iran on Wednesday.\n")
    article = eventwire.extract_files([f], published="2020-01-01")[0]
    assert article.published == "2021-03-03"  # the story's own date, not the fallback
    plain = tmp_path / "plain.txt"
    plain.write_text("Title\n\nFrance condemned Iran on Wednesday.\n")
    assert eventwire.extract_files([plain], published="2020-01-01")[0].published == "2020-01-01"
