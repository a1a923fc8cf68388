#!/usr/bin/env python3
"""Firefox smoke test of dist/firefox (OptOut Pilot), in headless Firefox ESR through geckodriver + Selenium.

What it proves:
  * the built add-on installs as a temporary add-on (manifest accepted by this Firefox);
  * on https://www.linkedin.com/ pages (served from tests/fixtures through a local proxy + TLS server, nothing
    reaches the network) the content script runs and draws its banner in a CLOSED shadow root;
  * the background script (Firefox runs background.scripts, the WASM core) answers: every banner word comes from
    the worker (banner text is built there from the core's advice), and on the AI setting page the banner
    says the setting is on and offers to turn it off;
  * the page gets no extension URL, the page's own JavaScript sees no shadow root (closed), and no request left
    for any host other than www.linkedin.com;
  * decisions only from the member, with real input (WebDriver actions: the browser's own, trusted mouse and key
    events): a page that covers the reminder card (an opaque layer that lets clicks and keys through, a popover in
    its own open or closed shadow root) gets no decision from a click, Enter or Escape; on the uncovered card,
    "Don't remind me again" asks once more inside the card (Firefox cannot confirm the card is seen), then counts;
    its acknowledgement leaves within 15 s; a snooze counts at once.

How the pages are served: Firefox uses an HTTP proxy on 127.0.0.1:<free port> (this script). A CONNECT to
www.linkedin.com:443 is answered by this script itself over TLS with a throw-away self-signed certificate
(openssl), so no root, no port 443 and no /etc/hosts are needed; any other host is refused and recorded.

Usage: python3 tests/e2e/lib/firefox-smoke.py [--dist dist/firefox] [--screenshots DIR]
Exit codes: 0 pass, 1 failure, 77 skipped (Firefox, geckodriver or selenium missing; the reason is printed).
Environment: OPTOUT_FIREFOX (binary, default: firefox-esr or firefox on PATH), OPTOUT_GECKODRIVER.
"""
from __future__ import annotations

import argparse
import http.server
import json
import os
import select
import shutil
import socket
import socketserver
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures"
SKIP = 77
LINKEDIN_CSP = (
    "default-src 'self'; script-src 'self' https://static.licdn.com; "
    "style-src 'self' 'unsafe-inline' https://static.licdn.com; img-src 'self' data: https://media.licdn.com; "
    "connect-src 'self'; frame-ancestors 'none'"
)
TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".json": "application/json", ".svg": "image/svg+xml", ".png": "image/png"}


def skip(why: str) -> None:
    print(f"SKIP: {why}")
    sys.exit(SKIP)


# ------------------------------------------------------------------------------------------------ fixtures
CASES = json.loads((FIXTURES / "cases.json").read_text("utf8"))


class State:
    lang = "en"                # which language's fixtures are served at LinkedIn's paths
    served: list[str] = []     # paths served on www.linkedin.com
    refused: list[str] = []    # proxy requests for any other host


def fixture_for(path: str) -> Path | None:
    if path.startswith("/__fixtures__/"):
        p = (FIXTURES / path[len("/__fixtures__/"):]).resolve()
        return p if p.is_relative_to(FIXTURES) and p.is_file() else None
    for c in CASES:  # the feed and the AI setting page (its switch on: LinkedIn's default) in State.lang
        if c.get("lang") == State.lang and not c.get("query") and urlsplit(c["url"]).path == path \
                and c["name"] in (f"{State.lang}-feed", f"{State.lang}-gen-ai-improvement-on"):
            return FIXTURES / c["file"]
    return None


class LinkedInHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # quiet
        pass

    def do_GET(self):
        url = urlsplit(self.path)
        State.served.append(url.path)
        f = fixture_for(url.path)
        if f is None:
            body, status, ctype = b"<!doctype html><html lang=en><title>404 | LinkedIn</title><h1>Page not found</h1>", 404, TYPES[".html"]
        else:
            body, status, ctype = f.read_bytes(), 200, TYPES.get(f.suffix, "application/octet-stream")
        self.send_response(status)
        self.send_header("content-type", ctype)
        self.send_header("content-length", str(len(body)))
        self.send_header("cache-control", "no-store")
        if ctype.startswith("text/html"):
            self.send_header("content-security-policy", LINKEDIN_CSP)
        self.end_headers()
        self.wfile.write(body)


