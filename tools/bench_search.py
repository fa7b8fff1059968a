"""Search as a citizen on a phone meets it: how long after the last key results show, and what it downloads.

    .venv/bin/python -m tools.bench_search SITE_DIR [--runs N] [--queries Q ...] [--page agencies/]

SITE_DIR is served on 127.0.0.1 by a static server that gzips .html/.css/.js/.json (and other
text) when the browser accepts gzip, as real static hosts do. Each run opens a fresh browser
context (an empty cache: a first visit) in headless Chromium at 360 x 740, is_mobile and
has_touch, with the CPU throttled 4x (CDP ``Emulation.setCPUThrottlingRate``), loads the page
(``agencies/``, ``en/agencies/`` for English queries) until the network is idle, then:

1. **first search of the visit**: taps the header's search button (``label[for=__search]``) and
   types the query, a key every ``--key-delay`` ms (150: a practised thumb);
2. **a further query** on the same page: select all, Backspace, and type another query of the
   same language (the next one in the list; a language with one query retypes it).

Typing. Latin characters go through ``page.keyboard.press`` (real key codes). Playwright's
``keyboard.type`` sends a character it has no key for (all of Thai) as ``insertText``: no
keydown or keyup, so Material, which reads the box on ``keyup``, would never search. Such
characters (Thai consonants, vowels and tone marks, one code point a key, as a Thai phone
keyboard sends them) go as one CDP ``Input.dispatchKeyEvent`` keyDown carrying the character
and a keyUp, like a phone's keyboard: keydown, input, keyup, and the box holds the exact text.

What "results show" means, precisely. A script added with ``add_init_script`` (the CSP's
``script-src 'self'`` does not apply to it, nor to ``page.evaluate``) records
``performance.now()`` at every ``input`` event of the search box and, with a MutationObserver
on the document, every change to the page while search is in use; after each change it waits
for the next frame to be drawn (requestAnimationFrame, then a message-channel task, i.e. after
paint) and records the drawn state: how many result items there are, the address of the first
item that holds a link, the result meta line, and whether that first item has a size on screen.
The query's results are the state the list settles on: no change for 2 s (or 1.5 x the longest
gap between changes after the last key, if longer). **Latency** is from the ``input`` event of
the last key to the paint of the first drawn state, after that key, from which the list stays in
its settled state with a visible first item. A state drawn for an earlier prefix that looks
exactly like the final one counts as the final one (the reader cannot tell them apart); a
stale prefix's different results do not. It relies only on what a reader sees (result items
with a link, their meta line), not on the files of any search implementation.

**Bytes** are every response started after the tap (or, for a further query, after the select
all) and finished by the time the results settled, from CDP ``Network.loadingFinished``
``encodedDataLength`` (over the wire: gzip body and headers) and the sum of
``Network.dataReceived`` ``dataLength`` (decoded); responses of dedicated workers, which the
page's CDP session does not see, are added from Playwright's request sizes. What a design
loads with every page (Material creates its search worker at page load) is page weight, not
counted here: ``page_kb`` in the JSON gives what the page itself downloaded before search.

Figures are medians over runs; each query's first search is in its own fresh context.

Caveats. The 4x slowdown applies to the page's main thread only: Chromium refuses
``Emulation.setCPUThrottlingRate`` for a worker ("Operation is only supported for pages, not
workers"), so what a design does in a dedicated worker (Material builds its lunr index and
answers queries there) runs at this machine's full speed, and a phone would be slower. The
site's own worker says how long it worked on a query (``took`` in its answer): ``latency_4x_s``
adds that share three times more, as if the worker were slowed down too. The
network is the loopback (no phone network's latency or bandwidth). Other work on the machine
slows every figure; each run's 1-minute load average is in the JSON (``first_load``).
"""

from __future__ import annotations

import argparse
import email.utils
import gzip
import io
import itertools
import json
import os
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from http import HTTPStatus
from pathlib import Path
from typing import Any, BinaryIO, ClassVar

from playwright.sync_api import (
    Browser,
    BrowserContext,
    CDPSession,
    Page,
    Request,
    ViewportSize,
    sync_playwright,
)

from tools.browser import ARGS, CHROMIUM, Quiet, served

