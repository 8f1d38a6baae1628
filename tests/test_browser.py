"""The HTML report in a real headless Chromium (Debian's chromium + chromedriver, via Selenium).

Clicking a finding scrolls its highlighted span into view and shows its
message; a <script> in a report never runs; filters hide findings; every
finding of the examples and of the real corpus is shown. Screenshots at 1280
and 390 px go to each test's temp dir. `.ci/run` installs the browser; the
tests skip, saying why, only where it cannot be installed.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile

import pytest

from checker.document.outline import build
from conftest import EXAMPLES
from test_html import REPORT, render, sample

ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars",
        "--disable-dev-shm-usage")


def _find(*names):
    for name in names:
        path = shutil.which(name) or (name if os.path.isfile(name) else None)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def driver():
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install '.[test]')")
    from selenium.webdriver.chrome.service import Service
    chromium = _find("chromium", "chromium-browser", "/usr/lib/chromium/chromium")
    chromedriver = _find("chromedriver", "/usr/lib/chromium/chromedriver")
    if not chromium or not chromedriver:
        pytest.skip("no chromium/chromedriver on this machine (apt-get install chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    profile = tempfile.mkdtemp(prefix="reportlint-chromium-")
    for arg in ARGS + (f"--user-data-dir={profile}",):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(chromedriver), options=options)
    try:
        yield browser
    finally:
        browser.quit()
        shutil.rmtree(profile, ignore_errors=True)


def open_page(driver, tmp_path, page: str, width: int, name="report.html"):
    path = tmp_path / name
    path.write_text(page, encoding="utf-8")
    driver.set_window_size(width, 900)
    driver.get(path.as_uri())
    driver.get_log("browser")  # drop messages from earlier pages
    return path


def long_report() -> str:
    """REPORT with many more paragraphs, so that late findings need scrolling."""
    filler = "\n".join(f"（{numeral}）推进依法行政第{i}项工作。全年组织专题培训{i + 3}次，参训人员{40 + i}人次。\n"
                       for i, numeral in enumerate("四五六七八九十", start=4))
    return REPORT.replace("二、存在的问题", filler + "\n二、存在的问题")


def click(driver, element):
    """Click as a user would: first bring the element to the middle of the screen (not under the header)."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def in_viewport(driver, element) -> bool:
    """Inside the window, and not hidden under the header or the detail panel."""
    return driver.execute_script(
        "var e = arguments[0], r = e.getClientRects()[0];"
        "if (!r || r.top < 0 || r.bottom > window.innerHeight || r.left < 0 || r.right > window.innerWidth)"
        "  return false;"
        "var hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
        "return !!hit && (hit === e || e.contains(hit));", element)


def severe_logs(driver):
    return [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]


@pytest.mark.parametrize("width", [1280, 390])
def test_clicking_a_finding_scrolls_its_span_into_view_and_shows_the_detail(driver, tmp_path, width):
    from selenium.webdriver.common.by import By
    doc, findings = sample(long_report())
    open_page(driver, tmp_path, render([(doc, findings)]), width)
    last = len(findings) - 1          # the closing block, at the very end of the report
    mark = driver.find_element(By.CSS_SELECTOR, f'mark[data-f~="{last}"]')
    assert not in_viewport(driver, mark), "the page must need scrolling for this test to mean anything"
    click(driver, driver.find_element(By.CSS_SELECTOR, f'.flist a[data-f="{last}"]'))
    assert in_viewport(driver, mark)
    assert "on" in mark.get_attribute("class").split()
    panel = driver.find_element(By.CSS_SELECTOR, "#v0 .panel")
    assert panel.is_displayed() and in_viewport(driver, panel.find_element(By.CSS_SELECTOR, ".d-msg"))
    assert findings[last].message in panel.text
    driver.save_screenshot(str(tmp_path / f"clicked-{width}.png"))
    # the statistics finding shows its computation
    rate = next(i for i, f in enumerate(findings) if f.category == "statistics")
    click(driver, driver.find_element(By.CSS_SELECTOR, f'.flist a[data-f="{rate}"]'))
    assert "3862/4210=91.73%，报告写91.72%" in panel.text
    assert in_viewport(driver, driver.find_element(By.CSS_SELECTOR, f'mark[data-f~="{rate}"]'))
    assert driver.execute_script("return document.documentElement.scrollWidth") <= width, \
        "no horizontal scrolling of the page"
    assert severe_logs(driver) == []


def test_clicking_an_overlap_shows_every_finding_there(driver, tmp_path):
    from selenium.webdriver.common.by import By
    doc, findings = sample()
    open_page(driver, tmp_path, render([(doc, findings)]), 1280)
    both = [m for m in driver.find_elements(By.CSS_SELECTOR, "mark.hl") if len(m.get_attribute("data-f").split()) == 2]
    assert both
    both[0].click()
    cards = driver.find_elements(By.CSS_SELECTOR, "#v0 .panel .detail")
    assert len(cards) == 2 and all(c.is_displayed() for c in cards)


