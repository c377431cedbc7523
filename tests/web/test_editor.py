"""Editing from the preview in a real browser: follow an item's Edit link, save, see the outputs rebuild."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from tests.helpers import edit
from tests.web.browser import axe_violations
from tests.web.serving import serving, status, wait_for

pytestmark = [pytest.mark.browser, pytest.mark.slow]


def accessible(browser: Any, url: str) -> list[dict[str, Any]]:
    """Return axe's violations on the page at ``url`` (axe is injected, so the page's script policy is bypassed)."""
    checker = browser.new_page(bypass_csp=True)
    checker.goto(url)
    found = axe_violations(checker)
    checker.close()
    return found


def test_an_editor_changes_a_title_adds_a_place_with_a_new_source_and_undoes_it(browser: Any, server: Any) -> None:
    port, pack, _ = server
    base = f"http://127.0.0.1:{port}"
    content, sources = pack / "content.yaml", pack / "sources.yaml"
    page = browser.new_page()
    page.goto(f"{base}/mini/mini-public.html")
    link = page.get_by_role("link", name=re.compile("^Edit key message “Rules differ from town to town”"))
    assert link.count() == 1
    link.click()
    assert accessible(browser, page.url) == []
    page.get_by_label("Title (required)").fill("Rules differ in every town")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Saved").wait_for(timeout=60000)
    assert "+    title: Rules differ in every town" in page.inner_text("pre.diff")
    assert accessible(browser, page.url) == []
    page.get_by_role("link", name="Back to the web edition").click()
    wait_for(lambda: "Rules differ in every town" in page.inner_text("main"), 180)  # rebuilt, reloaded by itself

    # A new place under a model, citing a source added in the same form.
    page.goto(f"{base}/_briefpack/edit/mini")
    page.get_by_role("link", name="Edit model “Full ban”").click()
    page.get_by_role("link", name="Add a jurisdiction").click()
    assert accessible(browser, page.url) == []
    page.get_by_label("Name").fill("Atlantis")
    page.get_by_label("Year", exact=True).first.fill("2022")
    page.locator("summary", has_text="Add a new source").click()
    page.get_by_label("New source: id").fill("atlantis-act")
    page.get_by_label("New source: title").fill("The Atlantis Scooter Act")
    page.get_by_label("New source: publisher").fill("Parliament of Atlantis")
    page.get_by_label("New source: web address (URL)").fill("https://example.org/atlantis")
    page.get_by_role("button", name="Add").click()
    page.get_by_role("heading", name="Saved").wait_for(timeout=60000)
    assert "{name: Atlantis, year: 2022, sources: [atlantis-act]}" in content.read_text("utf-8")
    assert "id: atlantis-act" in sources.read_text("utf-8")

    page.get_by_role("button", name="Undo this save").click()
    assert "The last save was undone" in page.inner_text("main")
    assert "Atlantis" not in content.read_text("utf-8") and "atlantis-act" not in sources.read_text("utf-8")
    assert "title: Rules differ in every town" in content.read_text("utf-8")  # the save before stays


def test_a_broken_value_is_refused_at_its_field_and_a_concurrent_change_is_not_overwritten(browser: Any,
                                                                                          server: Any) -> None:
    port, pack, _ = server
    content = pack / "content.yaml"
    before = content.read_bytes()
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{port}/_briefpack/edit/mini/item?path=models%5B1%5D.jurisdictions%5B1%5D")
    page.get_by_label("Year", exact=True).first.fill("twenty")
    page.get_by_role("button", name="Save").click()
    year = page.get_by_label("Year", exact=True).first
    assert year.get_attribute("aria-invalid") == "true" and year.input_value() == "twenty"
    described = year.get_attribute("aria-describedby").split()
    assert "expected a whole number, got text 'twenty'" in page.locator(f"#{described[0]}").inner_text()
    assert page.get_by_role("alert").is_visible() and page.evaluate("document.activeElement.id") == "problems"
    assert content.read_bytes() == before  # nothing written
    assert accessible(browser, page.url) == []  # the page with its errors

    page.goto(f"http://127.0.0.1:{port}/_briefpack/edit/mini/item?path=key_messages%5B2%5D")
    edit(content, "title: Licences cost money", "title: Licences cost a lot")  # someone else, meanwhile
    page.get_by_label("Text").fill("My new words for this message.")
    page.get_by_role("button", name="Save").click()
    conflict = page.get_by_role("alert")
    assert "changed on disk after you opened the form" in conflict.inner_text()
    assert "+    title: Licences cost a lot" in conflict.inner_text()
    assert page.get_by_label("Text").input_value() == "My new words for this message."  # kept, not lost
    assert "title: Licences cost a lot" in content.read_text("utf-8")
    page.get_by_role("button", name="Save").click()  # saved onto the file as it is now
    page.get_by_role("heading", name="Saved").wait_for(timeout=60000)
    text = content.read_text("utf-8")
    assert "title: Licences cost a lot" in text and "My new words for this message." in text


def test_every_editor_page_passes_axe_and_works_without_scripts(browser: Any, server: Any) -> None:
    port, _, _ = server
    base = f"http://127.0.0.1:{port}/_briefpack/edit/mini"
    for path in ("", "/item?path=models%5B1%5D", "/item?path=models&new=1", "/item?path=pack",
                 "/item?path=vocabulary", "/item?path=lived_experience%5B1%5D", "/item?path=sources%5B1%5D"):
        assert accessible(browser, base + path) == [], path
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "/item?path=recommendations%5B1%5D")
    page.get_by_label("Title (required)").fill("Make the rules clear and short")
    page.get_by_role("button", name="Save").click()
    page.get_by_role("heading", name="Saved").wait_for(timeout=60000)
    context.close()
    assert status(port)["generation"] >= 1


def test_the_keyboard_alone_reaches_an_item_edits_it_and_saves(browser: Any, server: Any) -> None:
    port, pack, _ = server
    page = browser.new_page()
    page.goto(f"http://127.0.0.1:{port}/_briefpack/edit/mini")

    def tab_to(condition: str, limit: int = 60) -> None:
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate(condition):
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline != "none", "focus is visible"
                return
        raise AssertionError(f"never reached: {condition}")

    tab_to("document.activeElement.textContent.startsWith('Edit key message “Licences cost money”')")
    page.keyboard.press("Enter")
    page.wait_for_selector("#f-title")
    tab_to("document.activeElement.id === 'f-title'")
    page.keyboard.press("Control+A")
    page.keyboard.type("Licences cost riders money")
    page.keyboard.press("Enter")  # a form is submitted from its text field, as browsers do
    page.wait_for_url(re.compile("/saved$"))
    page.get_by_role("heading", name="Saved").wait_for(timeout=60000)
    assert "title: Licences cost riders money" in (pack / "content.yaml").read_text("utf-8")


def test_the_first_hour_a_new_pack_filled_in_from_the_browser_alone(browser: Any, tmp_path: Any) -> None:
    from generator.scaffold import new_pack

    folder = new_pack(tmp_path / "briefs", "demo")
    with serving(tmp_path) as (port, _):
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/")
        page.get_by_role("link", name="Edit demo").click()
        page.get_by_role("link", name="Edit pack details").click()
        page.get_by_label("Title (required)", exact=True).fill("Scooter law in Examplia")
        page.get_by_role("button", name="Save").click()
        page.get_by_role("heading", name="Saved").wait_for(timeout=60000)

        def cite(scope: Any, legend: str = "Sources") -> None:
            box = scope.get_by_role("group", name=re.compile(f"^{legend}")).first
            if box.locator("details").first.get_attribute("open") is None:
                box.locator("summary").first.click()
            box.get_by_label(re.compile("^example-report")).check()

        page.get_by_role("link", name="All items").click()
        page.get_by_role("link", name="Add a model").click()
        page.get_by_label("Id (required)").fill("permits")
        page.get_by_label("Name (required)").first.fill("Permits")
        page.get_by_label("Short name (required)").fill("Permits")
        page.get_by_label("Definition (required)").fill("Riding needs a permit from the town.")
        cite(page.locator("form[data-item]"), "Sources \\(required\\)")
        for party in ("Sellers", "Buyers", "Third parties"):
            group = page.get_by_role("group", name=party, exact=True)
            group.get_by_label("Status").select_option("licensed-only")
            group.get_by_label("Qualifier").fill("Only with a permit")
        for effect in ("Safety", "Health", "Rights"):
            group = page.get_by_role("group", name=effect, exact=True)
            group.get_by_label("Summary").fill("Not measured yet")
            group.get_by_label("Text").fill("No study has measured it yet.")
            cite(group)
        first_place = page.get_by_role("group", name=re.compile("^Jurisdictions: the first"))
        first_place.get_by_label("Name (required)").fill("Hilltown")
        cite(first_place)
        page.get_by_role("button", name="Add").click()
        page.get_by_role("heading", name="Saved").wait_for(timeout=60000)

        page.get_by_role("link", name="Edit it again").click()
        page.get_by_role("link", name="Add a jurisdiction").click()
        page.get_by_label("Name (required)").fill("Port Vale")
        event = page.get_by_role("group", name=re.compile("^Events: the first event"))
        event.get_by_label("Year").fill("2023")
        event.get_by_label("Kind").select_option("in-force")
        page.locator("summary", has_text="Add a new source").click()
        page.get_by_label("New source: id").fill("port-vale-bylaw")
        page.get_by_label("New source: title").fill("Port Vale scooter by-law")
        page.get_by_label("New source: publisher").fill("Port Vale council")
        page.get_by_role("button", name="Add").click()  # the new source is cited by the place and its event
        page.get_by_role("heading", name="Saved").wait_for(timeout=60000)
        content = (folder / "content.yaml").read_text("utf-8")
        assert "name: Port Vale" in content and "kind: in-force" in content
        assert content.count("sources: [port-vale-bylaw]") == 2

        page.get_by_role("link", name="Back to the web edition").click()
        wait_for(lambda: "Port Vale" in page.inner_text("main") and "Permits" in page.inner_text("main"), 180)


def test_the_default_packs_editor_pages_pass_axe_on_a_phone_and_a_desktop(browser: Any, tmp_path: Any) -> None:
    """The biggest forms there are (the default pack's), drawn by the app itself, as axe and a 320 px phone see them."""
    from tests.edit.test_editor_http import app_for, call
    from tests.helpers import DEFAULT_PACK, copy_pack
    from tests.web.browser import sideways_overflow

    copy_pack(DEFAULT_PACK, tmp_path)
    app, _ = app_for(tmp_path)
    base = f"/_briefpack/edit/{DEFAULT_PACK.name}"
    paths = ("", "/item?path=models%5B3%5D", "/item?path=models&new=1", "/item?path=vocabulary",
             "/item?path=models%5B3%5D.jurisdictions&new=1", "/item?path=key_messages%5B1%5D.easy_read%5B1%5D")
    with ThreadPoolExecutor(1) as pool:  # the app's own event loop, apart from Playwright's
        answers = list(pool.map(lambda path: call(app, "GET", base + path), paths))
    for path, (status_code, _, html) in zip(paths, answers, strict=True):
        assert status_code == 200, path
        for width in (320, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.set_content(html)
            assert axe_violations(page) == [], (path, width)
            assert sideways_overflow(page) == 0, (path, width)
            page.close()
