// The preview page: filters (deck, tags, search, problems), fronts only or both sides,
// keyboard navigation, light and dark themes, live reload under `deckport preview --serve`,
// then highlight.js and MathJax, and markers on <body> that tests read.
(function () {
  "use strict";
  var doc = document, body = doc.body, root = doc.documentElement;
  var cards = Array.prototype.slice.call(doc.querySelectorAll("article.dp-card"));
  var state = {deck: "", tags: [], query: "", problems: false, mode: "both", current: ""};
  var STATE_KEY = "deckport-preview-state", THEME_KEY = "deckport-preview-theme";

  // Templates may call Anki's functions.
  window._typeAnsPress = function () {};
  window.pycmd = function () {};

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function el(tag, attrs, text) {
    var e = doc.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text != null) e.textContent = text;
    return e;
  }

  // What each card is searched by, read once before MathJax changes the text.
  cards.forEach(function (card) {
    var sides = card.querySelector(".dp-sides");
    card._dpText = ((sides ? sides.textContent : "") + " " + card.getAttribute("data-deck") + " " +
                    card.getAttribute("data-tags") + " " + card.getAttribute("data-notetype")).toLowerCase();
    card._dpTags = (card.getAttribute("data-tags") || "").split(" ").filter(Boolean);
  });

  // ---- theme ----
  var stored = null;
  try { stored = localStorage.getItem(THEME_KEY); } catch (e) { /* file: without storage */ }
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function setTheme(theme, remember) {
    root.setAttribute("data-theme", theme);
    var dark = theme === "dark";
    // As Anki's night mode: classes on the card root and on its container.
    each(doc.querySelectorAll(".dp-side"), function (side) {
      side.classList.toggle("night-mode", dark);
      var card = side.firstElementChild;
      if (card) { card.classList.toggle("nightMode", dark); card.classList.toggle("night_mode", dark); }
    });
    if (remember) { try { localStorage.setItem(THEME_KEY, theme); } catch (e) { /* ignore */ } }
  }
  setTheme(stored || (media && media.matches ? "dark" : "light"), false);
  if (media && media.addEventListener) {
    media.addEventListener("change", function (e) { if (!stored) setTheme(e.matches ? "dark" : "light", false); });
  }
  doc.getElementById("dp-theme").addEventListener("click", function () {
    stored = root.getAttribute("data-theme") === "dark" ? "light" : "dark";
    setTheme(stored, true);
  });

  // ---- deck tree and tags, built from the cards ----
  var deckCounts = {}, tagCounts = {};
  cards.forEach(function (card) {
    var parts = (card.getAttribute("data-deck") || "").split("::"), path = "";
    parts.forEach(function (p, i) {
      path = i ? path + "::" + p : p;
      deckCounts[path] = (deckCounts[path] || 0) + 1;
    });
    card._dpTags.forEach(function (t) { tagCounts[t] = (tagCounts[t] || 0) + 1; });
  });
  var deckButtons = [];
  function deckButton(label, path, count) {
    var b = el("button", {type: "button", "data-deck": path, "aria-pressed": "false"});
    b.appendChild(el("span", {}, label));
    b.appendChild(el("span", {"class": "dp-n"}, String(count)));
    b.addEventListener("click", function () {
      state.deck = state.deck === path ? "" : path;
      apply(true);
    });
    deckButtons.push(b);
    return b;
  }
  (function buildTree() {
    var list = doc.getElementById("dp-decks");
    var all = el("li");
    all.appendChild(deckButton("All decks", "", cards.length));
    list.appendChild(all);
    var nodes = {"": list};
    Object.keys(deckCounts).sort(function (a, b) {
      return a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0;
    }).forEach(function (path) {
      var cut = path.lastIndexOf("::");
      var parent = cut < 0 ? "" : path.slice(0, cut);
      var parentList = nodes[parent];
      if (parentList !== list && parentList.tagName !== "UL") {
        var ul = el("ul");
        parentList.appendChild(ul);
        nodes[parent] = parentList = ul;
      }
      var li = el("li");
      li.appendChild(deckButton(cut < 0 ? path : path.slice(cut + 2), path, deckCounts[path]));
      parentList.appendChild(li);
      nodes[path] = li;
    });
  })();
  var tagButtons = [];
  (function buildTags() {
    var box = doc.getElementById("dp-tags");
    var names = Object.keys(tagCounts).sort(function (a, b) { return a.localeCompare(b); });
    if (!names.length) return;
    box.textContent = "";
    names.forEach(function (name) {
      var b = el("button", {type: "button", "class": "dp-tag", "data-tag": name, "aria-pressed": "false"});
      b.appendChild(doc.createTextNode(name + " "));
      b.appendChild(el("span", {"class": "dp-n"}, String(tagCounts[name])));
      b.addEventListener("click", function () { toggleTag(name); });
      tagButtons.push(b);
      box.appendChild(b);
    });
  })();
  function toggleTag(name) {
    var i = state.tags.indexOf(name);
    if (i < 0) state.tags.push(name); else state.tags.splice(i, 1);
    apply(true);
  }
  each(doc.querySelectorAll(".dp-card-head .dp-tag"), function (b) {
    b.addEventListener("click", function () { toggleTag(b.getAttribute("data-tag")); });
  });
  var withProblems = cards.filter(function (c) { return +c.getAttribute("data-problems") > 0; }).length;
  doc.getElementById("dp-problem-count").textContent = String(withProblems);

  // ---- filtering ----
  var search = doc.getElementById("dp-search");
  var problems = doc.getElementById("dp-problems");
  function visibleCards() { return cards.filter(function (c) { return !c.hidden; }); }
  function matches(card, words) {
    var deck = card.getAttribute("data-deck") || "";
    if (state.deck && deck !== state.deck && deck.indexOf(state.deck + "::") !== 0) return false;
    for (var i = 0; i < state.tags.length; i++) if (card._dpTags.indexOf(state.tags[i]) < 0) return false;
    if (state.problems && !(+card.getAttribute("data-problems") > 0)) return false;
    for (var j = 0; j < words.length; j++) if (card._dpText.indexOf(words[j]) < 0) return false;
    return true;
  }
  function apply(save) {
    var words = state.query.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0, notes = {};
    cards.forEach(function (card) {
      card.hidden = !matches(card, words);
      if (!card.hidden) { shown++; notes[card.getAttribute("data-note")] = 1; }
    });
    deckButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(b.getAttribute("data-deck") === state.deck)); });
    tagButtons.forEach(function (b) { b.setAttribute("aria-pressed", String(state.tags.indexOf(b.getAttribute("data-tag")) >= 0)); });
    root.classList.toggle("dp-mode-front", state.mode === "front");
    doc.getElementById("dp-mode-front").setAttribute("aria-pressed", String(state.mode === "front"));
    doc.getElementById("dp-mode-both").setAttribute("aria-pressed", String(state.mode === "both"));
    var noteCount = Object.keys(notes).length;
    doc.getElementById("dp-count").textContent = (shown === cards.length ? "" : shown + " of ") +
      cards.length + (cards.length === 1 ? " card" : " cards") + " · " + noteCount +
      (noteCount === 1 ? " note" : " notes") + (withProblems ? " · " + withProblems + " with problems" : "");
    doc.getElementById("dp-nothing").hidden = shown > 0;
    if (save) saveState();
  }
  search.addEventListener("input", function () { state.query = search.value; apply(true); });
  problems.addEventListener("change", function () { state.problems = problems.checked; apply(true); });
  doc.getElementById("dp-mode-front").addEventListener("click", function () { setMode("front"); });
  doc.getElementById("dp-mode-both").addEventListener("click", function () { setMode("both"); });
  function setMode(mode) {
    state.mode = mode;
    cards.forEach(function (c) { c.classList.remove("dp-revealed", "dp-concealed"); });
    apply(true);
  }
  var panel = doc.getElementById("dp-panel"), menu = doc.getElementById("dp-menu");
  menu.addEventListener("click", function () {
    var open = panel.classList.toggle("dp-open");
    menu.setAttribute("aria-expanded", String(open));
  });

  // ---- the current card, keys ----
  function current() { return state.current ? doc.getElementById(state.current) : null; }
  function setCurrent(card, scroll) {
    var old = current();
    if (old) old.classList.remove("dp-current");
    state.current = card ? card.id : "";
    if (!card) return;
    card.classList.add("dp-current");
    if (scroll) card.scrollIntoView({block: "start"});
  }
  function move(step) {
    var list = visibleCards();
    if (!list.length) return;
    var at = list.indexOf(current());
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(list.length - 1, Math.max(0, at + step));
    setCurrent(list[next], true);
    saveState();
  }
  function flip(card) {
    card = card || current() || visibleCards()[0];
    if (!card) return;
    setCurrent(card, false);
    card.classList.toggle(state.mode === "front" ? "dp-revealed" : "dp-concealed");
  }
  cards.forEach(function (card) {
    card.addEventListener("click", function (e) {
      if (e.target.closest("a, button, input, audio, video, textarea, select, summary")) return;
      if (state.mode === "front" && e.target.closest(".dp-q")) flip(card); else setCurrent(card, false);
    });
  });
  doc.addEventListener("keydown", function (e) {
    var t = e.target;
    if (t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable)) {
      if (e.key === "Escape" || (e.key === "Enter" && t === search)) t.blur();
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    switch (e.key) {
      case "j": case "ArrowDown": move(1); break;
      case "k": case "ArrowUp": move(-1); break;
      case " ": case "Spacebar": flip(); break;
      case "f": setMode("front"); break;
      case "b": setMode("both"); break;
      case "t": doc.getElementById("dp-theme").click(); break;
      case "/": search.focus(); search.select(); break;
      case "Escape": panel.classList.remove("dp-open"); break;
      default: return;
    }
    e.preventDefault();
  });

  // ---- state across live reloads ----
  function saveState() {
    try {
      sessionStorage.setItem(STATE_KEY, JSON.stringify({deck: state.deck, tags: state.tags, query: state.query,
        problems: state.problems, mode: state.mode, current: state.current, scroll: window.scrollY}));
    } catch (e) { /* ignore */ }
  }
  var saved = null;
  try { saved = JSON.parse(sessionStorage.getItem(STATE_KEY) || "null"); } catch (e) { saved = null; }
  if (saved) {
    ["deck", "query", "problems", "mode"].forEach(function (k) { if (saved[k] != null) state[k] = saved[k]; });
    if (Array.isArray(saved.tags)) state.tags = saved.tags.filter(function (t) { return tagCounts[t]; });
    if (state.deck && !deckCounts[state.deck]) state.deck = "";
    search.value = state.query;
    problems.checked = state.problems;
  }
  apply(false);
  if (saved && saved.current && doc.getElementById(saved.current)) setCurrent(doc.getElementById(saved.current), false);
  if (saved && saved.scroll) window.scrollTo(0, saved.scroll);
  window.addEventListener("pagehide", saveState);

  var reload = body.getAttribute("data-reload");
  if (reload && window.fetch) {
    var version = body.getAttribute("data-version");
    setInterval(function () {
      fetch(reload, {cache: "no-store"}).then(function (r) { return r.ok ? r.text() : version; })
        .then(function (v) { if (v.trim() !== version) { saveState(); location.reload(); } })
        .catch(function () { /* the server stopped: keep the page */ });
    }, 700);
  }

  // ---- highlight.js, then MathJax, then the markers ----
  function markers() {
    var resources = [];
    if (window.performance && performance.getEntriesByType)
      resources = performance.getEntriesByType("resource").map(function (e) { return e.name; });
    var nondata = [];
    each(doc.styleSheets, function (sheet) {
      var rules;
      try { rules = sheet.cssRules; } catch (e) { return; }
      each(rules || [], function (rule) {
        if (rule.type !== 5) return;  // CSSFontFaceRule
        var src = rule.style.getPropertyValue("src");
        (src.match(/url\([^)]*\)/g) || []).forEach(function (u) {
          if (!/^url\(\s*["']?data:/.test(u)) nondata.push(u.slice(0, 80));
        });
      });
    });
    body.setAttribute("data-mathjax-missing", (window.__mjMissing || []).join(" "));
    body.setAttribute("data-resources", resources.join(" "));
    body.setAttribute("data-mj-count", String(doc.querySelectorAll(".MathJax_CHTML").length));
    body.setAttribute("data-mj-errors", String(doc.querySelectorAll(".mjx-noError, .mjx-merror").length));
    body.setAttribute("data-nondata-fonts", nondata.join(" "));
    body.setAttribute("data-ready", "1");
  }
  if (window.hljs) {
    hljs.configure({hideUpgradeWarningAcceptNoSupportOrSecurityUpdates: true});
    each(doc.querySelectorAll('pre code[class*="language-"], pre code[class*="lang-"]'), function (b) {
      hljs.highlightBlock(b);
    });
  }
  body.setAttribute("data-hljs", String(doc.querySelectorAll("pre code.hljs").length));
  // MathJax typesets a few cards at a time, those on screen first, so that a long deck shows
  // its math where the reader looks without waiting for the whole page.
  if (window.MathJax && window.MathJax.Hub) {
    var waiting = cards.filter(function (c) { return /\\[(\[]/.test(c.textContent); });
    cards.forEach(function (c) { if (waiting.indexOf(c) < 0) c.classList.add("dp-typeset"); });
    // Which cards are on screen (or nearly), without forcing a layout per card.
    var seen = [], observer = null;
    if (window.IntersectionObserver) {
      observer = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          var at = seen.indexOf(e.target);
          if (e.isIntersecting && at < 0) seen.push(e.target);
          if (!e.isIntersecting && at >= 0) seen.splice(at, 1);
        });
      }, {rootMargin: "300px 0px"});
      waiting.forEach(function (c) { observer.observe(c); });
    }
    var nextBatch = function () {
      var batch = seen.filter(function (c) { return waiting.indexOf(c) >= 0; }).slice(0, 32);
      for (var i = 0; i < waiting.length && batch.length < 32; i++) {
        if (batch.indexOf(waiting[i]) < 0) batch.push(waiting[i]);
      }
      waiting = waiting.filter(function (c) { return batch.indexOf(c) < 0; });
      return batch;
    };
    var typeset = function () {
      var batch = nextBatch();
      if (!batch.length) {
        if (observer) observer.disconnect();
        body.setAttribute("data-mathjax", "done");
        markers();
        return;
      }
      MathJax.Hub.Queue(["Typeset", MathJax.Hub, batch], function () {
        batch.forEach(function (c) { c.classList.add("dp-typeset"); });
        setTimeout(typeset, 0);
      });
    };
    MathJax.Hub.Register.StartupHook("End", typeset);
    MathJax.Hub.Configured();
  } else {
    markers();
  }
})();