QUERIES = ["ร้องเรียน", "เครือข่าย", "ความคืบหน้า", "ตรวจสุขภาพ", "เครื่องสูบน้ำ", "0 3233 7120", "en:complaint"]
VIEWPORT: ViewportSize = {"width": 360, "height": 740}
CPU_SLOWDOWN = 4
KEY_DELAY_MS = 150
QUIET_S = 2.0
TIMEOUT_S = 120.0
# Pagefind's own files (.pf_*) are gzip already, and go as they are.
GZIP_TYPES = (".html", ".css", ".js", ".mjs", ".json", ".svg", ".xml", ".txt", ".map", ".wasm")


@dataclass(frozen=True)
class SearchUI:
    """Where a reader finds search: what to tap to open it (None: the box itself), the box,
    a result item and the line above the results. Selectors of what is seen, not of files."""

    open: str | None
    box: str
    item: str
    meta: str | None


MATERIAL = SearchUI(
    open="header label[for=__search]",
    box="input[name=query]",
    item=".md-search-result__item",
    meta=".md-search-result__meta",
)


class GzipHandler(Quiet):
    """A static host's behaviour: text files go gzip-compressed to a browser that accepts gzip
    (each compressed once per server and kept, as hosts keep theirs), with Last-Modified and
    If-Modified-Since like the plain handler; everything else as SimpleHTTPRequestHandler does."""

    packed: ClassVar[dict[tuple[str, int], bytes]] = {}

    def send_head(self) -> BinaryIO | None:
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?", 1)[0].endswith("/"):
            path = os.path.join(path, "index.html")
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.endswith(GZIP_TYPES) and os.path.isfile(path)):
            return super().send_head()
        stat = os.stat(path)
        if self._not_modified(stat.st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self.end_headers()
            return None
        key = (path, stat.st_mtime_ns)
        if key not in self.packed:
            self.packed[key] = gzip.compress(Path(path).read_bytes(), compresslevel=6, mtime=0)
        body = self.packed[key]
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(path))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)

    def _not_modified(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            return int(mtime) <= email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError):
            return False


@contextmanager
def served_gzip(site: Path) -> Iterator[str]:
    """``site`` served as a static host would, gzip included; yields its URL."""
    with served(site, GzipHandler) as url:
        yield url


# Runs in every document before its own scripts; CSP does not apply to it. See the docstring.
OBSERVER = """
(() => {
  const ui = %s;
  const log = { inputs: [], states: [], taps: [], took: [] };
  // A worker's results that say how long it worked (the site's own do: ``took``) are noted:
  // the CPU slowdown reaches the page, not workers, so that share is added again 3 x.
  const Native = window.Worker;
  if (typeof Native === "function") {
    window.Worker = function (url, options) {
      const worker = new Native(url, options);
      worker.addEventListener("message", (event) => {
        const data = event.data && event.data.type === 3 ? event.data.data : null;
        if (data && typeof data.took === "number") log.took.push({ t: performance.now(), ms: data.took });
      });
      return worker;
    };
    window.Worker.prototype = Native.prototype;
  }
  document.addEventListener("pointerdown", () => log.taps.push(performance.now()), true);
  Object.defineProperty(window, "__searchBench", { value: log });
  document.addEventListener("input", (event) => {
    if (event.target && event.target.matches && event.target.matches(ui.box))
      log.inputs.push({ t: performance.now(), value: event.target.value });
  }, true);
  let pending = null;
  const draw = () => {
    const items = document.querySelectorAll(ui.item);
    const linked = Array.from(items).find((item) => item.querySelector("a[href]"));
    const meta = ui.meta ? document.querySelector(ui.meta) : null;
    const box = document.querySelector(ui.box);
    const rect = linked ? linked.getBoundingClientRect() : null;
    log.states.push({
      t: pending, painted: performance.now(), items: items.length,
      first: linked ? linked.querySelector("a[href]").href : null,
      meta: meta ? meta.textContent.trim() : null,
      visible: !!rect && rect.width > 0 && rect.height > 0 && rect.top < innerHeight,
      value: box ? box.value : null,
    });
    pending = null;
  };
  const changed = () => {
    if (pending !== null || !log.inputs.length) return;
    pending = performance.now();
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = draw;
      channel.port2.postMessage(0);
    });
  };
  const start = () => new MutationObserver(changed).observe(document.body,
    { childList: true, subtree: true, characterData: true, attributes: true });
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
"""


@dataclass
class Response:
    url: str
    started: float  # seconds since the epoch
    encoded: int = 0
    decoded: int = 0
    finished: bool = False