class Proxy(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, tls: ssl.SSLContext):
        self.tls = tls
        super().__init__(("127.0.0.1", 0), ProxyHandler)


class ProxyHandler(socketserver.StreamRequestHandler):
    """HTTP proxy: CONNECT www.linkedin.com:443 is terminated here (TLS) and served from fixtures; the rest refused."""

    def handle(self):
        line = self.rfile.readline(65536).decode("latin-1").strip()
        while True:  # skip the proxy request headers
            h = self.rfile.readline(65536)
            if h in (b"\r\n", b"\n", b""):
                break
        parts = line.split()
        if len(parts) < 2:
            return
        method, target = parts[0], parts[1]
        if method == "CONNECT" and target == "www.linkedin.com:443":
            self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            self.wfile.flush()
            try:
                tls = self.server.tls.wrap_socket(self.connection, server_side=True)
            except (ssl.SSLError, OSError):
                return
            LinkedInHandler(tls, self.client_address, self.server)
            return
        State.refused.append(f"{method} {target}")
        self.wfile.write(b"HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")


def make_cert(tmp: Path) -> ssl.SSLContext:
    openssl = shutil.which("openssl")
    if not openssl:
        skip("openssl is missing (apt-get install openssl)")
    key, crt = tmp / "key.pem", tmp / "cert.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=www.linkedin.com",
                    "-addext", "subjectAltName=DNS:www.linkedin.com", "-keyout", str(key), "-out", str(crt)],
                   check=True, capture_output=True)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(crt, key)
    return ctx


# ---------------------------------------------------------------------------------------------------- test
def messages(lang: str) -> dict[str, str]:
    folder = {"pt": "pt_BR"}.get(lang, lang)
    data = json.loads((ROOT / "extension" / "_locales" / folder / "messages.json").read_text("utf8"))
    return {k: v["message"] for k, v in data.items()}


class Failed(Exception):
    pass


def check(cond: bool, what: str) -> None:
    if not cond:
        raise Failed(what)
    print(f"  ok  {what}")


