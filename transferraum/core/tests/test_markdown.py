"""`core.markdown`: one converter per thread, reset between texts, safe output."""

from __future__ import annotations

import threading

import markdown

from transferraum.core.markdown import render_markdown


def test_a_reused_converter_gives_what_a_fresh_one_gives():
    texts = ["1. eins\n2. zwei", "*kursiv* und **fett**", "> Zitat\n\n- a\n- b", "", "Text [^1]"]
    for text in texts * 2:
        fresh = markdown.markdown(text, extensions=["sane_lists"], output_format="html")
        assert str(render_markdown(text)) == fresh


def test_script_and_event_handlers_are_removed():
    html = str(render_markdown('<script>alert(1)</script><a href="x" onclick="y">z</a>'))
    assert "<script" not in html and "onclick" not in html


def test_threads_convert_at_once_without_mixing_texts():
    results: dict[int, str] = {}

    def work(number: int) -> None:
        for _ in range(50):
            results[number] = str(render_markdown(f"**{number}**"))

    threads = [threading.Thread(target=work, args=(number,)) for number in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == {number: f"<p><strong>{number}</strong></p>" for number in range(8)}
