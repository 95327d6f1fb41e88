"""The benchmark's own arithmetic (tools/bench/): recipe timing and the render floor, and the
publishable-URL check, on tiny stand-ins (the real numbers are `make bench`'s job)."""

from tools.bench import builds, urls


def test_every_recipe_is_timed_through_the_timing_shell(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "Makefile").write_text(
        "SHELL := /bin/bash\nall: a b\na:\n\t@sleep 0.2\nb:\n\t@echo two \\\n\t  lines\n"
    )
    run = builds.timed_make(project, tmp_path)
    assert run["code"] == 0 and run["tail"] == ["two lines"]
    commands = [command for _, command in run["recipes"]]
    assert "sleep 0.2" in commands and any(c.startswith("echo two") for c in commands)
    slept = next(s for s, command in run["recipes"] if command == "sleep 0.2")
    assert 0.2 <= slept < 5


def test_a_failing_recipe_keeps_its_exit_code(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    (project / "Makefile").write_text("all:\n\t@exit 3\n")
    assert builds.timed_make(project, tmp_path)["code"] == 2  # make reports the failure


def test_render_floor_counts_renders_only_over_the_cores():
    recipes = [
        (30.0, ".venv/bin/python -m figures_src.videos.render a zh site out.mp4"),
        (50.0, ".venv/bin/python -m figures_src.videos.render a en site out.mp4"),
        (4.0, ".venv/bin/python -m figures_src.figures docs/generated/figures sigmoid"),
        (9.0, ".venv/bin/python -m figures_src.figures --make-deps build/make/figures.mk"),
        (12.0, "set -o pipefail; .venv/bin/mkdocs build --strict 2>&1 | tee build/site-build.log"),
        (7.0, ".venv/bin/python -m figures_src.model.analysis docs/generated/data"),
    ]
    floor = builds.render_floor(recipes, cores=2)
    assert floor["renders"] == 3 and floor["render_seconds"] == 84.0
    assert floor["floor"] == 50.0  # the longest render outlasts 84 s over two cores
    assert floor["site_seconds"] == 12.0
    assert builds.render_floor(recipes[:1] * 4, cores=2)["floor"] == 60.0


def _page(root, path, lang, canonical):
    (root / path).mkdir(parents=True, exist_ok=True)
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    (root / path / "index.html").write_text(f'<html lang="{lang}"><head>{link}</head></html>')


def _sitemap(root, base, paths):
    entries = "".join(
        f"<url><loc>{base}{p}</loc>"
        f'<xhtml:link rel="alternate" hreflang="zh" href="{base}{p}"/>'
        f'<xhtml:link rel="alternate" hreflang="en" href="{base}en/{p}"/></url>'
        for p in paths
    )
    (root / "sitemap.xml").write_text(f"<urlset>{entries}</urlset>")


def test_publishable_urls_pass_a_good_site_and_name_each_fault(tmp_path):
    base = "https://example.org/site/"
    for path in ("", "learning/"):
        _page(tmp_path, path, "zh", base + path)
        _page(tmp_path, "en/" + path, "en", base + "en/" + path)
    _sitemap(tmp_path, base, ["", "learning/"])
    assert urls.measure(tmp_path)["problems"] == []
    _page(tmp_path, "en/learning/", "zh", None)
    _sitemap(tmp_path, base, [""])
    problems = urls.measure(tmp_path)["problems"]
    assert "/en/learning/: canonical missing" in problems
    assert "/en/learning/: html lang zh" in problems
    assert f"{base}learning/: not in the sitemap" in problems