def wait(fn, timeout: float, what: str):
    """Poll fn() until it returns something truthy (condition wait, not a timed assertion)."""
    deadline = time.monotonic() + timeout
    last_err = None
    while time.monotonic() < deadline:
        try:
            v = fn()
            if v:
                return v
        except Exception as e:  # noqa: BLE001 - element not there yet, page navigating
            last_err = e
        time.sleep(0.1)
    raise Failed(f"timed out waiting for {what}" + (f" (last error: {last_err!r})" if last_err else ""))


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dist", default=str(ROOT / "dist" / "firefox"))
    ap.add_argument("--screenshots", default=str(ROOT / "tests" / "output" / "screenshots"))
    args = ap.parse_args()
    dist = Path(args.dist).resolve()
    if not (dist / "manifest.json").is_file():
        print(f"FAIL: {dist}/manifest.json missing: run ./build.sh first")
        return 1

    try:
        from selenium import webdriver
        from selenium.common.exceptions import NoSuchShadowRootException, WebDriverException
        from selenium.webdriver.common.action_chains import ActionChains
        from selenium.webdriver.common.actions.action_builder import ActionBuilder
        from selenium.webdriver.common.by import By
        from selenium.webdriver.common.keys import Keys
        from selenium.webdriver.firefox.options import Options
        from selenium.webdriver.firefox.service import Service
    except ImportError:
        skip("python selenium is missing: pip install 'selenium<4.52'")
    firefox = os.environ.get("OPTOUT_FIREFOX") or shutil.which("firefox-esr") or shutil.which("firefox")
    if not firefox:
        skip("Firefox is missing: apt-get install -y --no-install-recommends firefox-esr")
    cargo_bin = Path(os.environ.get("CARGO_HOME", Path.home() / ".cargo")) / "bin" / "geckodriver"
    gecko = os.environ.get("OPTOUT_GECKODRIVER") or shutil.which("geckodriver") or (str(cargo_bin) if cargo_bin.exists() else None)
    if not gecko:
        skip("geckodriver is missing: cargo install geckodriver --version 0.37.1 --locked")

    # The manifest's minimum Firefox version against the installed one: say it plainly instead of failing oddly.
    manifest = json.loads((dist / "manifest.json").read_text("utf8"))
    want = manifest.get("browser_specific_settings", {}).get("gecko", {}).get("strict_min_version", "0")
    have = subprocess.run([firefox, "--version"], capture_output=True, text=True).stdout.strip()
    have_major = int("".join(ch for ch in have.split()[-1].split(".")[0] if ch.isdigit()) or 0)
    print(f"{have}; manifest strict_min_version {want}")
    if have_major < int(want.split(".")[0]):
        print(f"FAIL: {have} is older than strict_min_version {want}: Firefox will refuse the add-on")
        return 1

    en, de = messages("en"), messages("de")
    shots = Path(args.screenshots)
    shots.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="optout-ff-"))
    proxy = Proxy(make_cert(tmp))
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    port = proxy.server_address[1]

    opts = Options()
    opts.binary_location = firefox
    opts.add_argument("-headless")
    opts.accept_insecure_certs = True  # the throw-away certificate for www.linkedin.com
    prefs = {
        # Every request goes through our proxy, which serves only www.linkedin.com (from fixtures).
        "network.proxy.type": 1, "network.proxy.ssl": "127.0.0.1", "network.proxy.ssl_port": port,
        "network.proxy.http": "127.0.0.1", "network.proxy.http_port": port,
        "network.proxy.no_proxies_on": "", "network.proxy.allow_hijacking_localhost": True,
        "network.proxy.socks_remote_dns": True,
        # Quiet Firefox's own background traffic (not the add-on's).
        "services.settings.server": "https://127.0.0.1:1/", "app.update.disabledForTesting": True,
        "browser.safebrowsing.update.enabled": False, "extensions.update.enabled": False,
        "datareporting.policy.dataSubmissionEnabled": False, "network.captive-portal-service.enabled": False,
        "network.connectivity-service.enabled": False, "browser.newtabpage.enabled": False,
        "intl.locale.requested": "en-US", "intl.accept_languages": "en-US, en",
    }
    for k, v in prefs.items():
        opts.set_preference(k, v)

    driver = None
    try:
        driver = webdriver.Firefox(options=opts, service=Service(gecko, log_output=str(tmp / "geckodriver.log")))
        driver.set_window_size(1280, 900)
        print(f"Firefox {driver.capabilities.get('browserVersion')} (headless) via {gecko}")
        first = driver.current_window_handle

        addon_id = driver.install_addon(str(dist), temporary=True)
        check(addon_id == manifest["browser_specific_settings"]["gecko"]["id"], f"dist/firefox installs as a temporary add-on ({addon_id})")

        # 1. The onboarding tab the background script opens on install: localised, and its region choices and
        #    "save" round-trip through the background script (WASM core).
        def onboarding_handle():
            for h in driver.window_handles:
                driver.switch_to.window(h)
                if driver.current_url.startswith("moz-extension://") and "onboarding" in driver.current_url:
                    return h
            return None
        ext_tab = wait(onboarding_handle, 15, "the onboarding tab opened by the background script")
        title = wait(lambda: driver.find_element(By.CSS_SELECTOR, "h1").text.strip(), 10, "the onboarding heading")
        check(title == en["onbTitle"], f"onboarding heading is the English message: {title!r}")
        choices = wait(lambda: driver.find_elements(By.CSS_SELECTOR, "#region-choices input[type=radio]"), 10,
                       "region choices (built from the worker's status)")
        check(len(choices) >= 3, f"{len(choices)} region choices from the worker")
        eu = [c for c in choices if c.get_attribute("value") == "eu"]
        (eu[0] if eu else choices[0]).click()
        driver.find_element(By.ID, "save-later").click()
        saved = wait(lambda: driver.find_element(By.ID, "result").text.strip(), 10, "the save result")
        check(saved == en["onbSaved"], f"the worker saved the region: {saved!r}")
        driver.save_screenshot(str(shots / "firefox-onboarding.png"))
        # Ordinary pages get the nudge bundle only while there is something to remind of: registered at run time.
        scripts = driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "browser.scripting.getRegisteredContentScripts().then((s) => done(JSON.stringify(s)), (e) => done('error: ' + e));")
        check('"content/nudge.js"' in scripts, f"the nudge bundle is registered for ordinary pages: {scripts}")
        driver.switch_to.window(first)

        def banner():
            host = driver.execute_script(
                "return [...document.documentElement.children].find((e) => e !== document.head && e !== document.body) || null")
            if host is None:
                return None
            try:
                root = host.shadow_root  # WebDriver in Firefox reaches closed shadow roots (privileged)
            except NoSuchShadowRootException:
                return None
            text = " ".join(e.text for e in root.find_elements(By.CSS_SELECTOR, ":host > *") if e.text)
            return (host, root, " ".join(text.split())) if text else None

        def settled_banner():
            # A switch that just appeared is checked for a moment before the guide gives its verdict.
            b = banner()
            return b if b and en["bannerChecking"] not in b[2] and de["bannerChecking"] not in b[2] else None

        def page_checks(what: str):
            host, root, text = wait(settled_banner, 15, f"the banner on {what}")
            check(driver.execute_script("return arguments[0].shadowRoot", host) is None,
                  f"{what}: the page's JavaScript sees no shadow root (closed)")
            html = driver.execute_script("return document.documentElement.outerHTML")
            check("moz-extension:" not in html and "chrome-extension:" not in html, f"{what}: no extension URL in the page")
            return root, text

        # 2. The AI setting page in English: the guide says it is on and offers to turn it off.
        State.lang = "en"
        driver.get("https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement")
        root, text = page_checks("the English AI setting page")
        check(en["bannerStatusOn"] in text, f"banner text from the worker: {en['bannerStatusOn']!r}")
        buttons = [b.text.strip() for b in root.find_elements(By.CSS_SELECTOR, "button")]
        check(en["bannerFix"] in buttons, f"banner offers {en['bannerFix']!r} (buttons: {buttons})")
        driver.save_screenshot(str(shots / "firefox-ai-setting-en.png"))

        # 3. The same page in German: the worker answers in the page's language.
        State.lang = "de"
        driver.get("https://www.linkedin.com/mypreferences/d/settings/data-for-ai-improvement")
        root, text = page_checks("the German AI setting page")
        check(de["bannerStatusOn"] in text, f"German banner text: {de['bannerStatusOn']!r}")
        driver.save_screenshot(str(shots / "firefox-ai-setting-de.png"))

        # 4. The feed: a calm nudge with what is left.
        State.lang = "en"
        driver.get("https://www.linkedin.com/feed/")
        root, text = page_checks("the English feed")
        check(en["bannerNudgeTitle"] in text, f"feed nudge: {en['bannerNudgeTitle']!r}")
        driver.save_screenshot(str(shots / "firefox-feed-en.png"))

        # 5. Decisions only from the member, with real input.
        def in_extension(js: str):
            """Run an async function in the extension's onboarding tab; its JSON result."""
            driver.switch_to.window(ext_tab)
            try:
                out = driver.execute_async_script(
                    "const done = arguments[arguments.length - 1];"
                    f"({js})().then((v) => done(JSON.stringify(v ?? null)), (e) => done(JSON.stringify({{error: String(e)}})));")
                return json.loads(out)
            finally:
                driver.switch_to.window(first)

        def state() -> dict:
            raw = in_extension("async () => (await browser.storage.local.get('state')).state")
            return json.loads(raw) if isinstance(raw, str) else raw

        def event(ev: dict) -> None:
            r = in_extension(f"() => browser.runtime.sendMessage({{type: 'event', event: {json.dumps(ev)}}})")
            if not (isinstance(r, dict) and r.get("ok")):
                raise Failed(f"the worker did not record {ev}: {r}")

        def controls():
            b = banner()
            return {e.get_attribute("data-k"): e for e in b[1].find_elements(By.CSS_SELECTOR, "[data-k]")} if b else {}

        def focused():
            b = banner()
            f = b[1].find_elements(By.CSS_SELECTOR, ":focus") if b else []
            return (f[0].get_attribute("data-k") or f[0].get_attribute("class")) if f else None

        def feed_with_card():
            event({"type": "unsnooze"})  # the card shows once a day: "remind me again" brings it back
            wait(lambda: '"content/nudge.js"' in json.dumps(in_extension("() => browser.scripting.getRegisteredContentScripts()")),
                 10, "the nudge bundle registered again")
            time.sleep(0.3)
            driver.get("https://www.linkedin.com/feed/")
            wait(lambda: "dismissAll" in controls(), 15, "the reminder card")
            time.sleep(0.5)  # the member looks at it

        def click(key: str) -> None:
            found = controls()
            if key not in found:
                raise Failed(f"no {key} on the card to click (controls: {sorted(found)}; text: {(banner() or (0, 0, ''))[2]!r})")
            el = found[key]
            x, y = driver.execute_script(
                "const r = arguments[0].getBoundingClientRect(); return [r.left + r.width / 2, r.top + r.height / 2];", el)
            ab = ActionBuilder(driver)
            ab.pointer_action.move_to_location(int(x), int(y))
            ab.pointer_action.click()
            ab.perform()

        def press(key: str) -> None:
            ActionChains(driver).send_keys(key).perform()

        def tab_to(key: str, back: bool = False) -> None:
            # Forward from the top of the page: the card's host sits before <body>, first in the tab order.
            for _ in range(60):
                if focused() == key:
                    return
                chain = ActionChains(driver)
                (chain.key_down(Keys.SHIFT).send_keys(Keys.TAB).key_up(Keys.SHIFT) if back else chain.send_keys(Keys.TAB)).perform()
            raise Failed(f"the keyboard never reached {key} in the card")

        covers = {
            "an opaque layer that lets clicks and keys through": """
                const o = document.createElement('div'); o.id = 'cover';
                o.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:#f4f2ee';
                o.textContent = 'Press Enter to continue';
                document.documentElement.appendChild(o);""",
            "a popover in the page's own open shadow root": """
                const h = document.createElement('div'); h.id = 'cover'; document.body.appendChild(h);
                const p = document.createElement('div'); p.setAttribute('popover', 'manual');
                p.style.cssText = 'pointer-events:none;background:rgba(255,255,255,0.01);border:0;inset:0;width:100vw;height:100vh;margin:0;padding:0';
                h.attachShadow({mode: 'open'}).appendChild(p); p.showPopover();""",
            "a popover in the page's own closed shadow root": """
                const h = document.createElement('div'); h.id = 'cover'; document.body.appendChild(h);
                const p = document.createElement('div'); p.setAttribute('popover', 'manual');
                p.style.cssText = 'pointer-events:none;background:rgba(255,255,255,0.01);border:0;inset:0;width:100vw;height:100vh;margin:0;padding:0';
                h.attachShadow({mode: 'closed'}).appendChild(p); p.showPopover();""",
        }
        for name, cover in covers.items():
            feed_with_card()
            tab_to("dismissAll")
            driver.execute_script(cover)
            time.sleep(0.4)
            press(Keys.ENTER)
            click("dismissAll")
            click("close")
            press(Keys.ESCAPE)
            time.sleep(0.5)
            s = state()
            check(s.get("dismissAll") is False and s.get("nudgeClosedDay") is None,
                  f"{name} over the card: Enter, click, × and Escape decide nothing")
            check("dismissAll" in controls() and "yes-dismissAll" not in controls(), f"{name}: the card stays, nothing asked")
            if "opaque" in name:
                driver.save_screenshot(str(shots / "firefox-covered-opaque.png"))

        # Uncovered (the last cover's page, reloaded): the mouse on "Don't remind me again" asks once more inside
        # the card; a second click on the same spot does nothing; "Yes" (after a moment) decides.
        feed_with_card()
        click("dismissAll")
        wait(lambda: "yes-dismissAll" in controls(), 5, "the second step inside the card")
        b = banner()
        check(en["bannerSureDismissAll"] in b[2] and en["bannerSureYesDismissAll"] in b[2], "the card asks once more, in its own words")
        driver.save_screenshot(str(shots / "firefox-second-step.png"))
        click("dismissAll")  # disabled while asking
        time.sleep(0.7)
        check(state().get("dismissAll") is False, "asked, not decided yet")
        click("yes-dismissAll")
        wait(lambda: state().get("dismissAll") is True, 5, "reminders off after Yes")
        t0 = time.monotonic()
        wait(lambda: en["bannerAckDismissAll"] in (banner() or (0, 0, ""))[2], 5, "the acknowledgement")
        check(True, "Yes on the second step decides (mouse)")
        wait(lambda: "undo" not in controls(), 15, "the acknowledgement to leave")
        check(time.monotonic() - t0 < 15, f"the acknowledgement left after {time.monotonic() - t0:.1f} s")
        check(state().get("dismissAll") is True, "the decision stays")
        event({"type": "undismissAll"})

        # Keyboard only: Enter asks, focus on the question; Tab to Yes, Enter decides. A snooze counts at once.
        feed_with_card()
        tab_to("dismissAll")
        press(Keys.ENTER)
        wait(lambda: "yes-dismissAll" in controls(), 5, "the second step (keyboard)")
        check(focused() == "ask", "focus is on the question, not on Yes")
        press(Keys.ENTER)
        check(state().get("dismissAll") is False, "a second Enter decides nothing")
        tab_to("yes-dismissAll", back=False)
        time.sleep(0.7)
        press(Keys.ENTER)
        wait(lambda: state().get("dismissAll") is True, 5, "reminders off by keyboard after Yes")
        check(True, "Yes on the second step decides (keyboard)")
        event({"type": "undismissAll"})
        feed_with_card()
        click("snooze")
        wait(lambda: "snooze-week" in controls(), 5, "the snooze menu")
        time.sleep(0.3)
        click("snooze-week")
        wait(lambda: isinstance(state().get("snoozeUntil"), (int, float)), 5, "snoozed for a week")
        check(True, "a snooze counts at once from the uncovered card")
        event({"type": "unsnooze"})

        # 6. Nothing left for any other host; LinkedIn got only page and fixture-asset requests.
        others = [r for r in State.refused if not any(h in r for h in (".mozilla.com", ".mozilla.net", ".mozilla.org", ".firefox.com", "127.0.0.1"))]
        check(others == [], f"no request to any host but www.linkedin.com (Firefox's own services aside): {others}")
        odd = [p for p in State.served if not (p.startswith(("/__fixtures__/", "/feed/", "/mypreferences/")) or p == "/favicon.ico")]
        check(odd == [], f"www.linkedin.com received only page and asset requests: {odd}")
        print("PASS: Firefox smoke test")
        return 0
    except Failed as e:
        print(f"FAIL: {e}")
        if driver:
            try:
                driver.save_screenshot(str(shots / "firefox-failure.png"))
            except WebDriverException:
                pass
        log = tmp / "geckodriver.log"
        if log.exists():
            print("geckodriver log (last lines):\n  " + "\n  ".join(log.read_text(errors="replace").splitlines()[-30:]))
        return 1
    finally:
        if driver:
            driver.quit()
        proxy.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
