"""What the browser tests share: contexts that never reach another host, and keyboard helpers."""

from __future__ import annotations

from urllib.parse import urlsplit

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# The window sizes every page is looked at: the smallest phone (WCAG 1.4.10), a common phone, a laptop.
SIZES = ({"width": 320, "height": 640}, PHONE, {"width": 1280, "height": 720})

# The element that has keyboard focus, and whether a sighted keyboard user can see that it has.
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  return {
    tag: el.tagName.toLowerCase(),
    text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim().slice(0, 60),
    html: el.outerHTML.slice(0, 160),
    ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
    shown: box.width > 0 && box.height > 0 && style.visibility === 'visible' && parseFloat(style.opacity) > 0,
    inMain: !!document.querySelector('main') && document.querySelector('main').contains(el),
    key: el.dataset.kompasTest || null,
  };
}"""

# Every element a keyboard user should be able to reach, visible on screen now: numbered.
MARK_INTERACTIVE = """() => {
  const all = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex="-1"])');
  let n = 0;
  for (const el of all) {
    const style = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || style.visibility !== 'visible' || parseFloat(style.opacity) === 0
        || el.closest('[hidden], [inert]') || el.disabled || el.closest('[aria-hidden=true]')) continue;
    el.dataset.kompasTest = String(n++);
  }
  return n;
}"""


def is_local(url: str, base_url: str) -> bool:
    scheme = urlsplit(url).scheme
    return scheme not in ("http", "https", "ws", "wss") or urlsplit(url).netloc == urlsplit(base_url).netloc


def guarded_context(browser, base_url: str, outside: list[str], **options):
    """A browser context that blocks, and writes down, every request to another host."""
    context = browser.new_context(service_workers="block", locale="nl-NL", **options)

    def route(route_):
        if is_local(route_.request.url, base_url):
            route_.continue_()
        else:
            outside.append(route_.request.url)
            route_.abort("blockedbyclient")

    context.route("**/*", route)
    return context


def tab_until(page, wanted, limit: int = 400) -> list[dict]:
    """Press Tab until ``wanted(focus)`` is true; the focused elements on the way (the last one wanted).
    Fails when the focus runs out of the page or the limit is reached."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus is None:
            break
        seen.append(focus)
        if wanted(focus):
            return seen
    raise AssertionError(f"Niet bereikt met Tab na {len(seen)} stappen; gezien: {[f['html'] for f in seen[-5:]]}")


NO_TRANSITIONS = "*, *::before, *::after { transition: none !important; animation: none !important; }"


def tab_through(page, limit: int = 600) -> list[dict]:
    """Press Tab from the top of the page until focus leaves it or comes back round. Transitions are
    switched off first, so what fades in on focus is measured as it ends up."""
    page.add_style_tag(content=NO_TRANSITIONS)
    seen: list[dict] = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS)
        if focus is None or (seen and focus["html"] == seen[0]["html"] and focus["key"] == seen[0]["key"]):
            break
        seen.append(focus)
    return seen


# The browser's speech synthesis with one Dutch voice on the device itself, that writes down what it
# is asked to say: headless Chromium has no voices, and a test must not make a sound.
FAKE_DUTCH_VOICE = """(() => {
  const voice = {name: 'Test (nl)', lang: 'nl-NL', localService: true, default: true, voiceURI: 'test-nl'};
  window.__gesproken = [];
  const synth = {
    speaking: false, paused: false, pending: false, onvoiceschanged: null,
    getVoices: () => [voice],
    speak(utterance) { window.__gesproken.push(utterance.text); this.speaking = true; },
    cancel() { this.speaking = false; this.paused = false; },
    pause() { this.paused = true; },
    resume() { this.paused = false; },
    addEventListener() {}, removeEventListener() {},
  };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = class {
    constructor(text) { this.text = text; this.lang = ''; this.voice = null; this.rate = 1; }
  };
})();"""