def test_a_script_in_the_report_is_text_and_never_runs(driver, tmp_path):
    from selenium.webdriver.common.by import By
    doc, findings = sample()
    open_page(driver, tmp_path, render([(doc, findings)]), 1280)
    assert driver.execute_script("return window.__pwned === undefined")
    text = driver.find_element(By.CSS_SELECTOR, "#v0 article.text").text
    assert "<script>window.__pwned = 1</script>" in text
    assert '<img src=x onerror="window.__pwned = 2">' in text
    assert driver.find_elements(By.CSS_SELECTOR, "article.text script, article.text img") == []
    driver.save_screenshot(str(tmp_path / "script.png"))
    # the message's <script> is text as well, after it has been copied into the panel
    xi = next(i for i, f in enumerate(findings) if f.rule == "X101")
    click(driver, driver.find_element(By.CSS_SELECTOR, f'.flist a[data-f="{xi}"]'))
    assert "正文中有网页代码 <script>" in driver.find_element(By.CSS_SELECTOR, "#v0 .panel").text
    assert driver.execute_script("return window.__pwned === undefined")


def test_filters_hide_findings_and_their_highlights(driver, tmp_path):
    from selenium.webdriver.common.by import By
    doc, findings = sample()
    open_page(driver, tmp_path, render([(doc, findings)]), 1280)
    driver.find_element(By.CSS_SELECTOR, ".filters > summary").click()
    driver.find_element(By.CSS_SELECTOR, 'input[data-filter="sev"][value="error"]').click()
    items = driver.find_elements(By.CSS_SELECTOR, "#v0 .flist li")
    shown = [li.get_attribute("data-sev") for li in items if li.is_displayed()]
    assert shown and "error" not in shown and len(shown) == sum(f.severity != "error" for f in findings)
    rate = next(i for i, f in enumerate(findings) if f.category == "statistics")
    # the rate figure stays highlighted, now as the warning that also covers it
    mark = driver.find_element(By.CSS_SELECTOR, f'mark[data-f~="{rate}"]')
    assert "s-warning" in mark.get_attribute("class").split()
    driver.find_element(By.CSS_SELECTOR, 'input[data-filter="cat"][value="terminology"]').click()
    assert "off" in mark.get_attribute("class").split()
    assert not driver.find_element(By.ID, f"f0-{rate}").is_displayed()
    assert "显示 3 / 6" in driver.find_element(By.CSS_SELECTOR, "#v0 .shown").text


def _cli_page(paths, tmp_path):
    out = tmp_path / "cli.html"
    run = [sys.executable, "-m", "checker", "check", *map(str, paths)]
    subprocess.run(run + ["--format", "html", "--output", str(out)], capture_output=True, check=False)
    data = json.loads(subprocess.run(run + ["--format", "json"], capture_output=True, text=True,
                                     encoding="utf-8").stdout)
    return out, data


def _every_finding_is_shown(driver, out, data, n_files, tmp_path, name):
    """Each file's view lists exactly its findings, with one marker each, and the last one scrolls into view."""
    from selenium.webdriver.common.by import By
    for width in (1280, 390):
        driver.set_window_size(width, 900)
        driver.get(out.as_uri())
        driver.save_screenshot(str(tmp_path / f"{name}-first-{width}.png"))
        tabs = driver.find_elements(By.CSS_SELECTOR, ".views a[href^='#v']")
        assert len(tabs) == n_files
        for n, tab in enumerate(tabs):
            driver.execute_script("arguments[0].click()", tab)
            view = driver.find_element(By.CSS_SELECTOR, ".view.file:not([hidden])")
            path = view.find_element(By.CSS_SELECTOR, "h2").text
            expected = sorted(f["message"] for f in data if f["path"] == path)
            items = view.find_elements(By.CSS_SELECTOR, ".flist li")
            shown = sorted(li.find_element(By.CSS_SELECTOR, ".msg").get_attribute("textContent") for li in items)
            assert shown == expected, path
            assert len(view.find_elements(By.CSS_SELECTOR, "a.mk")) == len(expected), path
            if expected:
                i = len(items) - 1
                click(driver, items[-1].find_element(By.CSS_SELECTOR, "a"))
                target = (view.find_elements(By.CSS_SELECTOR, f"mark[data-f~='{i}']")
                          or view.find_elements(By.CSS_SELECTOR, f"a.mk[data-f='{i}']"))
                assert in_viewport(driver, target[0]), path
            driver.save_screenshot(str(tmp_path / f"{name}-{n}-{width}.png"))
        assert severe_logs(driver) == []


def test_examples_page_shows_every_finding(driver, tmp_path):
    out, data = _cli_page([EXAMPLES], tmp_path)
    assert data
    _every_finding_is_shown(driver, out, data, len(list(EXAMPLES.glob("*.txt"))), tmp_path, "examples")


def test_corpus_page_shows_every_finding(driver, tmp_path, corpus):
    reports = sorted(corpus.glob("*.txt"))
    out, data = _cli_page(reports, tmp_path)
    _every_finding_is_shown(driver, out, data, len(reports), tmp_path, "corpus")


def test_single_file_page_opens_on_the_file_and_english_works(driver, tmp_path):
    from selenium.webdriver.common.by import By
    doc, findings = sample()
    open_page(driver, tmp_path, render([(doc, findings)], lang="en"), 390)
    assert driver.find_element(By.ID, "v0").is_displayed()
    assert "Findings" in driver.find_element(By.CSS_SELECTOR, "#v0 .list > summary").text
    driver.save_screenshot(str(tmp_path / "english-390.png"))
    other = build(REPORT, "reports/other.txt")
    open_page(driver, tmp_path, render([(doc, findings), (other, [])]), 1280, "two.html")
    assert driver.find_element(By.ID, "summary").is_displayed()
    assert not driver.find_element(By.ID, "v0").is_displayed()