@dataclass
class Traffic:
    """Every response of a page, from its CDP session (Network domain), and the requests of its
    dedicated workers from Playwright, which that session does not see."""

    cdp: dict[str, Response] = field(default_factory=dict)
    playwright: list[Request] = field(default_factory=list)

    def listen(self, cdp: CDPSession, context: BrowserContext) -> None:
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.dataReceived", self._data)
        cdp.on("Network.loadingFinished", self._finished)
        context.on("requestfinished", lambda request: self.playwright.append(request))

    def _sent(self, event: dict[str, Any]) -> None:
        self.cdp[event["requestId"]] = Response(event["request"]["url"], event["wallTime"])

    def _data(self, event: dict[str, Any]) -> None:
        if response := self.cdp.get(event["requestId"]):
            response.decoded += event["dataLength"]

    def _finished(self, event: dict[str, Any]) -> None:
        if response := self.cdp.get(event["requestId"]):
            response.encoded, response.finished = int(event["encodedDataLength"]), True

    def since(self, mark: float) -> dict[str, float]:
        """Bytes of the responses started at or after ``mark`` (epoch seconds) and finished."""
        seen = [r for r in self.cdp.values() if r.started >= mark and r.finished]
        encoded, decoded = sum(r.encoded for r in seen), sum(r.decoded for r in seen)
        urls = Counter(r.url for r in seen)
        extra = 0
        for request in self.playwright:
            if request.timing["startTime"] / 1000 < mark or request.url.startswith("data:"):
                continue
            if urls[request.url]:
                urls[request.url] -= 1
                continue
            sizes, response = request.sizes(), request.response()
            encoded += sizes["responseBodySize"] + sizes["responseHeadersSize"]
            decoded += len(response.body()) if response else 0
            extra += 1
        return {"kb": round(encoded / 1000, 1), "decoded_kb": round(decoded / 1000, 1),
                "responses": len(seen) + extra}  # fmt: skip


def type_like_a_phone(page: Page, cdp: CDPSession, text: str, delay_ms: int) -> None:
    """One key per character, ``delay_ms`` apart; see the docstring for Thai."""
    for number, character in enumerate(text):
        if number:
            page.wait_for_timeout(delay_ms)
        if character.isascii():
            page.keyboard.press(character)
            continue
        down = {"type": "keyDown", "key": character, "text": character, "unmodifiedText": character}
        cdp.send("Input.dispatchKeyEvent", down)
        cdp.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": character})


def log_of(page: Page) -> dict[str, Any]:
    return page.evaluate(  # type: ignore[no-any-return]
        "() => ({ now: performance.now(), inputs: window.__searchBench.inputs,"
        " states: window.__searchBench.states, taps: window.__searchBench.taps,"
        " took: window.__searchBench.took })"
    )


def settled(page: Page, query: str, after_input: int, first_tap: bool) -> dict[str, Any]:
    """Waits until the list settles after the last key (see the docstring); returns latency and
    what the results were. ``after_input``: inputs logged before this query's first key."""
    deadline = time.monotonic() + TIMEOUT_S
    while True:
        log = log_of(page)
        inputs = log["inputs"][after_input:]
        if not inputs or inputs[-1]["value"] != query:
            held = inputs[-1]["value"] if inputs else ""
            raise RuntimeError(f"the search box holds {held!r}, not {query!r}")
        last_key = inputs[-1]["t"]
        states = [s for s in log["states"] if s["t"] is not None and s["t"] >= last_key]
        gaps = [b["painted"] - a["painted"] for a, b in itertools.pairwise(states)]
        quiet = max(QUIET_S * 1000, 1.5 * max(gaps, default=0))
        if states and log["now"] - states[-1]["painted"] > quiet:
            taps = [t for t in log["taps"] if t <= inputs[0]["t"]]
            figures = _latency(states, last_key, taps[-1] if taps and first_tap else None)
            return figures | _worker_share(figures, [t["ms"] for t in log["took"] if t["t"] >= last_key])
        if time.monotonic() > deadline:
            return {"latency_s": None, "open_to_results_s": None, "items": 0, "first": None, "meta": None}
        page.wait_for_timeout(250)


def _worker_share(figures: dict[str, Any], took: list[float]) -> dict[str, Any]:
    """The worker's own work for the final query (its last answer's ``took``), and the latency
    with that work 4 x slower too, as on the phone the page's slowdown stands for."""
    if not took or figures["latency_s"] is None:
        return {}
    worker = took[-1] / 1000
    return {"worker_s": round(worker, 3), "latency_4x_s": round(figures["latency_s"] + 3 * worker, 3)}


