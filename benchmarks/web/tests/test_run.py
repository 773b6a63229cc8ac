from benchmarks.web.run import (
    Page,
    Score,
    median_score,
    meets_targets,
    render,
    score_from_lighthouse,
)


def _report(performance=0.97, cls=0.02, requests=()):
    return {
        "categories": {"performance": {"score": performance}},
        "audits": {
            "cumulative-layout-shift": {"numericValue": cls},
            "largest-contentful-paint": {"numericValue": 1834.5},
            "total-byte-weight": {"numericValue": 131_072},
            "network-requests": {"details": {"items": list(requests)}},
        },
    }


def _score(performance=97, cls=0.02, script=40_000, style=30_000):
    return Score(performance, cls, 1800.0, 131_072, script, style, 80_000)


def test_a_report_gives_scores_and_transfer_sizes_by_kind():
    report = _report(
        requests=[
            {"resourceType": "Document", "transferSize": 4_000},
            {"resourceType": "Script", "transferSize": 15_000},
            {"resourceType": "Script", "transferSize": 1_000},
            {"resourceType": "Stylesheet", "transferSize": 23_000},
            {"resourceType": "Font", "transferSize": 20_000},
            {"resourceType": "Image", "transferSize": None},  # a data: URL has no transfer
        ]
    )

    score = score_from_lighthouse(report)

    assert score == Score(97, 0.02, 1834.5, 131_072, 16_000, 23_000, 20_000)
    assert score.code_bytes == 39_000


def test_a_failed_category_scores_zero():
    assert score_from_lighthouse(_report(performance=None)).performance == 0


def test_the_median_run_is_reported():
    runs = [_score(99), _score(83), _score(97)]
    assert median_score(runs).performance == 97
    assert median_score([_score(90), _score(99)]).performance == 90


def test_targets_need_score_layout_shift_and_budget():
    assert meets_targets(_score())
    assert not meets_targets(_score(performance=94))
    assert not meets_targets(_score(cls=0.1))
    assert not meets_targets(_score(script=100_000, style=60_000))  # 156 KB


def test_the_section_lists_each_page_with_its_runs():
    section = render(
        [
            (Page("home", "Home page", "/"), _score(99), [99, 83, 99]),
            (Page("start", "Start page", "/konto/profil/", True), _score(90), [90]),
        ],
        measured="2026-12-07 on commit abc1234",
        versions="Lighthouse 12.8.2",
        runs=3,
    )

    assert "Measured 2026-12-07 on commit abc1234; Lighthouse 12.8.2." in section
    assert "Met on 1 of 2 pages." in section
    assert "| Home page | `/` | 99 (99, 83, 99) | 0.020 | 1.8 s | 128 KB |" in section
    assert "| Start page (signed in) | `/konto/profil/` | 90 (90) |" in section
    assert "**not met**" in section
