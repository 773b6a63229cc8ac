import pytest

from benchmarks.sections import machine_load, markers, percentile, write_section


def test_writing_replaces_only_its_own_section(tmp_path):
    path = tmp_path / "benchmarks.md"
    path.write_text(
        "# Benchmarks\n\nintro\n\n<!-- allocation:start -->\nalloc\n<!-- allocation:end -->\n"
    )
    start, end = markers("web")

    write_section(path, "web", "## Web\n\nfirst")
    write_section(path, "web", "## Web\n\nsecond")

    text = path.read_text()
    assert "<!-- allocation:start -->\nalloc\n<!-- allocation:end -->" in text
    assert "first" not in text
    assert text.count(start) == 1
    assert text.endswith(f"{start}\n## Web\n\nsecond\n{end}\n")


def test_a_section_in_the_middle_keeps_what_follows(tmp_path):
    path = tmp_path / "benchmarks.md"
    write_section(path, "pages", "## Pages\n\nold")
    write_section(path, "load", "## Load")

    write_section(path, "pages", "## Pages\n\nnew")

    text = path.read_text()
    assert text.index("new") < text.index("## Load")
    assert "old" not in text


def test_writing_creates_a_missing_file(tmp_path):
    path = tmp_path / "docs" / "benchmarks.md"
    write_section(path, "web", "## Web")
    assert path.read_text().startswith("# Benchmarks\n")
    assert "<!-- web:start -->\n## Web\n<!-- web:end -->" in path.read_text()


def test_percentiles_are_measured_values_by_nearest_rank():
    values = [float(v) for v in range(1, 21)]  # 1 … 20, shuffled below
    values = values[7:] + values[:7]
    assert percentile(values, 0.5) == 10
    assert percentile(values, 0.95) == 19
    assert percentile(values, 1) == 20
    assert percentile(values, 0) == 1
    assert percentile([3.0], 0.95) == 3


def test_a_percentile_needs_values_and_a_share():
    with pytest.raises(ValueError):
        percentile([], 0.5)
    with pytest.raises(ValueError):
        percentile([1.0], 95)


def test_the_machine_load_names_the_cores():
    assert machine_load().endswith(" cores")