def _latency(states: list[dict[str, Any]], last_key: float, tap: float | None) -> dict[str, Any]:
    """From the last key (and from the tap that opened search) to the first paint of the
    settled state, in seconds."""
    final = states[-1]
    look = ("items", "first", "meta", "visible")
    start = len(states) - 1
    while start and all(states[start - 1][k] == final[k] for k in look):
        start -= 1
    shown = final["visible"] and final["items"]
    painted = states[start]["painted"]
    latency = round((painted - last_key) / 1000, 3) if shown else None
    opened = round((painted - tap) / 1000, 3) if shown and tap is not None else None
    return {"latency_s": latency, "open_to_results_s": opened, "items": final["items"],
            "first": final["first"], "meta": final["meta"]}  # fmt: skip


def search(page: Page, cdp: CDPSession, traffic: Traffic, ui: SearchUI, query: str, first: bool,
           key_delay_ms: int = KEY_DELAY_MS) -> dict[str, Any]:  # fmt: skip
    """One query as a reader makes it; latency and bytes (see the docstring)."""
    mark = time.time()
    before = len(log_of(page)["inputs"])
    box = page.locator(ui.box)
    if first:
        page.locator(ui.open).filter(visible=True).first.tap() if ui.open else box.tap()
        page.wait_for_timeout(300)  # a person's eyes find the box before the thumb types
    else:
        page.keyboard.press("Control+a")
        page.keyboard.press("Backspace")
        page.wait_for_timeout(300)
        before = len(log_of(page)["inputs"])
    type_like_a_phone(page, cdp, query, key_delay_ms)
    result = settled(page, query, before, first)
    return result | traffic.since(mark)


def visit(browser: Browser, url: str, ui: SearchUI, query: str, further: str,
          key_delay_ms: int = KEY_DELAY_MS) -> dict[str, Any]:  # fmt: skip
    """A fresh visitor on a phone: the page, a first search for ``query``, then ``further``."""
    context = browser.new_context(viewport=VIEWPORT, is_mobile=True, has_touch=True, device_scale_factor=2)
    context.add_init_script(OBSERVER % json.dumps(asdict(ui)))
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        traffic = Traffic()
        traffic.listen(cdp, context)
        page.goto(url, wait_until="networkidle")
        page_kb = traffic.since(0)["kb"]
        load = os.getloadavg()[0]  # other work on this machine slows every figure: see it
        first = search(page, cdp, traffic, ui, query, True, key_delay_ms)
        further_figures = search(page, cdp, traffic, ui, further, False, key_delay_ms)
        return {"page_kb": page_kb, "first": first | {"load": load}, "next": further_figures}
    finally:
        context.close()


def plan(queries: list[str], page: str) -> list[tuple[str, str, str, str]]:
    """(language, page, query, further query) for each query: ``en:`` marks an English one."""
    by_lang: dict[str, list[str]] = {}
    for query in queries:
        lang, text = ("en", query[3:]) if query.startswith("en:") else ("th", query)
        by_lang.setdefault(lang, []).append(text)
    return [(lang, ("en/" if lang == "en" else "") + page, text, texts[(k + 1) % len(texts)])
            for lang, texts in by_lang.items() for k, text in enumerate(texts)]  # fmt: skip


def bench(base: str, ui: SearchUI, queries: list[str], runs: int, page: str,
          progress: Callable[[str], None] = lambda line: None, key_delay_ms: int = KEY_DELAY_MS,
          ) -> dict[str, Any]:  # fmt: skip
    """Every query ``runs`` times, each in a fresh context, after one untimed visit per language
    (the server's gzip cache and the disk cache warm, as on a host that has served before)."""
    steps = plan(queries, page)
    raw: dict[str, dict[str, list[dict[str, Any]]]] = {q: {"first": [], "next": []} for _, _, q, _ in steps}
    langs: dict[str, str] = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for _, path, query, further in {step[0]: step for step in steps}.values():
            visit(browser, base + path, ui, query, further, key_delay_ms)
        for run in range(runs):
            for lang, path, query, further in steps:
                figures = visit(browser, base + path, ui, query, further, key_delay_ms)
                raw[query]["first"].append(figures["first"] | {"page_kb": figures["page_kb"]})
                raw[further]["next"].append(figures["next"])
                langs[query] = lang
                progress(f"run {run + 1} {lang} {query}: first {_brief(figures['first'])};"
                         f" then {further}: {_brief(figures['next'])}")  # fmt: skip
        browser.close()
    figures = {query: {"lang": langs[query], **medians(runs_of)} for query, runs_of in raw.items()}
    return {"runs": runs, "page": page, "key_delay_ms": key_delay_ms, "queries": figures, "raw": raw}


def _brief(figures: dict[str, Any]) -> str:
    return f"{figures['latency_s']} s, {figures['kb']} kB ({figures['items']} results)"


def _median(values: list[Any]) -> float | None:
    numbers = [v for v in values if v is not None]
    return round(statistics.median(numbers), 3) if numbers else None


FIGURES = ("latency_s", "latency_4x_s", "worker_s", "open_to_results_s", "kb", "decoded_kb", "responses",
           "items", "page_kb", "load")  # fmt: skip


def medians(runs: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
    """Each figure's median over runs (a run without results does not count for latency; how
    many had none is given)."""
    out: dict[str, Any] = {}
    for kind, figures in runs.items():
        for key in FIGURES:
            if figures and any(key in f for f in figures):
                out[f"{kind}_{key}"] = _median([f.get(key) for f in figures])
        out[f"{kind}_no_results"] = sum(f["latency_s"] is None for f in figures)
    return out


def language_figures(result: dict[str, Any], prefix: str = "search") -> dict[str, float | None]:
    """What tools/bench.py puts in its row: per language, the median over every run of every
    query: first search's latency and bytes, a further query's latency and bytes."""
    row: dict[str, float | None] = {}
    for lang in ("th", "en"):
        queries = [q for q, figures in result["queries"].items() if figures["lang"] == lang]
        if not queries:
            continue
        pooled = {kind: [f for q in queries for f in result["raw"][q][kind]] for kind in ("first", "next")}
        for kind, figures in pooled.items():
            row[f"{prefix}_{lang}_{kind}_s_median"] = _median([f["latency_s"] for f in figures])
            if any("latency_4x_s" in f for f in figures):
                row[f"{prefix}_{lang}_{kind}_4x_s_median"] = _median([f.get("latency_4x_s") for f in figures])
            row[f"{prefix}_{lang}_{kind}_kb"] = _median([f["kb"] for f in figures])
    return row


def table(results: dict[str, dict[str, Any]]) -> str:
    """A line per query, a column group per design measured."""
    names = list(results)
    head = "| query | lang |" + "".join(
        f" {n} first s | {n} first kB (decoded) | {n} next s | {n} next kB |" for n in names
    )
    lines = [head, "|---" * (2 + 4 * len(names)) + "|"]
    for query, figures in results[names[0]]["queries"].items():
        cells = [query, figures["lang"]]
        for name in names:
            f = results[name]["queries"].get(query, {})
            cells += [str(f.get("first_latency_s")), f"{f.get('first_kb')} ({f.get('first_decoded_kb')})",
                      str(f.get("next_latency_s")), str(f.get("next_kb"))]  # fmt: skip
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def measure_site(site: Path, runs: int, queries: list[str] = QUERIES, page: str = "agencies/",
                 progress: Callable[[str], None] = lambda line: None, key_delay_ms: int = KEY_DELAY_MS,
                 ) -> dict[str, Any]:  # fmt: skip
    """The built site's own search (Material's box and results)."""
    with served_gzip(site) as base:
        return bench(base, MATERIAL, queries, runs, page, progress, key_delay_ms)


def say(line: str) -> None:
    """Progress, as it happens."""
    print(line, flush=True)


def main(argv: list[str]) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=5, help="fresh visits per query; medians are reported")
    parser.add_argument("--queries", nargs="+", default=QUERIES, help="'en:' before a query: in English")
    parser.add_argument("--page", default="agencies/", help="the page search is opened on")
    parser.add_argument("--key-delay", type=int, default=KEY_DELAY_MS, help="ms between keys")
    parser.add_argument("--json", type=Path, help="write the figures (and every run's) here")
    args = parser.parse_args(argv)
    result = measure_site(args.site, args.runs, args.queries, args.page, say, args.key_delay)
    result["summary"] = language_figures(result)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(json.dumps(result["summary"]))
    print(table({"site": result}))


if __name__ == "__main__":
    main(sys.argv[1:])
